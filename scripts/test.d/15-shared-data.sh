#!/usr/bin/env bash
# The tests that read the shared data sets (../shared, or $EPITOME_SHARED):
# they are marked #[ignore = "needs ../shared"], so the plain `cargo test` of
# the test command lists them as ignored rather than passing them vacuously;
# here they run (`--ignored` runs just those) whenever the data are there, and
# fail, never skip, when a file they need is missing. CI has ../shared: a run
# with CI set and no shared data fails. The keyword scorer comparison also
# needs the peers' Python venv (../shared/peers/setup.sh): made once under
# target/ unless PEERS_VENV names one.
set -euo pipefail
cd "$(dirname "$0")/../.."

shared="${EPITOME_SHARED:-../shared}"
if [ ! -d "$shared" ]; then
    if [ -n "${CI:-}" ]; then
        echo "shared data: $shared is absent, and CI must run the tests that need it" >&2
        exit 1
    fi
    echo "SKIPPED the tests marked 'needs ../shared' (listed as ignored above): $shared is absent"
    exit 0
fi
shared=$(cd "$shared" && pwd)

if [ -z "${PEERS_VENV:-}" ]; then
    export PEERS_VENV="$PWD/target/peers-venv"
    if [ ! -x "$PEERS_VENV/bin/python" ]; then
        if ! python3 -c 'import ensurepip' 2>/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "installing python3-venv"
            (apt-get update -qq && apt-get install -y -qq python3-venv) >/dev/null
        fi
        echo "making the peers' venv in $PEERS_VENV (../shared/peers/setup.sh)"
        rm -rf "$PEERS_VENV"
        bash "$shared/peers/setup.sh" >/dev/null
    fi
fi

export EPITOME_SHARED="$shared"
cargo test --tests -- --ignored
