#!/usr/bin/env python3
"""Per-article scores of dumped summaries by ../shared/peers/peers.py's own code (for host/tests/eval.rs).

Usage: $PEERS_VENV/bin/python peers_scores.py PEERS_DIR DATASET DUMP LANG
Prints one JSON object: {id: {"budget": n, SYSTEM: {"rouge1": [p, r, f1], ...}, ...}} for every article of DATASET
and every DUMP/SYSTEM directory, each summary read and scored exactly as `peers.py --predictions DUMP/SYSTEM
--lang LANG` reads and scores it; "budget" is peers.py's reference sentence count.
"""
import json, os, sys

sys.path.insert(0, sys.argv[1])
import peers  # noqa: E402

dataset, dump, lang = sys.argv[2], sys.argv[3], peers.LANGUAGES[sys.argv[4]]
scorer = peers.make_scorer(lang)
systems = sorted(d for d in os.listdir(dump) if os.path.isdir(os.path.join(dump, d)))
out = {}
for ident, _article, ref_path in peers.load(dataset):
    ref = peers.read(ref_path) if os.path.exists(ref_path) else ""
    row = {"budget": peers.reference_sentence_count(ref, lang)}
    for system in systems:
        summary = peers.make_predictions(os.path.join(dump, system))(ident) or []
        sc = scorer.score(ref, "\n".join(summary))
        row[system] = {k: [sc[k].precision, sc[k].recall, sc[k].fmeasure] for k in ("rouge1", "rouge2", "rougeL")}
    out[ident] = row
json.dump(out, sys.stdout)
