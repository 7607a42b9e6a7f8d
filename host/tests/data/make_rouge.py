#!/usr/bin/env python3
"""Writes rouge.jsonl: summary/reference pairs scored by Google's rouge-score 0.1.2 (use_stemmer=True),
the fixture that host/src/rouge.rs must match to within 0.001 (host/tests/rouge.rs).

Run once with the peers venv:  $PEERS_VENV/bin/python host/tests/data/make_rouge.py
Text: docstrings of the Python standard library (English prose, not ../shared data), cut into sentences;
each reference is a few sentences of one docstring and its summary mixes some of them (sometimes
reordered or cut) with sentences from elsewhere, so overlap ranges from none to total. A handful of
hand-written edge cases (empty, punctuation only, non-ASCII, digits, repeated words) come first.
"""
import ast, glob, json, os, random, re, sysconfig

import rouge_score
from rouge_score import rouge_scorer

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(4)

docs = []
for path in sorted(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "*.py"))):
    try:
        tree = ast.parse(open(path, encoding="utf-8").read())
    except (SyntaxError, UnicodeDecodeError):
        continue
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)):
            d = ast.get_docstring(node)
            if d:
                sents = [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(d.split())) if len(s.split()) >= 4]
                if len(sents) >= 4:
                    docs.append(sents)
docs = rng.sample(docs, 120)

pairs = [
    ("", "Nothing here."),
    ("A reference with words.", ""),
    ("!!! ... ???", "--- ,,,"),
    ("The cats were running quickly.", "The cat runs quickly."),
    ("Généralement, İstanbul’s café served 3 naïve visitors in 2004.", "In 2004 Istanbul's cafe served three visitors."),
    ("the the the the", "the the"),
    ("Profits rose 12.5% to $1.2bn (£650m) in Q3; analysts expected 11%.", "Profits rose 12.5% in Q3."),
    ("News: the sky is falling, skies are grey.", "The news says skies fall."),
    ("Line one.\nLine two.\n\nLine three is longer than the others.", "Line three is longer.\nLine one."),
    ("Generalizations about organizational effectiveness.", "Organizations generalize effectively."),
]
for sents in docs:
    k = rng.randint(2, min(5, len(sents)))
    start = rng.randint(0, len(sents) - k)
    ref = sents[start:start + k]
    keep = [s for s in ref if rng.random() < 0.6]
    other = rng.choice(docs)
    summ = keep + rng.sample(other, rng.randint(0, 2))
    if rng.random() < 0.3:
        rng.shuffle(summ)
    if summ and rng.random() < 0.3:
        words = summ[0].split()
        summ[0] = " ".join(words[: max(1, len(words) // 2)])
    joiner = rng.choice([" ", "\n"])
    pairs.append((joiner.join(ref), "\n".join(summ)))

scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
with open(os.path.join(HERE, "rouge.jsonl"), "w", encoding="utf-8") as f:
    for ref, summ in pairs:
        sc = scorer.score(ref, summ)
        row = {"reference": ref, "summary": summ}
        for k in ("rouge1", "rouge2", "rougeL"):
            row[k] = [sc[k].precision, sc[k].recall, sc[k].fmeasure]
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(pairs), "pairs")
