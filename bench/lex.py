import sys, logging
from bench.corpus import load_sentences
from qa import lexicon
from qa.lexical import LexicalRetriever
from qa.evaluate import load_items, evaluate
lex = lexicon.load() if "nolex" not in sys.argv else lexicon.Lexicon()
S = load_sentences("seeds")
r = LexicalRetriever(S, lex)
def rank(q):
    return [h.sentence.text for h in r.search(q, 5)]
for f in ["eval/dev.jsonl", "eval/heldout.jsonl"]:
    print("==", f); print(evaluate(load_items(f), rank).table())
