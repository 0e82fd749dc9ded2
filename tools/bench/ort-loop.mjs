// Baseline: a bare greedy loop on ONNX Runtime (onnxruntime-node, the runtime under
// transformers.js), outside Passerelle: same model files, same token ids, the same fixed number of
// new tokens, no tokenizer, no pipeline, no Java. Prints tokens per second as JSON.
//   node tools/bench/ort-loop.mjs MODEL_DIR IDS_JSON [GRAPH_SUFFIX] [split|merged]
// GRAPH_SUFFIX is "" for fp32 or _quantized for the int8 graphs; "merged" runs the one merged
// decoder graph (use_cache_branch false at the first step with empty past tensors, true after), as
// Passerelle does by default, instead of decoder_model then decoder_with_past_model.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.resolve("target/bench/node/package.json"));
const ort = require("onnxruntime-node");

const [dir, idsFile, suffix = "", layout = "split"] = process.argv.slice(2);
const { sentences, pad, tokens, layers } = JSON.parse(fs.readFileSync(idsFile, "utf8"));
const opts = { graphOptimizationLevel: "all" };
const encoder = await ort.InferenceSession.create(path.join(dir, `encoder_model${suffix}.onnx`), opts);
const merged = layout === "merged";
const first = await ort.InferenceSession.create(
  path.join(dir, merged ? `decoder_model_merged${suffix}.onnx` : `decoder_model${suffix}.onnx`), opts);
const next = merged ? first : await ort.InferenceSession.create(path.join(dir, `decoder_with_past_model${suffix}.onnx`), opts);
const config = JSON.parse(fs.readFileSync(path.join(dir, "config.json"), "utf8"));
const heads = config.decoder_attention_heads, headDim = config.d_model / heads;

function int64(rows, width, fill) {
  return new ort.Tensor("int64", BigInt64Array.from(fill), [rows, width]);
}

/** Greedy decoding of a batch, `tokens` steps, argmax with the pad token masked. */
async function generate(batch) {
  const rows = batch.length;
  const width = Math.max(...batch.map((s) => s.length));
  const ids = [], mask = [];
  for (const s of batch) for (let c = 0; c < width; c++) { ids.push(BigInt(c < s.length ? s[c] : pad)); mask.push(c < s.length ? 1n : 0n); }
  const inputIds = int64(rows, width, ids);
  const attention = int64(rows, width, mask);
  const enc = await encoder.run({ input_ids: inputIds, attention_mask: attention });
  let feed = { encoder_attention_mask: attention, input_ids: int64(rows, 1, Array(rows).fill(BigInt(pad))),
               encoder_hidden_states: enc.last_hidden_state };
  if (merged) {
    feed.use_cache_branch = new ort.Tensor("bool", [false], [1]);
    const empty = new ort.Tensor("float32", new Float32Array(0), [rows, heads, 0, headDim]);
    for (let i = 0; i < layers; i++) for (const part of ["decoder", "encoder"]) for (const kv of ["key", "value"]) feed[`past_key_values.${i}.${part}.${kv}`] = empty;
  }
  let out = await first.run(feed);
  const cross = {};
  for (let i = 0; i < layers; i++) for (const kv of ["key", "value"]) cross[`past_key_values.${i}.encoder.${kv}`] = out[`present.${i}.encoder.${kv}`];
  for (let step = 0; step < tokens; step++) {
    const logits = out.logits.data; const vocab = out.logits.dims[2];
    const chosen = [];
    for (let r = 0; r < rows; r++) {
      let best = -1, bestValue = -Infinity;
      for (let v = 0; v < vocab; v++) { const x = logits[r * vocab + v]; if (v !== pad && x > bestValue) { bestValue = x; best = v; } }
      chosen.push(BigInt(best));
    }
    if (step === tokens - 1) break;
    feed = { encoder_attention_mask: attention, input_ids: new ort.Tensor("int64", BigInt64Array.from(chosen), [rows, 1]), ...cross };
    if (merged) {
      feed.use_cache_branch = new ort.Tensor("bool", [true], [1]);
      feed.encoder_hidden_states = enc.last_hidden_state; // an input of the graph, unused on the cache branch
    }
    for (let i = 0; i < layers; i++) for (const kv of ["key", "value"]) feed[`past_key_values.${i}.decoder.${kv}`] = out[`present.${i}.decoder.${kv}`];
    out = await next.run(feed);
  }
  return rows * tokens;
}

async function time(batches) {
  let best = Infinity, generated = 0;
  for (let rep = 0; rep < 3; rep++) {
    const start = process.hrtime.bigint();
    generated = 0;
    for (const b of batches) generated += await generate(b);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return generated / best;
}

await generate(sentences.slice(0, 2));
const single = await time(sentences.slice(0, 5).map((s) => [s]));
const batched = await time([sentences]);
console.log(JSON.stringify({ layout, batch1: single, batch: sentences.length, batched }));
