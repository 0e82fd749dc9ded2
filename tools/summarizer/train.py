"""Trains the digest's word model on OrangeSum and exports it to ONNX.

Usage (Debian's python3-torch, python3-onnx, python3-numpy; see README.md beside this file):
    tools/summarizer/train.sh            # dumps units with the service's own splitter, then runs this

Reads the units the service cut from each article (digest-eval --dump: the same sentence splitter,
boilerplate filter and quote grouping as the service) with the word features Java computed,
recomputes every feature here and stops if one differs, labels each distinct word of an article
with how often the journalist's abstract uses it (at least 1, 2, 3 times: what ROUGE-1's clipped
overlap counts), fits a small network to predict those probabilities, and writes
src/main/resources/summarizer/digest-words.onnx, the frequent-word vocabulary beside it, and the
parity fixture Java's tests read.
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
RESOURCES = os.path.join(ROOT, "src/main/resources/summarizer")
MODEL = os.path.join(RESOURCES, "digest-words.onnx")
VOCABULARY = os.path.join(RESOURCES, "frequent-words.txt")
PARITY = os.path.join(ROOT, "src/test/resources/summarizer/parity.json")
TITLE_DROPOUT = 0.3   # share of training articles seen without their headline: requests often have none
FREQUENT = 60         # the abstracts' most used words, known to the model by identity
USES = 3              # probabilities of at least 1 .. USES uses in the abstract
SEED = 20261127


def read(path):
    with open(path, encoding="utf-8") as f:
        return [a for a in map(json.loads, f) if a["units"]]


def check(a):
    """Python's features of an article must be Java's."""
    words, rows = F.word_features(a["units"], a["title"])
    if words != a["words"]:
        sys.exit(f"article {a['id']}: Python and Java see different words")
    diff = np.abs(np.array(rows, dtype=np.float32) - np.array(a["features"], dtype=np.float32)).max()
    if diff > 1e-5:
        sys.exit(f"article {a['id']}: Python and Java features differ by {diff}")


def table(articles, vocabulary, rng, dropout):
    X, ids, Y = [], [], []
    for a in articles:
        title = "" if dropout and rng.random() < dropout else a["title"]
        words, rows = F.word_features(a["units"], title)
        reference = Counter(F.words(a["heading"]))
        X += rows
        ids += [vocabulary.get(w, len(vocabulary)) for w in words]
        Y += [[float(reference[w] > j) for j in range(USES)] for w in words]
    return (np.array(X, dtype=np.float32), np.array(ids, dtype=np.int64), np.array(Y, dtype=np.float32))


class WordModel(torch.nn.Module):
    """Standardised features plus a learned vector per frequent word, a small MLP, USES probabilities."""

    def __init__(self, mean, std, vocabulary_size, hidden):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.embedding = torch.nn.Embedding(vocabulary_size + 1, 8)
        self.net = torch.nn.Sequential(torch.nn.Linear(len(mean) + 8, hidden), torch.nn.ReLU(),
                                       torch.nn.Linear(hidden, hidden), torch.nn.ReLU(),
                                       torch.nn.Linear(hidden, USES))

    def logits(self, features, word):
        return self.net(torch.cat([(features - self.mean) / self.std, self.embedding(word)], dim=1))

    def forward(self, features, word):
        return torch.sigmoid(self.logits(features, word))


def fit(X, ids, Y, vocabulary_size, hidden, epochs):
    torch.manual_seed(SEED)
    model = WordModel(X.mean(0), X.std(0) + 1e-6, vocabulary_size, hidden)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    x, w, y = torch.tensor(X), torch.tensor(ids), torch.tensor(Y)
    for epoch in range(epochs):
        perm = torch.randperm(len(x))
        total = 0.0
        for b in range(0, len(x), 2048):
            idx = perm[b:b + 2048]
            opt.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model.logits(x[idx], w[idx]), y[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        print(f"epoch {epoch + 1}: log loss {total / len(x):.4f}", flush=True)
    return model


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train", required=True)
    p.add_argument("--valid", required=True)
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--epochs", type=int, default=6)
    args = p.parse_args()
    rng = random.Random(SEED)
    train, valid = read(args.train), read(args.valid)
    for a in train + valid:
        check(a)
    print(f"{len(train)} training articles; Python and Java features agree", flush=True)
    counts = Counter()
    for a in train:
        counts.update(F.words(a["heading"]))
    frequent = [w for w, _ in counts.most_common(FREQUENT)]
    vocabulary = {w: i for i, w in enumerate(frequent)}
    X, ids, Y = table(train, vocabulary, rng, TITLE_DROPOUT)
    print(f"{len(X)} training words; abstract use rates {Y.mean(0).round(4).tolist()}", flush=True)
    model = fit(X, ids, Y, len(vocabulary), args.hidden, args.epochs).eval()
    Xv, idsv, Yv = table(valid, vocabulary, rng, 0)
    with torch.no_grad():
        loss = torch.nn.functional.binary_cross_entropy(model(torch.tensor(Xv), torch.tensor(idsv)),
                                                        torch.tensor(Yv)).item()
    print(f"validation log loss {loss:.4f}")
    os.makedirs(RESOURCES, exist_ok=True)
    with open(VOCABULARY, "w", encoding="utf-8") as f:
        f.write("\n".join(frequent) + "\n")
    torch.onnx.export(model, (torch.zeros(3, len(F.NAMES)), torch.zeros(3, dtype=torch.int64)), MODEL,
                      input_names=["features", "word"], output_names=["probability"],
                      dynamic_axes={"features": {0: "words"}, "word": {0: "words"}, "probability": {0: "words"}},
                      opset_version=13)
    print(f"wrote {MODEL} ({os.path.getsize(MODEL)} bytes) and {VOCABULARY}")
    write_parity(model, vocabulary, valid[:20])


def write_parity(model, vocabulary, articles):
    """Units, word features with and without headline, and the model's outputs, for Java's parity tests."""
    cases = []
    for a in articles:
        for title in (a["title"], ""):
            words, rows = F.word_features(a["units"], title)
            ids = [vocabulary.get(w, len(vocabulary)) for w in words]
            with torch.no_grad():
                out = model(torch.tensor(rows, dtype=torch.float32), torch.tensor(ids)).tolist()
            cases.append({"id": a["id"], "title": title, "units": a["units"], "words": words, "features": rows,
                          "probability": out})
    os.makedirs(os.path.dirname(PARITY), exist_ok=True)
    with open(PARITY, "w", encoding="utf-8") as f:
        json.dump({"names": F.NAMES, "cases": cases}, f, ensure_ascii=False)
    print(f"wrote {PARITY}")


if __name__ == "__main__":
    main()
