#!/usr/bin/env bash
# Runs scripts/extract_peers.py (trafilatura and readability-lxml on the
# OrangeSum pages, and the scorer) in its own venv, made on first use under
# target/extract-peers-venv (PyPI: trafilatura, readability-lxml).
# Not part of CI: the figures go to EVALUATION.md by hand.
#   bash scripts/extract_peers.sh ../shared/eval/orangesum [--predictions DIR ...]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/extract-peers-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    # An older pip's resolver fails on trafilatura's lxml[html-clean] extra.
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet "trafilatura==2.*" "readability-lxml>=0.8" lxml_html_clean
fi
exec "$venv/bin/python" scripts/extract_peers.py "$@"
