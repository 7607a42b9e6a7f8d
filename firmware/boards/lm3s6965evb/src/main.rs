//! Epitome on QEMU's lm3s6965evb: the runtime of `epitome-firmware` with
//! this board's UART, clock, OLED and buffers (see `lib.rs`). On the host
//! this binary is empty: build it with `--target thumbv7m-none-eabi`.
#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(target_os = "none")]
use epitome_board_lm3s6965evb::{Board, CorpusDigest, MAX_FRAME, SCRATCH, Workspace};

#[cfg(target_os = "none")]
#[cortex_m_rt::entry]
fn main() -> ! {
    // Big buffers live in statics (zero-initialised .bss), not on the
    // stack; `entry` hands each one out as a unique `&'static mut`.
    static mut SUMMARIZER: Workspace = Workspace::new();
    static mut DIGEST: CorpusDigest<'static> = CorpusDigest::new();
    static mut RX: [u8; MAX_FRAME] = [0; MAX_FRAME];
    static mut TX: [u8; SCRATCH] = [0; SCRATCH];
    epitome_firmware::runtime::run::<Board, _, _, _>(SUMMARIZER, DIGEST, RX, TX)
}

#[cfg(not(target_os = "none"))]
fn main() {
    eprintln!(
        "epitome-lm3s6965evb runs on a Cortex-M3: build it with --target thumbv7m-none-eabi (firmware/README.md)"
    );
    std::process::exit(2);
}
