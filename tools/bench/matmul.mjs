// The machine's matrix-multiply throughput through ONNX Runtime's own kernels (onnxruntime-node,
// every core): best of 20 runs of the graphs tools/bench/matmul_graphs.py writes. Prints JSON:
// fp32 GFLOP/s and int8 GOP/s (a multiply and an add count as two operations).
//   node tools/bench/matmul.mjs GRAPH_DIR
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.resolve("target/bench/node/package.json"));
const ort = require("onnxruntime-node");
const [dir] = process.argv.slice(2);
const [rows, k, n] = [2048, 512, 2048];

async function best(name) {
  const session = await ort.InferenceSession.create(path.join(dir, name + ".onnx"), { graphOptimizationLevel: "all" });
  const a = new Float32Array(rows * k).map(() => Math.random() - 0.5);
  const feed = { a: new ort.Tensor("float32", a, [rows, k]) };
  let fastest = Infinity;
  for (let i = 0; i < 23; i++) {
    const start = process.hrtime.bigint();
    await session.run(feed);
    if (i >= 3) fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return (2 * rows * k * n) / fastest / 1e9;
}

const fp32 = await best("matmul_fp32");
const int8 = await best("matmul_int8");
console.log(JSON.stringify({ shape: [rows, k, n], fp32_gflops: +fp32.toFixed(1), int8_gops: +int8.toFixed(1) }));
