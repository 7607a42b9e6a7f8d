//! Benchmarks of the Epitome core: the workloads, their inputs and the
//! limit baseline, shared by the criterion benches (`benches/throughput.rs`),
//! the instruction counter (`src/bin/icount.rs`, which re-runs itself under
//! callgrind for each measurement) and the scaling plot (`src/bin/plot.rs`).
//!
//! Every workload returns a small checksum of its result so that the
//! optimiser cannot drop the work, and [`workloads::Workload::check`] says
//! whether the result is plausible (a benchmark checks its answer).

pub mod articles;
pub mod baseline;
pub mod workloads;
