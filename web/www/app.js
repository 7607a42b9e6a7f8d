// The page: reads the article and options, asks the worker (worker.js) for
// the summary and the device's pages, and shows them. No framework: a
// handful of elements, updated in place.
"use strict";

const $ = (id) => document.getElementById(id);
const TIMEOUT_MS = 30000;
let worker = null;
let nextId = 0;
let pending = null;
// The pages of the last answer, and which one each canvas shows.
const shown = { oled: { pages: [], at: 0, width: 128, height: 64 }, epaper: { pages: [], at: 0, width: 296, height: 128 } };

function startWorker() {
  worker = new Worker("worker.js");
  worker.onmessage = (event) => {
    if (event.data.languages) {
      fillLanguages(event.data.languages);
      return;
    }
    if (!pending || event.data.id !== pending.id) return;
    clearTimeout(pending.timer);
    pending = null;
    show(event.data);
  };
  worker.onerror = (event) => {
    setStatus(`The summarizer failed to load: ${event.message || "unknown error"}`, true);
  };
}

// The language menu: auto, then the languages the module reads (codes from
// the core, through the worker), named by the browser in the page's language.
function fillLanguages(codes) {
  const select = $("language");
  if (select.options.length > 1) return; // a restarted worker announces them again
  const names = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([document.documentElement.lang || "en"], { type: "language" }) : null;
  codes.forEach((code, i) => {
    const option = document.createElement("option");
    // The module numbers them from 1 in this order; 0 is auto.
    option.value = String(i + 1);
    option.dataset.code = code;
    option.textContent = `${names?.of(code) ?? code} (${code})`;
    select.append(option);
  });
}

// The name of a language code, as the menu shows it.
function languageName(code) {
  const option = [...$("language").options].find((o) => o.dataset.code === code);
  return option ? option.textContent : code;
}

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

// Decodes a file's bytes as the CLI does: a byte-order mark decides (UTF-8,
// UTF-16), else UTF-8 if valid, else Windows-1252.
function decode(bytes) {
  const b = new Uint8Array(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(b.subarray(3)) };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(b.subarray(2)) };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(b.subarray(2)) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b) };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(b), note: "not UTF-8: read as Windows-1252" };
  }
}

// True when `text` starts like an HTML page, by the CLI's rule
// (epitome_host::html::looks_like_html): after a byte-order mark, blank
// space and <!-- comments -->, a <!DOCTYPE html or an <html> tag, any case.
// The page reads text only: the CLI's HTML extractor, compiled to
// WebAssembly, is several times the module's whole 200 KB budget
// (BENCHMARKS.md), so a page is refused with a pointer to the tools that
// read pages rather than summarized as markup.
function looksLikeHtml(text) {
  let rest = text.replace(/^\uFEFF/, "");
  for (;;) {
    rest = rest.trimStart();
    if (!rest.startsWith("<!--")) break;
    const end = rest.indexOf("-->");
    if (end < 0) return false;
    rest = rest.slice(end + 3);
  }
  const head = rest.slice(0, 14).toLowerCase();
  return head.startsWith("<!doctype html") || (head.startsWith("<html") && /^(\s|>|$)/.test(rest.slice(5, 6)));
}

async function loadFile(file) {
  const { text, note } = decode(await file.arrayBuffer());
  $("text").value = text;
  run(note ? `${file.name}: ${note}` : "");
}

function options() {
  const chars = document.querySelector('input[name="budget"]:checked').value === "chars";
  const num = (id, min, max) => Math.min(max, Math.max(min, Number.parseInt($(id).value, 10) || 0));
  return {
    sentences: num("sentences", 0, 32),
    maxChars: chars ? num("chars", 1, 100000) : 0,
    keywords: num("keywords", 0, 16),
    language: Number.parseInt($("language").value, 10) || 0,
  };
}

function run(note = "") {
  const text = $("text").value;
  if (text.trim() === "") {
    clearResults();
    setStatus("Nothing to summarize: the text is empty. Paste an article, drop a .txt file or pick a sample.", true);
    return;
  }
  if (looksLikeHtml(text)) {
    clearResults();
    setStatus(
      "This is a whole HTML page, not an article's text: this page reads text only. Paste the article's text, " +
        "or let the CLI (`epitome summarize page.html`, `epitome extract page.html`) or Python " +
        "(`epitome.summarize(page, html=True)`) find the article inside the page.",
      true,
    );
    return;
  }
  if (pending) {
    clearTimeout(pending.timer);
  }
  const id = ++nextId;
  // A worker that does not answer in time is replaced, so the page never hangs.
  const timer = setTimeout(() => {
    worker.terminate();
    startWorker();
    pending = null;
    setStatus("The summarizer took too long and was stopped; try a shorter text.", true);
  }, TIMEOUT_MS);
  pending = { id, timer, note };
  setStatus("Summarizing…");
  worker.postMessage({ id, text, ...options() });
}

function clearResults() {
  for (const id of ["summary", "keyphrases", "article"]) $(id).replaceChildren();
  $("flags").textContent = "";
  $("language-used").textContent = "";
  for (const name of Object.keys(shown)) {
    shown[name].pages = [];
    draw(name);
  }
}

function show({ result, displays, millis, failure }) {
  clearResults();
  if (failure || result.error) {
    setStatus(`Could not summarize this text: ${failure || result.error}`, true);
    return;
  }
  const text = $("text").value;
  const summary = $("summary");
  for (const s of result.sentences) {
    const li = document.createElement("li");
    li.textContent = s.shown ?? s.text;
    const score = document.createElement("span");
    score.className = "score";
    score.textContent = ` (score ${s.score})`;
    li.append(score);
    summary.append(li);
  }
  const keyphrases = $("keyphrases");
  for (const k of result.keywords) {
    const li = document.createElement("li");
    li.textContent = k.text;
    const score = document.createElement("span");
    score.className = "score";
    score.textContent = ` ${k.score}`;
    li.append(score);
    keyphrases.append(li);
  }
  $("flags").textContent = result.flags.length ? `Flags: ${result.flags.join(", ")}` : "No flags raised.";
  const how = $("language").value === "0" ? "detected" : "as chosen";
  $("language-used").textContent = `Read in ${languageName(result.language)}, ${how}.`;
  $("language-used").dataset.code = result.language;
  markArticle(text, result);
  [shown.oled.pages, shown.epaper.pages] = displays.map((d) => d.pages);
  for (const name of Object.keys(shown)) {
    shown[name].at = 0;
    draw(name);
  }
  const note = pending?.note ?? "";
  const bytes = new TextEncoder().encode(text).length;
  setStatus(`${result.sentences.length} sentence(s), ${result.keywords.length} keyphrase(s) from ${bytes.toLocaleString("en")} bytes (language: ${result.language}) in ${millis.toFixed(1)} ms.${note ? ` ${note}` : ""}`);
}

// The article with the chosen sentences marked: the core's offsets are
// UTF-8 byte offsets in the body, which starts at body_start.
function markArticle(text, result) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const article = $("article");
  let at = 0;
  for (const s of [...result.sentences].sort((a, b) => a.start - b.start)) {
    const start = result.body_start + s.start;
    const end = result.body_start + s.end;
    article.append(decoder.decode(bytes.subarray(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = decoder.decode(bytes.subarray(start, end));
    article.append(mark);
    at = end;
  }
  article.append(decoder.decode(bytes.subarray(at)));
}

// Draws the current page of a display: lit pixels white on black (OLED),
// black on white (e-paper), one canvas pixel per device pixel.
function draw(name) {
  const d = shown[name];
  const canvas = $(name);
  const ctx = canvas.getContext("2d");
  const image = ctx.createImageData(d.width, d.height);
  const bits = d.pages[d.at];
  const stride = Math.ceil(d.width / 8);
  const [on, off] = name === "oled" ? [255, 0] : [0, 255];
  for (let y = 0; y < d.height; y++) {
    for (let x = 0; x < d.width; x++) {
      const lit = bits && bits[y * stride + (x >> 3)] & (0x80 >> (x & 7));
      const v = lit ? on : off;
      const i = (y * d.width + x) * 4;
      image.data[i] = image.data[i + 1] = image.data[i + 2] = v;
      image.data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
  $(`${name}-page`).textContent = d.pages.length ? `page ${d.at + 1} of ${d.pages.length}` : "no page";
}

async function loadSamples() {
  try {
    const samples = await (await fetch("samples/index.json")).json();
    for (const s of samples) {
      const option = document.createElement("option");
      option.value = s.file;
      option.textContent = s.title;
      $("sample").append(option);
    }
  } catch {
    setStatus("The built-in samples could not be loaded; paste an article instead.", true);
  }
}

function init() {
  startWorker();
  loadSamples();
  $("form").addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  $("sample").addEventListener("change", async () => {
    if (!$("sample").value) return;
    const response = await fetch(`samples/${$("sample").value}`);
    await loadFile(new File([await response.arrayBuffer()], $("sample").value));
  });
  $("file").addEventListener("change", () => $("file").files[0] && loadFile($("file").files[0]));
  const area = $("text");
  area.addEventListener("dragover", (e) => {
    e.preventDefault();
    area.classList.add("dragging");
  });
  area.addEventListener("dragleave", () => area.classList.remove("dragging"));
  area.addEventListener("drop", (e) => {
    e.preventDefault();
    area.classList.remove("dragging");
    if (e.dataTransfer.files[0]) loadFile(e.dataTransfer.files[0]);
  });
  for (const button of document.querySelectorAll("button[data-display]")) {
    button.addEventListener("click", () => {
      const d = shown[button.dataset.display];
      if (!d.pages.length) return;
      d.at = (d.at + Number(button.dataset.step) + d.pages.length) % d.pages.length;
      draw(button.dataset.display);
    });
  }
  clearResults();
}

init();
