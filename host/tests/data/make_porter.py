#!/usr/bin/env python3
"""Writes porter.tsv: word <TAB> nltk PorterStemmer().stem(word), the fixture for host/src/porter.rs.

Run once with the peers venv (nltk 3.10.4):  $PEERS_VENV/bin/python host/tests/data/make_porter.py
Words: English words from the Python standard library's own source (not from ../shared), sampled with a
fixed seed, plus every crafted root x suffix combination below (each Porter rule and NLTK extension),
NLTK's irregular forms, mixed case and a few non-ASCII words.
"""
import glob, os, random, re, sysconfig

import nltk
from nltk.stem.porter import PorterStemmer

HERE = os.path.dirname(os.path.abspath(__file__))

words = set()
for path in sorted(glob.glob(os.path.join(sysconfig.get_paths()["stdlib"], "*.py"))):
    with open(path, encoding="utf-8", errors="replace") as f:
        words.update(re.findall(r"[a-z]{3,}", f.read().lower()))
sample = random.Random(0).sample(sorted(words), 4000)

roots = ["relat", "condit", "hop", "fall", "fil", "agre", "feed", "plast", "motor", "happ", "enjoy", "sky",
         "conform", "radic", "differ", "vil", "analog", "vietnam", "predic", "oper", "feud", "decis", "call",
         "formal", "sensit", "sensib", "triplic", "electr", "geolog", "theolog", "gener", "control", "roll",
         "tann", "fizz", "hiss", "bl", "sing", "pon", "caress", "ti", "di", "spi", "fl", "tr", "d", "news"]
suffixes = ["", "s", "es", "ies", "sses", "ss", "ed", "eed", "ied", "ing", "y", "ational", "tional", "enci",
            "anci", "izer", "bli", "abli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism",
            "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "fulli", "logi", "icate", "ative",
            "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence", "er", "ic", "able", "ible", "ant",
            "ement", "ment", "ent", "sion", "tion", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize", "e",
            "ll", "ally", "ities", "ations", "ingly", "edly"]
crafted = {r + s for r in roots for s in suffixes}
extra = ["sky", "skies", "dying", "lying", "tying", "news", "innings", "inning", "outings", "outing",
         "cannings", "canning", "howe", "proceed", "exceed", "succeed", "News", "Skies", "RUNNING", "Happy",
         "a", "is", "as", "us", "ox", "yes", "eyes", "yyy", "syzygy", "crying", "played", "sprayed", "oed",
         "naïve", "café", "cafés", "resumé", "über", "2004", "1990s", "mp3s", "x86", "ies", "ied", "eed", "ing"]

stemmer = PorterStemmer()
rows = sorted(set(sample) | crafted | set(extra))
with open(os.path.join(HERE, "porter.tsv"), "w", encoding="utf-8") as f:
    f.write(f"# word\tstem  (nltk {nltk.__version__} PorterStemmer(), NLTK_EXTENSIONS; made by make_porter.py)\n")
    for w in rows:
        f.write(f"{w}\t{stemmer.stem(w)}\n")
print(len(rows), "words")
