//! `epitome summarize` and the default run over the built-in sample.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use epitome::{DefaultSummarizer, Options, Summary};

use crate::boards::with_workspace;
use crate::cli::SummarizeArgs;
use crate::input::{self, InputArticle};
use crate::output;
use crate::report;
use crate::stream::{self, Plan, Shape};

/// The text block of one summary: title, source, keywords, flags, sentences.
pub fn text_block(a: &InputArticle, s: &Summary<'_>) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut t = String::with_capacity(256 + s.sentences.iter().map(|c| c.text.len()).sum::<usize>());
    let _ = writeln!(t, "# {}", if a.title.is_empty() { "(untitled)" } else { &a.title });
    let _ = writeln!(t, "  source:   {}", a.origin);
    let kws: Vec<&str> = s.keywords.iter().map(|k| k.text).collect();
    let _ = writeln!(t, "  keywords: {}", kws.join(", "));
    let flags = report::flag_names(s.flags);
    if !flags.is_empty() {
        let _ = writeln!(t, "  flags:    {}", flags.join(", "));
    }
    for c in &s.sentences {
        // With the quotation marks it lacks (`report::shown`).
        let marks = epitome::segment::MissingMarks::of(c.text);
        t.push_str("  - ");
        let at = t.len();
        push_one_line(&mut t, c.text);
        t.insert_str(at, marks.before());
        t.push_str(marks.after());
        t.push('\n');
    }
    t.into_bytes()
}

/// Appends the words of `s` joined by single spaces, exactly as joining
/// `s.split_whitespace()` would, but looking at ASCII bytes directly (this
/// runs on every sentence printed). `t` must end with a space (the `- `).
fn push_one_line(t: &mut String, s: &str) {
    // Most sentences are already one line of single spaces: no ASCII
    // white space but the space, no byte that may start a non-ASCII space
    // (U+0085, U+00A0, U+1680, U+2000.., U+3000), no doubled or outer space.
    let b = s.as_bytes();
    let odd = |c: u8| (b'\t'..=b'\r').contains(&c) || c == 0xC2 || (0xE1..=0xE3).contains(&c);
    let plain = !b.iter().any(|&c| odd(c))
        && b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && !b.windows(2).any(|w| w == b"  ");
    if plain {
        t.push_str(s);
        return;
    }
    let mut word: Option<usize> = None;
    let mut at = 0;
    while at < s.len() {
        let b = s.as_bytes()[at];
        let (space, len) = if b.is_ascii() {
            // char::is_whitespace on ASCII: space, tab, LF, VT, FF, CR.
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = s[at..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word) {
            (true, Some(start)) => {
                push_word(t, &s[start..at]);
                word = None;
            }
            (false, None) => word = Some(at),
            _ => {}
        }
        at += len;
    }
    if let Some(start) = word {
        push_word(t, &s[start..]);
    }
}

fn push_word(t: &mut String, w: &str) {
    if !t.ends_with(' ') {
        t.push(' ');
    }
    t.push_str(w);
}

/// One summary in `shape` (text block, pretty JSON, or a JSON line).
pub fn render(shape: Shape, a: &InputArticle, s: &Summary<'_>) -> std::io::Result<Vec<u8>> {
    match shape {
        Shape::Text => Ok(text_block(a, s)),
        Shape::Json => output::pretty(&report::article(a, s)),
        Shape::Jsonl => output::line(&report::article(a, s)),
    }
}

/// `epitome summarize`.
pub fn run(args: &SummarizeArgs, out: &mut impl Write) -> Result<ExitCode> {
    let idf = args.opts.scoring.load_idf()?;
    let opts = args.opts.to_options(idf.as_deref())?;
    let read = args.batch.input.read_options();
    let plan = Plan {
        inputs: &args.batch.inputs,
        read: &read,
        jobs: args.batch.jobs.get(),
        shape: args.batch.output.shape(),
        separator: b"\n",
    };
    let Some(board) = args.workspace else {
        return stream::run(&plan, out, |summarizer, a| {
            let s = summarizer.summarize(&a.title, &a.body, &opts)?;
            Ok(render(plan.shape, a, &s)?)
        });
    };
    // A board's workspace: the summaries that board computes.
    with_workspace!(board, Ws, Digest, {
        stream::run_with::<Ws>(&plan, out, |summarizer, a| {
            let s = summarizer.summarize(&a.title, &a.body, &opts)?;
            Ok(render(plan.shape, a, &s)?)
        })
    })
}

/// `epitome` with no arguments: the built-in sample with the default options.
pub fn run_sample(out: &mut impl Write) -> Result<ExitCode> {
    let opts = Options::default();
    let mut summarizer = Box::new(DefaultSummarizer::new());
    for (i, a) in input::sample().iter().enumerate() {
        let s = summarizer.summarize(&a.title, &a.body, &opts)?;
        if i > 0 {
            writeln!(out)?;
        }
        out.write_all(&text_block(a, &s))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_equals_split_whitespace() {
        for s in [
            "",
            "   ",
            "one",
            " Two  words ",
            "tab\tand\nnew\r\nlines\x0bvt\x0cff",
            "no\u{a0}break\u{2003}em\u{85}nel\u{3000}ideographic caf\u{e9} \u{201c}quoted\u{201d}",
            "\u{2028}\u{2029}x\u{200b}zero-width-is-not-space",
            "plain sentence, one line.",
            "double  space",
            " lead",
            "trail ",
            "\u{1680}ogham\u{202f}narrow\u{205f}math",
        ] {
            let mut t = String::from("- ");
            push_one_line(&mut t, s);
            assert_eq!(t, format!("- {}", s.split_whitespace().collect::<Vec<_>>().join(" ")), "{s:?}");
        }
    }
}
