import os
HERE = os.path.dirname(os.path.abspath(__file__))
import lzma,json,re
ABBR={'M','Mme','Mmes','MM','Dr','St','Ste','av','J.-C','cf','etc','n°','Mgr','Pr'}
def split(text):
    text=re.sub(r'\s+',' ',text).strip()
    # glued sentences: "Venise.Selon"
    text=re.sub(r'(?<=[a-zàâçéèêëîïôûùüÿ»"\)])([.!?])(?=[A-ZÀÂÉÈÊÎÔ«"])',r'\1 ',text)
    parts=[];start=0
    for m in re.finditer(r'(?<=[.!?…])(?:["»])?\s+(?=[A-ZÀÂÉÈÊÎÔÇ«"])',text):
        before=text[start:m.start()+0]
        last=re.findall(r'(\S+)$',text[:m.start()])
        tok=last[0].rstrip('.') if last else ''
        if tok in ABBR or re.fullmatch(r'[A-Z]',tok): continue
        end=m.end()
        s=text[start:end].strip()
        parts.append(s); start=end
    parts.append(text[start:].strip())
    return [p for p in parts if p]
def rows():
    return [json.loads(l) for l in lzma.open(os.environ.get('ORANGESUM_VALID', os.path.join(HERE, '../../../shared/data/orangesum/valid.jsonl.xz')),'rt')]
