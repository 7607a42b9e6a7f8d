//! QEMU as a child process that is stopped on every exit path: a guard
//! that kills it when dropped, and a Ctrl-C/SIGTERM/SIGHUP handler that
//! kills every QEMU this process started.

use std::process::{Child, ExitStatus};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow, bail};

/// A child process shared with the Ctrl-C handler; `None` once reaped.
type SharedChild = Arc<Mutex<Option<Child>>>;

/// Set by the Ctrl-C handler before it stops QEMU.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// After Ctrl-C the link fails because QEMU was stopped: leave the exit
/// (status 130) to the handler rather than report that as an error.
pub(super) fn settle_if_interrupted() {
    while INTERRUPTED.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Children that the Ctrl-C handler must kill.
fn children() -> &'static Mutex<Vec<SharedChild>> {
    static CHILDREN: OnceLock<Mutex<Vec<SharedChild>>> = OnceLock::new();
    CHILDREN.get_or_init(|| {
        // Ctrl-C, SIGTERM or SIGHUP: stop every QEMU we started, then exit.
        let _ = ctrlc::set_handler(|| {
            INTERRUPTED.store(true, Ordering::SeqCst);
            if let Ok(all) = children().lock() {
                for c in all.iter() {
                    if let Ok(mut c) = c.lock()
                        && let Some(mut child) = c.take()
                    {
                        let _ = child.kill();
                        let _ = child.wait();
                    }
                }
            }
            crate::output::warn("interrupted");
            std::process::exit(130);
        });
        Mutex::new(Vec::new())
    })
}

/// Installs the Ctrl-C/SIGTERM/SIGHUP handler that stops every QEMU this
/// process started and exits with status 130 (also called by [`Link::start_qemu`]).
pub fn install_interrupt_handler() {
    children();
}

/// A QEMU process that is killed when this guard is dropped (every exit
/// path, including errors and panics) or on Ctrl-C.
#[derive(Debug)]
pub struct QemuGuard {
    child: SharedChild,
}

impl QemuGuard {
    /// Guards `child`: it is killed when the guard drops or on Ctrl-C.
    pub fn new(child: Child) -> Self {
        let child = Arc::new(Mutex::new(Some(child)));
        if let Ok(mut all) = children().lock() {
            all.push(Arc::clone(&child));
        }
        QemuGuard { child }
    }

    /// Waits up to `timeout` for QEMU to exit by itself; kills it otherwise.
    pub fn wait(&self, timeout: Duration) -> Result<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            {
                let mut guard = self.child.lock().map_err(|_| anyhow!("QEMU handle poisoned"))?;
                let Some(child) = guard.as_mut() else { bail!("QEMU was already stopped") };
                if let Some(status) = child.try_wait()? {
                    guard.take();
                    return Ok(status);
                }
            }
            if Instant::now() >= deadline {
                self.kill();
                bail!("the firmware did not exit within {} s of the hang-up", timeout.as_secs());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The exit status if QEMU has exited (it is reaped then), or `None` if it runs.
    ///
    /// Errors: the status cannot be read.
    pub fn try_exited(&self) -> Result<Option<ExitStatus>> {
        let mut guard = self.child.lock().map_err(|_| anyhow!("QEMU handle poisoned"))?;
        let Some(child) = guard.as_mut() else { return Ok(None) };
        let status = child.try_wait()?;
        if status.is_some() {
            guard.take();
        }
        Ok(status)
    }

    /// Kills QEMU if it still runs.
    pub fn kill(&self) {
        if let Ok(mut guard) = self.child.lock()
            && let Some(mut child) = guard.take()
        {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for QemuGuard {
    fn drop(&mut self) {
        self.kill();
        if let Ok(mut all) = children().lock() {
            all.retain(|c| !Arc::ptr_eq(c, &self.child));
        }
    }
}
