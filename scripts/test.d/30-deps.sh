#!/usr/bin/env bash
# Dependency policy, offline: sources (crates.io or this repository only) and
# licenses (permissive SPDX expressions) of every crate in both lock files.
# cargo-deny/cargo-audit are not used: their advisory database lives on GitHub,
# which CI cannot reach, and installing cargo-deny compiles ~300 crates.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v python3 >/dev/null; then
    echo "SKIPPED dependency policy: no python3"
    exit 0
fi
python3 scripts/check_deps.py
