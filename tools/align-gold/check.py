#!/usr/bin/env python3
"""Validate /work/gold-wip/alignment-gold.jsonl (Passerelle FR->EN markup-alignment gold set).

Checks every line: JSON shape, id format and uniqueness, 2-3 spans, valid kinds,
offsets in range, spans on word boundaries (neighbour chars not letters/digits),
no leading/trailing whitespace (English: no leading/trailing punctuation either,
except the final dot of an abbreviation such as "p.m."), no overlapping spans
(French side and English side), non-empty "alone". Optionally (if the OrangeSum
validation file is present) checks that each French sentence occurs verbatim in
its article. Prints counts per kind. Exit status 1 on any error.
"""
import json, lzma, os, re, sys, collections

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../src/test/resources/html/alignment-gold.jsonl")
SRC = os.environ.get("ORANGESUM_VALID", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/data/orangesum/valid.jsonl.xz"))
KINDS = {"name", "number", "phrase", "clause"}
PUNCT = set(".,;:!?\"'«»“”‘’()[]{}-–—…/")  # symbols such as % or € may end a span

errors = []
def err(lineno, msg):
    errors.append(f"line {lineno}: {msg}")

def is_wordchar(c):
    return c.isalnum()

def check_span(lineno, text, se, side, field):
    if not (isinstance(se, list) and len(se) == 2 and all(isinstance(x, int) for x in se)):
        err(lineno, f"{side} offsets malformed: {se!r}"); return None
    s, e = se
    if not (0 <= s < e <= len(text)):
        err(lineno, f"{side} offsets out of range: {se} (len {len(text)})"); return None
    frag = text[s:e]
    if frag != frag.strip():
        err(lineno, f"{side} span has surrounding whitespace: {frag!r}")
    if s > 0 and is_wordchar(text[s - 1]):
        err(lineno, f"{side} span preceded by a letter/digit (not on a word boundary): {frag!r}")
    if e < len(text) and is_wordchar(text[e]):
        err(lineno, f"{side} span followed by a letter/digit (not on a word boundary): {frag!r}")
    if frag[0] in PUNCT:
        err(lineno, f"{side} span starts with punctuation: {frag!r}")
    if frag[-1] in PUNCT and not re.search(r"\b[a-z]\.[a-z]\.$", frag):
        err(lineno, f"{side} span ends with punctuation: {frag!r}")
    return (s, e)

def main():
    articles = None
    if os.path.exists(SRC):
        articles = [re.sub(r"\s+", " ", json.loads(l)["article"]) for l in lzma.open(SRC, "rt", encoding="utf-8")]
    counts = collections.Counter()
    ids, arts = set(), set()
    n = 0
    with open(PATH, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                err(lineno, "empty line"); continue
            try:
                o = json.loads(line)
            except json.JSONDecodeError as ex:
                err(lineno, f"bad JSON: {ex}"); continue
            n += 1
            if set(o) != {"id", "french", "english", "spans"}:
                err(lineno, f"unexpected keys {sorted(o)}")
            fr, en, spans = o.get("french", ""), o.get("english", ""), o.get("spans", [])
            m = re.fullmatch(r"(\d+)-(\d+)", str(o.get("id", "")))
            if not m:
                err(lineno, f"bad id {o.get('id')!r}")
            else:
                if o["id"] in ids: err(lineno, f"duplicate id {o['id']}")
                ids.add(o["id"])
                a = int(m.group(1))
                if a in arts: err(lineno, f"article {a} used twice")
                arts.add(a)
                if articles is not None:
                    if a >= len(articles): err(lineno, f"article index {a} out of range")
                    elif fr not in articles[a]: err(lineno, "french sentence not found verbatim in its article")
            if fr != fr.strip() or en != en.strip() or not fr or not en:
                err(lineno, "french/english empty or with surrounding whitespace")
            if not 8 <= len(fr.split()) <= 40:
                err(lineno, f"french sentence has {len(fr.split())} words (want 8-40)")
            if not isinstance(spans, list) or not 2 <= len(spans) <= 3:
                err(lineno, f"needs 2-3 spans, has {len(spans) if isinstance(spans, list) else spans!r}")
                continue
            fs, es = [], []
            for sp in spans:
                if set(sp) != {"kind", "f", "e", "alone"}:
                    err(lineno, f"span keys {sorted(sp)}")
                if sp.get("kind") not in KINDS:
                    err(lineno, f"invalid kind {sp.get('kind')!r}")
                else:
                    counts[sp["kind"]] += 1
                if not isinstance(sp.get("alone"), str) or not sp["alone"].strip() or sp["alone"] != sp["alone"].strip():
                    err(lineno, f"bad 'alone': {sp.get('alone')!r}")
                f = check_span(lineno, fr, sp.get("f"), "french", "f")
                e = check_span(lineno, en, sp.get("e"), "english", "e")
                if f: fs.append(f)
                if e: es.append(e)
            for side, lst in (("french", fs), ("english", es)):
                lst = sorted(lst)
                for (s1, e1), (s2, e2) in zip(lst, lst[1:]):
                    if s2 < e1:
                        err(lineno, f"overlapping {side} spans {[s1, e1]} and {[s2, e2]}")
    total = sum(counts.values())
    print(f"sentences: {n}   spans: {total}   articles: {len(arts)}")
    for k in ("name", "number", "phrase", "clause"):
        print(f"  {k:7s} {counts[k]:4d}  ({100 * counts[k] / max(total, 1):.1f}%)")
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK: all checks passed")

if __name__ == "__main__":
    main()
