// Where a decoder step goes: runs one decoder graph's cache step (a new token on a KV cache of
// PAST tokens, a source of SOURCE tokens, ROWS rows) STEPS times under ONNX Runtime's profiler and
// prints the kernel time per operator type, per step. A benchmark tool, not a test (docs/benchmark.md).
// Read the shares with care: the profiler itself adds several microseconds to every node, which on
// this model is about 3 ms on a 7 ms step, all of it charged to the many small operators. The step's
// time without the profiler is printed too; judge a rewrite by timing it (tools/bench/graph-ab.mjs),
// not by the shares here.
//   node tools/bench/profile-step.mjs MODEL_DIR GRAPH_FILE [ROWS=1] [PAST=20] [SOURCE=40] [STEPS=30]
// e.g. decoder_with_past_model.onnx, decoder_model_merged.onnx (its cache branch), *_quantized.onnx.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.resolve("target/bench/node/package.json"));
const ort = require("onnxruntime-node");
const [dir, graph, rows = 1, past = 20, source = 40, steps = 30] =
  process.argv.slice(2).map((a, i) => (i < 2 ? a : Number(a)));
const config = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
const heads = config.decoder_attention_heads, headDim = config.d_model / heads;
const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "passerelle-profile-")), "p");
const session = await ort.InferenceSession.create(path.join(dir, graph),
  { graphOptimizationLevel: "all", enableProfiling: true, profileFilePrefix: prefix });
const plain = await ort.InferenceSession.create(path.join(dir, graph), { graphOptimizationLevel: "all" });

const floats = (dims) => new ort.Tensor("float32", new Float32Array(dims.reduce((a, b) => a * b)).fill(0.01), dims);
const feeds = {};
for (const name of session.inputNames) {
  if (name === "input_ids") feeds[name] = new ort.Tensor("int64", BigInt64Array.from(Array(rows).fill(5n)), [rows, 1]);
  else if (name === "encoder_attention_mask") feeds[name] = new ort.Tensor("int64", BigInt64Array.from(Array(rows * source).fill(1n)), [rows, source]);
  else if (name === "use_cache_branch") feeds[name] = new ort.Tensor("bool", [true], [1]);
  else if (name === "encoder_hidden_states") feeds[name] = floats([rows, source, config.d_model]);
  else if (name.includes(".decoder.")) feeds[name] = floats([rows, heads, past, headDim]);
  else if (name.includes(".encoder.")) feeds[name] = floats([rows, heads, source, headDim]);
  else throw new Error(`no feed for input ${name}`);
}
const timed = async (s) => {
  for (let i = 0; i < 3; i++) await s.run(feeds);
  const start = process.hrtime.bigint();
  for (let i = 0; i < steps; i++) await s.run(feeds);
  return Number(process.hrtime.bigint() - start) / 1e6 / steps;
};
const unprofiled = await timed(plain);
const wall = await timed(session);
// onnxruntime-node's endProfiling returns nothing: the profile is the one file written under the prefix.
session.endProfiling();
const dirOf = path.dirname(prefix);
const file = path.join(dirOf, fs.readdirSync(dirOf).find((f) => f.endsWith(".json")));
const events = JSON.parse(fs.readFileSync(file, "utf8"));
const byOp = new Map();
let runs = 0, kernel = 0;
for (const e of events) {
  if (e.cat === "Session" && e.name === "model_run") runs++;
  if (e.cat === "Node" && e.name.endsWith("_kernel_time")) {
    const op = e.args.op_name, t = byOp.get(op) ?? { us: 0, nodes: 0 };
    t.us += e.dur; t.nodes++; kernel += e.dur; byOp.set(op, t);
  }
}
fs.rmSync(path.dirname(file), { recursive: true, force: true });
console.log(`${graph}, ${rows} row(s), ${past} past and ${source} source tokens: ${unprofiled.toFixed(2)} ms per step; ` +
  `under the profiler ${wall.toFixed(2)} ms, of which ${(kernel / runs / 1000).toFixed(2)} ms in kernels`);
console.log("| operator | ms per step | share | nodes per step |\n|---|---|---|---|");
for (const [op, t] of [...byOp].sort((a, b) => b[1].us - a[1].us)) {
  console.log(`| ${op} | ${(t.us / runs / 1000).toFixed(3)} | ${(100 * t.us / kernel).toFixed(1)}% | ${(t.nodes / runs).toFixed(0)} |`);
}
