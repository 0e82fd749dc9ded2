#!/usr/bin/env bash
# Passerelle's container image, built and run for real with Podman (no Docker daemon, no registry):
#   1. base images: Debian 12 stand-ins for eclipse-temurin's JDK and JRE, built once from a
#      debootstrap of Debian's packages (cached by name: localhost/debian:bookworm,
#      localhost/passerelle-base-jdk:17, localhost/passerelle-base-jre:17);
#   2. the image, from a clean context (the repository's tracked files, nothing from target/); its
#      code and model neither owned nor writable by user 10001 or group 0;
#   3. run as the Deployment runs it: test model mounted read-only, read-only root with only /tmp
#      writable at the tmp volume's size limit, user 10001, the Deployment's memory limit; ready
#      within the startup probe's budget; a translation, a digest and the page answer; metrics on
#      the management port, not on the API;
#   4. SIGTERM during a long request: the request completes, the process exits 0 within the
#      Deployment's grace period;
#   5. renders deploy/kubernetes with kubectl kustomize and runs it with `podman kube play`
#      (tools/container/for_podman.py: the local image, the model mirror at a local Hub serving the
#      test model, tools/container/hub_mirror.py): the init container fetches and verifies the
#      model; every probe of the manifest answers on the port it names (tools/container/probes.py);
#      the container is read-only as user 10001 with the memory limit; the glossaries ConfigMap is
#      served; a translation answers; the preStop hook runs in the container and SIGTERM then exits
#      0. Then the pod started again on its volume (nothing fetched), on a half-written volume
#      (completed and verified), and with the ConfigMap switched to quantized (the int8 graphs
#      fetched); then deploy/kubernetes-baked with an image built with BAKE_MODEL=true;
#   6. prints the image's size and its start-to-ready times.
# Where Podman cannot run it (not installed, no user ids for 10001, no base image and no root for
# debootstrap) it says so and exits 0, unless PASSERELLE_REQUIRE_TOOLS=true (CI). Taken ports fail,
# naming them; a run interrupted or killed leaves nothing the next run does not take down first.
#   tools/container/test.sh            (as root, or a user Podman runs rootless for)
# Environment: CONTAINER_PORT (18480; the management port is the next one, the mirror's the tenth),
# CONTAINER_IMAGE (localhost/passerelle; the images are its :test and :baked tags). The container,
# the pod and the Deployment are named after the port, so that runs on other ports (another
# checkout, another CI job on the same Podman) neither replace nor inspect each other's.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$root/target/container
api=${CONTAINER_PORT:-18480}
image=${CONTAINER_IMAGE:-localhost/passerelle}:test
baked_image=${CONTAINER_IMAGE:-localhost/passerelle}:baked
name=passerelle-container-test-$api
deployment=passerelle-test-$api
management=$((api + 1))
mirror_port=$((api + 10))

skip() {
  if [ "${PASSERELLE_REQUIRE_TOOLS:-}" = "true" ]; then echo "FAILED: $*" >&2; exit 1; fi
  echo "SKIPPED tools/container/test.sh: $*"
  exit 0
}
fail() { echo "FAILED: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }
mkdir -p "$work" 2> /dev/null && [ -w "$work" ] || fail "cannot write $work: run it as the checkout's owner"

command -v podman >/dev/null || skip "podman is not installed (Debian: apt-get install podman runc debootstrap)"
# runc: crun refuses this machine's hybrid cgroups; no default ulimits: raising RLIMIT_NOFILE is
# refused inside some sandboxes ("setrlimit RLIMIT_NOFILE: Operation not permitted").
cat > "$work/containers.conf" <<'EOF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
EOF
export CONTAINERS_CONF=$work/containers.conf
podman info > "$work/podman-info.txt" 2>&1 || skip "podman cannot run here: $(tail -1 "$work/podman-info.txt")"
# Rootless Podman maps the user's own id and its subordinate ids (/etc/subuid): without them it
# still answers `podman info`, but cannot build or run an image whose files or user are 10001.
if [ "$(podman info --format '{{.Host.Security.Rootless}}')" = true ]; then
  ids=$(podman info --format '{{range .Host.IDMappings.UIDMap}}{{.Size}} {{end}}' | awk '{for (i = 1; i <= NF; i++) s += $i} END {print s + 0}')
  [ "$ids" -gt 10001 ] || skip "rootless Podman has $ids user ids for $(id -un), not the image's 10001 (add a range to /etc/subuid and /etc/subgid, then podman system migrate; or run it as root)"
fi

# What the Deployment sets, read from the manifest itself so that the test follows it.
manifest=deploy/kubernetes/deployment.yaml
memory=$(sed -n 's/.*limits: {memory: \([0-9]*\)Gi}.*/\1g/p' "$manifest" | tail -1)
grace=$(sed -n 's/.*terminationGracePeriodSeconds: \([0-9]*\).*/\1/p' "$manifest")
probe_period=$(awk '/startupProbe:/{s=1} s&&/periodSeconds/{print $2; exit}' "$manifest")
probe_failures=$(awk '/startupProbe:/{s=1} s&&/failureThreshold/{print $2; exit}' "$manifest")
# The tmp volume's sizeLimit: what DJL and ONNX Runtime unpack into /tmp must fit in it.
tmp_size=$(sed -n '/^ *- name: tmp$/{n; s/.*emptyDir: {sizeLimit: \([0-9]*\)Mi}.*/\1m/p}' "$manifest")
[ -n "$memory" ] && [ -n "$grace" ] && [ -n "$probe_period" ] && [ -n "$probe_failures" ] && [ -n "$tmp_size" ] \
  || fail "could not read the memory limit, grace period, startup probe or /tmp size limit from $manifest"
budget=$((probe_period * probe_failures))

# The ports must be free: podman run and kube play fail on a taken one with a message that does not
# name CONTAINER_PORT, and a server already on the mirror's port would answer in the mirror's place.
# SO_REUSEADDR as servers set it: a port whose last connections are in TIME_WAIT is free to them.
port_taken() {
  ! python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("", int(sys.argv[1])))' "$1" 2> /dev/null
}

mirror_pid=""
# A run killed outright (kill -9, a CI timeout) leaves its mirror serving: the next run stops it,
# by the id it wrote down, once sure that id is still that mirror.
stop_mirror() {
  local pid
  pid=$(cat "$work/mirror.pid" 2> /dev/null) || return 0
  grep -qs hub_mirror.py "/proc/$pid/cmdline" && kill "$pid" 2> /dev/null
  rm -f "$work/mirror.pid"
}
pods_down() {
  for played in "$work"/play-*.yaml; do
    [ -f "$played" ] && podman kube down "$played" > /dev/null 2>&1 || true
  done
}
cleanup() {
  podman rm -f "$name" > /dev/null 2>&1 || true
  pods_down
  stop_mirror || true
}
trap cleanup EXIT

step "base images"
if ! podman image exists localhost/debian:bookworm; then
  command -v debootstrap > /dev/null || skip "debootstrap is not installed (Debian: apt-get install debootstrap)"
  # Rootless Podman keeps its own images: root's stand-ins are not this user's.
  [ "$(id -u)" = 0 ] || skip "localhost/debian:bookworm is not in $(id -un)'s Podman storage and debootstrap needs root (as root: podman save localhost/debian:bookworm -o debian.tar, then as $(id -un): podman load -i debian.tar)"
  rm -rf "$work/rootfs"
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian > "$work/debootstrap.log" 2>&1 \
    || fail "debootstrap failed, see $work/debootstrap.log"
  rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
  tar -C "$work/rootfs" -c . | podman import - localhost/debian:bookworm > /dev/null
  rm -rf "$work/rootfs"
fi
for kind in jdk jre; do
  podman image exists "localhost/passerelle-base-$kind:17" \
    || podman build -q -t "localhost/passerelle-base-$kind:17" -f "tools/container/$kind.Containerfile" tools/container > /dev/null
done
podman images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'debian:bookworm|passerelle-base'

step "image, from a clean context"
context=$work/context
git rev-parse --is-inside-work-tree > /dev/null 2>&1 || fail "run it from a git checkout: the context is the tracked files"
rm -rf "$context" && mkdir -p "$context"
git ls-files -z | tar --null -T - -c | tar -x -C "$context"
[ ! -e "$context/target" ] || fail "the build context holds target/"
# The host's Maven repository, when there is one, saves downloading every dependency again.
m2=()
[ -d "$HOME/.m2/repository" ] && m2=(-v "$HOME/.m2:/root/.m2")
podman build -t "$image" --build-arg BUILD_IMAGE=localhost/passerelle-base-jdk:17 \
  --build-arg RUN_IMAGE=localhost/passerelle-base-jre:17 "${m2[@]}" "$context" > "$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log"; fail "podman build failed, see $work/build.log"; }
size=$(podman image inspect "$image" --format '{{.Size}}')
echo "built $image: $((size / 1000000)) MB"
[ "$(podman image inspect "$image" --format '{{.Config.User}}')" = "10001" ] || fail "the image does not run as user 10001"
# The code and the model are root's and not writable by the runtime user, nor by its group 0 (a
# cluster's arbitrary user id runs with group 0): without --read-only they are what protects them.
writable() { # IMAGE -> the files under /deployments and /models user 10001 or group 0 could rewrite
  podman run --rm --read-only --user 10001 --entrypoint find "$1" /deployments /models ! -type l \
    \( -user 10001 -o -perm -g+w -o -perm -o+w \) -print
}
[ -z "$(writable "$image")" ] || { writable "$image" | head; fail "the image's code or model is writable by its user"; }

step "run: read-only root, /tmp only ($tmp_size), user 10001, memory ${memory}, test model read-only"
cleanup
for port in "$api" "$management" "$mirror_port"; do
  port_taken "$port" && fail "port $port is in use (ports CONTAINER_PORT=$api, +1 and +10): set CONTAINER_PORT to free ones"
done
start=$(date +%s.%N)
podman run -d --name "$name" --read-only --tmpfs "/tmp:rw,size=$tmp_size,mode=1777" --user 10001 --memory "$memory" \
  -v "$root/src/test/resources/fixture-model:/models/opus-mt-fr-en:ro" \
  -p "127.0.0.1:$api:8080" -p "127.0.0.1:$management:9000" "$image" > /dev/null
ready=""
while [ "$(echo "$(date +%s.%N) - $start < $budget" | bc)" = 1 ]; do
  if curl -sf "http://127.0.0.1:$management/q/health/ready" > /dev/null; then
    ready=$(echo "$(date +%s.%N) - $start" | bc); break
  fi
  [ "$(podman inspect "$name" --format '{{.State.Running}}')" = "true" ] || { podman logs "$name"; fail "the container stopped"; }
  sleep 0.2
done
[ -n "$ready" ] || { podman logs "$name" | tail -30; fail "not ready within the startup probe's ${budget} s"; }
printf 'ready %.1f s after podman run (startup probe budget %s s)\n' "$ready" "$budget"

post() { # PATH JSON_FILE -> body; fails unless 200
  local out=$work/answer.json code
  code=$(curl -s -o "$out" -w '%{http_code}' -X POST "http://127.0.0.1:$api$1" -H 'Content-Type: application/json' --data-binary "@$2")
  [ "$code" = 200 ] || { cat "$out"; fail "POST $1 answered $code"; }
  cat "$out"
}
echo '{"text": "Le ministre est arrivé à Paris. Merci beaucoup !"}' > "$work/short.json"
post /v1/translate "$work/short.json" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert a["translation"].strip() and len(a["sentences"]) == 2 and a["model"], a
print("translation:", a["translation"])'
python3 -c 'import json, sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read()}))' \
  docs/samples/seed-article.fr.txt > "$work/article.json"
post /v1/digest "$work/article.json" | python3 -c '
import json, sys
a = json.load(sys.stdin)
assert a["bullets"] and all(b.strip() for b in a["bullets"]), a
print("digest:", len(a["bullets"]), "bullets")'
page=$(curl -s -o "$work/page.html" -w '%{http_code} %{content_type}' "http://127.0.0.1:$api/")
case "$page" in "200 text/html"*) grep -q '<html' "$work/page.html" || fail "the page is not HTML";; *) fail "GET / answered $page";; esac
echo "page: $page"
curl -sf -o "$work/metrics.txt" "http://127.0.0.1:$management/q/metrics" || fail "no /q/metrics on the management port"
grep -q '^passerelle_' "$work/metrics.txt" || fail "no passerelle_ metrics on the management port"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$api/q/metrics")" = 404 ] || fail "metrics are served on the API port"
echo "metrics: on the management port only"
echo "/tmp: $(podman exec "$name" du -sh /tmp | cut -f1) used of $tmp_size (DJL's and ONNX Runtime's native libraries)"
podman logs "$name" > "$work/run.log" 2>&1
# Nothing may try to write outside /tmp (ONNX Runtime's telemetry id did, until XDG_CACHE_HOME).
! grep -nE 'Exception|ERROR|Read-only file system|Permission denied|Failed to persist' "$work/run.log" \
  || fail "errors in the container's log"

step "SIGTERM during a long request"
# Distinct sentences (the sentence cache would answer repeats at once), 8 beams: seconds of work.
python3 -c '
import json
words = ["Paris", "Astana", "Moscou", "la France", "la Russie", "le ministre", "le président", "les accords"]
text = " ".join(f"Le texte {i} parle de {words[i % 8]} et de {words[(i * 3 + 1) % 8]}." for i in range(2000))
print(json.dumps({"text": text, "beams": 8}))' > "$work/long.json"
curl -s -o "$work/long-answer.json" -w '%{http_code}' -X POST "http://127.0.0.1:$api/v1/translate" \
  -H 'Content-Type: application/json' --data-binary "@$work/long.json" > "$work/long-status" &
request=$!
# SIGTERM once the request's sentences are in the translation queue, not after a fixed pause: on a
# busy machine the server was still reading the request 1.5 s on, so SIGTERM found it new work and
# it was refused with 503 "shutting down", which is right but not what this step checks.
queued=""
for _ in $(seq 1 300); do
  kill -0 "$request" 2> /dev/null || break
  depth=$(curl -s "http://127.0.0.1:$management/q/metrics" | sed -n 's/^passerelle_queue_depth \([0-9]*\).*/\1/p')
  [ "${depth:-0}" -gt 0 ] && { queued=$depth; break; }
  sleep 0.1
done
[ -n "$queued" ] || fail "the long request was never seen in the queue (it answered $(cat "$work/long-status")): make it longer"
kill -0 "$request" 2> /dev/null || fail "the long request ended before SIGTERM ($(cat "$work/long-status")): make it longer"
stop_start=$(date +%s.%N)
podman kill --signal TERM "$name" > /dev/null
code=$(timeout "$grace" podman wait "$name") || fail "still running ${grace} s (the grace period) after SIGTERM"
stopped=$(echo "$(date +%s.%N) - $stop_start" | bc)
wait "$request" || true
[ "$code" = 0 ] || { podman logs "$name" | tail -20; fail "exit code $code after SIGTERM, expected 0"; }
[ "$(cat "$work/long-status")" = 200 ] || { head -c 300 "$work/long-answer.json"; echo; fail "the long request answered $(cat "$work/long-status")"; }
python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert len(a["sentences"]) == 2000 and all(s["translation"] for s in a["sentences"]), "incomplete answer"' "$work/long-answer.json"
printf 'exit 0 %.1f s after SIGTERM (grace period %s s), sent with %s sentences queued; the request in flight got all 2000\n' "$stopped" "$grace" "$queued"

step "podman kube play deploy/kubernetes: init container, mirror, probes, glossaries, a translation, preStop and SIGTERM"
command -v kubectl > /dev/null || skip "kubectl is not installed (Debian: apt-get install kubernetes-client)"
stop_mirror
python3 tools/container/hub_mirror.py src/test/resources/fixture-model "$mirror_port" > "$work/mirror.log" 2>&1 &
mirror_pid=$!
echo "$mirror_pid" > "$work/mirror.pid"
# Ready once it says it is listening: a curl answered could be another server on the port.
for _ in $(seq 1 50); do
  grep -q '^mirror: listening' "$work/mirror.log" || ! kill -0 "$mirror_pid" 2> /dev/null && break
  sleep 0.1
done
grep -q '^mirror: listening' "$work/mirror.log" || { cat "$work/mirror.log" >&2; fail "the mirror did not start on port $mirror_port"; }
pods_down   # what an interrupted earlier run left
rm -f "$work"/play-*.yaml
fetched() { grep -c 'GET /Xenova/' "$work/mirror.log" || true; }   # files the mirror has served
render() { # LABEL OVERLAY IMAGE: renders the overlay into $work/play-LABEL.yaml
  kubectl kustomize "$2" > "$work/rendered-$1.yaml" 2> "$work/kustomize-$1.log" \
    || { cat "$work/kustomize-$1.log" >&2; fail "kubectl kustomize $2 failed"; }
  python3 tools/container/for_podman.py "$work/rendered-$1.yaml" "$3" "http://host.containers.internal:$mirror_port" \
    "$work/volumes-$1" "$api" "$management" "$deployment" > "$work/play-$1.yaml" || fail "for_podman.py refused $2"
  python3 tools/container/probes.py "$work/rendered-$1.yaml" > "$work/probes-$1.txt" || fail "$2: the probes"
}
main_container() { podman ps -a --filter "name=^$deployment-pod" --format '{{.Names}}' | grep -- '-passerelle$' | head -1; }
play() { # LABEL [keep]: plays $work/play-LABEL.yaml on fresh volumes (or the last run's, with keep),
  # waits for the readiness probe, checks the pod; prints seconds to ready and leaves the pod up
  local label=$1 volumes=$work/volumes-$1 t0 ready_at="" kind port path main
  if [ "${2:-}" != keep ]; then
    rm -rf "$volumes" && mkdir -p "$volumes/model" "$volumes/tmp"
    chmod 1777 "$volumes/model" "$volumes/tmp"   # what the kubelet makes an emptyDir
  fi
  host_port() { case $1 in 8080) echo "$api";; 9000) echo "$management";; esac; }
  while read -r kind port path; do
    [ -n "$(host_port "$port")" ] || fail "$label: the $kind probe is on port $port, which the image does not serve"
  done < "$work/probes-$label.txt"
  read -r _ port path < <(grep '^readiness ' "$work/probes-$label.txt")
  t0=$(date +%s.%N)
  podman kube play "$work/play-$label.yaml" > "$work/play-$label.log" 2>&1 \
    || { cat "$work/play-$label.log" >&2; fail "podman kube play $label failed"; }
  while [ "$(echo "$(date +%s.%N) - $t0 < $budget" | bc)" = 1 ]; do
    # The service's own readiness first: a model that failed to load stays failed, and a service
    # ready on its own path is not made ready by waiting on another; either is said now rather
    # than after the whole budget.
    curl -s "http://127.0.0.1:$management/q/health/ready" > "$work/play-$label-health.json" || true
    grep -q '"state": *"failed"' "$work/play-$label-health.json" && break
    if grep -q '"status": *"UP"' "$work/play-$label-health.json"; then
      curl -sf "http://127.0.0.1:$(host_port "$port")$path" > /dev/null \
        || fail "$label: the service is ready but the readiness probe, GET $path on port $port, does not answer 200"
      ready_at=$(echo "$(date +%s.%N) - $t0" | bc); break
    fi
    sleep 0.2
  done
  main=$(main_container)
  if [ -z "$ready_at" ]; then
    [ -z "$main" ] || podman logs "$main" 2>&1 | grep -E 'ERROR|Exception' | tail -3 | cut -c1-600 >&2
    grep -q '"state": *"failed"' "$work/play-$label-health.json" && fail "$label: the service reports its model failed to load"
    fail "$label: not ready within the startup probe's ${budget} s"
  fi
  # Every probe the kubelet will call answers 200 on the port the manifest names.
  while read -r kind port path; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(host_port "$port")$path")" = 200 ] \
      || fail "$label: the $kind probe, GET $path on port $port, does not answer 200"
  done < "$work/probes-$label.txt"
  # The pod's container runs as the manifest says: read-only root, user 10001, group 0, the memory limit.
  [ "$(podman inspect "$main" --format '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}')" = "true 10001:0" ] \
    || fail "$label: the container is not read-only as user 10001"
  [ "$(podman inspect "$main" --format '{{.HostConfig.Memory}}')" = $((${memory%g} * 1024 * 1024 * 1024)) ] \
    || fail "$label: the container does not have the manifest's memory limit"
  post /v1/translate "$work/short.json" > "$work/play-$label-answer.json"
  grep -q '"translation":"[^"]' "$work/play-$label-answer.json" || fail "$label: no translation"
  # The glossaries ConfigMap is mounted and read: every file of it is a glossary, without errors.
  curl -sf "http://127.0.0.1:$api/v1/glossaries" > "$work/play-$label-glossaries.json" || fail "$label: GET /v1/glossaries"
  python3 - "$work/rendered-$label.yaml" "$work/play-$label-glossaries.json" <<'PY' || fail "$label: the glossaries ConfigMap is not what the service serves"
import json, re, sys
doc = next(d for d in open(sys.argv[1]).read().split("\n---\n") if "name: passerelle-glossaries" in d)
files = {m.group(1) for m in re.finditer(r"^  (\w[\w.-]*)\.(?:tsv|csv): ", doc, re.M)}
served = {g["name"]: g for g in json.load(open(sys.argv[2]))["glossaries"]}
assert files and files == set(served), (files, served)
assert all(g["entries"] > 0 and g["error"] is None for g in served.values()), served
PY
  echo "$ready_at"
}
stop_pod() { # LABEL: as the kubelet stops a pod: the preStop hook, then SIGTERM; the service exits 0
  local label=$1 main pod
  main=$(main_container)
  mapfile -t prestop < <(python3 tools/container/probes.py "$work/rendered-$label.yaml" --pre-stop) || fail "$label: the preStop hook"
  # It runs inside the container: its command must exist in the image (an image without /bin/sleep
  # fails the hook, and Kubernetes then sends SIGTERM at once, while endpoints still route to it).
  podman exec "$main" "${prestop[@]}" || fail "$label: the preStop hook ${prestop[*]} failed in the container"
  pod=$(podman inspect "$main" --format '{{.Pod}}')
  podman pod stop -t "$grace" "$pod" > "$work/stop-$label.log" 2>&1 || { cat "$work/stop-$label.log" >&2; fail "$label: podman pod stop failed"; }
  [ "$(podman inspect "$main" --format '{{.State.ExitCode}}')" = 0 ] \
    || fail "$label: the service exited $(podman inspect "$main" --format '{{.State.ExitCode}}') on SIGTERM after preStop"
  podman kube down "$work/play-$label.yaml" > /dev/null 2>&1
}

render fetch deploy/kubernetes "$image"
played=$(play fetch)
# The init container fetched every file of the variant through the mirror and verified it: the
# install record is written only after the checksums matched, and the files are the mirror's.
installed=$work/volumes-fetch/model/opus-mt-fr-en
[ -f "$installed/passerelle-model.json" ] || fail "no install record: the init container did not finish the fetch"
cmp -s "$installed/onnx/decoder_model_merged.onnx" src/test/resources/fixture-model/decoder_model_merged.onnx \
  || fail "the fetched decoder differs from the mirror's"
grep -q 'GET /Xenova/opus-mt-fr-en/resolve/main/onnx/decoder_model_merged.onnx' "$work/mirror.log" \
  || fail "the init container did not fetch through the mirror"
stop_pod fetch
printf 'deploy/kubernetes: model fetched and verified by the init container, ready %.1f s after kube play, every probe, the glossaries and a translation answered, exit 0 after preStop and SIGTERM\n' "$played"

# The pod started again on the model it holds (a restarted pod keeps its emptyDir): --if-missing
# finds the install record and fetches nothing.
before=$(fetched)
again=$(play fetch keep)
[ "$(fetched)" = "$before" ] || fail "the init container fetched again a model the volume already held"
podman kube down "$work/play-fetch.yaml" > /dev/null 2>&1
# A model folder without its install record and with a file cut short (copied in by hand, or left
# by something other than fetch-model, which fetches into DIR.partial and renames it into place):
# the next start fetches and verifies it rather than trusting what is there.
rm "$installed/passerelle-model.json"
truncate -s 1000 "$installed/onnx/decoder_model_merged.onnx"
resumed=$(play fetch keep)
[ -f "$installed/passerelle-model.json" ] && cmp -s "$installed/onnx/decoder_model_merged.onnx" \
  src/test/resources/fixture-model/decoder_model_merged.onnx || fail "a half-written model volume was not completed"
podman kube down "$work/play-fetch.yaml" > /dev/null 2>&1
printf 'restarted on its volume: ready %.1f s, nothing fetched; on a half-written volume: ready %.1f s, completed and verified\n' "$again" "$resumed"

# The ConfigMap switched to the int8 graphs, as deploy/kubernetes/README.md's sizing suggests: the
# init container reads the service's settings, so it fetches what the service then loads.
render quantized deploy/kubernetes "$image"
sed -i 's/^  PASSERELLE_MODEL_VARIANT: fp32$/  PASSERELLE_MODEL_VARIANT: quantized/' "$work/play-quantized.yaml"
grep -q '^  PASSERELLE_MODEL_VARIANT: quantized$' "$work/play-quantized.yaml" || fail "no PASSERELLE_MODEL_VARIANT: fp32 in the ConfigMap"
quantized=$(play quantized)
[ -f "$work/volumes-quantized/model/opus-mt-fr-en/onnx/encoder_model_quantized.onnx" ] \
  || fail "the ConfigMap says quantized, the init container did not fetch the int8 graphs"
podman kube down "$work/play-quantized.yaml" > /dev/null 2>&1
printf 'ConfigMap switched to quantized: the init container fetched the int8 graphs, ready %.1f s\n' "$quantized"

step "podman kube play deploy/kubernetes-baked, image built with BAKE_MODEL=true"
podman build -t "$baked_image" --network host --build-arg BAKE_MODEL=true \
  --build-arg MODEL_MIRROR="http://127.0.0.1:$mirror_port" --build-arg MODEL_MIRROR_ALLOW_HTTP=true \
  --build-arg BUILD_IMAGE=localhost/passerelle-base-jdk:17 --build-arg RUN_IMAGE=localhost/passerelle-base-jre:17 \
  "${m2[@]}" "$context" > "$work/build-baked.log" 2>&1 \
  || { tail -30 "$work/build-baked.log"; fail "the baked build failed, see $work/build-baked.log"; }
baked_size=$(podman image inspect "$baked_image" --format '{{.Size}}')
[ -z "$(writable "$baked_image")" ] || { writable "$baked_image" | head; fail "the baked image's code or model is writable by its user"; }
render baked deploy/kubernetes-baked "$baked_image"
baked=$(play baked)
[ -z "$(ls -A "$work/volumes-baked/model")" ] || fail "the baked overlay wrote into a model volume"
stop_pod baked
printf 'deploy/kubernetes-baked: ready %.1f s after kube play, translation answered, exit 0 after preStop and SIGTERM (image %d MB)\n' "$baked" $((baked_size / 1000000))

step "summary"
printf 'image %s: %d MB; ready %.1f s after podman run (test model, this machine)\n' "$image" $((size / 1000000)) "$ready"
printf 'kube play: ready %.1f s (init container fetching the test model), %.1f s (baked image, %d MB)\n' \
  "$played" "$baked" $((baked_size / 1000000))
echo "PASSED tools/container/test.sh"
