#!/usr/bin/python3
"""Prints a Markdown sizing table for deploy/kubernetes/README.md ("Sizing") from the JSON that
curves.py wrote (one file per variant): what one pod sustains with p95 latency under a budget,
how many editors that serves under a stated editor model, and the HorizontalPodAutoscaler settings
that follow. Standard library only; every figure comes from the files given.

    sizing.py CURVES_JSON [CURVES_JSON...] [--budget 2] [--digest-budget 20] [--beams 4]
              [--articles-per-hour 12] [--article-sentences 25] [--paragraphs-per-hour 30]
              [--editors N] [--headroom 0.7]

How it counts:
- budgets: 2 s for a paragraph (an editor waits for it while editing), 20 s for an article's
  digest (a page of text, read once it arrives); both well under passerelle.batch.deadline (60 s);
- capacity: of the loads measured (1, 2, 4 ... concurrent clients), the one with the highest
  throughput whose p95 is within the budget and where every request answered 200; no interpolation
  between loads, so capacity is what was seen, never more;
- editor model: an active editor translates ARTICLES_PER_HOUR articles of ARTICLE_SENTENCES
  sentences with their digest, and sends PARAGRAPHS_PER_HOUR paragraph requests (a paragraph edited
  and translated again), all at BEAMS beams (the editor page's default is 4). An article costs one
  /v1/digest (it translates every sentence once; the page's stream and summary cost about the same
  with the sentence cache on, the summary's sentences being cache hits), scaled from the sample
  article's sentences to ARTICLE_SENTENCES;
- pod share per editor: the share of a pod's within-budget capacity one editor uses, articles and
  paragraphs added (requests per second / capacity in requests per second); editors per pod = 1 / share;
- HPA: a pod should fill to HEADROOM of its within-budget capacity before another is added
  (default: hpa.yaml's averageUtilization, 70%, read as that share). CPU is taken to grow in
  proportion to the load up to the CPU measured at the within-budget loads (the lower of the
  paragraph and digest ones), so the target that follows is HEADROOM x that CPU, as a share of the
  pod's CPU request; without CPU figures, hpa.yaml's target stays. Batching makes CPU run ahead of
  throughput (a pod is about as busy for one sentence as for a batch), so this errs early, not late.
"""
import argparse
import json
import math
import re


def arguments():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("files", nargs="+", help="curves.py JSON, one per variant")
    p.add_argument("--budget", type=float, default=2.0, help="p95 seconds for a paragraph request (default 2)")
    p.add_argument("--digest-budget", type=float, default=20.0, help="p95 seconds for a digest (default 20)")
    p.add_argument("--beams", type=int, default=4, help="beam width editors use (default 4, the page's)")
    p.add_argument("--articles-per-hour", type=float, default=12, help="per editor (default 12: every 5 minutes)")
    p.add_argument("--article-sentences", type=float, default=25, help="sentences in an article (default 25)")
    p.add_argument("--paragraphs-per-hour", type=float, default=30, help="per editor (default 30: every 2 minutes)")
    p.add_argument("--editors", type=int, help="peak editors to size the replicas for")
    p.add_argument("--headroom", type=float, help="share of capacity a pod fills before scaling out "
                                                  "(default: hpa.yaml's averageUtilization)")
    p.add_argument("--hpa", default="deploy/kubernetes/hpa.yaml")
    p.add_argument("--deployment", default="deploy/kubernetes/deployment.yaml")
    return p.parse_args()


def label(variant):
    return "int8" if variant == "quantized" else variant


def beams_name(beams):
    return "greedy" if beams == 1 else f"beam {beams}"


def clients(n):
    return f"{n} client{'s' if n > 1 else ''}"


def seconds(value):
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def best_within(levels, beams, budget):
    """The measured load with the highest throughput, p95 within budget, no failures; or None."""
    fit = [lv for lv in levels if lv["beams"] == beams and not lv["errors"] and lv["p95"] is not None
           and lv["p95"] <= budget]
    return max(fit, key=lambda lv: lv["requests_per_second"], default=None)


def longest_alone(points, beams, budget):
    """The largest single request whose median latency alone is within budget; or None."""
    fit = [p for p in points if p["beams"] == beams and not p["errors"] and p["p50"] is not None
           and p["p50"] <= budget]
    return max(fit, key=lambda p: p["sentences"], default=None)


def sentences_per_digest(run):
    """Sentences the model translated per digest of the sample (from the service's metrics when the
    run recorded them, else the sentences curves.py found in the article)."""
    for lv in run["digest"]:
        if lv.get("model_sentences_per_second") and lv["requests_per_second"]:
            return lv["model_sentences_per_second"] / lv["requests_per_second"]
    return run["meta"]["article_sentences"]


def manifests(args):
    hpa = open(args.hpa).read()
    deployment = open(args.deployment).read()
    number = lambda pattern, text: float(re.search(pattern, text).group(1))
    # The service container's CPU request: the first one after "containers:" (the init container's comes before).
    service = re.split(r"^\s*containers:", deployment, maxsplit=1, flags=re.M)[1]
    cpu = re.search(r"requests:\s*\{cpu:\s*\"?([\d.]+)(m?)\"?", service)
    return {"min": int(number(r"minReplicas:\s*(\d+)", hpa)), "max": int(number(r"maxReplicas:\s*(\d+)", hpa)),
            "target": int(number(r"averageUtilization:\s*(\d+)", hpa)),
            "cpu": float(cpu.group(1)) / (1000 if cpu.group(2) else 1)}


def main():
    args = arguments()
    runs = []
    for name in args.files:
        with open(name) as f:
            runs.append(json.load(f))
    k8s = manifests(args)
    meta = runs[0]["meta"]
    model = meta["model"]["models"][0]
    tokens = meta.get("fixed_new_tokens")

    print(f"Measured {meta['date'][:10]} by the benchmark's curves stage (`tools/bench/run.sh`) on "
          f"{meta['cores']} cores (a pod requests {k8s['cpu']:g} CPU), model `{model['id']}` "
          f"(d_model {model['dimensions']['dModel']}), "
          f"{f'{tokens} new tokens per sentence, ' if tokens else ''}sentence cache off (every sentence "
          f"translated: the worst case). Latency budget: p95 within {args.budget:g} s for a paragraph "
          f"request, {args.digest_budget:g} s for a digest of the sample article.")
    if meta["cores"] != k8s["cpu"]:
        print(f"\n**The machine measured had {meta['cores']} cores and a pod requests {k8s['cpu']:g} CPU: "
              f"capacity does not carry over one for one; measure on the pods' CPU.**")
    print()
    print("| variant | work | beams | best load within budget | requests/s | sentences/s | p95 | CPU used |")
    print("|---|---|---|---|---|---|---|---|")
    capacity = {}
    for run in runs:
        variant = label(run["meta"]["variant"])
        per_digest = sentences_per_digest(run)
        for kind, levels, budget in (("paragraph", run["concurrency"], args.budget),
                                     ("digest", run["digest"], args.digest_budget)):
            for beams in sorted({lv["beams"] for lv in levels}):
                best = best_within(levels, beams, budget)
                capacity[(variant, kind, beams)] = best
                if best is None:
                    first = min((lv for lv in levels if lv["beams"] == beams), key=lambda lv: lv["clients"])
                    seen = f"p95 {seconds(first['p95'])}" if first["p95"] is not None else "nothing answered 200"
                    print(f"| {variant} | {kind} | {beams_name(beams)} | none: {seen} at {clients(first['clients'])} "
                          f"| | | | |")
                    continue
                # A digest's answer does not list its sentences: the model's count, else the article's.
                rate = (best.get("sentences_per_second") or best.get("model_sentences_per_second")
                        or best["requests_per_second"] * per_digest)
                cpu = f"{best['cpu_cores']:.2f} cores" if "cpu_cores" in best else "not measured"
                print(f"| {variant} | {kind} | {beams_name(beams)} | {clients(best['clients'])} | "
                      f"{best['requests_per_second']:.2f} | {rate:.1f} | {seconds(best['p95'])} | {cpu} |")
        for beams in sorted({p["beams"] for p in run["size"]}):
            alone = longest_alone(run["size"], beams, args.budget)
            measured = max(p["sentences"] or 0 for p in run["size"] if p["beams"] == beams)
            smallest = min((p for p in run["size"] if p["beams"] == beams and p["p50"] is not None),
                           key=lambda p: p["sentences"], default=None)
            text = (f"{alone['sentences']} sentences (p50 {seconds(alone['p50'])}; largest measured {measured})"
                    if alone else f"none: p50 {seconds(smallest['p50'])} at {smallest['sentences']} sentences"
                    if smallest else "none answered")
            print(f"| {variant} | longest request alone within {args.budget:g} s | {beams_name(beams)} | {text} "
                  f"| | | | |")

    headroom = args.headroom if args.headroom else k8s["target"] / 100
    source = "--headroom" if args.headroom else "the share `hpa.yaml` now targets, in CPU"
    print()
    print(f"**Editor model.** An active editor translates an article of {args.article_sentences:g} sentences "
          f"with its digest {args.articles_per_hour:g} times an hour and sends {args.paragraphs_per_hour:g} "
          f"paragraph requests an hour (a paragraph edited and translated again), at "
          f"{beams_name(args.beams)} (the editor page's default is beam 4). An article costs one `/v1/digest` "
          f"of the sample article scaled to its length (the page's translation stream and summary cost about "
          f"that with the sentence cache on: the summary's sentences are cache hits). A pod's share per editor "
          f"adds the two kinds of work against the capacities above. A pod fills to a share of its capacity "
          f"before the HPA adds another: {headroom:.0%} ({source}); "
          f"`averageUtilization` is that share of the CPU the pod used at the within-budget loads.")
    print()
    print(f"| variant | pod share per editor | editors per pod within budget | at {headroom:.0%} of capacity | "
          f"CPU at the budget loads | `averageUtilization` that follows | replicas {k8s['min']}-{k8s['max']} serve |")
    print("|---|---|---|---|---|---|---|")
    recommendations = []
    for run in runs:
        variant = label(run["meta"]["variant"])
        paragraph = capacity.get((variant, "paragraph", args.beams))
        digest = capacity.get((variant, "digest", args.beams))
        if paragraph is None or digest is None:
            print(f"| {variant} | no {beams_name(args.beams)} load within budget for "
                  f"{'paragraphs' if paragraph is None else 'digests'} | | | | | |")
            continue
        article_cost = args.article_sentences / sentences_per_digest(run)
        share = (args.articles_per_hour / 3600 * article_cost / digest["requests_per_second"]
                 + args.paragraphs_per_hour / 3600 / paragraph["requests_per_second"])
        per_pod = headroom / share
        # The pod's CPU (share of its request) at the within-budget loads: the HPA must fire below it,
        # or it adds pods only once latency has broken the budget.
        cpus = [lv["cpu_cores"] / k8s["cpu"] for lv in (paragraph, digest) if "cpu_cores" in lv]
        busy = min(cpus) if cpus else None
        target = max(5, 5 * math.floor(headroom * busy * 100 / 5)) if busy is not None else k8s["target"]
        print(f"| {variant} | {share:.1%} | {math.floor(1 / share)} | {math.floor(per_pod)} | "
              f"{f'{busy:.0%}' if busy is not None else 'not measured'} | {target}% | "
              f"{math.floor(k8s['min'] * per_pod)}-{math.floor(k8s['max'] * per_pod)} editors |")
        recommendations.append((variant, per_pod, target))

    print()
    print("**HPA settings that follow** (`deploy/kubernetes/hpa.yaml`, now "
          f"{k8s['min']}-{k8s['max']} replicas at {k8s['target']}% CPU):\n")
    if not recommendations:
        print(f"- none follow: no {beams_name(args.beams)} load kept the budget (raise it, or measure lower loads)")
    for variant, per_pod, target in recommendations:
        line = f"- {variant}: `averageUtilization: {target}`"
        if args.editors:
            needed = math.ceil(args.editors / per_pod)
            line += (f"; {args.editors} editors at peak need {needed} pod{'s' if needed > 1 else ''}: "
                     f"`maxReplicas: {max(needed, 2)}`")
        else:
            line += (f"; `maxReplicas`: peak editors / {math.floor(per_pod)}, rounded up (`--editors N` "
                     f"computes it)")
        print(line + "; `minReplicas: 2`, so that one pod carries the load while the other restarts or is "
                     "drained (the PodDisruptionBudget keeps one).")


if __name__ == "__main__":
    main()
