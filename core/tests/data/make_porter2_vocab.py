#!/usr/bin/env python3
"""Regenerates porter2_vocab.tsv, the fixture for core/tests/stem_vocab.rs.

Each line is `word<TAB>stem`, where the stem comes from the Snowball reference
implementation of the English (Porter2) stemmer, as published on PyPI:

    python3 -m venv /tmp/p2venv
    /tmp/p2venv/bin/pip install snowballstemmer==3.1.1
    /tmp/p2venv/bin/python core/tests/data/make_porter2_vocab.py \
        ../shared/eval/bbc/articles > core/tests/data/porter2_vocab.tsv

(paths relative to the workspace root). The output is deterministic.

The vocabulary is drawn from the BBC eval articles: lower-cased, ASCII-only
tokens of letters and apostrophes (curly apostrophes folded to `'`). Only the
word list is kept, never article text. To cover every rule of the algorithm
rather than just the most frequent words, words are bucketed by their last
three letters and taken round-robin from the buckets (in a fixed hash order)
until TARGET words are chosen. A hand-written list of tricky words (the
algorithm's exception lists, prefixes with special R1, Y handling,
apostrophes, short words) and a few hundred synthetic tokens made of
letters and apostrophes (seeded PRNG) are always included.
"""

import hashlib
import os
import random
import re
import sys

import snowballstemmer

REFERENCE_VERSION = "3.1.1"
TARGET = 3000

TRICKY = """
generously generous generate generates generated generating general generally
generation generations generator news skies skis sky dying lying tying flying
crying arsenal arsenic communism communist community communal commune
communication consign consigned consigning consignment consist consistency
'ed 'tis 'twas 'em ' '' ''' 's 'ss a an as is us ss yes ye y yy yyy ay aye
'y 'yes
andes atlas bias cosmos early gently howe idly only singly ugly
inning innings outing outings canning cannings herring herrings earring
earrings evening evenings proceed proceeded proceeding proceeds exceed
exceeded exceeding exceeds succeed succeeded succeeding succeeds
emerge emergency emergent emerging interest internal interview later
lateral laterally organ organic organise organization organizational
past paste pasted pasting pastes pastime universe universal university
universities caress caresses ponies ties cries tied cried dies died gas gaps
kiwis this bus gases cats added egged erred odd offed hoped hopping hoping
filed filled luxuriated luxuriating hopefulness controll roll rolled rolling
agreed feed bleed bled sing sings singing king kings fly flies
cry say says saying said played playing enjoy enjoying boy boys toy
youth yearly yellow year buy buying buys obey obeyed obeying destroy
sayyid ayyy yyy
running ran runner runs capabilities capability relational conditional
rational valency hesitancy digitizer conformable radically differently
analogous vileness vietnamization predication operator feudalism
decisiveness hopefulness callousness formality sensitivity sensibility
triplicate formative formalize electriciti electrical hopeful goodness
revival allowance inference airliner gyroscopic adjustable defensible
irritant replacement adjustment dependent adoption homologou communism
activate angulariti homologous effective bowdlerize
fluently geology geologist ecology ecologist biology biologist
o'neill don't won't can't shouldn't it's cat's cats' dogs's
ow owed owing
""".split()


def tokens(root):
    pat = re.compile(r"[a-z']+")
    for dirpath, _dirs, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8", errors="replace") as f:
                text = f.read().lower().replace("\u2019", "'").replace("\u2018", "'")
            for raw in re.split(r"[^a-z'\u0080-\U0010ffff]+", text):
                if not raw or not raw.isascii():
                    continue
                for tok in pat.findall(raw):
                    tok = tok.strip("'") if tok.strip("'") else tok
                    if len(tok) >= 2:
                        yield tok


def key(word):
    return hashlib.sha256(word.encode()).hexdigest()


def synthetic(count):
    rng = random.Random(20240607)
    # Weighted towards vowels, y and apostrophes so Y marking, regions and the
    # apostrophe rules get exercised beyond what real words reach.
    alphabet = "aeiouy'bcdglnrstwxz"
    suffixes = ["", "ed", "ing", "ly", "s", "ies", "y", "'s", "ement", "ation", "ness", "eed", "ll", "e"]
    out = []
    for _ in range(count):
        n = rng.randint(1, 9)
        w = "".join(rng.choice(alphabet) for _ in range(n)) + rng.choice(suffixes)
        out.append(w)
    return out


def main():
    from importlib.metadata import version

    got = version("snowballstemmer")
    if got != REFERENCE_VERSION:
        sys.exit(f"need snowballstemmer=={REFERENCE_VERSION}, found {got}")
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    stemmer = snowballstemmer.stemmer("english")

    seen = set(tokens(sys.argv[1]))
    buckets = {}
    for w in seen:
        buckets.setdefault(w[-3:], []).append(w)
    for b in buckets.values():
        b.sort(key=key)

    chosen = []
    chosen_set = set()

    def take(w):
        if w not in chosen_set:
            chosen_set.add(w)
            chosen.append(w)

    for w in TRICKY:
        take(w)
    for w in synthetic(400):
        take(w)
    order = sorted(buckets, key=key)
    depth = 0
    while len(chosen) < TARGET and any(len(buckets[s]) > depth for s in order):
        for s in order:
            if len(chosen) >= TARGET:
                break
            if len(buckets[s]) > depth:
                take(buckets[s][depth])
        depth += 1

    print("# word<TAB>Porter2 stem; generated by make_porter2_vocab.py with snowballstemmer "
          + REFERENCE_VERSION + "; do not edit by hand")
    for w in sorted(chosen):
        print(f"{w}\t{stemmer.stemWord(w)}")


if __name__ == "__main__":
    main()
