#!/usr/bin/python3
"""Load for the benchmark: CLIENTS threads send REQUESTS translation requests (one paragraph of the
sample article each, in turn) to a Passerelle on loopback, then print throughput, latency
percentiles and status counts as JSON. Standard library only.

    load.py URL CLIENTS REQUESTS ARTICLE
"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request

url, clients, requests, article = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
paragraphs = [p.strip() for p in open(article, encoding="utf-8") if len(p.strip()) > 40]
lock = threading.Lock()
latencies, statuses, sentences = [], {}, [0]
next_index = [0]


def worker():
    while True:
        with lock:
            i = next_index[0]
            if i >= requests:
                return
            next_index[0] += 1
        body = json.dumps({"text": paragraphs[i % len(paragraphs)], "beams": 1}).encode()
        req = urllib.request.Request(url + "/v1/translate", body, {"Content-Type": "application/json"})
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                n = len(json.load(r)["sentences"])
                status = r.status
        except urllib.error.HTTPError as e:
            status, n = e.code, 0
        except (urllib.error.URLError, OSError) as e:  # refused, reset, timed out: counted, not fatal
            status, n = type(e).__name__, 0
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
            sentences[0] += n


start = time.perf_counter()
threads = [threading.Thread(target=worker) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - start
latencies.sort()
pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
print(json.dumps({"clients": clients, "requests": requests, "seconds": round(wall, 1),
                  "requests_per_second": round(requests / wall, 2),
                  "sentences_per_second": round(sentences[0] / wall, 2),
                  "p50": round(pct(0.5), 3), "p95": round(pct(0.95), 3), "p99": round(pct(0.99), 3),
                  "statuses": statuses}))
