#!/usr/bin/python3
"""Start-up time of the packaged service: launches the jar as the container does (heap capped as
there, model from MODEL_DIR), polls readiness every 20 ms, and records the time from launch to the
first 200 of /q/health/ready; then stops it. Several runs per variant; prints JSON with each run and
the median. Standard library only. A benchmark, not a test.

    startup.py APP_DIR MODEL_DIR [RUNS=3] [VARIANT ...]     (variants default to fp32 quantized)
"""
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

app, model = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
variants = sys.argv[4:] or ["fp32", "quantized"]
PORT = 18090


def ready():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT + 1}/q/health/ready", timeout=1) as r:
            return r.status == 200
    except OSError:  # refused while the port is not open yet, 503 while loading
        return False


def once(variant):
    env = dict(os.environ, PASSERELLE_MODEL_DIR=model, PASSERELLE_MODEL_VARIANT=variant,
               QUARKUS_HTTP_PORT=str(PORT), QUARKUS_MANAGEMENT_PORT=str(PORT + 1),
               DJL_OFFLINE="true", OPT_OUT_TRACKING="true")
    extra = os.environ.get("PASSERELLE_BENCH_JAVA_OPTS", "").split()
    start = time.perf_counter()
    proc = subprocess.Popen(["java", "-Xmx768m", *extra, "-jar", os.path.join(app, "quarkus-run.jar")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not ready():
            if proc.poll() is not None:
                raise SystemExit(f"the service exited with {proc.returncode} before it was ready ({variant})")
            if time.perf_counter() - start > 120:
                raise SystemExit(f"not ready after 120 s ({variant})")
            time.sleep(0.02)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(30)


result = {}
for variant in variants:
    seconds = [round(once(variant), 2) for _ in range(runs)]
    result[variant] = {"runs": seconds, "median": statistics.median(seconds)}
print(json.dumps(result))
