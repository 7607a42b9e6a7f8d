//! A progress bar on standard error for long runs (`indicatif`), drawn only
//! when standard error is a terminal, so logs and pipes never see it.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs shorter than this many items finish before a bar would help.
pub const MIN_ITEMS: u64 = 200;

/// A bar, or nothing when nobody is watching.
#[derive(Debug)]
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for `total` items (`None`: a stream of unknown length, shown as
    /// a count), if `wanted`, standard error is a terminal and the run is
    /// long enough.
    pub fn new(total: Option<u64>, wanted: bool) -> Self {
        let long = total.is_none_or(|t| t >= MIN_ITEMS);
        if !(wanted && long && std::io::stderr().is_terminal()) {
            return Progress(None);
        }
        let bar = match total {
            Some(t) => ProgressBar::with_draw_target(Some(t), ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{wide_bar} {pos}/{len} articles, {eta} left")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{spinner} {pos} articles in {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress(Some(bar))
    }

    /// A bar that never shows.
    pub fn hidden() -> Self {
        Progress(None)
    }

    /// One more item done.
    pub fn inc(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    /// Runs `f` (which writes to standard error) with the bar out of the way.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.0 {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}
