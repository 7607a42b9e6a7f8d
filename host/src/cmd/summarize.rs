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

/// The text block of one summary: title, source, keywords, flags,
/// sentences; control characters shown escaped ([`output::terminal_safe`]).
pub fn text_block(a: &InputArticle, s: &Summary<'_>) -> Vec<u8> {
    let mut t = String::with_capacity(256 + s.sentences.iter().map(|c| c.text.len()).sum::<usize>());
    let line = |t: &mut String, label: &str, items: &mut dyn Iterator<Item = &str>| {
        t.push_str(label);
        for (i, item) in items.enumerate() {
            if i > 0 {
                t.push_str(", ");
            }
            t.push_str(item);
        }
        t.push('\n');
    };
    line(&mut t, "# ", &mut std::iter::once(if a.title.is_empty() { "(untitled)" } else { &a.title }));
    line(&mut t, "  source:   ", &mut std::iter::once(a.origin.as_str()));
    // English, the fallback, is not shown: English output reads as before.
    if s.language() != epitome::Language::English {
        line(&mut t, "  language: ", &mut std::iter::once(s.language().code()));
    }
    line(&mut t, "  keywords: ", &mut s.keywords.iter().map(|k| k.text));
    let flags = report::flag_names(s.flags);
    if !flags.is_empty() {
        line(&mut t, "  flags:    ", &mut flags.iter().map(String::as_str));
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
    safe_bytes(t)
}

/// `t` as [`output::terminal_safe`] shows it, as bytes (without a copy
/// when it holds no control character, as nearly every text does).
pub fn safe_bytes(t: String) -> Vec<u8> {
    match output::terminal_safe(&t) {
        std::borrow::Cow::Borrowed(_) => t.into_bytes(),
        std::borrow::Cow::Owned(s) => s.into_bytes(),
    }
}

/// Appends the words of `s` joined by single spaces, exactly as joining
/// `s.split_whitespace()` would, but looking at ASCII bytes directly (this
/// runs on every sentence printed). `t` must end with a space (the `- `).
fn push_one_line(t: &mut String, s: &str) {
    // Most sentences are already one line of single spaces: no ASCII
    // white space but the space, no byte that may start a non-ASCII space
    // (U+0085, U+00A0, U+1680, U+2000.., U+3000), no doubled or outer
    // space. One branch-free pass over each byte and the one before it
    // (a space before the first, so that a leading space counts) shows it.
    let b = s.as_bytes();
    let odd = |c: u8, prev: u8| {
        (c.wrapping_sub(b'\t') < 5) | (c == 0xC2) | (c.wrapping_sub(0xE1) < 3) | ((c == b' ') & (prev == b' '))
    };
    let (head, rest) = b.split_at(b.len().min(1));
    let plain = b.last() != Some(&b' ')
        && !head.first().is_some_and(|&c| odd(c, b' '))
        && !rest
            .chunks(64)
            .zip(b.chunks(64))
            .any(|(run, before)| run.iter().zip(before).fold(false, |any, (&c, &p)| any | odd(c, p)));
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
        Shape::Json => output::array_element(&report::article(a, s)),
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
