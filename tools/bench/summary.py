#!/usr/bin/python3
"""Prints the benchmark's summary from the files tools/bench/run.sh wrote in BENCH_DIR: Passerelle
against the bare ONNX Runtime loop on the same graphs and PyTorch eager (ratios), against the
machine's limits (fractions), the service under load, memory, start-up time, and each target met
or not. The ratio rows compare what ships: the merged decoder (the default) against the bare loop
running the merged graph; the engine table shows the split layout too.

    summary.py BENCH_DIR MODEL_DIR

Limits: at batch 1 a generated token reads every decoder weight once (the embedding table is only
indexed), so memory bandwidth bounds tokens/s; at large batches the arithmetic does, counted as two
operations per weight per token (encoder and cross-attention projections per source token,
decoder-with-past per generated token; attention scores, a few percent here, are left out). The
bound is the lower of the two.
"""
import json
import os
import re
import sys

bench, model = sys.argv[1], sys.argv[2]
VOCAB, D_MODEL = 59514, 512


def load(name):
    with open(os.path.join(bench, name)) as f:
        return json.load(f)


def engine(variant, decoder):
    """Rows of one bench-engine table: (scenario, beams) -> tokens/s, and its memory line. Scenarios:
    "batch 1", "batched" (the article), and "N terms" (the article with N glossary terms per sentence)."""
    with open(os.path.join(bench, f"engine-{variant}-{decoder}.md")) as f:
        text = f.read()
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("|")[1:-1]]
        if len(cells) == 5 and cells[1].isdigit():
            terms = re.match(r"the article, (\d+) term", cells[0])
            key = f"{terms.group(1)} terms" if terms else "batch 1" if cells[2] == "1" else "batched"
            rows[(key, int(cells[1]))] = float(cells[3])
    memory = re.search(r"(\d+) MB loaded and warm", text)
    return rows, int(memory.group(1)) if memory else None


def size(name):
    return os.path.getsize(os.path.join(model, name))


ids = load("ids.json")
rows, width, tokens = len(ids["sentences"]), max(len(s) for s in ids["sentences"]), ids["tokens"]
matmul, torch = load("matmul.json"), load("torch.json")
bandwidths = [load("limits-start.json"), load("limits-end.json")]
limits = max(bandwidths, key=lambda b: b["read_gbs"])
ort = {(v, d): load(f"ort-{v}-{d}.json") for v in ("fp32", "quantized") for d in ("split", "merged")}
startup = load("startup.json")
SHIPPED = "merged"  # passerelle.model.decoder=auto takes the merged graph when the folder has it
engines = {(v, d): engine(v, d) for v in ("fp32", "quantized") for d in ("split", "merged")}


def bounds(variant):
    """(batch-1 bound, batched bound, which limit binds the batched one) in tokens/s."""
    suffix, table_bytes = ("", 4) if variant == "fp32" else ("_quantized", 1)
    step_bytes = size(f"decoder_with_past_model{suffix}.onnx") - VOCAB * D_MODEL * table_bytes
    # Operation counts come from the fp32 graphs: the int8 ones do the same arithmetic on smaller numbers.
    step_params = (size("decoder_with_past_model.onnx") - VOCAB * D_MODEL * 4) / 4
    per_source = (size("encoder_model.onnx") - VOCAB * D_MODEL * 4
                  + size("decoder_model.onnx") - size("decoder_with_past_model.onnx")) / 4
    peak = (matmul["fp32_gflops"] if variant == "fp32" else matmul["int8_gops"]) * 1e9
    bandwidth = limits["read_gbs"] * 1e9 / step_bytes
    ops = 2 * per_source * rows * width + 2 * step_params * rows * tokens
    arithmetic = rows * tokens / (ops / peak)
    batched = min(arithmetic, bandwidth * rows)
    return bandwidth, batched, "arithmetic" if arithmetic < bandwidth * rows else "bandwidth"


def ratio(a, b):
    return f"{a / b:.2f}x" if b else ""


print(f"| greedy, fixed length, {SHIPPED} decoder | Passerelle tokens/s | bare ONNX Runtime loop | ratio | PyTorch eager | ratio "
      "| limit of this machine | fraction |")
print("|---|---|---|---|---|---|---|---|")
results = {}
for variant, label in (("fp32", "fp32"), ("quantized", "int8")):
    table, _ = engines[(variant, SHIPPED)]
    bare = ort[(variant, SHIPPED)]
    one, batched_bound, binds = bounds(variant)
    for key, name, base, bound, limit_name in (
            ("batch 1", "one sentence at a time", bare["batch1"], one, "bandwidth"),
            ("batched", f"the article, batch {rows}", bare["batched"], batched_bound, binds)):
        ours = table[(key, 1)]
        results[(variant, key)] = ours
        py = torch["batch1" if key == "batch 1" else "batched"] if variant == "fp32" else None
        print(f"| {label}, {name} | {ours:.1f} | {base:.1f} | {ratio(ours, base)} | "
              f"{f'{py:.1f}' if py else ''} | {ratio(ours, py) if py else ''} | "
              f"{bound:.0f} ({limit_name}) | {ours / bound:.0%} |")

print()
print("| Passerelle engine | greedy batch 1 | beam 4 batch 1 | greedy batched | beam 4 batched | memory loaded "
      "| bare loop batch 1 | bare loop batched |")
print("|---|---|---|---|---|---|---|---|")
for (variant, decoder), (table, memory) in engines.items():
    bare = ort[(variant, decoder)]
    print(f"| {'int8' if variant == 'quantized' else 'fp32'}, {decoder} decoder | {table[('batch 1', 1)]:.1f} | "
          f"{table[('batch 1', 4)]:.1f} | {table[('batched', 1)]:.1f} | {table[('batched', 4)]:.1f} | {memory} MB "
          f"| {bare['batch1']:.1f} | {bare['batched']:.1f} |")

print()
services = {}
for variant in ("fp32", "quantized"):
    run, rss = load(f"load-{variant}.json"), load(f"rss-{variant}.json")
    services[variant] = max(rss["rss_warm_mb"], rss["rss_after_mb"])
    errors = sum(n for status, n in run["statuses"].items() if status != "200")
    print(f"- service, {'int8' if variant == 'quantized' else 'fp32'} (merged decoder, greedy, cache off, "
          f"{run['clients']} clients, {run['requests']} paragraph requests): {run['requests_per_second']} "
          f"requests/s, {run['sentences_per_second']} sentences/s, p50 {run['p50']} s, p95 {run['p95']} s, "
          f"p99 {run['p99']} s, {errors} errors; resident {rss['rss_warm_mb']} MB after warm-up, "
          f"{rss['rss_after_mb']} MB after the load")
print(f"- machine: {limits['cores']} cores, memory read {bandwidths[0]['read_gbs']} GB/s at the start of the "
      f"run and {bandwidths[1]['read_gbs']} GB/s at the end (the higher is the limit), matrix multiply "
      f"{matmul['fp32_gflops']} GFLOP/s fp32 and {matmul['int8_gops']} GOP/s int8 (ONNX Runtime's kernels, "
      f"{'x'.join(map(str, matmul['shape']))}); {tokens} new tokens per sentence, the article is {rows} "
      f"sentences of up to {width} tokens")

weights_per_token = size("decoder_with_past_model.onnx") - VOCAB * D_MODEL * 4
print(f"- fp32 one sentence at a time streams {results[('fp32', 'batch 1')] * weights_per_token / 1e9:.1f} GB/s "
      f"of weights ({weights_per_token / 1e6:.0f} MB per token; the bare loop "
      f"{ort[('fp32', SHIPPED)]['batch1'] * weights_per_token / 1e9:.1f} GB/s)")
print(f"- start-up, launch to ready (packaged jar, median of {len(startup['fp32']['runs'])}): fp32 "
      f"{startup['fp32']['median']} s {startup['fp32']['runs']}, int8 {startup['quantized']['median']} s "
      f"{startup['quantized']['runs']}")

fp32_table = engines[("fp32", SHIPPED)][0]
beam_cost = fp32_table[("batch 1", 1)] / fp32_table[("batch 1", 4)]
# Glossary terms (constrained search) on the default (merged) decoder: the worst of 1, 2 and 3 terms
# per sentence against plain beam 4, the article batched.
merged = engines[("fp32", "merged")][0]
terms_cost = max(merged[("batched", 4)] / merged[(f"{n} terms", 4)] for n in (1, 2, 3) if (f"{n} terms", 4) in merged)
one_fp32, _, _ = bounds("fp32")
int8_gain = results[("quantized", "batch 1")] / results[("fp32", "batch 1")]

def versus_bare(variant, key):
    return results[(variant, key)] / ort[(variant, SHIPPED)]["batch1" if key == "batch 1" else "batched"]


checks = [
    ("fp32 one sentence at a time >= 1.2x the bare loop", versus_bare("fp32", "batch 1"), 1.2, "x"),
    ("fp32 the article batched >= 1.2x the bare loop", versus_bare("fp32", "batched"), 1.2, "x"),
    ("int8 one sentence at a time >= 1.2x the bare loop", versus_bare("quantized", "batch 1"), 1.2, "x"),
    ("int8 the article batched >= 1.2x the bare loop", versus_bare("quantized", "batched"), 1.2, "x"),
    ("fp32 one sentence at a time >= 60% of the bandwidth bound", results[("fp32", "batch 1")] / one_fp32, 0.6, "%"),
    ("beam 4 costs <= 1.8x greedy at batch 1", beam_cost, -1.8, "x"),
    ("1-3 glossary terms per sentence cost <= 2x plain beam 4", terms_cost, -2.0, "x"),
    ("int8 >= 2x fp32 at batch 1", int8_gain, 2.0, "x"),
    ("service resident memory < 1500 MB with fp32", services["fp32"], -1500, " MB"),
    ("service resident memory < 700 MB with int8", services["quantized"], -700, " MB"),
    ("int8 ready in < 5 s from launch", startup["quantized"]["median"], -5.0, " s"),
    ("fp32 ready in < 8 s from launch", startup["fp32"]["median"], -8.0, " s"),
]
print()
print("| target | measured | met |")
print("|---|---|---|")
for name, value, goal, unit in checks:
    met = value <= -goal if goal < 0 else value >= goal
    shown = (f"{value:.0%}" if unit == "%" else f"{value:.0f}{unit}" if unit == " MB"
             else f"{value:.1f}{unit}" if unit == " s" else f"{value:.2f}{unit}")
    print(f"| {name} | {shown} | {'yes' if met else 'NO'} |")
