#!/usr/bin/env bash
# Passerelle benchmark: on a model of opus-mt-fr-en's exact size with random weights, every
# sentence generating a fixed number of tokens, it measures in one run Passerelle's engine (fp32 and
# int8, split and merged decoder), the service over HTTP under concurrent clients (throughput,
# latency, resident memory), a bare ONNX Runtime greedy loop (onnxruntime-node) and PyTorch eager
# on the same files, weights and token ids, and the machine's memory bandwidth and matrix-multiply
# throughput, and the service's start-up (launch to ready, tools/bench/startup.py); then prints one
# table of ratios to the baselines and fractions of the limits, and the targets met or not.
# The curves stage (tools/bench/curves.py) then sweeps the service, fp32 and int8, against
# concurrent clients and request size, draws docs/bench-{concurrency,size,digest}.png and prints a
# sizing table for deploy/kubernetes/README.md. A benchmark, not a test.
#   tools/bench/run.sh [--curves-only | --no-curves] [--quick] [TOKENS=32]
#     --curves-only  only the curves stage (the service, fp32 then int8; no engine, baselines, limits)
#     --no-curves    everything but the curves stage
#     --quick        small sweeps (1-4 clients, 1-10 sentences, one repeat), to check the tooling
# Environment: BENCH_MODEL (default target/bench/opus-sized, the only one generated when missing),
# BENCH_PORT (18080; the management port is the next one), CURVES_PLOTS (where the PNGs go: docs),
# CURVES_ARGS (more options for curves.py, e.g. "--beams 1" or "--sizes 1,10,100").
# Needs Debian's python3-torch, python3-onnx, python3-sentencepiece (to generate the model once,
# about 1.5 GB under target/bench/), gcc, node and npm (onnxruntime-node from the npm registry),
# and python3-matplotlib for the plots.
set -euo pipefail
cd "$(dirname "$0")/../.."
curves=true only_curves=false quick=() tokens=32
while [ $# -gt 0 ]; do
  case "$1" in
    --curves-only) only_curves=true ;;
    --no-curves) curves=false ;;
    --quick) quick=(--quick) ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) tokens=$1 ;;
  esac
  shift
done
if $only_curves && ! $curves; then echo "--curves-only and --no-curves leave nothing to run" >&2; exit 2; fi
bench=target/bench
model=${BENCH_MODEL:-$bench/opus-sized}
plots=${CURVES_PLOTS:-docs}
mkdir -p "$bench"
if [ "$model" = "$bench/opus-sized" ]; then
  if [ ! -f "$model/pytorch_weights.pt" ]; then
    /usr/bin/python3 tools/fixture/make_fixture.py --opus-size "$model"
  elif [ tools/fixture/quantize.py -nt "$model/decoder_model_merged_quantized.onnx" ]; then
    /usr/bin/python3 tools/fixture/quantize.py "$model"   # int8 graphs from an older quantizer
  fi
fi
[ -f "$model/encoder_model.onnx" ] || { echo "no model at $model" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
if ! $only_curves; then
  if [ ! -d "$bench/node/node_modules/onnxruntime-node" ]; then
    mkdir -p "$bench/node" && echo '{"private": true}' > "$bench/node/package.json"
    # --ignore-scripts: the package ships its CPU binaries; its install script only fetches GPU extras.
    (cd "$bench/node" && npm install --silent --no-audit --no-fund --ignore-scripts onnxruntime-node@1.30.0)
  fi
  gcc -O3 -march=native -pthread tools/bench/limits.c -o "$bench/limits"
  /usr/bin/python3 tools/bench/matmul_graphs.py "$bench/matmul" > /dev/null
fi

export DJL_OFFLINE=true OPT_OUT_TRACKING=true
if ! $only_curves; then
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
fi

# The service over HTTP on loopback, default decoder layout, cache off, a fixed number of tokens per
# sentence, the heap capped as the container caps it (30% of its 2.5 GiB limit).
# For the curves: the anonymous limits stay off (every client is one address; 0 is the default,
# set here so that nothing in the environment turns them on), and the batch deadline goes from 60 s
# to 600 s: 32 concurrent digests at beam 4 wait longer than a minute in the queue on fp32, and
# would be answered 503 instead of measured. The other limits hold the sweeps as they are: a
# 200-sentence text is about 32,000 characters (passerelle.text.max-chars: 100,000; the body limit,
# 1 MiB), and 32 digests of the sample article queue about 800 sentences (queue capacity: 2,000).
port=${BENCH_PORT:-18080}
service() { # VARIANT
  PASSERELLE_MODEL_DIR="$model" PASSERELLE_MODEL_VARIANT=$1 PASSERELLE_CACHE_ENABLED=false \
  PASSERELLE_GENERATION_BENCHMARK_FIXED_NEW_TOKENS="$tokens" QUARKUS_HTTP_PORT=$port \
  QUARKUS_MANAGEMENT_PORT=$((port + 1)) PASSERELLE_BATCH_DEADLINE=600s \
  PASSERELLE_LIMITS_ANONYMOUS_REQUESTS_PER_MINUTE=0 PASSERELLE_LIMITS_ANONYMOUS_CHARS_PER_MINUTE=0 \
    java -Xmx768m -jar target/quarkus-app/quarkus-run.jar > "$bench/service-$1.log" 2>&1 &
  local pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$((port + 1))/q/health/ready" > /dev/null && break
    sleep 1
  done
  if ! $only_curves; then
    local warm
    warm=$(ps -o rss= -p "$pid")
    /usr/bin/python3 tools/bench/load.py "http://127.0.0.1:$port" 8 200 docs/samples/seed-article.fr.txt \
      > "$bench/load-$1.json"
    echo "{\"rss_warm_mb\": $((warm / 1024)), \"rss_after_mb\": $(($(ps -o rss= -p "$pid") / 1024))}" \
      > "$bench/rss-$1.json"
  fi
  if $curves; then
    # shellcheck disable=SC2086 # CURVES_ARGS is a list of options, split on purpose
    /usr/bin/python3 tools/bench/curves.py "http://127.0.0.1:$port" --out "$bench/curves-$1.json" \
      --variant "$1" --tokens "$tokens" --pid "$pid" --metrics "http://127.0.0.1:$((port + 1))" \
      "${quick[@]}" ${CURVES_ARGS:-}
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}
service fp32
service quantized

if $curves; then
  /usr/bin/python3 tools/bench/plot_curves.py "$plots" "$bench/curves-fp32.json" "$bench/curves-quantized.json"
  /usr/bin/python3 tools/bench/sizing.py "$bench/curves-fp32.json" "$bench/curves-quantized.json" \
    | tee "$bench/sizing.md"
fi
if ! $only_curves; then
  # Start-up: launch to readiness of the packaged service, three runs per variant.
  /usr/bin/python3 tools/bench/startup.py target/quarkus-app "$model" 3 > "$bench/startup.json"
  /usr/bin/python3 tools/bench/summary.py "$bench" "$model"
fi
