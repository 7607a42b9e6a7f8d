//! TIMER0 of the nRF51 as the instruction counter: 32 bits at 16 MHz,
//! extended to 64 bits in software (it wraps every 268 s; a summary takes
//! far less). Under QEMU with `-icount shift=0,sleep=off` it advances
//! deterministically with the instructions executed.

use core::ptr::{read_volatile, write_volatile};

use epitome_firmware::runtime::measure::Calibration;

const TIMER0: usize = 0x4000_8000;
const START: *mut u32 = TIMER0 as *mut u32;
const CAPTURE0: *mut u32 = (TIMER0 + 0x040) as *mut u32;
const MODE: *mut u32 = (TIMER0 + 0x504) as *mut u32;
const BITMODE: *mut u32 = (TIMER0 + 0x508) as *mut u32;
const PRESCALER: *mut u32 = (TIMER0 + 0x510) as *mut u32;
const CC0: *mut u32 = (TIMER0 + 0x540) as *mut u32;

/// The running timer and its calibration.
pub struct Timer {
    last: u32,
    high: u64,
    cal: Calibration,
}

fn capture() -> u32 {
    // SAFETY: TIMER0's fixed, always-mapped registers; the firmware owns TIMER0.
    unsafe {
        write_volatile(CAPTURE0, 1);
        read_volatile(CC0)
    }
}

impl Timer {
    /// Starts TIMER0 (timer mode, 32 bits, 16 MHz) and calibrates it.
    pub fn start() -> Self {
        // SAFETY: as in `capture`.
        unsafe {
            write_volatile(MODE, 0);
            write_volatile(BITMODE, 3);
            write_volatile(PRESCALER, 0);
            write_volatile(START, 1);
        }
        let mut t = Timer { last: 0, high: 0, cal: Calibration::measure(|| u64::from(capture())) };
        t.last = capture();
        t
    }
}

impl epitome_firmware::Clock for Timer {
    fn now(&mut self) -> u64 {
        let v = capture();
        if v < self.last {
            self.high += 1 << 32;
        }
        self.last = v;
        self.high + u64::from(v)
    }

    fn instructions(&self, ticks: u64) -> u64 {
        self.cal.instructions(ticks)
    }
}
