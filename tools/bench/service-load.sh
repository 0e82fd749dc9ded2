#!/usr/bin/env bash
# Passerelle service load, before/after: runs the service of each given build (a quarkus-app folder)
# on the benchmark's opus-sized model, drives it with tools/bench/load.py (CLIENTS clients, REQUESTS
# paragraph requests, greedy, cache off, fixed tokens per sentence) and prints one table. The builds
# alternate for ROUNDS rounds in one run, so a busy machine slows them alike. A benchmark, not a test.
#   tools/bench/service-load.sh [--clients 8] [--requests 200] [--tokens 32] [--rounds 2] [--variant fp32]
#                               APP_DIR [APP_DIR...]
# APP_DIR defaults to target/quarkus-app. The model is target/bench/opus-sized (made by run.sh), or
# BENCH_MODEL.
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=8 requests=200 tokens=32 rounds=2 variant=fp32
apps=()
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --tokens) tokens=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --variant) variant=$2; shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) apps+=("$1"); shift ;;
  esac
done
[ ${#apps[@]} -gt 0 ] || apps=(target/quarkus-app)
model=${BENCH_MODEL:-target/bench/opus-sized}
[ -f "$model/encoder_model.onnx" ] || { echo "no model at $model: run tools/bench/run.sh once, or set BENCH_MODEL" >&2; exit 1; }
out=target/bench/service-load
mkdir -p "$out"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
port=18080 mport=18081
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

ready() { # builds before the management interface answer health on the main port, later ones on their own
  curl -sf "http://127.0.0.1:$mport/q/health/ready" > /dev/null 2>&1 \
    || curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1
}

echo "| build | round | requests/s | sentences/s | p50 s | p95 s | statuses |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for app in "${apps[@]}"; do
    name=$(basename "$(dirname "$(realpath "$app")")")/$(basename "$app")
    log="$out/$(echo "$name" | tr / _)-$round.log"
    # Anonymous limits off: the load is one address sending as fast as it can.
    PASSERELLE_MODEL_DIR="$model" PASSERELLE_MODEL_VARIANT=$variant PASSERELLE_CACHE_ENABLED=false \
    PASSERELLE_GENERATION_BENCHMARK_FIXED_NEW_TOKENS="$tokens" QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$mport \
    PASSERELLE_LIMITS_ANONYMOUS_REQUESTS_PER_MINUTE=0 PASSERELLE_LIMITS_ANONYMOUS_CHARS_PER_MINUTE=0 \
      java -Xmx768m -jar "$app/quarkus-run.jar" > "$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 180); do ready && break; sleep 1; done
    ready || { echo "$app did not become ready; see $log" >&2; exit 1; }
    # Warm-up: the first batches of each shape pay ONNX Runtime's allocations.
    /usr/bin/python3 tools/bench/load.py "http://127.0.0.1:$port" "$clients" 24 docs/samples/seed-article.fr.txt > /dev/null
    /usr/bin/python3 tools/bench/load.py "http://127.0.0.1:$port" "$clients" "$requests" docs/samples/seed-article.fr.txt \
      > "$out/result.json"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    /usr/bin/python3 - "$name" "$round" "$out/result.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[3]))
print(f"| {sys.argv[1]} | {sys.argv[2]} | {r['requests_per_second']} | {r['sentences_per_second']} | {r['p50']} | {r['p95']} | {r['statuses']} |")
EOF
  done
done
