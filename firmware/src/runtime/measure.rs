//! Measuring the firmware on the target: instructions (a board's counter,
//! e.g. SysTick, under QEMU `-icount shift=0,sleep=off`, calibrated by
//! [`Calibration::measure`]) and stack depth (painting).

#[cfg(target_has_atomic = "32")]
use core::sync::atomic::{AtomicU32, Ordering};

#[cfg(target_has_atomic = "32")]
use cortex_m::peripheral::SYST;
#[cfg(target_has_atomic = "32")]
use cortex_m::peripheral::syst::SystClkSource;
#[cfg(target_has_atomic = "32")]
use cortex_m_rt::exception;

/// SysTick wraps (every 2^24 ticks).
#[cfg(target_has_atomic = "32")]
static WRAPS: AtomicU32 = AtomicU32::new(0);

#[cfg(target_has_atomic = "32")]
#[exception]
fn SysTick() {
    WRAPS.fetch_add(1, Ordering::Relaxed);
}

/// Ticks since [`Ticks::start`]: SysTick on the core clock, extended to 64
/// bits by counting wraps. Under QEMU with `-icount shift=0,sleep=off` it
/// advances deterministically with the instructions executed (DWT's cycle
/// counter is not emulated). Needs atomic read-modify-write (not on a
/// Cortex-M0, whose boards bring their own counter).
#[cfg(target_has_atomic = "32")]
pub struct Ticks {
    cal: Calibration,
}

/// Instructions per tick of some counter, learnt at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Calibration {
    /// Instructions per 2^16 ticks.
    per_tick_q16: u64,
}

impl Calibration {
    /// `ticks` converted to instructions.
    pub fn instructions(self, ticks: u64) -> u64 {
        ticks.saturating_mul(self.per_tick_q16) >> 16
    }

    /// Learns instructions per tick of the counter `now` from a loop of
    /// known length (two instructions an iteration), so that no clock
    /// frequency is assumed.
    pub fn measure(mut now: impl FnMut() -> u64) -> Self {
        const ITERATIONS: u32 = 200_000;
        let before = now();
        // SAFETY: a register-only countdown loop.
        unsafe {
            core::arch::asm!("1:", "subs {n}, #1", "bne 1b", n = inout(reg) ITERATIONS => _, options(nomem, nostack));
        }
        let ticks = now().wrapping_sub(before).max(1);
        Calibration { per_tick_q16: ((u64::from(ITERATIONS) * 2) << 16) / ticks }
    }
}

#[cfg(target_has_atomic = "32")]
impl Ticks {
    /// Starts SysTick with the largest reload and its wrap interrupt.
    pub fn start(mut syst: SYST) -> Self {
        syst.set_clock_source(SystClkSource::Core);
        syst.set_reload(0x00FF_FFFF);
        syst.clear_current();
        syst.enable_interrupt();
        syst.enable_counter();
        // Cleared, the counter reads 0 until its first reload: wait for it.
        while SYST::get_current() == 0 {}
        let mut t = Ticks { cal: Calibration { per_tick_q16: 1 << 16 } };
        let cal = Calibration::measure(|| t.raw());
        t.cal = cal;
        t
    }

    /// Raw ticks.
    pub fn raw(&self) -> u64 {
        loop {
            let w = WRAPS.load(Ordering::Acquire);
            let current = SYST::get_current();
            if WRAPS.load(Ordering::Acquire) == w {
                return (u64::from(w) << 24) + u64::from(0x00FF_FFFF - current);
            }
        }
    }
}

#[cfg(target_has_atomic = "32")]
impl crate::session::Clock for Ticks {
    fn now(&mut self) -> u64 {
        self.raw()
    }

    fn instructions(&self, ticks: u64) -> u64 {
        self.cal.instructions(ticks)
    }
}

/// The stack is watched in this window below its top; deeper use reports
/// at least the window.
const WINDOW: usize = 32 * 1024;
const PAINT: u32 = 0xCCCC_CCCC; // cortex-m-rt's STACK_PAINT_VALUE

unsafe extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
}

fn window() -> (usize, usize) {
    let top = &raw const _stack_start as usize;
    let end = &raw const _stack_end as usize;
    (top.saturating_sub(WINDOW).max(end), top)
}

/// Bytes of stack used since the last [`repaint`] (or reset, which
/// cortex-m-rt's `paint-stack` paints): the distance from the stack top to
/// the deepest word that no longer holds the paint.
pub fn stack_used() -> usize {
    let (bottom, top) = window();
    let mut addr = bottom;
    while addr < top {
        // SAFETY: `addr` is word-aligned RAM inside the stack region.
        if unsafe { core::ptr::read_volatile(addr as *const u32) } != PAINT {
            break;
        }
        addr += 4;
    }
    top - addr
}

/// Paints the free stack below the current stack pointer, so that the next
/// [`stack_used`] reports the deepest point reached from here on.
#[inline(never)]
pub fn repaint() {
    let (bottom, _) = window();
    // Leave the words just below SP alone: this function's own callees.
    let sp = (cortex_m::register::msp::read() as usize).saturating_sub(64);
    let mut addr = bottom;
    while addr < sp {
        // SAFETY: free stack below SP, word-aligned, nothing lives there.
        unsafe { core::ptr::write_volatile(addr as *mut u32, PAINT) };
        addr += 4;
    }
}
