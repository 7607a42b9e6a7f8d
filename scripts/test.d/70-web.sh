#!/usr/bin/env bash
# The page in a real browser (web/): builds the WebAssembly module and the
# page (web/build.sh, which also checks the 200 KB budget), the release CLI
# to compare against, and runs web/tests/ in Debian's Chromium driven
# headless by playwright-core (which downloads no browser). Installs
# Chromium and binaryen (wasm-opt) with apt when missing (as root), and the test's npm packages
# from web/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in chromium:chromium wasm-opt:binaryen; do
    command -v "${tool%%:*}" >/dev/null 2>&1 && continue
    if [ "$(id -u)" -eq 0 ]; then
        echo "installing ${tool#*:} (apt)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool#*:}" >/dev/null
    else
        echo "web tests need Debian's ${tool#*:}: apt-get install ${tool#*:}" >&2
        exit 1
    fi
done
# The page is tested even when the module is over its size budget (status
# 3 of web/build.sh); the budget fails the script afterwards.
budget=0
bash web/build.sh || { budget=$?; [ "$budget" -eq 3 ] || exit "$budget"; }
cargo build -q --release -p epitome-host
(cd web && npm ci --no-audit --no-fund --loglevel=error && node --test tests/)
exit "$budget"
