#!/usr/bin/env bash
# Builds the page into target/web/: the WebAssembly module (the core and
# the screen crate behind web/src/ffi.rs's C ABI), the static files of
# web/www/ and the built-in sample articles. Prints the module's size and
# fails above the 200 KB budget. Serve the folder with any static server:
#
#   bash web/build.sh && python3 -m http.server -d target/web 8000   # then open http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/web
budget=200000

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
cargo build -q -p epitome-web --profile web --target wasm32-unknown-unknown

rm -rf "$out"
mkdir -p "$out/samples"
cp web/www/* "$out/"
cp target/wasm32-unknown-unknown/web/epitome_web.wasm "$out/epitome.wasm"

# The samples and their titles (the first non-empty line of each file).
entries=()
for f in host/sample/*.txt; do
    name=$(basename "$f")
    cp "$f" "$out/samples/$name"
    title=$(grep -m1 -v '^[[:space:]]*$' "$f" | sed 's/\\/\\\\/g; s/"/\\"/g')
    entries+=("{\"file\": \"$name\", \"title\": \"$title\"}")
done
(IFS=,; echo "[${entries[*]}]") > "$out/samples/index.json"

size=$(stat -c %s "$out/epitome.wasm")
echo "web: $out/epitome.wasm is $size bytes (budget $budget)"
if [ "$size" -gt "$budget" ]; then
    echo "web: the module is over its budget" >&2
    exit 1
fi
