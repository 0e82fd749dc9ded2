"""Fusion probe: measures graph rewrites before anyone builds them into the service.

Takes the cache branch out of a merged decoder (what every generation step after the first runs)
and writes it as a standalone graph, then the same graph rewritten with ONNX Runtime's fused
contrib operators, so tools/bench/graph-ab.mjs can time them against each other on the same feeds
and check that they agree:
  step.onnx        the cache branch alone (no If node around it)
  step_sln.onnx    + each residual Add, its bias Add and the LayerNorm after it as one
                   SkipLayerNormalization (com.microsoft)
  step_mha.onnx    + each attention (head split, scores, mask, softmax, context, head merge, and for
                   self-attention the KV-cache Concat) as one MultiHeadAttention
  step_fused.onnx  both
int8 graphs (DynamicQuantizeLinear + MatMulInteger + rescale, as tools/fixture/quantize.py writes
them) first become DynamicQuantizeMatMul, which ONNX Runtime fuses to anyway.
The patterns are those of this project's export (tools/fixture/make_fixture.py, the Optimum names
and a torch.onnx graph); a graph they do not match is left as it is and the probe says so.
    /usr/bin/python3 tools/bench/fusion_probe.py MERGED_DECODER.onnx OUT_DIR [HEADS=8]
A benchmark tool, not a test (docs/benchmark.md, "Graph fusions, measured").
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


class Graph:
    """Producer/consumer indexes over a GraphProto, rebuilt after each rewrite."""

    def __init__(self, g):
        self.g = g
        self.inits = {t.name: t for t in g.initializer}
        self.prod = {o: n for n in g.node for o in n.output}
        self.cons = {}
        for n in g.node:
            for i in n.input:
                self.cons.setdefault(i, []).append(n)

    def op(self, name, *ops):
        n = self.prod.get(name)
        return n if n is not None and n.op_type in ops else None

    def consumer(self, name, op):
        return next((c for c in self.cons.get(name, []) if c.op_type == op), None)

    def const(self, name):
        name = self.weight(name)
        if name in self.inits:
            return numpy_helper.to_array(self.inits[name])
        n = self.op(name, "Constant")
        return numpy_helper.to_array(n.attribute[0].t) if n is not None else None

    def weight(self, name):
        """Follows Identity nodes (the merge shares equal weights through them) to the initializer."""
        n = self.op(name, "Identity")
        return n.input[0] if n is not None else name

    def linear(self, name):
        """name = Add(bias, X @ W) -> (the matmul node, the bias Add, the bias initializer)."""
        add = self.op(name, "Add")
        for i in (0, 1):
            mm = add and self.op(add.input[i], "MatMul", "DynamicQuantizeMatMul")
            if mm is not None and self.weight(add.input[1 - i]) in self.inits:
                return mm, add, self.weight(add.input[1 - i])
        return None

    def heads_of(self, name):
        """Transpose(Reshape(x)) -> x: the tensor before it was split into heads."""
        tr = self.op(name, "Transpose")
        rs = tr and self.op(tr.input[0], "Reshape")
        return rs.input[0] if rs else None

    def replace(self, dead, added):
        keep = [n for n in self.g.node if n.output[0] not in dead] + added
        del self.g.node[:]
        self.g.node.extend(prune_and_sort(self.g, keep))
        self.__init__(self.g)


def prune_and_sort(g, nodes):
    """Drops nodes no output needs, then orders the rest so each comes after its inputs."""
    needed, live, seen, changed = {o.name for o in g.output}, [], set(), True
    while changed:
        changed = False
        for n in nodes:
            if n.output[0] not in seen and any(o in needed for o in n.output):
                seen.add(n.output[0])
                live.append(n)
                needed.update(n.input)
                changed = True
    ready = {i.name for i in g.input} | {t.name for t in g.initializer} | {""}
    order, pending = [], live
    while pending:
        rest = [n for n in pending if not all(i in ready for i in n.input)]
        for n in pending:
            if n not in rest:
                order.append(n)
                ready.update(n.output)
        if len(rest) == len(pending):
            raise SystemExit(f"unresolved inputs: {[i for n in rest[:3] for i in n.input if i not in ready]}")
        pending = rest
    return order


def cache_branch(model):
    """The merged decoder's then-branch as a model of its own, present.*.encoder.* placeholders dropped."""
    g = model.graph
    branch = next(a.g for n in g.node if n.op_type == "If" for a in n.attribute if a.name == "then_branch")
    outer = next(n for n in g.node if n.op_type == "If").output
    rename = {o.name: name for o, name in zip(branch.output, outer)}
    nodes = list(branch.node)
    for n in nodes:
        n.input[:] = [rename.get(x, x) for x in n.input]
        n.output[:] = [rename.get(x, x) for x in n.output]
    used = {x for n in nodes for x in n.input}
    outputs = [helper.make_tensor_value_info(rename[o.name], o.type.tensor_type.elem_type, None)
               for o in branch.output if not (rename[o.name].startswith("present.") and ".encoder." in rename[o.name])]
    step = helper.make_graph(nodes, "cache_step", [i for i in g.input if i.name in used], outputs,
                             initializer=[t for t in g.initializer if t.name in used])
    out = helper.make_model(step, opset_imports=list(model.opset_import) + [helper.make_opsetid("com.microsoft", 1)])
    out.ir_version = model.ir_version
    return out


def integer_matmuls(gr):
    """DynamicQuantizeLinear + MatMulInteger + Cast + Mul(scales) + Mul -> DynamicQuantizeMatMul."""
    dead, added = set(), []
    for mmi in [n for n in gr.g.node if n.op_type == "MatMulInteger"]:
        dql, cast = gr.prod[mmi.input[0]], gr.consumer(mmi.output[0], "Cast")
        rescale = gr.consumer(cast.output[0], "Mul")
        scales = gr.prod[rescale.input[1]]
        weight_scale = next(x for x in scales.input if x != dql.output[1])
        added.append(helper.make_node("DynamicQuantizeMatMul", [dql.input[0], mmi.input[1], weight_scale, mmi.input[3]],
                                      [rescale.output[0]], domain="com.microsoft", name=f"dqmm_{len(added)}"))
        dead.update(n.output[0] for n in (dql, mmi, cast, rescale, scales))
    gr.replace(dead, added)
    return len(added)


def attentions(gr, heads):
    """Softmax(Q K^T * scale + mask) V with its head split/merge -> MultiHeadAttention."""
    dead, added = set(), []
    for sm in [n for n in gr.g.node if n.op_type == "Softmax"]:
        add = gr.op(sm.input[0], "Add")
        scores = next((gr.op(add.input[i], "MatMul") for i in (0, 1) if add and gr.op(add.input[i], "MatMul")), None)
        context = gr.consumer(sm.output[0], "MatMul")
        merge_t = context and gr.consumer(context.output[0], "Transpose")
        merge = merge_t and gr.consumer(merge_t.output[0], "Reshape")
        key_t = scores and gr.op(scores.input[1], "Transpose")
        scaled = scores and gr.op(gr.heads_of(scores.input[0]), "Mul")
        q = scaled and gr.linear(scaled.input[0])
        if not (merge and key_t and q):
            continue
        key, value, n = key_t.input[0], context.input[1], len(added)
        scale = float(gr.const(scaled.input[1]))
        cat_k, cat_v = gr.op(key, "Concat"), gr.op(value, "Concat")
        if cat_k is not None and cat_v is not None:  # self-attention over the KV cache
            k, v = gr.linear(gr.heads_of(cat_k.input[1])), gr.linear(gr.heads_of(cat_v.input[1]))
            bias = np.concatenate([gr.const(q[2]), gr.const(k[2]), gr.const(v[2])]).astype(np.float32)
            gr.g.initializer.append(numpy_helper.from_array(bias, f"mha_bias_{n}"))
            inputs = [q[0].output[0], k[0].output[0], v[0].output[0], f"mha_bias_{n}", "", "", cat_k.input[0], cat_v.input[0]]
            outputs = [merge.output[0], cat_k.output[0], cat_v.output[0]]
            dead.update(x.output[0] for x in (q[1], k[1], v[1], cat_k, cat_v))
        else:  # cross-attention on the cached encoder keys and values, already split into heads
            added.append(helper.make_node("Cast", ["encoder_attention_mask"], [f"mask_int32_{n}"], to=TensorProto.INT32))
            inputs, outputs = [q[1].output[0], key, value, "", f"mask_int32_{n}"], [merge.output[0]]
        added.append(helper.make_node("MultiHeadAttention", inputs, outputs, domain="com.microsoft",
                                      num_heads=heads, scale=scale, name=f"mha_{n}"))
        dead.update(x.output[0] for x in (scaled, scores, key_t, add, sm, context, merge_t, merge))
    gr.replace(dead, added)
    return sum(1 for n in added if n.op_type == "MultiHeadAttention")


def skip_layer_norms(gr):
    """Add(residual, Add(bias, X @ W)) -> the decomposed LayerNorm -> SkipLayerNormalization."""
    dead, added = set(), []
    for mean in [n for n in gr.g.node if n.op_type == "ReduceMean"]:
        residual = gr.op(mean.input[0], "Add")
        sub = gr.consumer(mean.output[0], "Sub")
        if residual is None or sub is None:
            continue
        power, div = gr.consumer(sub.output[0], "Pow"), gr.consumer(sub.output[0], "Div")
        mean2 = gr.consumer(power.output[0], "ReduceMean")
        eps_add = gr.consumer(mean2.output[0], "Add")
        sqrt = gr.consumer(eps_add.output[0], "Sqrt")
        gamma_mul = gr.consumer(div.output[0], "Mul")
        beta_add = gr.consumer(gamma_mul.output[0], "Add")
        gamma = next(gr.weight(x) for x in gamma_mul.input if gr.weight(x) in gr.inits)
        beta = next(gr.weight(x) for x in beta_add.input if gr.weight(x) in gr.inits)
        inputs = [residual.input[0], residual.input[1], gamma, beta]
        for i in (0, 1):
            lin = gr.linear(residual.input[i])
            if lin and len(gr.cons[lin[1].output[0]]) == 1:  # the bias Add folds in
                inputs = [lin[0].output[0], residual.input[1 - i], gamma, beta, lin[2]]
                dead.add(lin[1].output[0])
                break
        added.append(helper.make_node("SkipLayerNormalization", inputs, [beta_add.output[0]], domain="com.microsoft",
                                      epsilon=float(gr.const(eps_add.input[1])), name=f"sln_{len(added)}"))
        dead.update(x.output[0] for x in (residual, mean, sub, power, div, mean2, eps_add, sqrt, gamma_mul, beta_add))
    gr.replace(dead, added)
    return len(added)


def main():
    merged, out_dir = sys.argv[1], sys.argv[2]
    heads = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    os.makedirs(out_dir, exist_ok=True)
    base = cache_branch(onnx.load(merged))
    for name, passes in (("step", ()), ("step_sln", (skip_layer_norms,)), ("step_mha", (attentions,)),
                         ("step_fused", (attentions, skip_layer_norms))):
        model = onnx.ModelProto()
        model.CopyFrom(base)
        gr = Graph(model.graph)
        counts = [f"{integer_matmuls(gr)} integer matmuls"] if any(n.op_type == "MatMulInteger" for n in gr.g.node) else []
        for rewrite in passes:
            counts.append(f"{rewrite(gr, heads) if rewrite is attentions else rewrite(gr)} {rewrite.__name__}")
        onnx.save(model, os.path.join(out_dir, name + ".onnx"))
        print(f"{name}.onnx: {len(model.graph.node)} nodes ({', '.join(counts) or 'as exported'})")


if __name__ == "__main__":
    main()
