#!/usr/bin/python3
"""Passerelle's cost as the work grows: drives a running service over HTTP through three sweeps and
writes them as JSON (for plot_curves.py and sizing.py). A benchmark, not a test: it asserts nothing,
retries nothing, and counts every answer that is not 200 by its status.

  concurrency  paragraph-sized POST /v1/translate requests (one paragraph of the sample article each,
               as load.py sends them) from 1, 2, 4 ... 32 concurrent clients: throughput, p50/p95;
  size         one request at a time of 1 to 200 sentences (built by cycling the article's
               sentences): latency against size;
  digest       POST /v1/digest of the sample article from 1 ... 32 concurrent clients.

Each sweep runs for every beam width of --beams (1 = greedy). Standard library only.

    curves.py URL --out FILE [--variant fp32] [--quick] [--pid PID] [--metrics URL] [options]

--pid (the service's process) adds the CPU it used at each load, read from /proc; --metrics (the
management port's base URL) adds the sentences and tokens the model generated, from
/q/metrics. tools/bench/run.sh --curves-only runs it against the benchmark's model.
"""
import argparse
import datetime
import json
import os
import re
import threading
import time
import urllib.error
import urllib.request

FULL = {"clients": "1,2,4,8,16,32", "sizes": "1,2,5,10,20,50,100,200", "repeats": 3,
        "per_client": 8, "min_requests": 16, "digest_per_client": 2, "digest_min_requests": 4}
# --quick: enough to see every stage through on the test model in a minute or two.
QUICK = {"clients": "1,2,4", "sizes": "1,2,5,10", "repeats": 1,
         "per_client": 2, "min_requests": 4, "digest_per_client": 1, "digest_min_requests": 2}


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("url", help="the service's API, e.g. http://127.0.0.1:8080")
    p.add_argument("--out", required=True, help="JSON file to write")
    p.add_argument("--variant", default="fp32", help="recorded only: what the service runs (fp32, quantized)")
    p.add_argument("--tokens", type=int, help="recorded only: the service's fixed new tokens per sentence")
    p.add_argument("--article", default="docs/samples/seed-article.fr.txt")
    p.add_argument("--sweeps", default="concurrency,size,digest")
    p.add_argument("--beams", default="1,4", help="beam widths, each swept (1 = greedy)")
    p.add_argument("--quick", action="store_true", help="small sweeps, for checking the tooling")
    p.add_argument("--clients", help=f"concurrent clients (default {FULL['clients']})")
    p.add_argument("--sizes", help=f"sentences per request of the size sweep (default {FULL['sizes']})")
    p.add_argument("--repeats", type=int, help="requests per size (default 3)")
    p.add_argument("--per-client", type=int, help="paragraph requests per client at each level (default 8) ...")
    p.add_argument("--min-requests", type=int, help="... and at least this many (default 16)")
    p.add_argument("--digest-per-client", type=int, help="digests per client at each level (default 2) ...")
    p.add_argument("--digest-min-requests", type=int, help="... and at least this many (default 4)")
    p.add_argument("--timeout", type=float, default=900, help="seconds before a request counts as failed")
    p.add_argument("--pid", type=int, help="the service's process id, for its CPU time")
    p.add_argument("--metrics", help="management base URL, e.g. http://127.0.0.1:9000")
    args = p.parse_args()
    for key, value in (QUICK if args.quick else FULL).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    args.clients = [int(c) for c in str(args.clients).split(",")]
    args.sizes = [int(s) for s in str(args.sizes).split(",")]
    args.beams = [int(b) for b in args.beams.split(",")]
    args.sweeps = args.sweeps.split(",")
    return args


def sentences_of(article):
    """The article's sentences, for texts of any length: content lines cut at sentence ends (inside
    quotations too, as the service's splitter cuts them), not after an initial ("M. Tokaïev"). Lines
    that are not sentences (photo credit, byline, source link, comment counter) end without a full
    stop and are left out."""
    out = []
    for line in open(article, encoding="utf-8"):
        line, start = line.strip(), 0
        for m in re.finditer(r"[.!?](?=\s+[«A-ZÀ-Ý])", line):
            if not re.search(r"\b[A-Z]\.$", line[:m.end()]):
                out.append(line[start:m.end()].strip())
                start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if len(s.split()) >= 4 and s[-1] in ".!?»"]


def text_of(pool, n):
    """n sentences cycled from the pool, three to a paragraph (line), as an article is written."""
    chosen = [pool[i % len(pool)] for i in range(n)]
    return "\n".join(" ".join(chosen[i:i + 3]) for i in range(0, n, 3))


def post(url, payload, timeout):
    """(seconds, status, parsed answer or None). Failures are results, never retried."""
    request = urllib.request.Request(url, json.dumps(payload).encode(),
                                     {"Content-Type": "application/json", "Accept": "application/json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            answer, status = json.load(r), r.status
    except urllib.error.HTTPError as e:
        e.read()
        answer, status = None, e.code
    except (urllib.error.URLError, OSError) as e:  # refused, reset, timed out: counted, not fatal
        answer, status = None, type(e).__name__
    return time.perf_counter() - start, status, answer


class Server:
    """What the service itself did during a load: CPU seconds (from /proc) and the sentences and
    tokens its model generated (from its metrics). Either is absent when not asked for or unreadable."""

    def __init__(self, pid, metrics):
        self.pid, self.metrics = pid, metrics

    def cpu(self):
        if not self.pid:
            return None
        try:
            with open(f"/proc/{self.pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        except OSError:
            return None

    def counters(self):
        if not self.metrics:
            return {}
        totals = {"sentences": 0.0, "tokens": 0.0}
        try:
            with urllib.request.urlopen(self.metrics + "/q/metrics", timeout=30) as r:
                for line in r.read().decode().splitlines():
                    for key, name in (("sentences", "passerelle_sentences_translated_total"),
                                      ("tokens", "passerelle_tokens_generated_total")):
                        if line.startswith(name):
                            totals[key] += float(line.rsplit(" ", 1)[1])
        except (urllib.error.URLError, OSError, ValueError):
            return {}
        return totals

    def snapshot(self):
        return time.perf_counter(), self.cpu(), self.counters()


def percentile(values, p):
    """Nearest rank, as load.py reports them; None without values."""
    values = sorted(values)
    return round(values[min(len(values) - 1, int(p * len(values)))], 3) if values else None


def closed_loop(server, clients, total, request, count, timeout):
    """`clients` threads send `total` requests between them, each sending its next as soon as its
    last is answered. request(i) gives (url, payload); count(answer) the sentences an answer holds."""
    lock, results, next_index = threading.Lock(), [], [0]

    def worker():
        while True:
            with lock:
                i = next_index[0]
                if i >= total:
                    return
                next_index[0] += 1
            url, payload = request(i)
            seconds, status, answer = post(url, payload, timeout)
            with lock:
                results.append((seconds, status, count(answer) if answer is not None else 0))

    before = server.snapshot()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    after = server.snapshot()
    wall = after[0] - before[0]
    ok = [r for r in results if r[1] == 200]
    statuses = {}
    for _, status, _ in results:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    level = {"clients": clients, "requests": total, "seconds": round(wall, 2),
             # Rates and percentiles count answered requests only: a quick 503 is not service.
             "requests_per_second": round(len(ok) / wall, 3),
             "sentences_per_second": round(sum(r[2] for r in ok) / wall, 2),
             "p50": percentile([r[0] for r in ok], 0.5), "p95": percentile([r[0] for r in ok], 0.95),
             "p99": percentile([r[0] for r in ok], 0.99), "max": percentile([r[0] for r in ok], 1.0),
             "statuses": statuses, "errors": len(results) - len(ok)}
    if before[1] is not None and after[1] is not None:
        level["cpu_cores"] = round((after[1] - before[1]) / wall, 2)
    if before[2] and after[2]:
        generated = {k: after[2][k] - before[2][k] for k in after[2]}
        level["model_sentences_per_second"] = round(generated["sentences"] / wall, 2)
        level["model_tokens_per_second"] = round(generated["tokens"] / wall, 1)
    return level


def main():
    args = arguments()
    server = Server(args.pid, args.metrics)
    text = open(args.article, encoding="utf-8").read()
    # The same paragraphs load.py sends, so the concurrency sweep at 8 clients compares with its figure.
    paragraphs = [p.strip() for p in text.splitlines() if len(p.strip()) > 40]
    pool = sentences_of(args.article)
    translate, digest = args.url + "/v1/translate", args.url + "/v1/digest"
    sentence_count = lambda answer: len(answer.get("sentences", []))

    with urllib.request.urlopen(args.url + "/v1/models", timeout=30) as r:
        model = json.load(r)
    out = {"meta": {"variant": args.variant, "url": args.url, "model": model, "fixed_new_tokens": args.tokens,
                    "cores": os.cpu_count(), "date": datetime.datetime.now().isoformat(timespec="seconds"),
                    "article": args.article, "article_sentences": len(pool),
                    "paragraph_chars": round(sum(map(len, paragraphs)) / len(paragraphs))},
           "concurrency": [], "size": [], "digest": []}

    def save():  # after every sweep, so an interrupted run keeps what it measured
        with open(args.out, "w") as f:
            json.dump(out, f, indent=1)

    # Warm-up: the first batches of each shape pay ONNX Runtime's allocations. Not recorded.
    for beams in args.beams:
        post(translate, {"text": text_of(pool, len(pool)), "beams": beams}, args.timeout)
        closed_loop(server, 4, 8, lambda i: (translate, {"text": paragraphs[i % len(paragraphs)], "beams": beams}),
                    sentence_count, args.timeout)

    if "concurrency" in args.sweeps:
        for beams in args.beams:
            for clients in args.clients:
                total = max(args.min_requests, args.per_client * clients)
                level = closed_loop(server, clients, total,
                                    lambda i: (translate, {"text": paragraphs[i % len(paragraphs)], "beams": beams}),
                                    sentence_count, args.timeout)
                out["concurrency"].append({"beams": beams, **level})
                print(f"concurrency beams={beams} clients={clients}: {level['sentences_per_second']} sentences/s, "
                      f"p50 {level['p50']} s, p95 {level['p95']} s, {level['statuses']}", flush=True)
        save()

    if "size" in args.sweeps:
        texts = {n: text_of(pool, n) for n in args.sizes}
        runs = {(b, n): [] for b in args.beams for n in args.sizes}
        # Repeats outermost: a slow spell of a shared machine spreads over every size, not one.
        for _ in range(args.repeats):
            for beams in args.beams:
                for n in args.sizes:
                    runs[(beams, n)].append(post(translate, {"text": texts[n], "beams": beams}, args.timeout))
        for (beams, n), results in runs.items():
            ok = [r for r in results if r[1] == 200]
            statuses = {}
            for r in results:
                statuses[str(r[1])] = statuses.get(str(r[1]), 0) + 1
            seconds = [r[0] for r in ok]
            point = {"beams": beams, "sentences_requested": n, "chars": len(texts[n]),
                     # What the service counted: its splitter, not ours, decides what a sentence is.
                     "sentences": sentence_count(ok[0][2]) if ok else None,
                     "latencies": [round(s, 3) for s in seconds], "p50": percentile(seconds, 0.5),
                     "min": round(min(seconds), 3) if seconds else None,
                     "max": round(max(seconds), 3) if seconds else None,
                     "statuses": statuses, "errors": len(results) - len(ok)}
            out["size"].append(point)
            print(f"size beams={beams} sentences={point['sentences']}: p50 {point['p50']} s, {statuses}", flush=True)
        save()

    if "digest" in args.sweeps:
        for beams in args.beams:
            for clients in args.clients:
                total = max(args.digest_min_requests, args.digest_per_client * clients)
                level = closed_loop(server, clients, total, lambda i: (digest, {"text": text, "beams": beams}),
                                    lambda answer: 0, args.timeout)
                del level["sentences_per_second"]  # a digest answer does not list its sentences
                out["digest"].append({"beams": beams, **level})
                print(f"digest beams={beams} clients={clients}: {level['requests_per_second']} digests/s, "
                      f"p50 {level['p50']} s, p95 {level['p95']} s, {level['statuses']}", flush=True)
        save()
    save()


if __name__ == "__main__":
    main()
