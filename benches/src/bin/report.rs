//! Tables of the last criterion run (`cargo bench -p epitome-benches`):
//! MB/s and articles/s of every workload, each as a fraction of the limit
//! baseline, and the target ratios, from `target/criterion/*/new/`.
//!
//! ```text
//! cargo bench -p epitome-benches --bench throughput      # full run, a few minutes
//! cargo run --release -p epitome-benches --bin report    # the tables, Markdown
//! ```
//!
//! Times are criterion's median of the samples (robust to the other jobs
//! of a shared machine).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use epitome_benches::articles::{self, SIZES, size_label};
use epitome_benches::workloads::Workload;

struct Cell {
    bytes: f64,
    median_ns: f64,
}

impl Cell {
    fn mb_per_s(&self) -> f64 {
        self.bytes / self.median_ns * 1e3
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// group → workload → cell.
fn load(dir: &Path) -> Result<BTreeMap<String, BTreeMap<String, Cell>>, String> {
    let mut out: BTreeMap<String, BTreeMap<String, Cell>> = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.file_name().is_none_or(|n| n != "benchmark.json") || p.parent().is_none_or(|q| !q.ends_with("new")) {
                continue;
            }
            let meta = read_json(&p)?;
            let est = read_json(&p.with_file_name("estimates.json"))?;
            let (Some(group), Some(func), Some(bytes), Some(median)) = (
                meta["group_id"].as_str(),
                meta["function_id"].as_str(),
                meta["throughput"]["Bytes"].as_f64(),
                est["median"]["point_estimate"].as_f64(),
            ) else {
                return Err(format!("{}: unexpected criterion output", p.display()));
            };
            out.entry(group.to_owned()).or_default().insert(func.to_owned(), Cell { bytes, median_ns: median });
        }
    }
    if out.is_empty() {
        return Err(format!("no criterion results under {} (run cargo bench -p epitome-benches first)", dir.display()));
    }
    Ok(out)
}

fn main() -> ExitCode {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/criterion"));
    let results = match load(&dir) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("report: {e}");
            return ExitCode::FAILURE;
        }
    };
    let seeds = articles::seeds().map(|s| s.len()).unwrap_or(0);
    let mut groups: Vec<String> = vec!["seeds".into()];
    groups.extend(SIZES.into_iter().map(|s| format!("synthetic/{}", size_label(s))));
    for g in &groups {
        let Some(cells) = results.get(g) else { continue };
        let n_articles = if g == "seeds" { seeds as f64 } else { 1.0 };
        let limit = cells.get(Workload::Limit.name()).map(Cell::mb_per_s);
        let bytes = cells.values().next().map_or(0.0, |c| c.bytes);
        println!("\n{g} ({bytes:.0} bytes, {n_articles} article(s)): criterion median, wall time");
        println!("| workload | MB/s | articles/s | % of limit |");
        println!("|---|---:|---:|---:|");
        for w in Workload::ALL {
            let Some(c) = cells.get(w.name()) else { continue };
            let pct = limit.map_or("—".into(), |l| format!("{:.1} %", 100.0 * c.mb_per_s() / l));
            println!("| {} | {:.1} | {:.0} | {pct} |", w.name(), c.mb_per_s(), n_articles / (c.median_ns * 1e-9));
        }
        let mbs = |w: Workload| cells.get(w.name()).map(Cell::mb_per_s);
        let best = |ws: &[Workload]| ws.iter().filter_map(|&w| mbs(w).map(|m| (m, w.name()))).fold(None, max_by_first);
        if let (Some(ours), Some((peer, name))) =
            (mbs(Workload::Summarize), best(&[Workload::SimpleSummarize, Workload::Summary]))
        {
            println!("\nsummarize / fastest Rust summarizer ({name}): {:.2}x (target 2x)", ours / peer);
        }
        if let (Some(ours), Some((peer, name))) = (mbs(Workload::Keywords), best(&[Workload::Rake, Workload::Yake])) {
            println!("keywords / fastest Rust keyword extractor ({name}): {:.2}x (target 2x)", ours / peer);
        }
        if let (Some(ours), Some(l)) = (mbs(Workload::Summarize), limit) {
            println!("summarize / limit baseline: {:.1} % (target 25 % on 4 KiB)", 100.0 * ours / l);
        }
    }
    ExitCode::SUCCESS
}

fn max_by_first(acc: Option<(f64, &'static str)>, x: (f64, &'static str)) -> Option<(f64, &'static str)> {
    match acc {
        Some(a) if a.0 >= x.0 => Some(a),
        _ => Some(x),
    }
}
