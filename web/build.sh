#!/usr/bin/env bash
# Builds the page into target/web/: the WebAssembly module (the core and
# the screen crate behind web/src/ffi.rs's C ABI), the static files of
# web/www/ and the built-in sample articles (the CLI's, host/sample/, and
# the page's own in other languages, web/samples/). Prints the module's
# size and fails above the 200 KB budget (exit status 3, after building
# everything). Serve the folder with any static server:
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
module=target/wasm32-unknown-unknown/web/epitome_web.wasm
# Binaryen's optimizer (Debian's binaryen; scripts/test.d/70-web.sh installs
# it) shrinks what rustc and LLVM leave by about a tenth. Without it the
# page works the same with a bigger module. The features are those rustc
# emits for wasm32-unknown-unknown (the stripped module does not list them).
if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
        --enable-nontrapping-float-to-int "$module" -o "$out/epitome.wasm"
else
    echo "web: wasm-opt not found (apt-get install binaryen): the module is not optimized" >&2
    cp "$module" "$out/epitome.wasm"
fi

# The samples and their titles (the first non-empty line of each file).
entries=()
for f in host/sample/*.txt web/samples/*.txt; do
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
    exit 3
fi
