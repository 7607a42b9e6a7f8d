#!/usr/bin/env bash
# The Python package (python/): lint its Rust, build the manylinux2014 wheel
# with zig (no Docker), install it into a virtual environment made here,
# check its stubs, and run its tests: the API, errors, hypothesis
# properties, doctests, equality with the CLI's --jsonl, and a real Spark
# session (local[2]) over the BBC articles. Installs what it needs on a
# fresh machine: python3-venv and a JDK (apt, when root), the Python
# packages (pip, pinned in python/requirements-test.txt). Cold: about
# 3 minutes of pip (PySpark is most of it) and 3 of building.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
venv=$root/target/python-venv

step() { printf -- '--- %s\n' "$*"; }

apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y -q "$@" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$@" >/dev/null; }
    else
        echo "60-python: $* missing and cannot be installed (not root, or no apt-get)" >&2
        exit 1
    fi
}

python3 -c 'import ensurepip, venv' 2>/dev/null || apt_install python3-venv
# PySpark 4 needs Java 17 or later.
java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' || apt_install openjdk-17-jre-headless

step "lint the extension module (not a default member: it needs Python to build)"
cargo clippy -p epitome-python --all-targets -- -D warnings

step "virtual environment $venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r python/requirements-test.txt

step "the CLI the tests compare with"
cargo build --release -q -p epitome-host

step "manylinux2014 wheel (maturin --zig: zig from the ziglang package, found through PATH)"
rm -rf target/wheels
(cd python && PATH="$venv/bin:$PATH" maturin build --release --zig --compatibility manylinux2014 -o "$root/target/wheels" -q)
wheel=$(ls target/wheels/epitome-*-manylinux*.whl)
echo "$wheel: $(stat -c %s "$wheel") bytes"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"

step "stubs match the module (mypy.stubtest)"
(cd /tmp && "$venv/bin/python" -m mypy.stubtest epitome --allowlist "$root/python/stubtest-allowlist.txt")

step "pytest (of the installed wheel: the pytest script, unlike python -m pytest, puts no python/ source on sys.path)"
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
# Every optional dependency (pandas, PySpark, Dask) is installed above, so a
# test that skips here (an `importorskip` whose module did not install) is a
# failure, not a pass.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$venv/bin/pytest" -c python/pyproject.toml -q -rs -p no:cacheprovider python/tests | tee "$log"
if grep -Eq '[0-9]+ skipped' "$log"; then
    echo "60-python: tests were skipped, though every dependency they need is installed here" >&2
    exit 1
fi
