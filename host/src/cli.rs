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
    /// Summarize articles: plain text (first non-empty line is the title),
    /// JSON lines or HTML pages.
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
    /// Pack articles, build a board's firmware with them in flash, flash
    /// and run it with probe-rs (its defmt log shown over RTT).
    Flash(FlashArgs),
    /// Draw the pages a board's small display shows (one article: its
    /// summary; several: their digest) as PNG files.
    Screen(ScreenArgs),
    /// Print the article inside an HTML page: its title, a blank line and
    /// its text, as the other commands read it (`--json`: with the method
    /// that found it).
    Extract(ExtractArgs),
}

/// `epitome extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// An HTML page, or `-` for standard input.
    pub page: PathBuf,
    /// One JSON object instead: `title`, `text` and `method` (`json-ld`,
    /// `microdata` or `readability`).
    #[arg(long)]
    pub json: bool,
}

/// `epitome flash`.
#[derive(Debug, Args)]
pub struct FlashArgs {
    /// Articles for the board's flash: a corpus bundle, or files and directories as for `pack`.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitOpts,
    /// probe-rs's name of the chip (`probe-rs chip list`), e.g. STM32F405RGTx.
    #[arg(long)]
    pub chip: String,
    /// The board whose firmware is built.
    #[arg(long, value_enum, default_value_t)]
    pub board: crate::boards::BoardName,
    /// Which probe, if several are connected (probe-rs's VID:PID[:SERIAL]).
    #[arg(long)]
    pub probe: Option<String>,
    /// Print the commands instead of running them.
    #[arg(long)]
    pub dry_run: bool,
}

/// `epitome screen`.
#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// A corpus bundle, or article files and directories as for `pack`.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitOpts,
    /// The display: 128x64 (OLED) or 296x128 (e-paper).
    #[arg(long, default_value = "128x64")]
    pub display: String,
    /// The page to draw (1 = first).
    #[arg(long, default_value_t = 1, conflicts_with = "all")]
    pub page: usize,
    /// Draw every page, as DIR/page-N.png.
    #[arg(long)]
    pub all: bool,
    /// Pixels of the PNG per display pixel.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=16))]
    pub scale: u32,
    /// Output: a .png file, or a directory (for --all, or to get DIR/page-N.png).
    #[arg(short, long)]
    pub output: PathBuf,
}

/// `epitome board`.
#[derive(Debug, Args)]
pub struct BoardArgs {
    /// Articles to send: a corpus bundle, or article files and directories as for `pack`.
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitOpts,
    /// A real board's serial port (e.g. /dev/ttyACM0) instead of QEMU.
    #[arg(long, conflicts_with_all = ["log", "icount"])]
    pub port: Option<PathBuf>,
    /// The board (its firmware, QEMU machine, buffers and workspace).
    #[arg(long, value_enum, default_value_t)]
    pub board: crate::boards::BoardName,
    /// The firmware ELF to run under QEMU [default: the board's release
    /// firmware, target/TARGET/firmware/epitome-BOARD].
    #[arg(long)]
    pub firmware: Option<PathBuf>,
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
    /// Save the board's display (QEMU's screendump) as a PNG once its first
    /// page is drawn; with --check, compare it pixel for pixel with
    /// `epitome screen` of the flash corpus.
    #[arg(long, value_name = "FILE.png", conflicts_with = "port")]
    pub screenshot: Option<PathBuf>,
    /// The page to take the screenshot of: the host presses the board's
    /// "right" button (QEMU's send-key) to page on.
    #[arg(long, default_value_t = 1, requires = "screenshot", value_parser = clap::value_parser!(u16).range(1..))]
    pub screen_page: u16,
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
    /// Seconds to wait for each frame (for answers, plus the time the
    /// bytes sent take at half of 115200 baud: a large article's answer
    /// comes only once the board has read it all).
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
    /// Instead: this many sentences per summary (at most 32).
    #[arg(long, short = 'n', conflicts_with = "max_chars", value_parser = sentence_count())]
    pub sentences: Option<u16>,
    /// Instead: at most this many characters per summary.
    #[arg(long)]
    pub max_chars: Option<u32>,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    #[command(flatten)]
    pub jobs: Jobs,
    /// One JSON object: per system rouge1/rouge2/rougeL {p, r, f1}, plus articles and seconds.
    #[arg(long)]
    pub json: bool,
    /// Also write each system's summaries as DIR/SYSTEM/ID.txt, one sentence
    /// a line (what `../shared/peers/peers.py --predictions DIR/SYSTEM`
    /// scores), and every article's scores as DIR/rouge.jsonl.
    #[arg(long, value_name = "DIR")]
    pub dump: Option<PathBuf>,
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
    /// fields title, body, source, published, lang, id), bundles or directories.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitOpts,
    /// Output bundle.
    #[arg(short, long)]
    pub output: PathBuf,
}

/// `epitome unpack`.
#[derive(Debug, Args)]
pub struct UnpackArgs {
    /// A corpus bundle from `epitome pack`.
    pub input: PathBuf,
    #[command(flatten)]
    pub limits: LimitOpts,
}

/// `epitome digest`.
#[derive(Debug, Args)]
pub struct DigestArgs {
    /// A corpus bundle, or article files and directories as for `pack`.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitOpts,
    /// Number of sentences in the digest (at most 32); a digest spans many
    /// articles, so it is longer than one article's summary by default.
    #[arg(long, short = 'n', default_value_t = 6, value_parser = sentence_count())]
    pub sentences: u16,
    #[command(flatten)]
    pub keywords: Keywords,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    /// Print JSON instead of text: the article count, the keyphrases, the
    /// flags and each sentence with its article's id, title, source and
    /// language.
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
        #[command(flatten)]
        limits: LimitOpts,
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
    /// Number of sentences in each summary (at most 32).
    #[arg(long, short = 'n', default_value_t = default_sentences(), conflicts_with = "max_chars", value_parser = sentence_count())]
    pub sentences: u16,
    /// Instead of a sentence count, at most this many characters per summary.
    #[arg(long)]
    pub max_chars: Option<u32>,
    #[command(flatten)]
    pub keywords: Keywords,
    #[command(flatten)]
    pub scoring: ScoringOpts,
}

/// `--keywords`/`-k`: how many keyphrases; the same name, range (0 to
/// [`epitome::MAX_KEYWORDS`]) and default (the core's) in every command.
#[derive(Debug, Clone, Copy, Args)]
pub struct Keywords {
    /// Number of keyphrases (at most 16).
    #[arg(id = "keywords", long = "keywords", short = 'k', alias = "k", value_name = "K",
          default_value_t = default_keywords(), value_parser = keyword_count())]
    pub count: u8,
}

/// `--jobs`/`-j`: worker threads for commands that treat many articles.
#[derive(Debug, Clone, Copy, Args)]
pub struct Jobs {
    /// Worker threads (default: one per core; at most 256, and no more than
    /// the inputs can use); the output is the same for any number.
    #[arg(long = "jobs", short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

impl Jobs {
    /// The number asked for (at most [`crate::batch::MAX_JOBS`]), or every core.
    pub fn get(&self) -> usize {
        self.jobs.map_or_else(crate::batch::all_cores, usize::from).min(crate::batch::MAX_JOBS)
    }
}

/// `--max-article-bytes`, `--max-line-bytes`: the largest inputs read
/// ([`crate::input::Limits`]), for every command that reads articles.
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitOpts {
    /// Largest text article, JSON file or bundle read, in bytes (suffixes
    /// K, M, G: binary multiples); a larger one is reported and skipped
    /// without being read whole.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_article_bytes: u64,
    /// Longest JSON line read, in bytes (suffixes K, M, G); a longer one
    /// is reported and skipped without being held.
    #[arg(long, value_name = "SIZE", default_value = "16M", value_parser = parse_size)]
    pub max_line_bytes: u64,
}

impl LimitOpts {
    /// The limits these flags set.
    pub fn limits(&self) -> crate::input::Limits {
        crate::input::Limits { article_bytes: self.max_article_bytes, line_bytes: self.max_line_bytes }
    }
}

/// A size in bytes: a number, optionally followed by K, M or G (KiB, MiB, GiB).
fn parse_size(s: &str) -> Result<u64, String> {
    let (digits, shift) = match s.trim().to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        t if t.ends_with('K') => (t[..t.len() - 1].to_owned(), 10),
        t if t.ends_with('M') => (t[..t.len() - 1].to_owned(), 20),
        t if t.ends_with('G') => (t[..t.len() - 1].to_owned(), 30),
        t => (t.to_owned(), 0),
    };
    let n: u64 = digits.trim().parse().map_err(|_| format!("expected a size such as 4096, 64K or 32M, got {s:?}"))?;
    n.checked_mul(1 << shift).filter(|&n| n > 0).ok_or_else(|| format!("size out of range: {s:?}"))
}

/// How `summarize` and `keywords` read their inputs.
#[derive(Debug, Clone, Args)]
pub struct InputOpts {
    /// How to read the inputs: `auto` takes `.jsonl`/`.ndjson` files as JSON
    /// lines (one article object a line), `.html`/`.htm` files and files that
    /// start like a page as HTML pages (the article inside is read), and
    /// anything else, `-` included, as one text article.
    #[arg(long = "input", value_enum, value_name = "FORMAT", default_value_t = crate::input::Format::Auto)]
    pub format: crate::input::Format,
    /// JSON field holding the article's id (copied to the output).
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSON field holding the title (optional in the data).
    #[arg(long, value_name = "NAME", default_value = "title")]
    pub title_field: String,
    /// JSON field holding the text to summarize.
    #[arg(long, value_name = "NAME", default_value = "body")]
    pub text_field: String,
    /// JSON field holding a raw HTML page, read when a line has no text
    /// field: the article inside the page is summarized.
    #[arg(long, value_name = "NAME", default_value = "html")]
    pub html_field: String,
    #[command(flatten)]
    pub limits: LimitOpts,
}

impl InputOpts {
    /// The reading options these flags describe.
    pub fn read_options(&self) -> crate::input::ReadOptions {
        crate::input::ReadOptions {
            format: self.format,
            fields: crate::input::Fields {
                id: self.id_field.clone(),
                title: self.title_field.clone(),
                text: self.text_field.clone(),
                html: self.html_field.clone(),
            },
            limits: self.limits.limits(),
        }
    }
}

/// `--json` / `--jsonl` for commands with one result per article.
#[derive(Debug, Clone, Copy, Args)]
pub struct OutputOpts {
    /// Print one JSON array of article results instead of text.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print one JSON object a line, one line per input article, in input order.
    #[arg(long)]
    pub jsonl: bool,
}

impl OutputOpts {
    /// The output shape these flags choose.
    pub fn shape(&self) -> crate::stream::Shape {
        match (self.json, self.jsonl) {
            (_, true) => crate::stream::Shape::Jsonl,
            (true, false) => crate::stream::Shape::Json,
            (false, false) => crate::stream::Shape::Text,
        }
    }
}

/// The core's default keyphrase count.
fn default_keywords() -> u8 {
    epitome::Options::default().keywords
}

/// The core's default sentence budget.
fn default_sentences() -> u16 {
    match epitome::Options::default().budget {
        epitome::Budget::Sentences(n) => n,
        epitome::Budget::Chars(_) => 3,
    }
}

fn keyword_count() -> clap::builder::RangedI64ValueParser<u8> {
    clap::value_parser!(u8).range(0..=epitome::MAX_KEYWORDS as i64)
}

fn sentence_count() -> clap::builder::RangedI64ValueParser<u16> {
    clap::value_parser!(u16).range(0..=epitome::MAX_CHOSEN as i64)
}

/// Scoring options shared by every command that runs the core.
#[derive(Debug, Clone, Default, Args)]
pub struct ScoringOpts {
    /// The articles' language: `auto` (detected in each article) or one of
    /// en, fr, de, es, it, pt, nl. `eval` and `eval-keywords` also score in
    /// it (in `auto`, in the language most articles are detected in): `en`
    /// as rouge-score and keywords.py do by default, the others as
    /// `../shared/peers` does with `--lang fr` (Unicode words; keyphrases
    /// Snowball-stemmed).
    #[arg(long, alias = "lang", value_name = "LANG", default_value = "auto", value_parser = crate::language::parse)]
    pub language: crate::language::LanguageChoice,
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
        o.keywords = self.keywords.count;
        Ok(o)
    }
}

impl ScoringOpts {
    /// Reads the IDF table named by `--idf`, if any (bytes to borrow
    /// from), its checksum checked ([`crate::model::checked_table`]).
    pub fn load_idf(&self) -> anyhow::Result<Option<Vec<u8>>> {
        let Some(p) = &self.idf else { return Ok(None) };
        let bytes = crate::input::read_bytes(p, crate::input::DEFAULT_LIMIT)
            .map_err(|e| anyhow::anyhow!("reading IDF table {e}"))?;
        let (table, legacy) =
            crate::model::checked_table(bytes).map_err(|e| anyhow::anyhow!("IDF table {}: {e}", p.display()))?;
        if legacy {
            crate::output::warn(format!(
                "IDF table {}: has no checksum (built before they had one); rebuild it with `epitome model build`",
                p.display()
            ));
        }
        Ok(Some(table))
    }

    /// Default core options with these scoring flags applied; `idf` holds
    /// the bytes from [`ScoringOpts::load_idf`].
    pub fn to_options<'i>(&self, idf: Option<&'i [u8]>) -> anyhow::Result<epitome::Options<'i>> {
        let mut o = epitome::Options { language: self.language, ..epitome::Options::default() };
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
                "lead_pivot" => w.lead_pivot = *v,
                "lead_exponent" => w.lead_exponent = *v,
                "lead_min_words" => w.lead_min_words = *v,
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
    #[command(flatten)]
    pub opts: SummaryOpts,
    /// Summarize with a board's workspace (its capacities) instead of the
    /// core's default: the summaries that board's firmware computes.
    #[arg(long, value_enum, value_name = "BOARD")]
    pub workspace: Option<crate::boards::BoardName>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// Inputs, reading, output shape and workers of a command with one result
/// per article (`summarize`, `keywords`).
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Text files, HTML pages, JSON-lines files, directories of them, or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub input: InputOpts,
    #[command(flatten)]
    pub output: OutputOpts,
    #[command(flatten)]
    pub jobs: Jobs,
}

/// `epitome keywords`: as text, `score<TAB>keyphrase` lines, under a
/// `# ORIGIN` line per article when the inputs can hold several.
#[derive(Debug, Args)]
pub struct KeywordsArgs {
    #[command(flatten)]
    pub keywords: Keywords,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// `epitome eval-keywords`.
#[derive(Debug, Args)]
pub struct EvalKeywordsArgs {
    /// Data set directory holding `docs/NAME.txt` and `keys/NAME.key`.
    pub dataset: PathBuf,
    /// Cut-off K: the first K distinct keyphrases are scored.
    #[command(flatten)]
    pub keywords: Keywords,
    #[command(flatten)]
    pub scoring: ScoringOpts,
    #[command(flatten)]
    pub jobs: Jobs,
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
    /// A text file or `-` for standard input (the whole text is segmented;
    /// of an HTML page, the article's title and text).
    pub input: PathBuf,
    #[command(flatten)]
    pub limits: LimitOpts,
    /// A JSON array instead: each unit's byte span in the (UTF-8) text,
    /// its text, kind, paragraph, whether a summary may choose it and the
    /// language the text is read in.
    #[arg(long)]
    pub json: bool,
    /// The text's language, as `summarize --language` takes it: `auto`
    /// (detected, as `summarize` detects it) or one of en, fr, de, es, it,
    /// pt, nl. The segmenter splits every language alike; the language is
    /// reported in the JSON.
    #[arg(long, alias = "lang", value_name = "LANG", default_value = "auto", value_parser = crate::language::parse)]
    pub language: crate::language::LanguageChoice,
}

/// Parses the process arguments and runs the command.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    crate::output::check_stdout()?;
    // Commands that stream many results write blocks into pipes; the
    // others (a board session among them) line by line, as they go.
    let streams = matches!(
        cli.command,
        None | Some(Command::Summarize(_) | Command::Keywords(_) | Command::Sentences(_) | Command::Unpack(_))
    );
    let mut out = crate::output::stdout(streams);
    let code = match cli.command {
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
        Some(Command::Flash(a)) => cmd::flash::run(&a, &mut out),
        Some(Command::Screen(a)) => cmd::screen::run(&a, &mut out),
        Some(Command::Extract(a)) => cmd::extract::run(&a, &mut out),
    }?;
    std::io::Write::flush(&mut out)?;
    Ok(code)
}
