#!/usr/bin/env bash
# Passerelle benchmark: on a model of opus-mt-fr-en's exact size with random weights, every
# sentence generating a fixed number of tokens, it measures in one run Passerelle's engine (fp32 and
# int8, split and merged decoder), the service over HTTP under concurrent clients (throughput,
# latency, resident memory), a bare ONNX Runtime greedy loop (onnxruntime-node) and PyTorch eager
# on the same files, weights and token ids, and the machine's memory bandwidth and matrix-multiply
# throughput; then prints one table of ratios to the baselines and fractions of the limits.
# A benchmark, not a test.
#   tools/bench/run.sh [TOKENS=32]
# Needs Debian's python3-torch, python3-onnx, python3-sentencepiece (to generate the model once,
# about 1.5 GB under target/bench/), gcc, node and npm (onnxruntime-node from the npm registry).
set -euo pipefail
cd "$(dirname "$0")/../.."
tokens=${1:-32}
bench=target/bench
model=$bench/opus-sized
mkdir -p "$bench"
if [ ! -f "$model/pytorch_weights.pt" ]; then
  /usr/bin/python3 tools/fixture/make_fixture.py --opus-size "$model"
elif [ tools/fixture/quantize.py -nt "$model/decoder_model_merged_quantized.onnx" ]; then
  /usr/bin/python3 tools/fixture/quantize.py "$model"   # int8 graphs from an older quantizer
fi
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
if [ ! -d "$bench/node/node_modules/onnxruntime-node" ]; then
  mkdir -p "$bench/node" && echo '{"private": true}' > "$bench/node/package.json"
  # --ignore-scripts: the package ships its CPU binaries; its install script only fetches GPU extras.
  (cd "$bench/node" && npm install --silent --no-audit --no-fund --ignore-scripts onnxruntime-node@1.30.0)
fi
gcc -O3 -march=native -pthread tools/bench/limits.c -o "$bench/limits"
/usr/bin/python3 tools/bench/matmul_graphs.py "$bench/matmul" > /dev/null

export DJL_OFFLINE=true OPT_OUT_TRACKING=true
# Bandwidth moves between runs on a shared machine: measured at the start and at the end, the
# higher of the two is the limit.
"$bench/limits" > "$bench/limits-start.json"
engine() { # VARIANT DECODER [extra options]
  local variant=$1 decoder=$2; shift 2
  java -jar target/quarkus-app/quarkus-run.jar bench-engine --model "$model" --variant "$variant" \
    --decoder "$decoder" --tokens "$tokens" --repeats 3 "$@" 2>/dev/null | tee "$bench/engine-$variant-$decoder.md"
  echo
}
engine fp32 split --dump-ids "$bench/ids.json"
engine fp32 merged
engine quantized split
engine quantized merged
# The bare loop on the same graphs as each Passerelle row: split, and merged (what ships by default).
for layout in split merged; do
  node tools/bench/ort-loop.mjs "$model" "$bench/ids.json" "" $layout > "$bench/ort-fp32-$layout.json"
  node tools/bench/ort-loop.mjs "$model" "$bench/ids.json" _quantized $layout > "$bench/ort-quantized-$layout.json"
done
/usr/bin/python3 tools/bench/torch_loop.py "$model" "$bench/ids.json" 2>/dev/null > "$bench/torch.json"
"$bench/limits" > "$bench/limits-end.json"
node tools/bench/matmul.mjs "$bench/matmul" > "$bench/matmul.json"

# The service over HTTP on loopback, default decoder layout, cache off, a fixed number of tokens per
# sentence, the heap capped as the container caps it (30% of its 2.5 GiB limit).
port=18080
service() { # VARIANT
  PASSERELLE_MODEL_DIR="$model" PASSERELLE_MODEL_VARIANT=$1 PASSERELLE_CACHE_ENABLED=false \
  PASSERELLE_GENERATION_BENCHMARK_FIXED_NEW_TOKENS="$tokens" QUARKUS_HTTP_PORT=$port \
  QUARKUS_MANAGEMENT_PORT=$((port + 1)) \
    java -Xmx768m -jar target/quarkus-app/quarkus-run.jar > "$bench/service-$1.log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$((port + 1))/q/health/ready" > /dev/null && break
    sleep 1
  done
  local warm
  warm=$(ps -o rss= -p "$pid")
  /usr/bin/python3 tools/bench/load.py "http://127.0.0.1:$port" 8 200 docs/samples/seed-article.fr.txt \
    > "$bench/load-$1.json"
  echo "{\"rss_warm_mb\": $((warm / 1024)), \"rss_after_mb\": $(($(ps -o rss= -p "$pid") / 1024))}" \
    > "$bench/rss-$1.json"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
service fp32
service quantized

# Start-up: launch to readiness of the packaged service, three runs per variant.
/usr/bin/python3 tools/bench/startup.py target/quarkus-app "$model" 3 > "$bench/startup.json"

/usr/bin/python3 tools/bench/summary.py "$bench" "$model"
