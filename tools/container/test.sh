#!/usr/bin/env bash
# Passerelle's container image, built and run for real with Podman (no Docker daemon, no registry):
#   1. base images: Debian 12 stand-ins for eclipse-temurin's JDK and JRE, built once from a
#      debootstrap of Debian's packages (cached by name: localhost/debian:bookworm,
#      localhost/passerelle-base-jdk:17, localhost/passerelle-base-jre:17);
#   2. the image, from a clean context (the repository's tracked files, nothing from target/);
#   3. run as the Deployment runs it: test model mounted read-only, read-only root with only /tmp
#      writable, user 10001, the Deployment's memory limit; ready within the startup probe's budget;
#      a translation, a digest and the page answer; metrics on the management port, not on the API;
#   4. SIGTERM during a long request: the request completes, the process exits 0 within the
#      Deployment's grace period;
#   5. renders deploy/kubernetes with kubectl kustomize and runs it with `podman kube play`
#      (tools/container/for_podman.py: the local image, the model mirror at a local Hub serving the
#      test model, tools/container/hub_mirror.py): the init container fetches and verifies the
#      model, the main container becomes ready, a translation answers through the published port;
#      then the same with deploy/kubernetes-baked and an image built with BAKE_MODEL=true;
#   6. prints the image's size and its start-to-ready times.
# Where Podman cannot run it says so and exits 0, unless PASSERELLE_REQUIRE_TOOLS=true (CI).
#   tools/container/test.sh            (as root, or a user Podman runs rootless for)
# Environment: CONTAINER_PORT (18480; the management port is the next one, the mirror's the tenth),
# CONTAINER_IMAGE (localhost/passerelle; the images are its :test and :baked tags). The container,
# the pod and the Deployment are named after the port, so that runs on other ports (another
# checkout, another CI job on the same Podman) neither replace nor inspect each other's.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
work=$root/target/container
mkdir -p "$work"
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

# What the Deployment sets, read from the manifest itself so that the test follows it.
manifest=deploy/kubernetes/deployment.yaml
memory=$(sed -n 's/.*limits: {memory: \([0-9]*\)Gi}.*/\1g/p' "$manifest" | tail -1)
grace=$(sed -n 's/.*terminationGracePeriodSeconds: \([0-9]*\).*/\1/p' "$manifest")
probe_period=$(awk '/startupProbe:/{s=1} s&&/periodSeconds/{print $2; exit}' "$manifest")
probe_failures=$(awk '/startupProbe:/{s=1} s&&/failureThreshold/{print $2; exit}' "$manifest")
[ -n "$memory" ] && [ -n "$grace" ] && [ -n "$probe_period" ] && [ -n "$probe_failures" ] \
  || fail "could not read the memory limit, grace period or startup probe from $manifest"
budget=$((probe_period * probe_failures))

mirror_pid=""
pods_down() {
  for played in "$work"/play-*.yaml; do
    [ -f "$played" ] && podman kube down "$played" > /dev/null 2>&1 || true
  done
}
cleanup() {
  podman rm -f "$name" > /dev/null 2>&1 || true
  pods_down
  [ -z "$mirror_pid" ] || kill "$mirror_pid" 2> /dev/null || true
}
trap cleanup EXIT

step "base images"
if ! podman image exists localhost/debian:bookworm; then
  command -v debootstrap > /dev/null || skip "debootstrap is not installed (Debian: apt-get install debootstrap)"
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

step "run: read-only root, /tmp only, user 10001, memory ${memory}, test model read-only"
cleanup
start=$(date +%s.%N)
podman run -d --name "$name" --read-only --tmpfs /tmp:rw,size=512m,mode=1777 --user 10001 --memory "$memory" \
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
sleep 1.5
kill -0 "$request" 2> /dev/null || fail "the long request ended before SIGTERM ($(cat "$work/long-status")): make it longer"
stop_start=$(date +%s.%N)
podman kill --signal TERM "$name" > /dev/null
code=$(timeout "$grace" podman wait "$name") || fail "still running ${grace} s (the grace period) after SIGTERM"
stopped=$(echo "$(date +%s.%N) - $stop_start" | bc)
wait "$request" || true
[ "$code" = 0 ] || { podman logs "$name" | tail -20; fail "exit code $code after SIGTERM, expected 0"; }
[ "$(cat "$work/long-status")" = 200 ] || fail "the long request answered $(cat "$work/long-status")"
python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
assert len(a["sentences"]) == 2000 and all(s["translation"] for s in a["sentences"]), "incomplete answer"' "$work/long-answer.json"
printf 'exit 0 %.1f s after SIGTERM (grace period %s s); the request in flight got all 2000 sentences\n' "$stopped" "$grace"

step "podman kube play deploy/kubernetes: init container, mirror, readiness, a translation"
command -v kubectl > /dev/null || skip "kubectl is not installed (Debian: apt-get install kubernetes-client)"
python3 tools/container/hub_mirror.py src/test/resources/fixture-model "$mirror_port" > "$work/mirror.log" 2>&1 &
mirror_pid=$!
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$mirror_port/" && break; sleep 0.1; done
kill -0 "$mirror_pid" 2> /dev/null || { cat "$work/mirror.log" >&2; fail "the mirror did not start (port $mirror_port taken?)"; }
pods_down   # what an interrupted earlier run left
rm -f "$work"/play-*.yaml
play() { # LABEL OVERLAY IMAGE: renders, plays, waits for readiness, translates; prints seconds to ready
  local label=$1 overlay=$2 played_image=$3 volumes=$work/volumes-$1 t0 ready_at=""
  rm -rf "$volumes" && mkdir -p "$volumes/model" "$volumes/tmp"
  chmod 1777 "$volumes/model" "$volumes/tmp"   # what the kubelet makes an emptyDir
  kubectl kustomize "$overlay" > "$work/rendered-$label.yaml" 2> /dev/null
  python3 tools/container/for_podman.py "$work/rendered-$label.yaml" "$played_image" \
    "http://host.containers.internal:$mirror_port" "$volumes" "$api" "$management" "$deployment" > "$work/play-$label.yaml"
  t0=$(date +%s.%N)
  podman kube play "$work/play-$label.yaml" > "$work/play-$label.log" 2>&1 \
    || { cat "$work/play-$label.log" >&2; fail "podman kube play $overlay failed"; }
  while [ "$(echo "$(date +%s.%N) - $t0 < $budget" | bc)" = 1 ]; do
    curl -sf "http://127.0.0.1:$management/q/health/ready" > /dev/null && { ready_at=$(echo "$(date +%s.%N) - $t0" | bc); break; }
    sleep 0.2
  done
  [ -n "$ready_at" ] || fail "$overlay: not ready within the startup probe's ${budget} s"
  # Every probe of the manifest answers on the port it names (the management port).
  for probe in $(sed -n 's/^ *path: \(\/q\/health[^ ]*\)$/\1/p' "$work/rendered-$label.yaml"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management$probe")" = 200 ] \
      || fail "$overlay: probe path $probe does not answer 200"
  done
  # The pod's container runs as the manifest says: read-only root, user 10001, group 0.
  local main
  main=$(podman ps --filter "name=^$deployment-pod" --format '{{.Names}}' | grep -- '-passerelle$' | head -1)
  [ "$(podman inspect "$main" --format '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}')" = "true 10001:0" ] \
    || fail "$overlay: the container is not read-only as user 10001"
  post /v1/translate "$work/short.json" > "$work/play-$label-answer.json"
  grep -q '"translation":"[^"]' "$work/play-$label-answer.json" || fail "$overlay: no translation"
  podman kube down "$work/play-$label.yaml" > /dev/null 2>&1
  echo "$ready_at"
}
played=$(play fetch deploy/kubernetes "$image")
# The init container fetched every file of the variant through the mirror and verified it: the
# install record is written only after the checksums matched, and the files are the mirror's.
record=$work/volumes-fetch/model/opus-mt-fr-en/passerelle-model.json
[ -f "$record" ] || fail "no install record: the init container did not finish the fetch"
cmp -s "$work/volumes-fetch/model/opus-mt-fr-en/onnx/decoder_model_merged.onnx" \
  src/test/resources/fixture-model/decoder_model_merged.onnx || fail "the fetched decoder differs from the mirror's"
grep -q 'GET /Xenova/opus-mt-fr-en/resolve/main/onnx/decoder_model_merged.onnx' "$work/mirror.log" \
  || fail "the init container did not fetch through the mirror"
printf 'deploy/kubernetes: model fetched and verified by the init container, ready %.1f s after kube play, translation answered\n' "$played"

step "podman kube play deploy/kubernetes-baked, image built with BAKE_MODEL=true"
podman build -t "$baked_image" --network host --build-arg BAKE_MODEL=true \
  --build-arg MODEL_MIRROR="http://127.0.0.1:$mirror_port" --build-arg MODEL_MIRROR_ALLOW_HTTP=true \
  --build-arg BUILD_IMAGE=localhost/passerelle-base-jdk:17 --build-arg RUN_IMAGE=localhost/passerelle-base-jre:17 \
  "${m2[@]}" "$context" > "$work/build-baked.log" 2>&1 \
  || { tail -30 "$work/build-baked.log"; fail "the baked build failed, see $work/build-baked.log"; }
baked_size=$(podman image inspect "$baked_image" --format '{{.Size}}')
baked=$(play baked deploy/kubernetes-baked "$baked_image")
[ -z "$(ls -A "$work/volumes-baked/model")" ] || fail "the baked overlay wrote into a model volume"
printf 'deploy/kubernetes-baked: ready %.1f s after kube play, translation answered (image %d MB)\n' "$baked" $((baked_size / 1000000))

step "summary"
printf 'image %s: %d MB; ready %.1f s after podman run (test model, this machine)\n' "$image" $((size / 1000000)) "$ready"
printf 'kube play: ready %.1f s (init container fetching the test model), %.1f s (baked image, %d MB)\n' \
  "$played" "$baked" $((baked_size / 1000000))
echo "PASSED tools/container/test.sh"
