//! An ordered parallel map over a stream, for commands that treat many
//! articles alike: `jobs` threads (the calling thread and `jobs - 1` more,
//! each with its own state, e.g. a summarizer workspace) take items from
//! one iterator in turn and turn them into results, and the calling thread
//! hands the results to the consumer in input order — so the output is the
//! same, byte for byte, whatever the number of threads. At most [`window`]
//! items are between the iterator and the consumer, so memory stays
//! bounded however long the stream.
//!
//! Why it is built this way: every thread works, and no thread exists only
//! to hand items out or to write results, so `jobs` threads keep `jobs`
//! cores busy without waking each other for every item. The calling thread
//! consumes the results that are ready between two items of its own, and
//! waits only at the end (or when the window is full). With one job
//! nothing is spawned and nothing waits. The price: a result finished by
//! another thread waits until the calling thread is done with its own
//! item, so results come out in small bursts; and when the items come
//! from a slow stream (lines typed at a terminal), one may wait for the
//! next line while the calling thread reads it (one job answers each
//! line at once).
//!
//! Not rayon: its parallel iterators either collect everything before
//! giving it back in order (memory grows with the input) or, bridged from
//! a stream, give results out of order; this needs neither.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Items in flight for `jobs` threads: enough that no thread waits for a
/// slow neighbour's result to be consumed.
pub fn window(jobs: usize) -> usize {
    16 * jobs.max(1)
}

/// The most threads a run starts, whatever `--jobs` asks: far past the
/// cores of any machine this runs on (the work is all computation).
pub const MAX_JOBS: usize = 256;

/// The default number of threads: every core.
pub fn all_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// What the threads share, under one lock.
struct State<I, R> {
    /// Where the items come from; `None` once it is exhausted.
    items: Option<I>,
    /// One slot per item taken and not yet consumed, in item order: the
    /// result once it is there. Its length is bounded by the window.
    slots: VecDeque<Option<R>>,
    /// The item number of `slots[0]`.
    first: usize,
    /// Results taken out of `slots` that the consumer is still handling:
    /// they count against the window until it is done with them.
    handed: usize,
    /// Set when the consumer failed or a thread panicked: no new items.
    stop: bool,
    /// Threads waiting for room, and whether the consumer waits for a
    /// result: a condition variable is signalled only when someone waits
    /// (each signal is a system call).
    waiting_for_room: usize,
    consumer_waits: bool,
}

/// What [`Shared::take`] found.
enum Take<T> {
    /// An item and its number.
    Item(usize, T),
    /// The window is full (only when not waiting for room).
    Full,
    /// No more items, or the run stopped.
    Done,
}

struct Shared<I, R> {
    state: Mutex<State<I, R>>,
    /// Signalled when slots are freed.
    room: Condvar,
    /// Signalled when the front result arrives.
    ready: Condvar,
    window: usize,
}

impl<I: Iterator, R> Shared<I, R> {
    fn new(items: I, window: usize) -> Self {
        let state = State {
            items: Some(items),
            slots: VecDeque::with_capacity(window),
            first: 0,
            handed: 0,
            stop: false,
            waiting_for_room: 0,
            consumer_waits: false,
        };
        Shared { state: Mutex::new(state), room: Condvar::new(), ready: Condvar::new(), window }
    }

    /// The state, even after a panic elsewhere (the panic is re-raised
    /// when the scope ends; until then every thread must be able to leave).
    fn lock(&self) -> MutexGuard<'_, State<I, R>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next item and its number; while the window is full, waits for
    /// room if `wait` (the consumer never does: it makes the room).
    fn take(&self, wait: bool) -> Take<I::Item> {
        let mut st = self.lock();
        while !st.stop && st.slots.len() + st.handed >= self.window {
            if !wait {
                return Take::Full;
            }
            st.waiting_for_room += 1;
            st = self.room.wait(st).unwrap_or_else(PoisonError::into_inner);
            st.waiting_for_room -= 1;
        }
        let next = if st.stop { None } else { st.items.as_mut().and_then(Iterator::next) };
        let Some(item) = next else {
            st.items = None;
            return Take::Done;
        };
        let seq = st.first + st.slots.len();
        st.slots.push_back(None);
        Take::Item(seq, item)
    }

    /// Files a result in its slot.
    fn put(&self, seq: usize, result: R) {
        let mut st = self.lock();
        let at = seq - st.first;
        st.slots[at] = Some(result);
        if at == 0 && st.consumer_waits {
            self.ready.notify_one();
        }
    }

    /// Moves the results ready at the front into `out` (empty), first
    /// waiting for one if `wait` and the front one is still being worked
    /// on; [`Shared::release`] when they are consumed. False when nothing
    /// is left to come (every item has been handed over).
    fn ready_results(&self, out: &mut Vec<R>, wait: bool) -> bool {
        let mut st = self.lock();
        while wait && !st.stop && st.slots.front().is_some_and(Option::is_none) {
            st.consumer_waits = true;
            st = self.ready.wait(st).unwrap_or_else(PoisonError::into_inner);
            st.consumer_waits = false;
        }
        while st.slots.front().is_some_and(Option::is_some) {
            out.extend(st.slots.pop_front().flatten());
        }
        st.first += out.len();
        st.handed = out.len();
        let finished = st.slots.is_empty() && st.items.is_none();
        !(st.stop || finished)
    }

    /// The results [`Shared::ready_results`] gave are consumed: their room
    /// in the window is free again.
    fn release(&self) {
        let mut st = self.lock();
        st.handed = 0;
        if st.waiting_for_room > 0 {
            self.room.notify_all();
        }
    }

    /// Ends the run: nobody takes another item, nobody waits.
    fn stop(&self) {
        self.lock().stop = true;
        self.room.notify_all();
        self.ready.notify_all();
    }
}

/// Stops the run if the thread holding it unwinds, so that no other
/// thread waits for it forever.
struct StopOnPanic<'a, I: Iterator, R>(&'a Shared<I, R>);

impl<I: Iterator, R> Drop for StopOnPanic<'_, I, R> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// Maps every item of `items` with `work` on `jobs` threads (each with
/// the state `init` makes; the calling thread is one of them) and hands
/// the results to `consume` in item order, on the calling thread. An
/// error from `consume` stops the run (no item is taken after it) and is
/// returned; a panic in `work` is re-raised.
///
/// ```
/// use epitome_host::batch;
/// let mut squares = Vec::new();
/// batch::run(3, 0..100u64, || (), |_, i| i * i, |sq| {
///     squares.push(sq);
///     Ok::<(), ()>(())
/// })
/// .unwrap();
/// assert_eq!(squares, (0..100u64).map(|i| i * i).collect::<Vec<_>>());
/// ```
pub fn run<I, R, S, E>(
    jobs: usize,
    items: I,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, I::Item) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator + Send,
    I::Item: Send,
    R: Send,
{
    let jobs = jobs.max(1);
    let shared = Shared::new(items, window(jobs));
    let (shared, init, work) = (&shared, &init, &work);
    std::thread::scope(|scope| {
        // Workers are started one per item the calling thread takes, up
        // to `jobs` threads in all: a run of four items never starts a
        // hundred threads.
        let mut started = 1;
        let mut start_worker = || {
            if started >= jobs {
                return;
            }
            let worker = move || {
                let _guard = StopOnPanic(shared);
                let mut state = init();
                while let Take::Item(seq, item) = shared.take(true) {
                    shared.put(seq, work(&mut state, item));
                }
            };
            // A system that cannot start another thread (a process limit)
            // gets the work done by those that did start.
            match std::thread::Builder::new().spawn_scoped(scope, worker) {
                Ok(_) => started += 1,
                Err(e) => {
                    crate::output::warn(format!(
                        "could start only {started} of {jobs} threads ({e}); going on with those"
                    ));
                    started = jobs;
                }
            }
        };
        let _guard = StopOnPanic(shared);
        let mut state = init();
        let mut ready = Vec::new();
        loop {
            // Own work first; the results others finished meanwhile go
            // out after it, and only when nothing is left to take does
            // this thread wait for them.
            let idle = match shared.take(false) {
                Take::Item(seq, item) => {
                    start_worker();
                    shared.put(seq, work(&mut state, item));
                    false
                }
                Take::Full | Take::Done => true,
            };
            let more = shared.ready_results(&mut ready, idle);
            if !ready.is_empty() {
                for r in ready.drain(..) {
                    if let Err(e) = consume(r) {
                        shared.stop();
                        return Err(e);
                    }
                }
                shared.release();
            }
            if !more {
                return Ok(());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn squares(jobs: usize, n: u64) -> Vec<u64> {
        let mut out = Vec::new();
        run(
            jobs,
            0..n,
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
    fn results_in_input_order_for_any_number_of_threads() {
        let want: Vec<u64> = (0..500).map(|i| i * i).collect();
        for jobs in [1, 2, 3, 8] {
            assert_eq!(squares(jobs, 500), want, "jobs = {jobs}");
        }
        assert!(squares(4, 0).is_empty());
    }

    #[test]
    fn many_quick_items_never_wait_on_each_other() {
        // Tiny work items make the threads meet at the lock all the time:
        // a lost wake-up would hang here.
        for jobs in [1, 2, 3, 4] {
            for _ in 0..20 {
                let mut n = 0u64;
                run(
                    jobs,
                    0..3000u64,
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
    fn the_window_bounds_the_items_in_flight() {
        // A slow consumer: the other threads fill the window, then wait.
        for jobs in [2, 3] {
            let taken = AtomicUsize::new(0);
            let mut consumed = 0usize;
            let items = (0..400usize).inspect(|_| {
                taken.fetch_add(1, Ordering::Relaxed);
            });
            run(
                jobs,
                items,
                || (),
                |_, i| i,
                |i| {
                    assert_eq!(i, consumed);
                    consumed += 1;
                    let in_flight = taken.load(Ordering::Relaxed) - consumed;
                    assert!(in_flight <= window(jobs), "{in_flight} items in flight, jobs = {jobs}");
                    if i % 50 == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(2));
                    }
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            assert_eq!(consumed, 400);
        }
    }

    #[test]
    fn a_consumer_error_stops_the_items_early() {
        let produced = AtomicUsize::new(0);
        let mut seen = 0;
        let items = (0..1_000_000usize).inspect(|_| {
            produced.fetch_add(1, Ordering::Relaxed);
        });
        let r = run(
            2,
            items,
            || (),
            |_, i| i,
            |i| {
                seen += 1;
                if i == 10 { Err("stop") } else { Ok(()) }
            },
        );
        assert_eq!(r, Err("stop"));
        assert_eq!(seen, 11);
        // The window bounds how far the items ran ahead.
        assert!(produced.load(Ordering::Relaxed) <= 11 + window(2), "{}", produced.load(Ordering::Relaxed));
    }

    #[test]
    fn a_panic_in_work_is_raised_not_a_hang() {
        for jobs in [1, 2, 4] {
            let r = std::panic::catch_unwind(|| {
                run(
                    jobs,
                    0..10_000u32,
                    || (),
                    |_, i| {
                        assert!(i != 5000, "item 5000");
                        i
                    },
                    |_| Ok::<(), ()>(()),
                )
            });
            assert!(r.is_err(), "jobs = {jobs}");
        }
    }
}
