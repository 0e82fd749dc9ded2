#!/usr/bin/python3
"""Draws the benchmark's cost curves from the JSON that curves.py wrote, one file per model variant
(fp32, int8), into three PNGs:

  bench-concurrency.png  paragraph requests: sentences/s, p50 and p95 latency against concurrent clients
  bench-size.png         one request alone: latency, and sentences/s, against the sentences it holds
  bench-digest.png       digests of the sample article: digests/s, p50 and p95 against concurrent clients

Colour is the variant, line style the beam width (solid greedy, dashed beam 4); a red cross marks a
point where some requests did not answer 200 (its figures count the answered ones only). The
subtitle says which model, how many new tokens per sentence, on how many cores and when.
Needs matplotlib (Debian: apt-get install -y python3-matplotlib).

    plot_curves.py OUT_DIR CURVES_JSON [CURVES_JSON...]
"""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import ticker  # noqa: E402

COLOURS = {"fp32": "tab:blue", "int8": "tab:orange"}
STYLES = {1: "-", 4: "--"}


def label(variant):
    return "int8" if variant == "quantized" else variant


def beams_name(beams):
    return "greedy" if beams == 1 else f"beam {beams}"


def subtitle(runs):
    meta = runs[0]["meta"]
    model = meta["model"]["models"][0]
    dims = model.get("dimensions", {})
    tokens = meta.get("fixed_new_tokens")
    return (f"model {model['id']} (d_model {dims.get('dModel')}, {dims.get('encoderLayers')}+"
            f"{dims.get('decoderLayers')} layers, vocabulary {dims.get('vocabSize')}), "
            f"{f'{tokens} new tokens per sentence, ' if tokens else ''}sentence cache off, "
            f"{meta['cores']} cores, {meta['date'][:10]}")


def series(points, key):
    """{(beams): sorted points} of one run's sweep."""
    out = {}
    for p in points:
        if p.get(key) is not None:
            out.setdefault(p["beams"], []).append(p)
    return {b: sorted(ps, key=lambda p: p[key]) for b, ps in sorted(out.items())}


def line(ax, run, points, x, y, beams):
    variant = label(run["meta"]["variant"])
    xs, ys = [p[x] for p in points], [p[y] for p in points]
    ax.plot(xs, ys, STYLES.get(beams, ":"), marker="o", markersize=4, color=COLOURS.get(variant),
            label=f"{variant}, {beams_name(beams)}")
    failed = [(p[x], p[y]) for p in points if p.get("errors") and p[y] is not None]
    if failed:
        ax.plot(*zip(*failed), "x", color="red", markersize=9, markeredgewidth=2)


def legend(ax, runs, sweep):
    """The legend, with the red cross explained when some point has one."""
    if any(p.get("errors") for r in runs for p in r[sweep]):
        ax.plot([], [], "x", color="red", markersize=9, markeredgewidth=2, label="some requests not 200")
    ax.legend()


def clients_axis(ax, runs, sweep):
    clients = sorted({p["clients"] for r in runs for p in r[sweep]})
    ax.set_xscale("log", base=2)
    ax.set_xticks(clients, [str(c) for c in clients])
    ax.set_xlabel("concurrent clients")
    ax.grid(True, which="both", alpha=0.3)


def against_clients(runs, sweep, title, panels, path):
    """One figure of three panels against concurrent clients: (key, y label) each."""
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4.4))
    for ax, (key, ylabel) in zip(axes, panels):
        for run in runs:
            for beams, points in series(run[sweep], "clients").items():
                line(ax, run, [p for p in points if p.get(key) is not None], "clients", key, beams)
        clients_axis(ax, runs, sweep)
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
    legend(axes[0], runs, sweep)
    fig.suptitle(title, fontsize=13)
    fig.text(0.5, 0.005, subtitle(runs), ha="center", fontsize=8, color="dimgray")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def against_size(runs, path):
    fig, (latency, rate) = plt.subplots(1, 2, figsize=(11, 4.4))
    for run in runs:
        for beams, points in series(run["size"], "sentences").items():
            points = [p for p in points if p["p50"] is not None]
            for p in points:
                p["sentences_per_second"] = p["sentences"] / p["p50"]
            line(latency, run, points, "sentences", "p50", beams)
            # The spread of the repeats, lowest to highest.
            latency.fill_between([p["sentences"] for p in points], [p["min"] for p in points],
                                 [p["max"] for p in points], color=COLOURS.get(label(run["meta"]["variant"])),
                                 alpha=0.12)
            line(rate, run, points, "sentences", "sentences_per_second", beams)
    sizes = sorted({p["sentences"] for r in runs for p in r["size"] if p["sentences"]})
    for ax in (latency, rate):
        ax.set_xscale("log")
        ax.set_xticks(sizes, [str(s) for s in sizes])
        ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        ax.set_xlabel("sentences in the request (as the service counted them)")
        ax.grid(True, which="both", alpha=0.3)
    # Latency spans two orders of magnitude: log scale, ticks at 1-2-5 written as plain seconds.
    latency.set_yscale("log")
    latency.yaxis.set_major_locator(ticker.LogLocator(subs=(1, 2, 5)))
    latency.yaxis.set_major_formatter(ticker.FormatStrFormatter("%g"))
    latency.yaxis.set_minor_formatter(ticker.NullFormatter())
    latency.set_ylabel("latency (s): median of the repeats, band min-max")
    rate.set_ylabel("sentences/s (size / median latency)")
    rate.set_ylim(bottom=0)
    legend(latency, runs, "size")
    fig.suptitle("One POST /v1/translate request alone, against its size", fontsize=13)
    fig.text(0.5, 0.005, subtitle(runs), ha="center", fontsize=8, color="dimgray")
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main():
    out, files = sys.argv[1], sys.argv[2:]
    if not files:
        sys.exit(__doc__)
    runs = []
    for name in files:
        with open(name) as f:
            runs.append(json.load(f))
    os.makedirs(out, exist_ok=True)
    written = []
    if any(r["concurrency"] for r in runs):
        written.append(os.path.join(out, "bench-concurrency.png"))
        against_clients(runs, "concurrency", "Paragraph requests (POST /v1/translate), against concurrent clients",
                        [("sentences_per_second", "throughput (sentences/s)"),
                         ("p50", "latency p50 (s)"), ("p95", "latency p95 (s)")], written[-1])
    if any(r["size"] for r in runs):
        written.append(os.path.join(out, "bench-size.png"))
        against_size(runs, written[-1])
    if any(r["digest"] for r in runs):
        written.append(os.path.join(out, "bench-digest.png"))
        article = runs[0]["meta"]["article"]
        against_clients(runs, "digest", f"Digests of {os.path.basename(article)} (POST /v1/digest), "
                                        "against concurrent clients",
                        [("requests_per_second", "throughput (digests/s)"),
                         ("p50", "latency p50 (s)"), ("p95", "latency p95 (s)")], written[-1])
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
