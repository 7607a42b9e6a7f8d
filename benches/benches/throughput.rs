//! Throughput of Epitome's stages, the limit baseline and the Rust peers,
//! in one criterion run: `cargo bench -p epitome-benches` (full run, a few
//! minutes), `cargo bench -p epitome-benches -- --test` (each once, as CI).
//!
//! Groups: `seeds` (the five seed articles of `../shared`, left out with a
//! message only when `../shared` is absent altogether; once it is there,
//! unreadable seeds fail) and `synthetic/<size>` (1 KiB … 1 MiB). Every
//! benchmark reports bytes/s (`Throughput::Bytes`) and checks its answer
//! before it is timed.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime};
use epitome_benches::articles::{self, SIZES};
use epitome_benches::workloads::{Bench, Input, Workload, total_bytes};

/// Peers are slow on large inputs (yake-rust ≈ 1 MB/s): they run up to
/// 64 KiB; Epitome and the baselines go on to 1 MiB.
const PEER_MAX: usize = 64 << 10;

fn group_for(g: &mut BenchmarkGroup<'_, WallTime>, bench: &mut Bench, inputs: &[Input], workloads: &[Workload]) {
    g.throughput(Throughput::Bytes(total_bytes(inputs) as u64));
    for &w in workloads {
        if let Err(e) = bench.check(w, inputs) {
            panic!("benchmark answer check failed: {e}");
        }
        g.bench_function(w.name(), |b| b.iter(|| bench.run(w, black_box(inputs))));
    }
}

fn seeds(c: &mut Criterion) {
    let seeds = match articles::seeds_if_shared() {
        Ok(Some(s)) => s,
        Ok(None) => {
            eprintln!("SKIPPED seeds benchmarks: {} is absent", articles::shared_dir().display());
            return;
        }
        Err(e) => panic!("seeds benchmarks: {e}"),
    };
    let inputs: Vec<Input> = seeds.into_iter().map(Input::new).collect();
    let mut bench = Bench::new();
    let mut g = c.benchmark_group("seeds");
    group_for(&mut g, &mut bench, &inputs, &Workload::ALL);
    g.finish();
}

fn synthetic(c: &mut Criterion) {
    let mut bench = Bench::new();
    for size in SIZES {
        let inputs = [Input::new(articles::synthetic(size))];
        let mut g = c.benchmark_group(format!("synthetic/{}", articles::size_label(size)));
        if size >= 64 << 10 {
            g.sample_size(10);
        }
        let ws: Vec<Workload> = Workload::ALL
            .into_iter()
            .filter(|w| *w != Workload::Digest && (!w.is_peer() || size <= PEER_MAX))
            .collect();
        group_for(&mut g, &mut bench, &inputs, &ws);
        g.finish();
    }
}

fn config() -> Criterion {
    // Short windows: the machine is shared; the stable ratios come from
    // instruction counts (the `icount` binary, `cargo run --release -p epitome-benches --bin icount`), these give MB/s.
    Criterion::default().warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2))
}

criterion_group! { name = benches; config = config(); targets = seeds, synthetic }
criterion_main!(benches);
