//! Extraction quality and speed on the OrangeSum pages:
//!
//! ```text
//! cargo run --release -p epitome-extract --example orangesum -- ../shared/eval/orangesum [--readability] [--dump DIR] [--repeat N]
//! ```
//!
//! Reads `DATASET/html/NNNNN.html` and scores the extracted body against
//! `DATASET/articles/NNNNN.txt` (title line, blank line, body): token-level
//! precision, recall and F1 (tokens: runs of Unicode letters, digits and
//! `_`, lower-cased, as Python's `\w+`; counted with multiplicity),
//! averaged over the pages; the share of exact titles; how often the
//! page's abstract (`DATASET/references/NNNNN.txt`) lands in the text (its
//! whole token sequence, contiguous); which method found each body; and the
//! speed on one core (extraction only, pages in memory, CPU time, best of N runs).
//! `--readability` skips the structured data; `--dump DIR` writes each
//! page's title, a blank line and the text to DIR/NNNNN.txt, the layout
//! `scripts/extract_peers.py --predictions DIR` scores.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// Precision, recall and F1 of `pred`'s tokens against `gold`'s.
fn prf(pred: &[String], gold: &[String]) -> (f64, f64, f64) {
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for t in gold {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in pred {
        if let Some(c) = counts.get_mut(t.as_str())
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    let ratio = |n: usize| if n == 0 { 0.0 } else { common as f64 / n as f64 };
    let (p, r) = (ratio(pred.len()), ratio(gold.len()));
    (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
}

fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Seconds this thread has run on a CPU (Linux's schedstat), so that other
/// work on a busy machine does not count; wall-clock seconds elsewhere.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let on_cpu = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok());
    match on_cpu {
        Some(ns) => ns as f64 / 1e9,
        None => START.get_or_init(Instant::now).elapsed().as_secs_f64(),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut dataset, mut dump, mut repeat, mut structured) = (None, None, 3, true);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--readability" => structured = false,
            "--dump" => dump = args.next().map(PathBuf::from),
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).expect("--repeat N"),
            _ => dataset = Some(PathBuf::from(a)),
        }
    }
    let dataset = dataset.expect("usage: orangesum DATASET [--readability] [--dump DIR] [--repeat N]");
    let mut names: Vec<PathBuf> = std::fs::read_dir(dataset.join("html"))
        .expect("DATASET/html")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    names.sort();
    let pages: Vec<Vec<u8>> = names.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let options = extract::Options { structured_data: structured, ..extract::Options::default() };

    let mut best = f64::INFINITY;
    let mut results = Vec::new();
    for _ in 0..repeat.max(1) {
        let start = cpu_seconds();
        results = pages.iter().map(|p| extract::article_with(p, &options)).collect();
        best = best.min(cpu_seconds() - start);
    }

    let (mut sp, mut sr, mut sf, mut titles, mut abstracts) = (0.0, 0.0, 0.0, 0, 0);
    let mut methods: HashMap<String, usize> = HashMap::new();
    if let Some(d) = &dump {
        std::fs::create_dir_all(d).unwrap();
    }
    for (path, result) in names.iter().zip(&results) {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let gold = std::fs::read_to_string(dataset.join("articles").join(format!("{stem}.txt"))).unwrap();
        let (gold_title, gold_body) = gold.split_once('\n').unwrap_or((&gold, ""));
        let reference = std::fs::read_to_string(dataset.join("references").join(format!("{stem}.txt"))).unwrap();
        let (title, text, method) = match result {
            Ok(a) => (a.title.as_str(), a.text.as_str(), a.method.name().to_owned()),
            Err(e) => ("", "", format!("error: {e}")),
        };
        *methods.entry(method).or_default() += 1;
        let text_tokens = tokens(text);
        let (p, r, f) = prf(&text_tokens, &tokens(gold_body));
        (sp, sr, sf) = (sp + p, sr + r, sf + f);
        titles += usize::from(title.trim() == gold_title.trim());
        abstracts += usize::from(contains_run(&text_tokens, &tokens(&reference)));
        if let Some(d) = &dump {
            std::fs::write(d.join(format!("{stem}.txt")), format!("{title}\n\n{text}\n")).unwrap();
        }
    }
    let n = names.len() as f64;
    let pct = |k: usize| 100.0 * k as f64 / n;
    println!(
        "pages {} ({:.1} MB), structured data {}",
        names.len(),
        bytes as f64 / 1e6,
        if structured { "on" } else { "off" }
    );
    println!("body P {:.3} R {:.3} F1 {:.3}", sp / n, sr / n, sf / n);
    println!("title exact {:.1} %", pct(titles));
    println!("abstract in text {:.1} %", pct(abstracts));
    let mut methods: Vec<_> = methods.into_iter().collect();
    methods.sort();
    println!("methods {methods:?}");
    println!(
        "speed {:.0} pages/s, {:.1} MB/s (per CPU second, one core, best of {repeat})",
        n / best,
        bytes as f64 / best / 1e6
    );
}
