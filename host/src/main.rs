//! `epitome`: the developer's command-line tool. All logic is in the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    match epitome_host::cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`epitome | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("epitome: {err:#}");
            ExitCode::from(2)
        }
    }
}
