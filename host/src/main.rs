//! `epitome`: the developer's command-line tool. All logic is in the library.

use std::process::ExitCode;

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
