"""Trains the digest's ranking model on OrangeSum and exports it to ONNX.

Usage (Debian's python3-torch, python3-onnx, python3-numpy; see README.md beside this file):
    tools/summarizer/train.sh            # dumps units with the service's own splitter, then runs this

Reads the units the service cut from each article (digest-eval --dump: the same sentence splitter,
boilerplate filter and quote grouping as the service) with the features Java computed, recomputes
every feature here and stops if one differs, labels each unit with the number of words it shares
with the journalist's abstract (ROUGE-1's clipped unigram overlap), fits a small network to predict
it, and writes src/main/resources/summarizer/digest-ranker.onnx plus the parity fixture Java's tests
read.
"""
import argparse
import json
import os
import random
import sys
from collections import Counter

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features as F  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODEL = os.path.join(ROOT, "src/main/resources/summarizer/digest-ranker.onnx")
PARITY = os.path.join(ROOT, "src/test/resources/summarizer/parity.json")
TITLE_DROPOUT = 0.3   # share of training articles seen without their headline: requests often have none
SEED = 20261127


def overlap(unit_words, reference):
    """ROUGE-1's clipped unigram overlap of a unit with the reference's words."""
    return sum((Counter(unit_words) & reference).values())


def load(path, rng, dropout, check):
    X, Y, articles = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            units = a["units"]
            if not units:
                continue
            rows = F.features(units, a["title"])
            if check:
                diff = np.abs(np.array(rows, dtype=np.float32) - np.array(a["features"], dtype=np.float32)).max()
                if diff > 1e-5:
                    sys.exit(f"article {a['id']}: Python and Java features differ by {diff}")
            if dropout and rng.random() < dropout:
                rows = F.features(units, "")
            reference = Counter(F.words(a["heading"]))
            X += rows
            Y += [overlap(F.words(u), reference) for u in units]
            articles.append(a)
    return np.array(X, dtype=np.float32), np.array(Y, dtype=np.float32), articles


class Ranker(torch.nn.Module):
    """Standardises the features (the training set's mean and spread, baked in), then a small MLP."""

    def __init__(self, mean, std, hidden):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        width = len(mean)
        self.net = torch.nn.Sequential(torch.nn.Linear(width, hidden), torch.nn.ReLU(),
                                       torch.nn.Linear(hidden, hidden), torch.nn.ReLU(),
                                       torch.nn.Linear(hidden, 1))

    def forward(self, features):
        return self.net((features - self.mean) / self.std)


def fit(X, Y, hidden, epochs):
    torch.manual_seed(SEED)
    model = Ranker(X.mean(0), X.std(0) + 1e-6, hidden)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    x, y = torch.tensor(X), torch.tensor(Y)[:, None]
    for epoch in range(epochs):
        perm = torch.randperm(len(x))
        total = 0.0
        for b in range(0, len(x), 512):
            idx = perm[b:b + 512]
            opt.zero_grad()
            loss = ((model(x[idx]) - y[idx]) ** 2).mean()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        print(f"epoch {epoch + 1}: mse {total / len(x):.3f}", flush=True)
    return model


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train", required=True)
    p.add_argument("--valid", required=True)
    p.add_argument("--hidden", type=int, default=32)
    p.add_argument("--epochs", type=int, default=15)
    args = p.parse_args()
    rng = random.Random(SEED)
    X, Y, _ = load(args.train, rng, TITLE_DROPOUT, check=True)
    print(f"{len(X)} training units; Python and Java features agree", flush=True)
    Xv, Yv, valid = load(args.valid, rng, 0, check=True)
    model = fit(X, Y, args.hidden, args.epochs).eval()
    with torch.no_grad():
        mse = ((model(torch.tensor(Xv))[:, 0] - torch.tensor(Yv)) ** 2).mean().item()
    print(f"validation mse {mse:.3f} (predicting the mean: {((Yv - Y.mean()) ** 2).mean():.3f})")
    os.makedirs(os.path.dirname(MODEL), exist_ok=True)
    torch.onnx.export(model, torch.zeros(3, len(F.NAMES)), MODEL, input_names=["features"],
                      output_names=["overlap"], dynamic_axes={"features": {0: "units"}, "overlap": {0: "units"}},
                      opset_version=13)
    print(f"wrote {MODEL} ({os.path.getsize(MODEL)} bytes)")
    write_parity(model, valid[:20])


def write_parity(model, articles):
    """Units, features with and without headline, and the model's outputs, for Java's parity tests."""
    cases = []
    for a in articles:
        for title in (a["title"], ""):
            rows = F.features(a["units"], title)
            with torch.no_grad():
                out = model(torch.tensor(rows, dtype=torch.float32))[:, 0].tolist()
            cases.append({"id": a["id"], "title": title, "units": a["units"], "features": rows, "overlap": out})
    os.makedirs(os.path.dirname(PARITY), exist_ok=True)
    with open(PARITY, "w", encoding="utf-8") as f:
        json.dump({"names": F.NAMES, "cases": cases}, f, ensure_ascii=False)
    print(f"wrote {PARITY}")


if __name__ == "__main__":
    main()
