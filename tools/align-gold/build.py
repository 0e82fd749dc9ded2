"""Build alignment-gold.jsonl from annotations.txt (French text taken verbatim from OrangeSum valid)."""
import json, re, sys
from split import split, rows

def find(text, sub, what, sid):
    occ = None
    if re.search(r'#\d+$', sub):
        sub, occ = sub.rsplit('#', 1); occ = int(occ)
    hits = [m.start() for m in re.finditer(r'(?<!\w)' + re.escape(sub) + r'(?!\w)', text)]
    if not hits:
        sys.exit(f"{sid}: {what} span not found on word boundaries: {sub!r}\n  in: {text}")
    if occ is None and len(hits) > 1:
        sys.exit(f"{sid}: {what} span ambiguous ({len(hits)} hits): {sub!r}")
    s = hits[(occ or 1) - 1]
    return [s, s + len(sub)]

R = rows()
out = []
cur = None
HERE = __import__('os').path.dirname(__import__('os').path.abspath(__file__))
for line in open(HERE + '/annotations.txt', encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    if line.startswith('@ '):
        a, s = map(int, line[2:].split())
        cur = {"id": f"{a}-{s}", "french": split(R[a]['article'])[s], "english": None, "spans": []}
        out.append(cur)
    elif line.startswith('EN: '):
        cur["english"] = line[4:]
    else:
        kind, f, e, alone = [x.strip() for x in line.split(' | ')]
        cur["spans"].append({"kind": kind,
                             "f": find(cur["french"], f, "french", cur["id"]),
                             "e": find(cur["english"], e, "english", cur["id"]),
                             "alone": alone})
for o in out:
    o["spans"].sort(key=lambda sp: sp["f"][0])
    for sp in o["spans"]:
        n = len(o["french"][sp["f"][0]:sp["f"][1]].split())
        if (sp["kind"] == "clause" and n < 5) or (sp["kind"] == "phrase" and n > 4):
            print("length/kind mismatch:", o["id"], sp["kind"], n, o["french"][sp["f"][0]:sp["f"][1]])
with open(HERE + '/../../src/test/resources/html/alignment-gold.jsonl', 'w', encoding='utf-8') as fh:
    for o in out:
        fh.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(out), "sentences written")
