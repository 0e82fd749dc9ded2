"""The digest ranking's features, as dev.passerelle.summarize.trained.UnitFeatures computes them.

Both sides must give the same numbers: the Java service reads these features at run time and the
model was trained on them. train.py checks every article of the training dump against the figures
Java wrote, and UnitFeaturesParityTest checks Java against the fixture this script writes.
"""
import math
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

NAMES = ["inverse_position", "first", "second", "third", "relative_position", "log_units", "log_words",
         "short", "long", "centrality", "spread", "title_recall", "title_precision", "has_title",
         "log_numbers", "capitalised", "has_quote", "starts_with_quote", "log_first_person", "question",
         "content_ratio", "log_dates"]

FIRST_PERSON = {"je", "j", "nous", "me", "m", "mon", "ma", "mes", "notre", "nos", "vous"}
DATES = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février",
         "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
         "hier", "aujourd", "demain"}
# Java's String.strip(): Character.isWhitespace, which (unlike Python's isspace) excludes no-break spaces.
JAVA_WHITESPACE = "".join(chr(c) for c in range(0x3000 + 1)
                          if chr(c).isspace() and chr(c) not in "\u00a0\u2007\u202f") + "\u001c\u001d\u001e\u001f"


def read_stop_words():
    """Lucene's FrenchAnalyzer default stop set: Snowball's list, '|' starts a comment."""
    words = set()
    with open(os.path.join(HERE, "french_stop.txt"), encoding="utf-8") as f:
        for line in f:
            words.update(line.split("|", 1)[0].split())
    return words


STOP = read_stop_words()


def raw_words(text):
    """Maximal runs of letters (Unicode L*) and decimal digits (Nd), as written."""
    out, current = [], []
    for ch in text:
        if ch.isalpha() or ch.isdecimal():
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def words(text):
    return [w.lower() for w in raw_words(text)]


def is_content(word):
    return len(word) > 1 and word not in STOP


def features(units, title):
    """One row of len(NAMES) floats per unit; title may be ''."""
    n = len(units)
    ws = [words(u) for u in units]
    tf = [Counter(w for w in x if is_content(w)) for x in ws]
    norm = [math.sqrt(sum(float(c) * c for c in t.values())) for t in tf]
    df = Counter()
    for t in tf:
        df.update(t.keys())
    title_words = {w for w in words(title) if is_content(w)}
    rows = []
    for i, unit in enumerate(units):
        text = unit.strip(JAVA_WHITESPACE)
        w = ws[i]
        types = set(tf[i].keys())
        centrality = 0.0
        for j in range(n):
            if j != i and norm[i] > 0 and norm[j] > 0:
                centrality += sum(c * float(tf[j].get(k, 0)) for k, c in tf[i].items()) / (norm[i] * norm[j])
        centrality = centrality / (n - 1) if n > 1 else 0.0
        spread = sum(df[k] for k in types) / (len(types) * n) if types else 0.0
        shared = len(types & title_words)
        raw = raw_words(text)
        capitalised = sum(1 for r in raw[1:] if r[0].isupper())
        content = sum(1 for x in w if is_content(x))
        rows.append([
            1.0 / (1 + i), float(i == 0), float(i == 1), float(i == 2), i / max(1, n - 1),
            math.log(n), math.log(1 + len(w)), float(len(w) < 8), float(len(w) > 40), centrality, spread,
            shared / len(title_words) if title_words else 0.0,
            shared / len(types) if title_words and types else 0.0,
            float(bool(title_words)),
            math.log(1 + sum(1 for x in w if x.isdecimal())),
            capitalised / max(1, len(w)),
            float(any(c in text for c in "«»“”\"")),
            float(text[:1] in ("«", "“", "\"") and text != ""),
            math.log(1 + sum(1 for x in w if x in FIRST_PERSON)),
            float(text.endswith("?")),
            content / max(1, len(w)),
            math.log(1 + sum(1 for x in w if x in DATES)),
        ])
    return rows
