"""The digest word model's features, as dev.passerelle.summarize.trained.WordFeatures computes them.

Both sides must give the same numbers: the Java service reads these features at run time and the
model was trained on them. train.py checks every article of the training dump against the figures
Java wrote, and WordFeaturesParityTest checks Java against the fixture this script writes.
"""
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))

NAMES = ["in_title", "has_title", "log_count", "unit_share", "inverse_first", "in_first", "relative_first",
         "log_count_first", "log_count_lead", "stop", "number", "log_length", "capitalised", "log_units"]
LEAD = 3  # units counted as the article's lead by log_count_lead


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


def word_features(units, title):
    """The article's distinct words in order of first use, and one row of len(NAMES) floats for each."""
    n = len(units)
    stats = {}  # word -> [count, units, first, in_first, in_lead, capitalised]
    for i, unit in enumerate(units):
        seen = set()
        for j, raw in enumerate(raw_words(unit)):
            w = raw.lower()
            s = stats.setdefault(w, [0, 0, i, 0, 0, 0])
            s[0] += 1
            if w not in seen:
                seen.add(w)
                s[1] += 1
            s[3] += i == 0
            s[4] += i < LEAD
            s[5] += j > 0 and raw[0].isupper()
    title_words = set(words(title))
    types = list(stats)
    rows = []
    for w in types:
        count, in_units, first, in_first, in_lead, capitalised = stats[w]
        rows.append([
            float(w in title_words), float(bool(title_words)), math.log(1 + count), in_units / n,
            1.0 / (1 + first), float(first == 0), first / max(1, n - 1), math.log(1 + in_first),
            math.log(1 + in_lead), float(w in STOP), float(w.isdecimal()), math.log(len(w)),
            capitalised / count, math.log(n),
        ])
    return types, rows
