//! The multi-article digest of a corpus, for `epitome digest`: the core's
//! [`DigestBuilder`] over every article, then a text or JSON report.

use std::io::Write;

use epitome::digest::DigestBuilder;
use epitome::wire::Article;
use epitome::{Budget, DefaultSummarizer, Language, MAX_CHOSEN, Options};
use serde::Serialize;

use crate::report::{KeywordReport, flag_names};

/// Builder used by the host: the most sentences a digest message carries,
/// and a generous keyword table.
pub type HostDigestBuilder<'a> = DigestBuilder<'a, MAX_CHOSEN, 96>;

/// JSON view of one digest sentence.
#[derive(Debug, Serialize)]
pub struct DigestSentenceReport<'a> {
    /// Id of the article it comes from.
    pub article: u32,
    /// That article's title.
    pub title: &'a str,
    /// That article's source (outlet), possibly empty.
    pub source: &'a str,
    /// The language that article was read in, as `summarize --json` gives
    /// it ([`crate::report::SummaryReport::language`]): in a digest of
    /// articles in several languages, each sentence says its own.
    pub language: &'static str,
    /// The sentence, as in its article.
    pub text: &'a str,
    /// The sentence as a reader is shown it, present only when it differs
    /// from `text` ([`crate::report::shown`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
    /// Byte offset in that article's body.
    pub start: u32,
    /// End byte offset in that article's body.
    pub end: u32,
    /// Score relative to its article's best sentence (1000 = best).
    pub score: u32,
}

/// JSON view of a multi-article digest.
#[derive(Debug, Serialize)]
pub struct DigestReport<'a> {
    /// Number of articles fed.
    pub articles: u32,
    /// Corpus keyphrases, best first.
    pub keywords: Vec<KeywordReport<'a>>,
    /// Sentences, best first.
    pub sentences: Vec<DigestSentenceReport<'a>>,
    /// Names of the flags raised.
    pub flags: Vec<String>,
}

/// Digests `articles` keeping `sentences` sentences (at most
/// [`MAX_CHOSEN`]) and `keywords` keyphrases; `opts` gives the scoring
/// (its budget is replaced: each article offers `sentences` sentences).
pub fn digest<'a>(
    articles: &[Article<'a>],
    sentences: usize,
    keywords: usize,
    opts: &Options<'_>,
) -> Result<DigestReport<'a>, epitome::Error> {
    let mut summarizer = Box::new(DefaultSummarizer::new());
    let mut builder = Box::new(HostDigestBuilder::new());
    let n = sentences.min(MAX_CHOSEN);
    let opts = Options { budget: Budget::Sentences(u16::try_from(n).unwrap_or(u16::MAX)), ..*opts };
    for a in articles {
        builder.feed_article(a, &mut summarizer, &opts)?;
    }
    let by_id = |id: u32| articles.iter().find(|a| a.id == id);
    Ok(DigestReport {
        articles: builder.articles(),
        keywords: builder.keywords(keywords).map(|k| KeywordReport { text: k.text, score: k.score }).collect(),
        sentences: builder
            .sentences()
            .take(n)
            .map(|e| DigestSentenceReport {
                article: e.article,
                title: by_id(e.article).map_or("", |a| a.title),
                source: by_id(e.article).map_or("", |a| a.source),
                language: e.language.code(),
                text: e.text,
                shown: crate::report::shown(e.text),
                start: e.span.start,
                end: e.span.end,
                score: e.score,
            })
            .collect(),
        flags: flag_names(builder.flags()),
    })
}

/// Writes the digest as text: keywords, then one sentence a line with its article.
pub fn write_text(r: &DigestReport<'_>, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "# Digest of {} article{}", r.articles, if r.articles == 1 { "" } else { "s" })?;
    let kws: Vec<&str> = r.keywords.iter().map(|k| k.text).collect();
    writeln!(out, "  keywords: {}", kws.join(", "))?;
    if !r.flags.is_empty() {
        writeln!(out, "  flags:    {}", r.flags.join(", "))?;
    }
    for s in &r.sentences {
        let one_line: Vec<&str> = s.shown.as_deref().unwrap_or(s.text).split_whitespace().collect();
        let from = match (s.source.trim(), s.title.trim()) {
            ("", "") => "untitled".to_owned(),
            ("", title) => shorten(title, 40),
            (source, _) => source.to_owned(),
        };
        // English, the fallback, is not shown, as in `summarize`'s text:
        // a sentence in another language says which after its source.
        let language = if s.language == Language::English.code() { String::new() } else { format!(", {}", s.language) };
        writeln!(out, "  - [{}: {}{}] {}", s.article, from, language, one_line.join(" "))?;
    }
    Ok(())
}

fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_quote_is_reported_once_and_attributed() {
        let a = Article {
            id: 10,
            title: "Flood hits town",
            source: "Gazette",
            body: "Rain flooded the river town on Monday night. \"We lost everything in an hour,\" said the mayor of the town.",
            ..Article::default()
        };
        let b = Article {
            id: 20,
            title: "Army helps",
            body: "“We lost everything in an hour,” said the mayor of the town. The army sent boats to the flooded streets.",
            ..Article::default()
        };
        let r = digest(&[a, b], 4, 5, &Options::default()).unwrap();
        assert_eq!(r.articles, 2);
        assert_eq!(r.sentences.iter().filter(|s| s.text.contains("lost everything")).count(), 1);
        assert!(r.sentences.iter().any(|s| s.article == 20 && s.text.contains("boats")));
        let mut out = Vec::new();
        write_text(&r, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("# Digest of 2 articles\n"), "{text}");
        assert!(text.contains("[10: Gazette]") || text.contains("[20: Army helps]"), "{text}");
    }

    #[test]
    fn each_sentence_says_its_articles_language() {
        let en = Article {
            id: 1,
            title: "Bridge approved",
            body: "The council approved the new harbour bridge on Monday. Work on the bridge starts in May.",
            ..Article::default()
        };
        let fr = Article {
            id: 2,
            title: "Panique à Venise",
            body: "Le paquebot est venu heurter le quai de Venise dimanche. Il y a eu des blessés, selon la police.",
            ..Article::default()
        };
        let r = digest(&[en, fr], 4, 5, &Options::default()).unwrap();
        let languages: Vec<(u32, &str)> = r.sentences.iter().map(|s| (s.article, s.language)).collect();
        assert!(languages.contains(&(1, "en")) && languages.contains(&(2, "fr")), "{languages:?}");
        let json = serde_json::to_value(&r).unwrap();
        assert!(json["sentences"].as_array().unwrap().iter().all(|s| s["language"].is_string()), "{json}");
        // The text says it of the French article's sentences alone.
        let mut out = Vec::new();
        write_text(&r, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("[2: Panique à Venise, fr] "), "{text}");
        assert!(text.contains("[1: Bridge approved] "), "{text}");
        assert!(!text.contains(", en]"), "{text}");
    }
}
