//! ROUGE evaluation of Epitome and two baselines over a data set, under one
//! length protocol: Epitome, Lead-N (the first N sentences by the core's own
//! segmenter) and Random-N (N sentences drawn with a fixed seed, in text
//! order). Scores are per-article ROUGE averaged over articles, as
//! `../shared/peers/peers.py` averages them, and under its protocol for the
//! data set's language ([`Protocol::for_language`]), so the figures compare.
//! With a dump directory, each system's summaries are written in the layout
//! `peers.py --predictions` reads, with every article's scores beside them.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use epitome::segment::Segmenter;
use epitome::{Budget as CoreBudget, DefaultSummarizer, Options};

use crate::batch;
use crate::dataset::{Item, reference_sentence_count};
use crate::language::Language;
use crate::rng::SplitMix64;
use crate::rouge::{Prf, Protocol, Rouge, Scorer};

/// Summary length for each article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// As many sentences as the reference has ([`reference_sentence_count`]).
    Reference,
    /// This many sentences.
    Sentences(u16),
    /// At most this many characters (one separator counted between sentences).
    Chars(u32),
}

/// How a run measures: the budget, the language it scores in, and where
/// to dump the summaries.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Summary length.
    pub budget: Budget,
    /// The data set's language: it sets the scoring protocol
    /// ([`Protocol::for_language`]) and how reference sentences are counted.
    pub language: Language,
    /// Write each system's summaries as `DIR/<system>/<id>.txt`, one
    /// sentence a line (the layout `peers.py --predictions DIR/<system>`
    /// reads), and every article's scores as `DIR/rouge.jsonl`.
    pub dump: Option<PathBuf>,
}

impl Settings {
    /// The scoring protocol of [`Settings::language`].
    pub fn protocol(&self) -> Protocol {
        Protocol::for_language(self.language.code())
    }
}

/// The systems every run scores, in report order.
pub const SYSTEMS: [&str; 3] = ["epitome", "lead", "random"];

/// Seed of Random-N (fixed, so runs repeat exactly).
pub const RANDOM_SEED: u64 = 0;

/// Sums of per-article ROUGE for one system over a group of articles.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Totals {
    /// Articles added.
    pub articles: usize,
    sum: Rouge,
}

impl Totals {
    fn add(&mut self, r: &Rouge) {
        self.articles += 1;
        for (s, x) in
            [(&mut self.sum.rouge1, r.rouge1), (&mut self.sum.rouge2, r.rouge2), (&mut self.sum.rouge_l, r.rouge_l)]
        {
            s.p += x.p;
            s.r += x.r;
            s.f1 += x.f1;
        }
    }

    /// Mean ROUGE over the articles added (zeros if none).
    pub fn mean(&self) -> Rouge {
        let n = self.articles.max(1) as f64;
        let m = |x: Prf| Prf { p: x.p / n, r: x.r / n, f1: x.f1 / n };
        Rouge { rouge1: m(self.sum.rouge1), rouge2: m(self.sum.rouge2), rouge_l: m(self.sum.rouge_l) }
    }
}

/// What one evaluation run measured.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Per system (in [`SYSTEMS`] order): totals per topic (`""` in the generic layout).
    pub topics: Vec<BTreeMap<String, Totals>>,
    /// Per system: totals over the whole data set.
    pub overall: Vec<Totals>,
    /// Articles evaluated.
    pub articles: usize,
    /// Bytes of article bodies.
    pub bytes: usize,
    /// Wall time of the whole run (summarizing, baselines and scoring).
    pub seconds: f64,
    /// Time spent in Epitome's summarizer alone, summed over the threads.
    pub epitome_seconds: f64,
    /// Articles whose Epitome summary includes the article's first sentence
    /// (news puts the gist first: a summarizer of news must not lose it).
    pub lead_kept: usize,
    /// The scoring protocol the run used.
    pub protocol: Protocol,
    /// The language the run scored in ([`Settings::language`]).
    pub language: Language,
    /// How many articles Epitome read in each language (the language its
    /// summary reports), in [`Language::ALL`] order.
    pub read_as: [usize; Language::ALL.len()],
}

/// One article's measurements.
#[derive(Debug, Clone)]
struct Scored {
    /// Per system, in [`SYSTEMS`] order.
    rouge: [Rouge; 3],
    /// Per system, the summary's sentences (kept only to be dumped).
    summaries: Option<[Vec<String>; 3]>,
    /// The sentence budget (none under a character budget).
    sentences: Option<u16>,
    /// The language Epitome read the article in.
    language: Language,
    lead_kept: bool,
    epitome_seconds: f64,
}

/// Runs the evaluation on `jobs` threads; `progress(done, total)` is
/// called as articles finish. Articles are added up in data-set order, so
/// the figures are the same for any number of threads.
///
/// Errors: only writing the dump.
pub fn run(
    items: &[Item],
    settings: &Settings,
    opts: &Options<'_>,
    jobs: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<Report> {
    let start = Instant::now();
    let mut report = Report {
        topics: vec![BTreeMap::new(); SYSTEMS.len()],
        overall: vec![Totals::default(); SYSTEMS.len()],
        protocol: settings.protocol(),
        language: settings.language,
        ..Report::default()
    };
    let mut dump = settings.dump.as_deref().map(Dump::create).transpose()?;
    // Random-N draws from one generator in data-set order, as it always
    // has: the items are taken in order, and each draw is made as its item is.
    let mut rng = SplitMix64::new(RANDOM_SEED);
    let draws = items.iter().enumerate().map(move |(i, item)| (i, rng.shuffled(choosable_sentences(&item.body).len())));
    batch::run(
        jobs,
        draws,
        || (Box::new(DefaultSummarizer::new()), Scorer::with_protocol(settings.protocol())),
        |(summarizer, scorer), (i, random_order)| {
            (i, score(&items[i], settings, opts, summarizer, scorer, random_order))
        },
        |(i, scored)| {
            let item = &items[i];
            if let Some(dump) = &mut dump {
                dump.write(item, &scored)?;
            }
            for (k, r) in scored.rouge.iter().enumerate() {
                report.topics[k].entry(item.topic.clone()).or_default().add(r);
                report.overall[k].add(r);
            }
            report.lead_kept += usize::from(scored.lead_kept);
            report.read_as[scored.language.index()] += 1;
            report.epitome_seconds += scored.epitome_seconds;
            report.articles += 1;
            report.bytes += item.body.len();
            progress(report.articles, items.len());
            Ok::<(), anyhow::Error>(())
        },
    )?;
    if let Some(dump) = dump {
        dump.finish()?;
    }
    report.seconds = start.elapsed().as_secs_f64();
    Ok(report)
}

/// The dump directory of a run (see [`Settings::dump`]).
struct Dump {
    dir: PathBuf,
    scores: std::io::BufWriter<std::fs::File>,
}

impl Dump {
    fn create(dir: &Path) -> Result<Dump> {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = dir.join("rouge.jsonl");
        let file = std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Dump { dir: dir.to_owned(), scores: std::io::BufWriter::new(file) })
    }

    /// Writes one article's summaries and its line of `rouge.jsonl`:
    /// `{"id", "language" (Epitome's), "sentences" (the budget, null under a character budget),
    /// "epitome": {"rouge1": {"p", "r", "f1"}, …}, "lead": …, "random": …}`.
    fn write(&mut self, item: &Item, scored: &Scored) -> Result<()> {
        let mut line = format!(
            "{{\"id\":{},\"language\":\"{}\",\"sentences\":{}",
            serde_json::to_string(&item.id)?,
            scored.language.code(),
            json_or_null(scored.sentences)
        );
        for (k, name) in SYSTEMS.iter().enumerate() {
            let path = self.dir.join(name).join(format!("{}.txt", item.id));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            }
            let sentences = scored.summaries.as_ref().map_or(&[][..], |s| &s[k][..]);
            std::fs::write(&path, one_a_line(sentences)).with_context(|| format!("writing {}", path.display()))?;
            line.push_str(&format!(",\"{name}\":{}", serde_json::to_string(&scored.rouge[k])?));
        }
        line.push_str("}\n");
        self.scores.write_all(line.as_bytes()).context("writing rouge.jsonl")?;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.scores.flush().with_context(|| format!("writing {}", self.dir.join("rouge.jsonl").display()))
    }
}

fn json_or_null(n: Option<u16>) -> String {
    n.map_or_else(|| "null".to_owned(), |n| n.to_string())
}

/// Sentences one a line, as peers.py's `--predictions` reads them: a line
/// break inside a sentence (any that Python's `str.splitlines` breaks at)
/// becomes a space, so that each line is one whole sentence. Scores do not
/// change: every such break separates tokens under both protocols.
fn one_a_line(sentences: &[String]) -> String {
    let mut out = String::new();
    for s in sentences {
        let breaks =
            |c: char| matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        out.extend(s.chars().map(|c| if breaks(c) { ' ' } else { c }));
        out.push('\n');
    }
    out
}

/// The language most of `items` are in, as the core detects them (each
/// article read once, no sentence chosen), on `jobs` threads.
pub fn detect_language(items: &[Item], opts: &Options<'_>, jobs: usize) -> Language {
    let o = Options { budget: CoreBudget::Sentences(0), keywords: 0, ..*opts };
    let mut found = Vec::with_capacity(items.len());
    let detected = batch::run(
        jobs,
        items.iter(),
        || Box::new(DefaultSummarizer::new()),
        |summarizer, item| {
            summarizer.summarize(&item.title, &item.body, &o).map_or(Language::English, |s| s.language())
        },
        |l| {
            found.push(l);
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let Ok(()) = detected;
    crate::language::majority(&found)
}

/// Epitome's, Lead-N's and Random-N's summaries of one article, scored.
fn score(
    item: &Item,
    settings: &Settings,
    opts: &Options<'_>,
    summarizer: &mut DefaultSummarizer,
    scorer: &mut Scorer,
    random_order: Vec<usize>,
) -> Scored {
    let budget = settings.budget;
    let n = match budget {
        Budget::Reference => {
            u16::try_from(reference_sentence_count(&item.reference, settings.language)).unwrap_or(u16::MAX)
        }
        Budget::Sentences(n) => n,
        Budget::Chars(_) => u16::MAX,
    };
    let chars = match budget {
        Budget::Chars(m) => m,
        _ => u32::MAX,
    };
    let t = Instant::now();
    let core_budget = match budget {
        Budget::Chars(m) => CoreBudget::Chars(m),
        _ => CoreBudget::Sentences(n),
    };
    let o = Options { budget: core_budget, ..*opts };
    let (ours, language): (Vec<&str>, _) = match summarizer.summarize(&item.title, &item.body, &o) {
        Ok(s) => (s.sentences.iter().map(|c| c.text).collect(), s.language()),
        Err(_) => (Vec::new(), Language::English),
    };
    let epitome_seconds = t.elapsed().as_secs_f64();
    let sentences = choosable_sentences(&item.body);
    let lead_kept = sentences.first().is_some_and(|first| ours.first() == Some(first));
    let lead = pick(&sentences, (0..sentences.len()).collect(), n, chars);
    let random = pick(&sentences, random_order, n, chars);
    let summaries = [ours, lead, random];
    let rouge = summaries.each_ref().map(|summary| scorer.score(&item.reference, &summary.join("\n")));
    let summaries =
        settings.dump.is_some().then(|| summaries.map(|s| s.into_iter().map(str::to_owned).collect::<Vec<_>>()));
    let sentences = (!matches!(budget, Budget::Chars(_))).then_some(n);
    Scored { rouge, summaries, sentences, language, lead_kept, epitome_seconds }
}

/// The units the core may choose, in text order.
fn choosable_sentences(body: &str) -> Vec<&str> {
    Segmenter::new(body).filter(|u| u.kind.is_choosable()).filter_map(|u| u.span.slice(body)).collect()
}

/// Takes sentences in the given order while under `n` sentences, skipping
/// those that would overflow `chars`; returns them in text order.
fn pick<'a>(sentences: &[&'a str], order: Vec<usize>, n: u16, chars: u32) -> Vec<&'a str> {
    let mut chosen = Vec::new();
    let mut left = u64::from(chars);
    for i in order {
        if chosen.len() >= usize::from(n) {
            break;
        }
        let len = sentences[i].chars().count() as u64 + u64::from(!chosen.is_empty());
        if len <= left {
            left -= len;
            chosen.push(i);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| sentences[i]).collect()
}

/// The `--json` object: per system `rouge1`, `rouge2`, `rougeL` as
/// `{"p", "r", "f1"}` over the whole data set, plus `articles` and `seconds`.
pub fn to_json(report: &Report) -> serde_json::Value {
    let mut obj = serde_json::Map::new();
    for (name, t) in SYSTEMS.iter().zip(&report.overall) {
        obj.insert((*name).to_owned(), serde_json::to_value(t.mean()).unwrap_or_default());
    }
    obj.insert("articles".into(), report.articles.into());
    obj.insert("language".into(), report.language.code().into());
    obj.insert("protocol".into(), report.protocol.name().into());
    let read_as: serde_json::Map<String, serde_json::Value> = Language::ALL
        .iter()
        .zip(report.read_as)
        .filter(|&(_, n)| n > 0)
        .map(|(l, n)| (l.code().to_owned(), n.into()))
        .collect();
    obj.insert("read_as".into(), read_as.into());
    obj.insert("seconds".into(), report.seconds.into());
    serde_json::Value::Object(obj)
}

/// The table: F1 per topic and system, then overall P/R/F1 and timings.
pub fn to_table(report: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let topics: Vec<&String> = report.topics.first().map(|m| m.keys().collect()).unwrap_or_default();
    let _ =
        writeln!(s, "{:<14} {:<8} {:>6} {:>6} {:>6} {:>9}", "topic", "system", "R1 F1", "R2 F1", "RL F1", "articles");
    let row = |s: &mut String, topic: &str, name: &str, t: &Totals| {
        let m = t.mean();
        let _ = writeln!(
            s,
            "{topic:<14} {name:<8} {:>6.4} {:>6.4} {:>6.4} {:>9}",
            m.rouge1.f1, m.rouge2.f1, m.rouge_l.f1, t.articles
        );
    };
    if topics.len() > 1 || topics.first().is_some_and(|t| !t.is_empty()) {
        for topic in &topics {
            for (k, name) in SYSTEMS.iter().enumerate() {
                if let Some(t) = report.topics[k].get(*topic) {
                    row(&mut s, topic, name, t);
                }
            }
        }
    }
    for (name, t) in SYSTEMS.iter().zip(&report.overall) {
        row(&mut s, "overall", name, t);
    }
    let _ = writeln!(s, "\noverall P / R / F1");
    for (name, t) in SYSTEMS.iter().zip(&report.overall) {
        let m = t.mean();
        let f = |x: Prf| format!("{:.4} / {:.4} / {:.4}", x.p, x.r, x.f1);
        let _ = writeln!(s, "{name:<8} R1 {}   R2 {}   RL {}", f(m.rouge1), f(m.rouge2), f(m.rouge_l));
    }
    let read_as: Vec<String> = Language::ALL
        .iter()
        .zip(report.read_as)
        .filter(|&(_, n)| n > 0)
        .map(|(l, n)| format!("{n} as {}", l.code()))
        .collect();
    let _ = writeln!(s, "\nEpitome read {} of {} articles", read_as.join(", "), report.articles);
    let _ = writeln!(
        s,
        "Epitome kept the first sentence in {} of {} summaries ({:.1} %)",
        report.lead_kept,
        report.articles,
        100.0 * report.lead_kept as f64 / report.articles.max(1) as f64
    );
    let mb = report.bytes as f64 / 1e6;
    let _ = writeln!(
        s,
        "\n{} articles, {:.2} MB in {:.2} s; Epitome summarized them in {:.3} s ({:.1} MB/s)",
        report.articles,
        mb,
        report.seconds,
        report.epitome_seconds,
        mb / report.epitome_seconds.max(1e-9)
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, body: &str, reference: &str) -> Item {
        Item {
            id: id.into(),
            topic: id.split('/').next().unwrap_or("").into(),
            title: "Council approves bridge".into(),
            body: body.into(),
            reference: reference.into(),
        }
    }

    #[test]
    fn lead_copies_the_first_sentences_and_random_repeats() {
        let body = "The council approved a new bridge on Monday evening. It will cost forty million pounds in total. \
                    Work starts in the spring of next year. Local shops expect more trade after it opens.";
        let items = [item(
            "a/1",
            body,
            "The council approved a new bridge on Monday evening.It will cost forty million pounds in total.",
        )];
        let settings = Settings { budget: Budget::Reference, language: Language::English, dump: None };
        let r1 = run(&items, &settings, &Options::default(), 2, |_, _| {}).unwrap();
        let r2 = run(&items, &settings, &Options::default(), 2, |_, _| {}).unwrap();
        let lead = r1.overall[1].mean();
        assert!((lead.rouge1.f1 - 1.0).abs() < 1e-12, "{lead:?}");
        assert_eq!(r1.overall[2].mean(), r2.overall[2].mean());
        assert_eq!(r1.articles, 1);
        let j = to_json(&r1);
        assert!(j["epitome"]["rougeL"]["f1"].as_f64().is_some() && j["articles"] == 1);
        assert!(to_table(&r1).contains("overall"));
        assert!(to_table(&r1).contains(&format!("kept the first sentence in {} of 1", r1.lead_kept)));
    }

    #[test]
    fn char_budget_is_respected() {
        let s = ["aaaa", "bb", "cccccc"];
        assert_eq!(pick(&s, vec![0, 1, 2], u16::MAX, 7), ["aaaa", "bb"]);
        assert_eq!(pick(&s, vec![2, 1, 0], u16::MAX, 7), ["cccccc"]);
        assert_eq!(pick(&s, vec![2, 0, 1], 2, u32::MAX), ["aaaa", "cccccc"]);
    }

    #[test]
    fn dumped_sentences_are_one_a_line() {
        let s = ["One\nsentence\u{2028}here.".to_owned(), "Two.".to_owned()];
        assert_eq!(one_a_line(&s), "One sentence here.\nTwo.\n");
        assert_eq!(one_a_line(&[]), "");
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut v = SplitMix64::new(1).shuffled(50);
        v.sort_unstable();
        assert_eq!(v, (0..50).collect::<Vec<_>>());
    }
}
