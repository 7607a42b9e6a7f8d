//! Instruction counts per workload and input, under callgrind: repeatable
//! whatever else the shared machine is doing, so the ratios between
//! Epitome, the limit baseline and the peers are stable where wall time is
//! not.
//!
//! ```text
//! cargo run --release -p epitome-benches --bin icount                 # table of every workload on the seeds, the first 20 OrangeSum articles (French; Epitome alone) and 4 KiB, + scaling series, CSV in target/icount.csv
//! cargo run --release -p epitome-benches --bin icount -- --quick      # seeds, orangesum and 4 KiB only
//! cargo run --release -p epitome-benches --bin icount -- run summarize 4KiB   # one measurement (what the table runs under valgrind)
//! ```
//!
//! The table mode re-runs this binary under
//! `valgrind --tool=callgrind --collect-atstart=no --toggle-collect=*measured*`
//! for each cell: only the call to [`measured`] is counted, after one
//! unmeasured warm-up call (lazy statics, regex compilation in the peers).

use std::hint::black_box;
use std::process::{Command, ExitCode};

use epitome_benches::articles::{self, SIZES, size_label};
use epitome_benches::workloads::{Bench, Input, Workload, total_bytes};

/// The measured call: the only code callgrind counts.
#[inline(never)]
fn measured(bench: &mut Bench, w: Workload, inputs: &[Input]) -> u64 {
    bench.run(w, black_box(inputs))
}

fn inputs_for(name: &str) -> Result<Vec<Input>, String> {
    if name == "seeds" {
        return Ok(articles::seeds()?.into_iter().map(Input::new).collect());
    }
    if name == "orangesum" {
        return Ok(articles::french()?.into_iter().map(Input::new).collect());
    }
    let size = SIZES.into_iter().find(|&s| size_label(s) == name).ok_or_else(|| format!("unknown input {name}"))?;
    Ok(vec![Input::new(articles::synthetic(size))])
}

fn run_one(workload: &str, input: &str) -> Result<(), String> {
    let w = Workload::from_name(workload).ok_or_else(|| format!("unknown workload {workload}"))?;
    let inputs = inputs_for(input)?;
    let mut bench = Bench::new();
    bench.check(w, &inputs)?;
    let sum = measured(&mut bench, w, &inputs);
    println!("{} {} bytes={} checksum={sum}", w.name(), input, total_bytes(&inputs));
    Ok(())
}

/// Instructions callgrind counted for one workload on one input.
fn count(workload: Workload, input: &str) -> Result<u64, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out_file = std::env::temp_dir().join(format!("icount.{}.{}.{}", std::process::id(), workload.name(), input));
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--collect-atstart=no", "--toggle-collect=*measured*"])
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(&exe)
        .args(["run", workload.name(), input])
        .output()
        .map_err(|e| format!("valgrind: {e} (install valgrind)"))?;
    if !out.status.success() {
        return Err(format!("{} {input}: {}", workload.name(), String::from_utf8_lossy(&out.stderr)));
    }
    let text = std::fs::read_to_string(&out_file).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&out_file);
    text.lines()
        .find_map(|l| l.strip_prefix("totals:").or_else(|| l.strip_prefix("summary:")))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .ok_or_else(|| format!("no totals in callgrind output for {} {input}", workload.name()))
}

struct Row {
    workload: Workload,
    input: String,
    bytes: usize,
    instructions: u64,
}

impl Row {
    fn per_byte(&self) -> f64 {
        self.instructions as f64 / self.bytes as f64
    }
}

fn table(quick: bool) -> Result<(), String> {
    let mut inputs: Vec<String> = Vec::new();
    match articles::seeds_if_shared()? {
        // French news beside them: the peers read English, so Epitome's
        // workloads alone.
        Some(_) => inputs.extend(["seeds".into(), "orangesum".into()]),
        None => eprintln!("SKIPPED seeds and orangesum: {} is absent", articles::shared_dir().display()),
    }
    inputs.push(size_label(4 << 10));
    let mut rows = Vec::new();
    for input in &inputs {
        let bytes = total_bytes(&inputs_for(input)?);
        for w in Workload::ALL {
            if w == Workload::Digest && input != "seeds" || w.is_peer() && input == "orangesum" {
                continue;
            }
            let instructions = count(w, input)?;
            rows.push(Row { workload: w, input: input.clone(), bytes, instructions });
        }
    }
    if !quick {
        for size in SIZES {
            let input = size_label(size);
            let bytes = total_bytes(&inputs_for(&input)?);
            for w in Workload::ALL {
                let skip = w == Workload::Digest || (w.is_peer() && size > 64 << 10) || input == "4KiB";
                if skip {
                    continue;
                }
                let instructions = count(w, &input)?;
                rows.push(Row { workload: w, input: input.clone(), bytes, instructions });
            }
        }
    }
    print_tables(&rows, &inputs);
    let csv = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/icount.csv");
    let mut s = String::from("workload,input,bytes,instructions\n");
    for r in &rows {
        s.push_str(&format!("{},{},{},{}\n", r.workload.name(), r.input, r.bytes, r.instructions));
    }
    std::fs::write(&csv, s).map_err(|e| format!("{}: {e}", csv.display()))?;
    println!("\nCSV: {}", csv.display());
    Ok(())
}

fn print_tables(rows: &[Row], inputs: &[String]) {
    let find = |w: Workload, input: &str| rows.iter().find(|r| r.workload == w && r.input == input);
    for input in inputs {
        let Some(limit) = find(Workload::Limit, input) else { continue };
        let Some(ours) = find(Workload::Summarize, input) else { continue };
        let Some(kw) = find(Workload::Keywords, input) else { continue };
        println!("\n{input} ({} bytes): instructions (callgrind, x86-64)", limit.bytes);
        println!("| workload | instructions | per byte | vs limit | summarize vs it | keywords vs it |");
        println!("|---|---:|---:|---:|---:|---:|");
        for r in rows.iter().filter(|r| &r.input == input) {
            println!(
                "| {} | {} | {:.1} | {:.1} % | {:.2}x | {:.2}x |",
                r.workload.name(),
                r.instructions,
                r.per_byte(),
                100.0 * limit.per_byte() / r.per_byte(),
                r.per_byte() / ours.per_byte(),
                r.per_byte() / kw.per_byte(),
            );
        }
    }
    let sizes: Vec<String> = SIZES.into_iter().map(size_label).collect();
    if rows.iter().any(|r| r.input == "1MiB") {
        println!("\nScaling: instructions per byte by article size");
        println!("| workload | {} |", sizes.join(" | "));
        println!("|---|{}", "---:|".repeat(sizes.len()));
        for w in Workload::ALL.into_iter().filter(|&w| w != Workload::Digest) {
            let cells: Vec<String> =
                sizes.iter().map(|s| find(w, s).map_or("—".into(), |r| format!("{:.1}", r.per_byte()))).collect();
            println!("| {} | {} |", w.name(), cells.join(" | "));
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["run", w, input] => run_one(w, input),
        [] => table(false),
        ["--quick"] => table(true),
        _ => Err("usage: icount [--quick] | icount run WORKLOAD INPUT".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("icount: {e}");
            ExitCode::FAILURE
        }
    }
}
