// The page in a real browser (Debian's Chromium, driven by playwright-core),
// served from target/web on 127.0.0.1, against the native CLI: the same
// summaries, keyphrases and OLED pixels for the same article and options.
// Run by scripts/test.d/70-web.sh after web/build.sh and the release CLI.
//
//   BLESS=1 node --test web/tests/   # rewrite web/page.png from this run
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { PNG } from "pngjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const dist = join(root, "target/web");
const cli = join(root, "target/release/epitome");
const shared = process.env.EPITOME_SHARED ?? join(root, "../shared");
const scratch = mkdtempSync(join(tmpdir(), "epitome-web-"));

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm", ".json": "application/json", ".txt": "text/plain" };
let server;
let base;
let browser;
let page;
const offsite = [];

before(async () => {
  assert.ok(existsSync(join(dist, "epitome.wasm")), "run web/build.sh first");
  assert.ok(existsSync(cli), "build the CLI first: cargo build --release -p epitome-host");
  server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/\/$/, "/index.html"));
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(readFileSync(path));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
  // The page must ask for nothing beyond its own files.
  await page.route("**/*", (route) => {
    if (route.request().url().startsWith(base)) return route.continue();
    offsite.push(route.request().url());
    return route.abort();
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(base);
  await page.waitForFunction(() => document.querySelectorAll("#sample option").length > 1);
  await page.waitForFunction(() => document.querySelectorAll("#language option").length > 1);
  assert.deepEqual(errors, []);
});

after(async () => {
  await browser?.close();
  server?.close();
});

// Sets the options, loads `file` through the page's file input (its own
// decoding) and waits for the answer; returns what the page shows.
async function summarizeFile(file, { sentences = 3, chars = 0, keywords = 10, language = "auto" } = {}) {
  await page.evaluate(({ sentences, chars, keywords, language }) => {
    document.getElementById("sentences").value = sentences;
    document.getElementById("chars").value = chars || 300;
    document.querySelector(`input[name="budget"][value="${chars ? "chars" : "sentences"}"]`).checked = true;
    document.getElementById("keywords").value = keywords;
    const menu = document.getElementById("language");
    menu.value = language === "auto" ? "0" : [...menu.options].find((o) => o.dataset.code === language).value;
    document.getElementById("status").textContent = "";
    document.getElementById("file").value = "";
  }, { sentences, chars, keywords, language });
  await page.setInputFiles("#file", file);
  return readAnswer();
}

async function readAnswer() {
  await page.waitForFunction(() => {
    const s = document.getElementById("status").textContent;
    return s !== "" && s !== "Summarizing…";
  }, null, { timeout: 60000 });
  return page.evaluate(() => {
    const items = (id) => [...document.querySelectorAll(`#${id} li`)];
    return {
      status: document.getElementById("status").textContent,
      error: document.getElementById("status").classList.contains("error"),
      sentences: items("summary").map((li) => li.firstChild.textContent),
      keywords: items("keyphrases").map((li) => ({ text: li.firstChild.textContent, score: Number(li.lastChild.textContent) })),
      flags: document.getElementById("flags").textContent,
      marked: [...document.querySelectorAll("#article mark")].map((m) => m.textContent),
      oledPage: document.getElementById("oled-page").textContent,
      language: document.getElementById("language-used").dataset.code,
      languageShown: document.getElementById("language-used").textContent,
    };
  });
}

function cliSummary(file, args = []) {
  const [report] = JSON.parse(execFileSync(cli, ["summarize", file, "--json", ...args], { encoding: "utf8" }));
  return report;
}

function articles() {
  const dir = (d) => readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => join(d, f));
  const files = [...dir(join(root, "host/sample")), ...dir(join(root, "web/samples"))];
  const seeds = join(shared, "corpus/seeds");
  if (existsSync(seeds)) files.push(...dir(seeds));
  else assert.ok(process.env.CI !== "true", `${seeds} is missing: CI must have ../shared`);
  return files;
}

function assertSameAsCli(shown, want, file) {
  assert.equal(shown.error, false, `${file}: ${shown.status}`);
  assert.deepEqual(shown.sentences, want.sentences.map((s) => s.shown ?? s.text), `${file}: sentences`);
  assert.deepEqual(shown.marked, want.sentences.map((s) => s.text), `${file}: marked spans`);
  assert.deepEqual(shown.keywords, want.keywords, `${file}: keyphrases`);
  assert.equal(shown.flags, want.flags.length ? `Flags: ${want.flags.join(", ")}` : "No flags raised.", `${file}: flags`);
  assert.equal(shown.language, want.language, `${file}: language`);
}

test("every sample and seed article: the page shows the CLI's summary, keyphrases and marks", async () => {
  const times = [];
  for (const file of articles()) {
    const shown = await summarizeFile(file);
    assertSameAsCli(shown, cliSummary(file), file);
    times.push(Number(/in ([\d.]+) ms/.exec(shown.status)[1]));
  }
  console.log(`summarized ${times.length} articles in the page: ${times.reduce((a, b) => a + b, 0).toFixed(1)} ms in the core`);
});

test("other budgets and keyphrase counts give the CLI's answers", async () => {
  const file = join(root, "host/sample/01-harbour-bridge.txt");
  assertSameAsCli(await summarizeFile(file, { sentences: 5, keywords: 4 }), cliSummary(file, ["-n", "5", "-k", "4"]), file);
  assertSameAsCli(await summarizeFile(file, { chars: 300, keywords: 16 }), cliSummary(file, ["--max-chars", "300", "-k", "16"]), file);
  assertSameAsCli(await summarizeFile(file, { sentences: 0, keywords: 0 }), cliSummary(file, ["-n", "0", "-k", "0"]), file);
});

test("the language menu offers the CLI's languages; detected or chosen, the page gives the CLI's answer", async () => {
  // The CLI names the codes it takes when given one it does not know.
  let message = "";
  try {
    execFileSync(cli, ["summarize", "-", "--language", "xx"], { input: "", stdio: "pipe" });
  } catch (e) {
    message = String(e.stderr);
  }
  const codes = /expected auto, ([a-z, ]+)/.exec(message)[1].split(", ");
  const menu = await page.evaluate(() => [...document.querySelectorAll("#language option")].map((o) => o.dataset.code ?? o.value));
  assert.deepEqual(menu, ["0", ...codes]);

  const file = join(root, "web/samples/05-fr-bac-de-loire.txt");
  const detected = await summarizeFile(file);
  assertSameAsCli(detected, cliSummary(file), file);
  assert.equal(detected.language, "fr");
  assert.match(detected.languageShown, /^Read in .*\(fr\), detected\.$/);
  for (const language of ["fr", "en"]) {
    const chosen = await summarizeFile(file, { language });
    assertSameAsCli(chosen, cliSummary(file, ["--language", language]), `${file} --language ${language}`);
    assert.match(chosen.languageShown, new RegExp(`\\(${language}\\), as chosen\\.$`));
  }
});

test("the OLED canvas is pixel for pixel `epitome screen --page 1`", async () => {
  for (const file of articles().slice(0, 6)) {
    await summarizeFile(file);
    const png = join(scratch, "page.png");
    execFileSync(cli, ["screen", file, "--page", "1", "--scale", "1", "-o", png]);
    const want = PNG.sync.read(readFileSync(png));
    const got = await page.evaluate(() => {
      const c = document.getElementById("oled");
      return { width: c.width, height: c.height, data: [...c.getContext("2d").getImageData(0, 0, c.width, c.height).data] };
    });
    assert.deepEqual([got.width, got.height], [want.width, want.height], file);
    let differing = 0;
    for (let i = 0; i < want.width * want.height; i++) {
      if ((got.data[i * 4] > 127) !== (want.data[i * 4] > 127)) differing++;
    }
    assert.equal(differing, 0, `${file}: ${differing} pixels differ`);
  }
});

test("an empty text and a 1 MB article give a message, not a hang", async () => {
  await page.evaluate(() => {
    document.getElementById("text").value = "  \n\n ";
    document.getElementById("status").textContent = "";
  });
  await page.click("#run");
  const empty = await readAnswer();
  assert.equal(empty.error, true);
  assert.match(empty.status, /empty/);
  assert.deepEqual(empty.sentences, []);

  const body = readFileSync(join(root, "host/sample/03-river-flood.txt"), "utf8");
  let big = "A very long article\n";
  for (let i = 0; big.length < 1 << 20; i++) big += body.replaceAll("400", String(400 + i)) + "\n";
  const file = join(scratch, "big.txt");
  writeFileSync(file, big);
  const shown = await summarizeFile(file);
  assert.equal(shown.error, false, shown.status);
  assertSameAsCli(shown, cliSummary(file), file);
});

test("a whole HTML page is refused with a pointer to the CLI and Python, not summarized as markup", async () => {
  // The CLI's own test page, and what the CLI's rule (looks_like_html) takes for a page.
  const html = readFileSync(join(root, "host/tests/data/page.html"), "latin1");
  const pages = [html, "\uFEFF\n <!-- saved --><HTML lang=fr><body><p>Texte.</p></body></HTML>"];
  for (const text of pages) {
    await page.evaluate((text) => {
      document.getElementById("text").value = text;
      document.getElementById("status").textContent = "";
    }, text);
    await page.click("#run");
    const shown = await readAnswer();
    assert.equal(shown.error, true, shown.status);
    assert.match(shown.status, /HTML page.*epitome summarize page\.html.*html=True/);
    assert.deepEqual(shown.sentences, []);
  }
  // Text that mentions a tag is still text, as for the CLI.
  await page.evaluate(() => {
    document.getElementById("text").value =
      "Tags in the news\n<html> is the tag that opens a page, the council's web officer told the meeting on Monday.";
    document.getElementById("status").textContent = "";
  });
  await page.click("#run");
  const text = await readAnswer();
  assert.equal(text.error, false, text.status);
});

test("the page asks for nothing beyond its own files, and its screenshot is fresh", async () => {
  assert.deepEqual(offsite, []);
  // A fresh page with the first sample chosen: what the README shows.
  await page.goto(base);
  await page.waitForFunction(() => document.querySelectorAll("#sample option").length > 1);
  await page.selectOption("#sample", "01-harbour-bridge.txt");
  await readAnswer();
  assert.deepEqual(offsite, []);
  mkdirSync(join(root, "target/web-test"), { recursive: true });
  const shot = join(root, "target/web-test/page.png");
  writeFileSync(shot, await page.screenshot({ fullPage: true }));
  const committed = join(root, "web/page.png");
  if (process.env.BLESS === "1") writeFileSync(committed, readFileSync(shot));
  const [a, b] = [PNG.sync.read(readFileSync(shot)), PNG.sync.read(readFileSync(committed))];
  assert.deepEqual([a.width, a.height], [b.width, b.height], "web/page.png is stale: BLESS=1 node --test web/tests/");
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i] - b.data[i]) > 64) differing++;
  // Font hinting may move a few pixels between Chromium builds; a changed
  // layout or summary moves thousands.
  assert.ok(differing < a.width * a.height * 0.01, `web/page.png is stale (${differing} pixels differ): BLESS=1 node --test web/tests/`);
});
