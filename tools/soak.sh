#!/usr/bin/env bash
# Soak run: sends N mixed translation requests to a running Passerelle (loopback only) with C
# concurrent clients, and prints the server's resident memory every 10% and the status counts.
#   tools/soak.sh [N=2000] [C=2] [URL=http://127.0.0.1:8080]
# The server's pid is found by its port. Needs curl and ps.
set -euo pipefail
n=${1:-2000}; c=${2:-2}; url=${3:-http://127.0.0.1:8080}
here=$(cd "$(dirname "$0")/.." && pwd)
article="$here/docs/samples/seed-article.fr.txt"
port=${url##*:}
pid=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[ -n "$pid" ] || { echo "no server listening on $port" >&2; exit 1; }
rss() { ps -o rss= -p "$pid" | awk '{printf "%.1f MB", $1/1024}'; }
out=$(mktemp -d)
one() {  # request i: article as text/plain, a JSON sentence greedy or beam 4, or a batch of texts
  local i=$1
  case $((i % 4)) in
    0) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: text/plain' --data-binary @"$article" "$url/v1/translate" ;;
    1) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d '{"text":"Le président est arrivé à Astana.","beams":1}' "$url/v1/translate" ;;
    2) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d '{"texts":["Des accords ont été signés hier.","La France est un allié important."],"beams":4}' "$url/v1/translate" ;;
    3) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d '{"text":""}' "$url/v1/translate" ;;
  esac
}
echo "requests=$n clients=$c pid=$pid start rss=$(rss)"
start=$(date +%s)
for ((done_ = 0; done_ < n; done_ += n / 10)); do
  seq "$done_" $((done_ + n / 10 - 1)) | xargs -P "$c" -I{} bash -c "$(declare -f one); url=$url article=$article one {}" >> "$out/results"
  echo "after $((done_ + n / 10)) requests: rss=$(rss)"
done
echo "elapsed $(( $(date +%s) - start )) s"
echo "status counts:"; cut -d' ' -f1 "$out/results" | sort | uniq -c
echo "latency p50/p95 (s):"; cut -d' ' -f2 "$out/results" | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.5)], a[int(NR*0.95)]}'
rm -rf "$out"
