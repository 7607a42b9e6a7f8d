#!/usr/bin/env bash
# Draws the README's picture: the first page the 128x64 OLED shows for the
# built-in sample corpus (its digest), enlarged 4x.
# `cargo test -p epitome-host --test screen readme_picture_is_fresh` checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p epitome-host -- screen host/sample -o screen/sample-page.png
