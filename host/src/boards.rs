//! The boards the host knows, for `--board`: each one's facts
//! ([`BoardSpec`], from its firmware package) and, for predictions, its
//! summarizer workspace. Adding a board is one variant here.

use std::path::PathBuf;

use epitome_firmware::BoardSpec;

/// A board with a firmware package under `firmware/boards/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum BoardName {
    /// STM32F405, Cortex-M4F (QEMU `netduinoplus2`).
    #[default]
    Stm32f405,
    /// BBC micro:bit v1, nRF51822, Cortex-M0 with 16 KiB of RAM (QEMU `microbit`).
    Microbit,
    /// Stellaris LM3S6965, Cortex-M3, with a 128x64 OLED (QEMU `lm3s6965evb`).
    Lm3s6965evb,
}

impl BoardName {
    /// Every board, in `--board`'s order.
    pub const ALL: [BoardName; 3] = [BoardName::Stm32f405, BoardName::Microbit, BoardName::Lm3s6965evb];

    /// The board with a display, whose pages `epitome screen` draws.
    pub const WITH_SCREEN: BoardName = BoardName::Lm3s6965evb;

    /// The board's facts.
    pub fn spec(self) -> &'static BoardSpec {
        match self {
            BoardName::Stm32f405 => &epitome_board_stm32f405::SPEC,
            BoardName::Microbit => &epitome_board_microbit::SPEC,
            BoardName::Lm3s6965evb => &epitome_board_lm3s6965evb::SPEC,
        }
    }

    /// Its release firmware ELF (`cargo build -p PACKAGE --profile
    /// firmware --target TARGET`), relative to the workspace root.
    pub fn elf(self) -> PathBuf {
        let s = self.spec();
        ["target", s.target, "firmware", s.bin].iter().collect()
    }
}

/// Runs `$body` with `$Ws` naming `$board`'s summarizer workspace type
/// (its `Workspace`) and `$Digest<'a>` its corpus digest builder (its
/// `CorpusDigest`): predictions are generic over them, and this is the
/// one place that maps a board to its types.
macro_rules! with_workspace {
    ($board:expr, $Ws:ident, $Digest:ident, $body:expr) => {
        match $board {
            $crate::boards::BoardName::Stm32f405 => {
                type $Ws = epitome_board_stm32f405::Workspace;
                #[allow(dead_code)]
                type $Digest<'a> = epitome_board_stm32f405::CorpusDigest<'a>;
                $body
            }
            $crate::boards::BoardName::Microbit => {
                type $Ws = epitome_board_microbit::Workspace;
                #[allow(dead_code)]
                type $Digest<'a> = epitome_board_microbit::CorpusDigest<'a>;
                $body
            }
            $crate::boards::BoardName::Lm3s6965evb => {
                type $Ws = epitome_board_lm3s6965evb::Workspace;
                #[allow(dead_code)]
                type $Digest<'a> = epitome_board_lm3s6965evb::CorpusDigest<'a>;
                $body
            }
        }
    };
}
pub(crate) use with_workspace;

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn each_board_is_named_as_its_spec_says() {
        for b in BoardName::ALL {
            assert_eq!(b.to_possible_value().expect("listed").get_name(), b.spec().name);
        }
        assert_eq!(BoardName::value_variants(), &BoardName::ALL);
    }

    #[test]
    fn the_firmware_scripts_know_every_board_and_its_target() {
        let sh = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../firmware/boards.sh")).unwrap();
        let names: Vec<&str> = BoardName::ALL.iter().map(|b| b.spec().name).collect();
        assert!(sh.contains(&format!("BOARDS=({})", names.join(" "))), "firmware/boards.sh: BOARDS=(...)");
        for b in BoardName::ALL {
            let s = b.spec();
            assert!(sh.contains(&format!("{}) echo {} ;;", s.name, s.target)), "firmware/boards.sh: {}", s.name);
        }
    }
}
