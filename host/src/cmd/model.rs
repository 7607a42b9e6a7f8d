//! `epitome model build`: the background IDF table from a corpus.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::cli::{ModelArgs, ModelCommand, Select};
use crate::files::write_atomically;
use crate::input;
use crate::model::IdfModel;

/// Runs the command.
pub fn run(args: &ModelArgs, out: &mut impl Write) -> Result<ExitCode> {
    match &args.command {
        ModelCommand::Build { inputs, output, terms, select, limits } => {
            // Each input judged alone: the ones that cannot be read are
            // reported, the table is built from the others, status 2.
            let mut failed = 0usize;
            let mut texts = Vec::new();
            for file in input::text_files(inputs) {
                match file.and_then(|f| {
                    if select.keeps(&f) {
                        input::read_text_file_limited(&f, limits.max_article_bytes).map(Some)
                    } else {
                        Ok(None)
                    }
                }) {
                    Ok(Some(text)) => texts.push(text),
                    Ok(None) => {}
                    Err(e) => {
                        crate::output::warn(&e);
                        failed += 1;
                    }
                }
            }
            if texts.is_empty() {
                bail!("no .txt documents read from the inputs: nothing written");
            }
            let model = IdfModel::build(texts.iter().map(String::as_str), *terms);
            let bytes = model.to_bytes();
            write_atomically(output, &bytes)?;
            writeln!(
                out,
                "{}: {} documents, {} terms, default idf {:.2}, {} bytes",
                output.display(),
                model.documents,
                model.entries.len(),
                f64::from(model.default) / 16.0,
                bytes.len()
            )?;
            Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
        }
    }
}

impl Select {
    /// Whether the file belongs to the selected half (by the number in its name).
    pub fn keeps(&self, p: &Path) -> bool {
        let num = || -> Option<u64> {
            let stem = p.file_stem()?.to_str()?;
            let digits: String = stem.chars().filter(char::is_ascii_digit).collect();
            digits.parse().ok()
        };
        match self {
            Select::All => true,
            Select::Odd => num().is_some_and(|n| n % 2 == 1),
            Select::Even => num().is_some_and(|n| n % 2 == 0),
        }
    }
}
