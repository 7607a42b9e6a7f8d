#!/usr/bin/env bash
# The page in a real browser (web/): builds the WebAssembly module and the
# page (web/build.sh, which also checks the 200 KB budget), the release CLI
# to compare against, and runs web/tests/ in Debian's Chromium driven
# headless by playwright-core (which downloads no browser). Installs
# Chromium with apt when missing (as root), and the test's npm packages
# from web/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing chromium (apt)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "web tests need Debian's chromium: apt-get install chromium" >&2
        exit 1
    fi
fi
bash web/build.sh
cargo build -q --release -p epitome-host
(cd web && npm ci --no-audit --no-fund --loglevel=error && node --test tests/)
