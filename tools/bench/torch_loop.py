#!/usr/bin/python3
"""Baseline: the same model in PyTorch eager mode (what a Python user would run), greedy with a KV
cache, on the same weights and token ids, the same fixed number of new tokens. Prints JSON.

    torch_loop.py MODEL_DIR IDS_JSON
"""
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixture"))
import make_fixture as mf  # noqa: E402  (the model definition the test models are built from)

model_dir, ids_file = sys.argv[1], sys.argv[2]
spec = json.load(open(ids_file))
mf.D_MODEL, mf.HEADS, mf.LAYERS, mf.FFN = 512, 8, spec["layers"], 2048
torch.set_num_threads(os.cpu_count())
state = torch.load(os.path.join(model_dir, "pytorch_weights.pt"))
model = mf.Marian(state["shared.weight"].shape[0], spec["pad"])
model.load_state_dict(state)
model.eval()
pad, tokens = spec["pad"], spec["tokens"]


@torch.no_grad()
def generate(batch):
    ids, mask = mf.pad_batch(batch, pad)
    enc = model.encode(ids, mask)
    cross = model.cross_kv(enc)
    feed = torch.full((len(batch), 1), pad, dtype=torch.long)
    past = None
    for _ in range(tokens):
        logits, past = model.decode(feed, mask, cross, past)
        logits = logits[:, -1, :]
        logits[:, pad] = -float("inf")
        feed = logits.argmax(-1, keepdim=True)
    return len(batch) * tokens


def timed(batches):
    best, made = float("inf"), 0
    for _ in range(3):
        start = time.perf_counter()
        made = sum(generate(b) for b in batches)
        best = min(best, time.perf_counter() - start)
    return made / best


sentences = spec["sentences"]
generate(sentences[:2])
print(json.dumps({"batch1": timed([[s] for s in sentences[:5]]), "batched": timed([sentences])}))
