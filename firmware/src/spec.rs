//! What the host needs to know about a board to build, run and flash its
//! firmware. Each board package exports one as `SPEC`, next to its
//! capacities, so that the facts live with the board.

use epitome::LanguageSet;

/// A board's build and run facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoardSpec {
    /// Short name, as `--board` takes it (`stm32f405`).
    pub name: &'static str,
    /// The Cargo package of its firmware (`epitome-board-stm32f405`).
    pub package: &'static str,
    /// The firmware binary's name in that package.
    pub bin: &'static str,
    /// The Rust target it is built for.
    pub target: &'static str,
    /// QEMU's `-machine` that emulates it.
    pub qemu_machine: &'static str,
    /// probe-rs's name of its chip, for `epitome flash`.
    pub chip: &'static str,
    /// Bytes of flash (its `memory.x`).
    pub flash: usize,
    /// Bytes of RAM (its `memory.x`).
    pub ram: usize,
    /// The firmware's receive buffer: the longest frame it takes.
    pub max_frame: usize,
    /// The firmware's send buffer: the longest frame it sends.
    pub scratch: usize,
    /// True if it draws the digest on a display (`epitome board --screenshot`).
    pub display: bool,
    /// The languages its firmware reads: the ones its Cargo features
    /// compile into the core (the runtime fails the build on target if
    /// they differ). Its `Hello` announces them, and the host, which
    /// carries every language, reads articles among these alone when it
    /// predicts the board's frames.
    pub languages: LanguageSet,
}
