// The page's worker: loads epitome.wasm once and answers each request from
// app.js, so that a long article never freezes the page. The module's C ABI
// (web/src/ffi.rs): write the UTF-8 text into the buffer epitome_input(len)
// returns, call epitome_summarize or epitome_page, read epitome_output();
// epitome_languages() lists the languages it reads.
"use strict";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const module = WebAssembly.instantiateStreaming(fetch("epitome.wasm"), {}).then((r) => r.instance.exports);

function setInput(wasm, text) {
  const bytes = encoder.encode(text);
  const ptr = wasm.epitome_input(bytes.length);
  // Read memory.buffer after the call: growing the memory replaces it.
  new Uint8Array(wasm.memory.buffer, ptr, bytes.length).set(bytes);
}

function output(wasm, len) {
  return new Uint8Array(wasm.memory.buffer, wasm.epitome_output(), len).slice();
}

// The languages the module reads, announced once it is loaded: the page's
// language menu numbers them from 1 in this order (0 is auto).
module.then((wasm) => {
  const codes = JSON.parse(decoder.decode(output(wasm, wasm.epitome_languages())));
  postMessage({ languages: codes });
}, () => {});

// One request: summarize the text, then draw every page on both displays.
async function answer({ text, sentences, maxChars, keywords, language }) {
  const wasm = await module;
  const t0 = performance.now();
  setInput(wasm, text);
  const len = wasm.epitome_summarize(sentences, maxChars, keywords, language);
  const result = JSON.parse(decoder.decode(output(wasm, len)));
  const millis = performance.now() - t0;
  const displays = [];
  for (const [index, [width, height]] of [[128, 64], [296, 128]].entries()) {
    const pages = [];
    let count = wasm.epitome_page(index, 0, language);
    for (let page = 0; page < count; page++) {
      if (page > 0) count = wasm.epitome_page(index, page, language);
      pages.push(output(wasm, Math.ceil(width / 8) * height));
    }
    displays.push({ width, height, pages, error: count < 0 ? count : 0 });
  }
  return { result, displays, millis };
}

onmessage = async (event) => {
  const { id } = event.data;
  try {
    postMessage({ id, ...(await answer(event.data)) });
  } catch (e) {
    postMessage({ id, failure: String(e) });
  }
};
