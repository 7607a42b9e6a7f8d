//! An ordered parallel map over a stream, for commands that treat many
//! articles alike: a producer hands items out in order, `jobs` worker
//! threads (each with its own state, e.g. a summarizer workspace) turn them
//! into results, and the calling thread receives the results in input
//! order — so the output is the same, byte for byte, whatever the number
//! of workers. At most [`window`] items are in flight between the producer
//! and the consumer, so memory stays bounded however long the stream.
//!
//! Not rayon: its parallel iterators either collect everything before
//! giving it back in order (memory grows with the input) or, bridged from
//! a stream, give results out of order; this needs neither.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{TryRecvError, channel, sync_channel};
use std::sync::{Mutex, TryLockError};

/// Items in flight for `jobs` workers: enough that no worker waits for a
/// slow neighbour's result to be written.
pub fn window(jobs: usize) -> usize {
    16 * jobs.max(1)
}

/// Results a worker sends back at once when it has more work waiting.
const GROUP: usize = 8;

/// The default number of workers: every core.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Runs `produce`, which calls its argument with every item in order and
/// stops when that returns false; `work` (on `jobs` threads, each with the
/// state `init` makes) maps items to results; `consume` receives them in
/// item order. An error from `consume` stops the run (the producer at its
/// next item, the workers at their next result) and is returned.
///
/// ```
/// use epitome_host::batch;
/// let mut squares = Vec::new();
/// batch::run(
///     3,
///     |emit| {
///         for i in 0..100u64 {
///             if !emit(i) {
///                 return;
///             }
///         }
///     },
///     || (),
///     |_, i| i * i,
///     |sq| {
///         squares.push(sq);
///         Ok::<(), ()>(())
///     },
/// )
/// .unwrap();
/// assert_eq!(squares, (0..100u64).map(|i| i * i).collect::<Vec<_>>());
/// ```
pub fn run<T, R, S, E>(
    jobs: usize,
    produce: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, T) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let jobs = jobs.max(1);
    let window = window(jobs);
    // Credits bound the items between handing out and consuming: the
    // producer takes one per item, the consumer gives it back.
    let (credit_tx, credit_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        // Cannot fail: the channel holds exactly `window`.
        let _ = credit_tx.send(());
    }
    let (item_tx, item_rx) = sync_channel::<(usize, T)>(window);
    let item_rx = Mutex::new(item_rx);
    let (result_tx, result_rx) = channel::<Vec<(usize, R)>>();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let stop = &stop;
        scope.spawn(move || {
            let mut seq = 0usize;
            produce(&mut |item| {
                if stop.load(Ordering::Relaxed) || credit_rx.recv().is_err() || item_tx.send((seq, item)).is_err() {
                    return false;
                }
                seq += 1;
                true
            });
            // Dropping `item_tx` here tells the workers that no more come.
        });
        for _ in 0..jobs {
            let (item_rx, result_tx, init, work) = (&item_rx, result_tx.clone(), &init, &work);
            scope.spawn(move || {
                let mut state = init();
                // Results go back in small groups, and whenever this worker
                // would wait for work, so that the threads do not wake each
                // other for every item (thousands of context switches).
                let mut done: Vec<(usize, R)> = Vec::new();
                let flush = |done: &mut Vec<(usize, R)>| {
                    if !done.is_empty() {
                        let _ = result_tx.send(std::mem::take(done));
                    }
                };
                loop {
                    // Before any wait (for the queue's lock, held by a
                    // worker waiting for work, or for work itself) the
                    // results held here go back: the consumer may be
                    // waiting for one of them. A poisoned lock means another
                    // worker panicked: the scope re-raises it.
                    let rx = match item_rx.try_lock() {
                        Ok(rx) => rx,
                        Err(TryLockError::WouldBlock) => {
                            flush(&mut done);
                            let Ok(rx) = item_rx.lock() else { return };
                            rx
                        }
                        Err(TryLockError::Poisoned(_)) => return,
                    };
                    let next = match rx.try_recv() {
                        Ok(next) => next,
                        Err(TryRecvError::Disconnected) => break,
                        Err(TryRecvError::Empty) => {
                            flush(&mut done);
                            match rx.recv() {
                                Ok(next) => next,
                                Err(_) => break,
                            }
                        }
                    };
                    drop(rx);
                    let (seq, item) = next;
                    // After a stop, items are drained (not worked on) so
                    // that a producer blocked on a full queue can finish.
                    if !stop.load(Ordering::Relaxed) {
                        done.push((seq, work(&mut state, item)));
                        if done.len() >= GROUP {
                            flush(&mut done);
                        }
                    }
                }
                flush(&mut done);
            });
        }
        drop(result_tx);
        // Moved in, so that they drop when this closure returns, before
        // the scope waits for the threads.
        let (credit_tx, result_rx) = (credit_tx, result_rx);
        let mut early: BTreeMap<usize, R> = BTreeMap::new();
        let (mut next, mut owed) = (0usize, 0usize);
        for group in result_rx.iter() {
            early.extend(group);
            while let Some(r) = early.remove(&next) {
                if let Err(e) = consume(r) {
                    stop.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                next += 1;
                owed += 1;
            }
            // Credits go back in bulk too (the producer wakes once for many).
            if owed >= window / 4 || early.is_empty() {
                for _ in 0..owed {
                    let _ = credit_tx.send(());
                }
                owed = 0;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn squares(jobs: usize, n: u64) -> Vec<u64> {
        let mut out = Vec::new();
        run(
            jobs,
            |emit| {
                for i in 0..n {
                    if !emit(i) {
                        return;
                    }
                }
            },
            || 0u64,
            |calls, i| {
                *calls += 1;
                // Uneven work, so that results arrive out of order.
                if i % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                i * i
            },
            |x| {
                out.push(x);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn results_in_input_order_for_any_number_of_workers() {
        let want: Vec<u64> = (0..500).map(|i| i * i).collect();
        for jobs in [1, 2, 3, 8] {
            assert_eq!(squares(jobs, 500), want, "jobs = {jobs}");
        }
        assert!(squares(4, 0).is_empty());
    }

    #[test]
    fn many_quick_items_never_wait_on_each_other() {
        // Tiny work items make the workers meet at the queue's lock all the
        // time: results held by a worker must not be stuck there (a hang).
        for jobs in [1, 2, 3, 4] {
            for _ in 0..20 {
                let mut n = 0u64;
                run(
                    jobs,
                    |emit| {
                        for i in 0..3000u64 {
                            if !emit(i) {
                                return;
                            }
                        }
                    },
                    || (),
                    |_, i| i,
                    |i| {
                        assert_eq!(i, n);
                        n += 1;
                        Ok::<(), ()>(())
                    },
                )
                .unwrap();
                assert_eq!(n, 3000);
            }
        }
    }

    #[test]
    fn a_consumer_error_stops_the_producer_early() {
        let produced = AtomicUsize::new(0);
        let mut seen = 0;
        let r = run(
            2,
            |emit| {
                for i in 0..1_000_000usize {
                    produced.fetch_add(1, Ordering::Relaxed);
                    if !emit(i) {
                        return;
                    }
                }
            },
            || (),
            |_, i| i,
            |i| {
                seen += 1;
                if i == 10 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(seen, 11);
        // The window bounds how far the producer ran ahead.
        assert!(produced.load(Ordering::Relaxed) <= 11 + window(2) + 1, "{}", produced.load(Ordering::Relaxed));
    }
}
