// Times decoder cache-step graphs against each other, interleaved so that the machine's drift hits
// them all alike, on the same random feeds (a new token on a KV cache of PAST tokens, a SOURCE-token
// source, ROWS rows), and checks each against the first: largest logit difference and whether every
// row's best token agrees. Prints the median and the best of ROUNDS rounds of 20 runs per graph.
// A benchmark tool, not a test: it is how a graph rewrite is judged before it is built
// (tools/bench/fusion_probe.py, docs/benchmark.md).
//   node tools/bench/graph-ab.mjs MODEL_DIR ROWS ROUNDS GRAPH... (paths relative to MODEL_DIR)
// MODEL_DIR/config.json gives heads and sizes; run from the repository root (onnxruntime-node
// under target/bench/node, installed by tools/bench/run.sh).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.resolve("target/bench/node/package.json"));
const ort = require("onnxruntime-node");
const [dir, rowsArg, roundsArg, ...graphs] = process.argv.slice(2);
const rows = Number(rowsArg), rounds = Number(roundsArg), past = 20, source = 40;
if (!graphs.length) throw new Error("usage: graph-ab.mjs MODEL_DIR ROWS ROUNDS GRAPH...");
const config = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
const heads = config.decoder_attention_heads, headDim = config.d_model / heads;

let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5;
const floats = (dims) => new ort.Tensor("float32", Float32Array.from({ length: dims.reduce((a, b) => a * b) }, random), dims);
const longs = (values, dims) => new ort.Tensor("int64", BigInt64Array.from(values), dims);

const sessions = [];
for (const g of graphs) sessions.push(await ort.InferenceSession.create(path.join(dir, g), { graphOptimizationLevel: "all" }));
const feeds = {};
for (const name of new Set(sessions.flatMap((s) => s.inputNames))) {
  if (name === "input_ids") feeds[name] = longs(Array.from({ length: rows }, (_, i) => BigInt(100 + 7 * i)), [rows, 1]);
  // the last (row % 5) source tokens of each row are padding, so that masks matter
  else if (name === "encoder_attention_mask") feeds[name] = longs(Array.from({ length: rows * source },
    (_, i) => (i % source < source - (Math.floor(i / source) % 5) ? 1n : 0n)), [rows, source]);
  else if (name === "encoder_hidden_states") feeds[name] = floats([rows, source, config.d_model]);
  else if (name === "use_cache_branch") feeds[name] = new ort.Tensor("bool", [true], [1]);
  else if (name.includes(".decoder.")) feeds[name] = floats([rows, heads, past, headDim]);
  else if (name.includes(".encoder.")) feeds[name] = floats([rows, heads, source, headDim]);
  else throw new Error(`no feed for input ${name}`);
}
const own = sessions.map((s) => Object.fromEntries(s.inputNames.map((n) => [n, feeds[n]])));

const bestTokens = (logits) => {
  const vocab = logits.dims[2], best = [];
  for (let r = 0; r < rows; r++) {
    let b = 0;
    for (let i = 1; i < vocab; i++) if (logits.data[r * vocab + i] > logits.data[r * vocab + b]) b = i;
    best.push(b);
  }
  return best;
};
const reference = await sessions[0].run(own[0]);
const referenceBest = bestTokens(reference.logits);
const checks = [];
for (let i = 0; i < sessions.length; i++) {
  const out = await sessions[i].run(own[i]);
  let diff = 0;
  for (let j = 0; j < out.logits.data.length; j++) diff = Math.max(diff, Math.abs(out.logits.data[j] - reference.logits.data[j]));
  const agree = bestTokens(out.logits).filter((t, r) => t === referenceBest[r]).length;
  checks.push(`max |logit diff| ${diff.toExponential(1)}, best token agrees ${agree}/${rows}`);
}

const times = sessions.map(() => []);
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < sessions.length; i++) {
    for (let k = 0; k < 2; k++) await sessions[i].run(own[i]);
    const start = process.hrtime.bigint();
    for (let k = 0; k < 20; k++) await sessions[i].run(own[i]);
    times[i].push(Number(process.hrtime.bigint() - start) / 1e6 / 20);
  }
}
console.log(`| graph (${rows} row${rows > 1 ? "s" : ""}, ${past} past, ${source} source tokens) | median ms per step | best | vs ${graphs[0]} | parity with ${graphs[0]} |`);
console.log("|---|---|---|---|---|");
const median = (t) => [...t].sort((a, b) => a - b)[t.length >> 1];
graphs.forEach((g, i) => console.log(`| ${g} | ${median(times[i]).toFixed(2)} | ${Math.min(...times[i]).toFixed(2)} | ` +
  `${(median(times[0]) / median(times[i])).toFixed(2)}x | ${checks[i]} |`));
