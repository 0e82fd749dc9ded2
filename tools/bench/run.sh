#!/usr/bin/env bash
# Passerelle benchmark (work in progress, see issue "Benchmark and speed"): times the engine on a
# model of opus-mt-fr-en's exact size with random weights, every sentence generating a fixed
# number of tokens, and prints a Markdown table. Not a test.
#   tools/bench/run.sh [TOKENS=32]
# Needs Debian's python3-torch, python3-onnx, python3-sentencepiece (to generate the model once,
# about 900 MB under target/bench/) and the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/../.."
tokens=${1:-32}
model=target/bench/opus-sized
if [ ! -f "$model/decoder_with_past_model.onnx" ]; then
  /usr/bin/python3 tools/fixture/make_fixture.py --opus-size "$model"
fi
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
java -jar target/quarkus-app/quarkus-run.jar bench-engine --model "$model" --tokens "$tokens" --repeats 3 2>/dev/null
