//! Command-line parsing: raw arguments to typed options, then dispatch.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};

use crate::cmd;

/// Epitome: fixed-memory extractive summaries of news articles.
///
/// With no command, summarizes the built-in sample corpus.
#[derive(Debug, Parser)]
#[command(name = "epitome", version, about)]
pub struct Cli {
    /// What to do (default: summarize the built-in sample).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Summarize plain-text articles (first non-empty line is the title).
    Summarize(SummarizeArgs),
    /// Print the segmenter's units one per line (unchoosable ones marked).
    Sentences(SentencesArgs),
}

/// Options shared by commands that run the summarizer.
#[derive(Debug, Clone, Args)]
pub struct SummaryOpts {
    /// Number of sentences in each summary.
    #[arg(long, short = 'n', default_value_t = 3, conflicts_with = "max_chars")]
    pub sentences: u16,
    /// Instead of a sentence count, at most this many characters per summary.
    #[arg(long)]
    pub max_chars: Option<u32>,
    /// Number of keyphrases.
    #[arg(long, short = 'k', default_value_t = 10)]
    pub keywords: u8,
}

impl SummaryOpts {
    /// The core options these flags describe.
    pub fn to_options(&self) -> epitome::Options<'static> {
        let budget = match self.max_chars {
            Some(m) => epitome::Budget::Chars(m),
            None => epitome::Budget::Sentences(self.sentences),
        };
        epitome::Options { budget, keywords: self.keywords, ..epitome::Options::default() }
    }
}

/// `epitome summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// Text files, directories of `.txt` files, or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub opts: SummaryOpts,
    /// Print JSON (one array of article results) instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `epitome sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// A text file or `-` for standard input (the whole text is segmented).
    pub input: PathBuf,
}

/// Parses the process arguments and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => cmd::summarize::run_sample(&mut out),
        Some(Command::Summarize(a)) => cmd::summarize::run(&a, &mut out),
        Some(Command::Sentences(a)) => cmd::sentences::run(&a, &mut out),
    }
}
