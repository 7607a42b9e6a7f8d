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
    /// Print the top keyphrases (one to three words) of each article, with scores.
    Keywords(KeywordsArgs),
    /// Build models for the core (the background IDF table).
    Model(ModelArgs),
    /// Pack article files (.txt, .json, .jsonl, directories) into one corpus bundle.
    Pack(PackArgs),
    /// Print a corpus bundle's articles as JSON lines.
    Unpack(UnpackArgs),
    /// The multi-article digest of a bundle or of article files: best
    /// sentences across all articles, near-duplicates removed.
    Digest(DigestArgs),
    /// ROUGE of Epitome, Lead-N and Random-N against a data set's reference summaries.
    Eval(EvalArgs),
    /// Score keyphrases against gold keys (P/R/F1@K; DIR/docs/*.txt + DIR/keys/*.key).
    EvalKeywords(EvalKeywordsArgs),
    /// Run the firmware under QEMU (or talk to a board on --port): print
    /// its boot digests, send articles, print the digests it answers.
    Board(BoardArgs),
}

/// `epitome board`.
#[derive(Debug, Args)]
pub struct BoardArgs {
    /// Articles to send: a corpus bundle, or article files and directories as for `pack`.
    pub inputs: Vec<PathBuf>,
    /// A real board's serial port (e.g. /dev/ttyACM0) instead of QEMU.
    #[arg(long, conflicts_with_all = ["log", "icount"])]
    pub port: Option<PathBuf>,
    /// The firmware ELF to run under QEMU.
    #[arg(long, default_value = "target/thumbv7em-none-eabihf/firmware/epitome-firmware")]
    pub firmware: PathBuf,
    /// The QEMU binary.
    #[arg(long, default_value = "qemu-system-arm")]
    pub qemu: PathBuf,
    /// Write QEMU's raw defmt log to this file (decode: `defmt-print -e FIRMWARE < FILE`).
    #[arg(long)]
    pub log: Option<PathBuf>,
    /// Deterministic instruction counting in QEMU (`-icount shift=0,sleep=off`).
    #[arg(long)]
    pub icount: bool,
    /// Check every frame from the board byte for byte against the host's own computation.
    #[arg(long)]
    pub check: bool,
    /// The corpus bundle the firmware was built with (for --check).
    #[arg(long, default_value = "firmware/corpus/sample.bin")]
    pub corpus: PathBuf,
    /// Send the articles inside a hostile stream with at least this many
    /// bytes of noise, corrupt, truncated and oversize frames.
    #[arg(long, default_value_t = 0)]
    pub garbage: usize,
    /// Seed of the hostile stream.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Seconds to wait for each frame.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Print only the closing summary line.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `epitome eval DATASET`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Data set: DIR/articles/<topic>/*.txt + DIR/summaries/<topic>/*.txt (BBC), or DIR/articles/*.txt + DIR/references/*.txt.
    pub dataset: PathBuf,
    /// Summary length: as many sentences as the reference (counted as ../shared/peers/peers.py counts them).
    #[arg(long, value_enum, default_value_t = BudgetKind::Reference, conflicts_with_all = ["sentences", "max_chars"])]
    pub budget: BudgetKind,
    /// Instead: this many sentences per summary.
    #[arg(long, short = 'n', conflicts_with = "max_chars")]
    pub sentences: Option<u16>,
    /// Instead: at most this many characters per summary.
    #[arg(long)]
    pub max_chars: Option<u32>,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    /// One JSON object: per system rouge1/rouge2/rougeL {p, r, f1}, plus articles and seconds.
    #[arg(long)]
    pub json: bool,
}

/// `--budget` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BudgetKind {
    /// The reference summary's sentence count.
    Reference,
}

/// `epitome pack`.
#[derive(Debug, Args)]
pub struct PackArgs {
    /// Article files (.txt: first non-empty line is the title; .json/.jsonl:
    /// fields title, body, source, published, lang, id) or directories.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output bundle.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// `epitome unpack`.
#[derive(Debug, Args)]
pub struct UnpackArgs {
    /// A corpus bundle from `epitome pack`.
    pub input: PathBuf,
}

/// `epitome digest`.
#[derive(Debug, Args)]
pub struct DigestArgs {
    /// A corpus bundle, or article files and directories as for `pack`.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Number of sentences in the digest (at most 32).
    #[arg(long, short = 'n', default_value_t = 6, value_parser = clap::value_parser!(u16).range(1..=32))]
    pub sentences: u16,
    /// Number of corpus keyphrases (at most 16).
    #[arg(long, short = 'k', default_value_t = 10, value_parser = clap::value_parser!(u8).range(0..=16))]
    pub keywords: u8,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// `epitome model`.
#[derive(Debug, Args)]
pub struct ModelArgs {
    /// Which model.
    #[command(subcommand)]
    pub command: ModelCommand,
}

/// Models `epitome model` can build.
#[derive(Debug, Subcommand)]
pub enum ModelCommand {
    /// Build a quantised IDF table from documents (`.txt` files or directories).
    Build {
        /// Documents: files or directories of `.txt` files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output file.
        #[arg(short, long, default_value = "idf.bin")]
        output: PathBuf,
        /// Number of terms to keep (the most frequent ones; 5 bytes each).
        #[arg(long, default_value_t = crate::model::DEFAULT_TERMS)]
        terms: usize,
        /// Use only the files whose number is odd or even, to build from one
        /// half of a numbered data set and evaluate on the other.
        #[arg(long, value_enum, default_value_t = Select::All)]
        select: Select,
    },
}

/// Which files of a numbered data set to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Select {
    /// Every file.
    All,
    /// Files whose name holds an odd number.
    Odd,
    /// Files whose name holds an even number.
    Even,
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
    #[command(flatten)]
    pub scoring: ScoringOpts,
}

/// Scoring options shared by every command that runs the core.
#[derive(Debug, Clone, Default, Args)]
pub struct ScoringOpts {
    /// Background IDF table (from `epitome model build`) instead of none.
    #[arg(long)]
    pub idf: Option<PathBuf>,
    /// Scoring knobs for experiments, `NAME=VALUE` (title, name, lead,
    /// position, min_norm_words, flat_idf, redundancy).
    #[arg(long, hide = true, value_parser = parse_tune)]
    pub tune: Vec<(String, u32)>,
}

fn parse_tune(s: &str) -> Result<(String, u32), String> {
    let (k, v) = s.split_once('=').ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    let v = v.parse().map_err(|e| format!("{k}: {e}"))?;
    Ok((k.to_owned(), v))
}

impl SummaryOpts {
    /// The core options these flags describe; `idf` holds the bytes from
    /// [`ScoringOpts::load_idf`].
    pub fn to_options<'i>(&self, idf: Option<&'i [u8]>) -> anyhow::Result<epitome::Options<'i>> {
        let mut o = self.scoring.to_options(idf)?;
        o.budget = match self.max_chars {
            Some(m) => epitome::Budget::Chars(m),
            None => epitome::Budget::Sentences(self.sentences),
        };
        o.keywords = self.keywords;
        Ok(o)
    }
}

impl ScoringOpts {
    /// Reads the IDF table named by `--idf`, if any (bytes to borrow from).
    pub fn load_idf(&self) -> anyhow::Result<Option<Vec<u8>>> {
        self.idf
            .as_ref()
            .map(|p| std::fs::read(p).map_err(|e| anyhow::anyhow!("reading IDF table {}: {e}", p.display())))
            .transpose()
    }

    /// Default core options with these scoring flags applied; `idf` holds
    /// the bytes from [`ScoringOpts::load_idf`].
    pub fn to_options<'i>(&self, idf: Option<&'i [u8]>) -> anyhow::Result<epitome::Options<'i>> {
        let mut o = epitome::Options::default();
        if let Some(bytes) = idf {
            let table = epitome::Idf::from_bytes(bytes).map_err(|e| {
                anyhow::anyhow!("IDF table {}: {e}", self.idf.as_deref().unwrap_or(std::path::Path::new("-")).display())
            })?;
            o.idf = Some(table);
        }
        for (k, v) in &self.tune {
            let w = &mut o.weights;
            match k.as_str() {
                "title" => w.title = *v,
                "name" => w.name = *v,
                "lead" => w.lead = *v,
                "position" => w.position = *v,
                "min_norm_words" => w.min_norm_words = *v,
                "flat_idf" => w.flat_idf = *v,
                "redundancy" => o.redundancy = u16::try_from(*v).unwrap_or(u16::MAX),
                other => anyhow::bail!("unknown tuning knob {other:?}"),
            }
        }
        Ok(o)
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

/// `epitome keywords`.
#[derive(Debug, Args)]
pub struct KeywordsArgs {
    /// Text files, directories of `.txt` files, or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Number of keyphrases (at most 16).
    #[arg(long = "k", short = 'k', default_value_t = 10)]
    pub k: u8,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    /// Print JSON instead of `score<TAB>keyphrase` lines.
    #[arg(long)]
    pub json: bool,
}

/// `epitome eval-keywords`.
#[derive(Debug, Args)]
pub struct EvalKeywordsArgs {
    /// Data set directory holding `docs/NAME.txt` and `keys/NAME.key`.
    pub dataset: PathBuf,
    /// Cut-off K: the first K distinct keyphrases are scored (at most 16).
    #[arg(long = "k", short = 'k', default_value_t = 10, value_parser = clap::value_parser!(u8).range(1..=16))]
    pub k: u8,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write each document's predictions to DIR/NAME.txt (one a line,
    /// best first), the layout `../shared/peers/keywords.py --predictions` scores.
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,
}

/// `epitome sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// A text file or `-` for standard input (the whole text is segmented).
    pub input: PathBuf,
    /// A JSON array instead: each unit's byte span in the (UTF-8) text,
    /// its text, kind, paragraph and whether a summary may choose it.
    #[arg(long)]
    pub json: bool,
}

/// Parses the process arguments and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => cmd::summarize::run_sample(&mut out),
        Some(Command::Summarize(a)) => cmd::summarize::run(&a, &mut out),
        Some(Command::Sentences(a)) => cmd::sentences::run(&a, &mut out),
        Some(Command::Model(a)) => cmd::model::run(&a, &mut out),
        Some(Command::Keywords(a)) => cmd::keywords::run(&a, &mut out),
        Some(Command::Pack(a)) => cmd::pack::run(&a, &mut out),
        Some(Command::Unpack(a)) => cmd::unpack::run(&a, &mut out),
        Some(Command::Digest(a)) => cmd::digest::run(&a, &mut out),
        Some(Command::Eval(a)) => cmd::eval::run(&a, &mut out),
        Some(Command::EvalKeywords(a)) => cmd::eval_keywords::run(&a, &mut out),
        Some(Command::Board(a)) => cmd::board::run(&a, &mut out),
    }
}
