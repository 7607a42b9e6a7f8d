//! `epitome`: the developer's command-line tool. All logic is in the library.

use std::process::ExitCode;

/// Notes, before Rust's runtime reopens a closed standard output on
/// `/dev/null` (it does so before `main`), whether it was closed: then
/// the results would be lost without a word (`epitome … >&-`), and the
/// command fails instead. Run by the C runtime with the program's other
/// constructors; it only looks at `/proc/self/fd/1` (no `/proc`, no check).
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTE_CLOSED_STDOUT: extern "C" fn() = {
    extern "C" fn note() {
        let proc_fds = std::path::Path::new("/proc/self/fd");
        if proc_fds.is_dir() && std::fs::symlink_metadata(proc_fds.join("1")).is_err() {
            epitome_host::output::note_stdout_closed();
        }
    }
    note
};

fn main() -> ExitCode {
    match epitome_host::cli::run() {
        Ok(code) => code,
        Err(err) => {
            if epitome_host::output::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            epitome_host::output::warn(format!("{err:#}"));
            ExitCode::from(2)
        }
    }
}
