//! The summarizer workspace a board holds: any `Summarizer<S, T, P, W>`.
//!
//! Each board names its own capacities (a type alias in its package, e.g.
//! `epitome_board_stm32f405::Workspace`); the session and the offline
//! digest are written once for all of them through [`Summarize`], and the
//! host predicts a board's frames with that same alias.

use epitome::digest::DigestBuilder;
use epitome::wire::Article;
use epitome::{Options, Result, Summarizer, Summary};

/// A summarizer workspace of some capacities.
pub trait Summarize {
    /// [`Summarizer::summarize`].
    ///
    /// Errors: those of [`Summarizer::summarize`].
    fn summarize<'a>(&mut self, title: &'a str, body: &'a str, opts: &Options<'_>) -> Result<Summary<'a>>;

    /// [`DigestBuilder::feed_article`] with this workspace.
    ///
    /// Errors: those of [`Summarizer::summarize`]; the builder is unchanged then.
    fn feed<'a, const K: usize, const W: usize>(
        &mut self,
        builder: &mut DigestBuilder<'a, K, W>,
        article: &Article<'a>,
        opts: &Options<'_>,
    ) -> Result<()>;
}

impl<const S: usize, const T: usize, const P: usize, const W: usize> Summarize for Summarizer<S, T, P, W> {
    #[inline(always)]
    fn summarize<'a>(&mut self, title: &'a str, body: &'a str, opts: &Options<'_>) -> Result<Summary<'a>> {
        Summarizer::summarize(self, title, body, opts)
    }

    #[inline(always)]
    fn feed<'a, const K: usize, const DW: usize>(
        &mut self,
        builder: &mut DigestBuilder<'a, K, DW>,
        article: &Article<'a>,
        opts: &Options<'_>,
    ) -> Result<()> {
        builder.feed_article(article, self, opts)
    }
}
