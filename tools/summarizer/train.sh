#!/usr/bin/env bash
# Retrains the digest's ranking model on OrangeSum (see README.md beside this script).
# Needs the corpus in ../shared/data/orangesum (or ORANGESUM=DIR) and Debian's python3-torch,
# python3-onnx and python3-numpy. Writes src/main/resources/summarizer/digest-words.onnx, frequent-words.txt beside it
# and src/test/resources/summarizer/parity.json; commit all three.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${ORANGESUM:-../shared/data/orangesum}"
work=target/summarizer
mkdir -p "$work"
./mvnw -q package -DskipTests
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
jar=target/quarkus-app/quarkus-run.jar
# Units cut by the service's own splitter, boilerplate filter and quote grouping, with Java's word features.
java -jar "$jar" digest-eval --data "$data/train.jsonl.xz" --dump "$work/train-units.jsonl"
java -jar "$jar" digest-eval --data "$data/valid.jsonl.xz" --dump "$work/valid-units.jsonl"
/usr/bin/python3 tools/summarizer/train.py --train "$work/train-units.jsonl" --valid "$work/valid-units.jsonl"
# The evaluation, with the new model packaged.
./mvnw -q package -DskipTests
java -jar "$jar" digest-eval --data "$data/valid.jsonl.xz"
