//! `summarize_batch`: articles taken from any Python iterable a chunk at a
//! time (with the GIL: only references to the strings are taken, no text
//! is copied), summarized on `jobs` threads without the GIL, each thread
//! with its own workspace, and handed back in input order.
//!
//! Not the CLI's ordered stream (`epitome_host::batch`): that one bounds
//! memory over an endless stream and hands results to a writer as they
//! come; here every result goes into one list the caller asked for, so a
//! chunk is simply split among threads that take its items in turn.

use std::sync::atomic::{AtomicUsize, Ordering};

use epitome::{DefaultSummarizer, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;

use crate::input::{Body, body_arg, summarize_body};
use crate::objects::Summary;
use crate::text_arg;

/// One article of a batch: its body (or page) and title, or `None` for a
/// missing body.
type Item = Option<(Body, Option<PyBackedStr>)>;

/// Items read from the iterables before they are summarized: enough that
/// every thread stays busy between two reads, few enough that a generator
/// of articles is not read far ahead.
const CHUNK_PER_JOB: usize = 256;

/// What `summarize_batch` gives in one item's place.
pub enum Outcome {
    /// Its summary; `None` for a missing body.
    Summary(Option<Summary>),
    /// The exception it raised, when the caller asked for errors in place
    /// (`errors="return"`) rather than raised.
    Error(PyErr),
}

/// The summaries of `bodies` (HTML pages when `html`; with `titles`, when
/// given: as many), in order; `None` in the place of a missing body. An
/// item that fails raises its error, naming the item, or with
/// `return_errors` takes its place and the batch goes on: a crawl's page
/// without an article loses that page only.
pub fn summarize_batch(
    py: Python<'_>,
    bodies: &Bound<'_, PyAny>,
    titles: Option<&Bound<'_, PyAny>>,
    opts: &Options<'_>,
    html: bool,
    jobs: usize,
    return_errors: bool,
) -> PyResult<Vec<Outcome>> {
    let mut bodies = bodies.try_iter()?;
    let mut titles = titles.map(|t| t.try_iter()).transpose()?;
    let mut results = Vec::new();
    let chunk_len = CHUNK_PER_JOB * jobs;
    loop {
        let first = results.len();
        let mut items: Vec<Item> = Vec::with_capacity(chunk_len);
        while items.len() < chunk_len {
            let at = first + items.len();
            let title = match &mut titles {
                Some(t) => t.next().transpose()?,
                None => None,
            };
            let Some(body) = bodies.next().transpose()? else {
                if title.is_some() {
                    return Err(PyValueError::new_err(format!("titles has more items than bodies ({at})")));
                }
                break;
            };
            if titles.is_some() && title.is_none() {
                return Err(PyValueError::new_err(format!("titles has fewer items than bodies ({at})")));
            }
            let body = body_arg(&body, &format!("bodies[{at}]"), html)?;
            let title = title.map(|t| text_arg(&t, &format!("titles[{at}]"))).transpose()?.flatten();
            items.push(body.map(|b| (b, title)));
        }
        if items.is_empty() {
            return Ok(results);
        }
        let done = items.len() < chunk_len;
        let summaries = py.detach(|| {
            parallel_map(&items, jobs, |summarizer, item| {
                let Some((body, title)) = item else { return Ok(None) };
                let title = title.as_deref().unwrap_or("");
                summarize_body(summarizer, body, title, opts).map(Some)
            })
        });
        for (i, s) in summaries.into_iter().enumerate() {
            let s = s.map_err(|e| e.into_err(Some(&format!("bodies[{}]", first + i))));
            results.push(match s {
                Ok(summary) => Outcome::Summary(summary),
                Err(e) if return_errors => Outcome::Error(e),
                Err(e) => return Err(e),
            });
        }
        if done {
            return Ok(results);
        }
    }
}

/// `work` on every item of `items` on `jobs` threads (the calling thread
/// and `jobs - 1` more, each with its own summarizer), results in order.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    work: impl Fn(&mut DefaultSummarizer, &T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let run = || {
        let mut summarizer = Box::new(DefaultSummarizer::new());
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { return done };
            done.push((i, work(&mut summarizer, item)));
        }
    };
    let threads = jobs.clamp(1, items.len().max(1));
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(run)).collect();
        let mine = run();
        for (i, r) in
            others.into_iter().flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).chain(mine)
        {
            slots[i] = Some(r);
        }
    });
    // Every index below items.len() was taken exactly once.
    slots.into_iter().flatten().collect()
}
