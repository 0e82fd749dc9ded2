#!/usr/bin/env bash
# Passerelle benchmark (work in progress, see the "Benchmark and speed" issue): on a model of
# opus-mt-fr-en's exact size with random weights, every sentence generating a fixed number of
# tokens, it times Passerelle's engine, a bare ONNX Runtime greedy loop (onnxruntime-node) on the
# same files and token ids, and the machine's memory bandwidth, and prints Markdown tables.
# A benchmark, not a test.
#   tools/bench/run.sh [TOKENS=32]
# Needs Debian's python3-torch, python3-onnx, python3-sentencepiece (to generate the model once,
# about 900 MB under target/bench/), gcc, node and npm (onnxruntime-node from the npm registry).
set -euo pipefail
cd "$(dirname "$0")/../.."
tokens=${1:-32}
bench=target/bench
model=$bench/opus-sized
mkdir -p "$bench"
if [ ! -f "$model/pytorch_weights.pt" ]; then
  /usr/bin/python3 tools/fixture/make_fixture.py --opus-size "$model"
fi
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
if [ ! -d "$bench/node/node_modules/onnxruntime-node" ]; then
  mkdir -p "$bench/node" && echo '{"private": true}' > "$bench/node/package.json"
  # --ignore-scripts: the package ships its CPU binaries; its install script only fetches GPU extras.
  (cd "$bench/node" && npm install --silent --no-audit --no-fund --ignore-scripts onnxruntime-node@1.30.0)
fi
gcc -O3 -march=native -pthread tools/bench/limits.c -o "$bench/limits"

export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java -jar target/quarkus-app/quarkus-run.jar bench-engine --model "$model" --tokens "$tokens" --repeats 3 \
  --dump-ids "$bench/ids.json" 2>/dev/null | tee "$bench/engine.md"
echo
java -jar target/quarkus-app/quarkus-run.jar bench-engine --model "$model" --variant quantized --tokens "$tokens" \
  --repeats 3 2>/dev/null | tee "$bench/engine-int8.md"
echo
java -jar target/quarkus-app/quarkus-run.jar bench-engine --model "$model" --variant quantized --decoder merged \
  --tokens "$tokens" --repeats 3 2>/dev/null | tee "$bench/engine-int8-merged.md"
node tools/bench/ort-loop.mjs "$model" "$bench/ids.json" > "$bench/ort.json"
/usr/bin/python3 tools/bench/torch_loop.py "$model" "$bench/ids.json" 2>/dev/null > "$bench/torch.json"
"$bench/limits" > "$bench/limits.json"

# The service over HTTP on loopback: int8 model, cache off, a fixed number of tokens per sentence.
port=18080
PASSERELLE_MODEL_DIR="$model" PASSERELLE_MODEL_VARIANT=quantized PASSERELLE_CACHE_ENABLED=false \
PASSERELLE_GENERATION_BENCHMARK_FIXED_NEW_TOKENS="$tokens" QUARKUS_HTTP_PORT=$port \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$bench/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break
  sleep 1
done
rss() { ps -o rss= -p "$service" | awk '{printf "%.0f", $1/1024}'; }
warm=$(rss)
/usr/bin/python3 tools/bench/load.py "http://127.0.0.1:$port" 8 200 ../shared/samples/seed-article.fr.txt \
  > "$bench/load.json"
echo "{\"rss_warm_mb\": $warm, \"rss_after_mb\": $(rss)}" > "$bench/service-rss.json"
kill $service

# Weights streamed per generated token at batch 1: the decoder-with-past graph minus the embedding
# table it only indexes (the output projection, which it reads whole, is a separate copy).
graph_bytes=$(stat -c %s "$model/decoder_with_past_model.onnx")
embedding_bytes=$((59514 * 512 * 4))
/usr/bin/python3 - "$bench" "$graph_bytes" "$embedding_bytes" <<'PY'
import json, re, sys
bench, graph, embedding = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def table(name):
    rows = [l for l in open(f"{bench}/{name}") if l.startswith("| ") and "scenario" not in l]
    return {(r.split("|")[1].strip(), int(r.split("|")[2])): float(r.split("|")[4]) for r in rows}


ours, int8 = table("engine.md"), table("engine-int8.md")
ort = json.load(open(f"{bench}/ort.json"))
torch = json.load(open(f"{bench}/torch.json"))
limits = json.load(open(f"{bench}/limits.json"))
bound = limits["read_gbs"] * 1e9 / (graph - embedding)
single, batched = ours[("one sentence at a time", 1)], ours[("the article, batched", 1)]
print()
print("| greedy | Passerelle tokens/s | bare ONNX Runtime loop | ratio | PyTorch eager | ratio | bandwidth bound | fraction of bound |")
print("|---|---|---|---|---|---|---|---|")
print(f"| batch 1 | {single:.1f} | {ort['batch1']:.1f} | {single / ort['batch1']:.2f}x | {torch['batch1']:.1f} | "
      f"{single / torch['batch1']:.1f}x | {bound:.0f} | {single / bound:.0%} |")
print(f"| batch {ort['batch']} (the article) | {batched:.1f} | {ort['batched']:.1f} | {batched / ort['batched']:.2f}x | "
      f"{torch['batched']:.1f} | {batched / torch['batched']:.1f}x | | |")
beam = ours[("one sentence at a time", 4)]
q = int8[("one sentence at a time", 1)]
print(f"| int8, batch 1 | {q:.1f} | | {q / single:.2f}x fp32 | | | | |")
load = json.load(open(f"{bench}/load.json"))
rss = json.load(open(f"{bench}/service-rss.json"))
print(f"\nservice (int8, greedy, cache off, {load['clients']} clients, {load['requests']} paragraph requests): "
      f"{load['requests_per_second']} requests/s, {load['sentences_per_second']} sentences/s, "
      f"p50 {load['p50']} s, p95 {load['p95']} s, p99 {load['p99']} s, statuses {load['statuses']}; "
      f"resident {rss['rss_warm_mb']} MB warm, {rss['rss_after_mb']} MB after the load")
print(f"\nbeam 4 costs {single / beam:.2f}x greedy at batch 1; memory read bandwidth {limits['read_gbs']} GB/s "
      f"on {limits['cores']} cores; {(graph - embedding) / 1e6:.0f} MB of weights read per token at batch 1")
PY
