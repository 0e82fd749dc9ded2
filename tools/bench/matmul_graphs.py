#!/usr/bin/python3
"""Writes the two graphs the benchmark times to measure this machine's matrix-multiply throughput
through ONNX Runtime's own kernels (MLAS, the kernels every model graph runs on): a float MatMul and
its int8 counterpart (DynamicQuantizeLinear + MatMulInteger, as in the int8 model), both with the
shape of the model's feed-forward layer at a large batch: [2048 x 512] times a constant [512 x 2048].

    /usr/bin/python3 tools/bench/matmul_graphs.py OUT_DIR
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROWS, K, N = 2048, 512, 2048
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(0)
weight = rng.standard_normal((K, N)).astype(np.float32)
a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [ROWS, K])


def save(nodes, initializers, output, name):
    graph = helper.make_graph(nodes, name, [a], [output], initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, name + ".onnx"))


save([helper.make_node("MatMul", ["a", "w"], ["y"])], [numpy_helper.from_array(weight, "w")],
     helper.make_tensor_value_info("y", TensorProto.FLOAT, [ROWS, N]), "matmul_fp32")
scale = float(np.abs(weight).max()) / 127
save([helper.make_node("DynamicQuantizeLinear", ["a"], ["aq", "as", "az"]),
      helper.make_node("MatMulInteger", ["aq", "wq", "az", "wz"], ["y"])],
     [numpy_helper.from_array(np.round(weight / scale).astype(np.int8), "wq"),
      numpy_helper.from_array(np.array(0, dtype=np.int8), "wz")],
     helper.make_tensor_value_info("y", TensorProto.INT32, [ROWS, N]), "matmul_int8")
print(f"{ROWS} {K} {N}")
