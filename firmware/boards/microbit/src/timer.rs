//! TIMER0 of the nRF51 as the instruction counter: 32 bits at 16 MHz,
//! extended to 64 bits in software (it wraps every 268 s; a summary takes
//! far less). Under QEMU with `-icount shift=0,sleep=off` it advances
//! deterministically with the instructions executed.

use epitome_firmware::mmio::{read, write};
use epitome_firmware::runtime::measure::Calibration;

const TIMER0: usize = 0x4000_8000;
const START: usize = TIMER0;
const CAPTURE0: usize = TIMER0 + 0x040;
const MODE: usize = TIMER0 + 0x504;
const BITMODE: usize = TIMER0 + 0x508;
const PRESCALER: usize = TIMER0 + 0x510;
const CC0: usize = TIMER0 + 0x540;

/// The running timer and its calibration.
pub struct Timer {
    last: u32,
    high: u64,
    cal: Calibration,
}

fn capture() -> u32 {
    write(CAPTURE0, 1);
    read(CC0)
}

impl Timer {
    /// Starts TIMER0 (timer mode, 32 bits, 16 MHz) and calibrates it.
    pub fn start() -> Self {
        write(MODE, 0);
        write(BITMODE, 3);
        write(PRESCALER, 0);
        write(START, 1);
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
