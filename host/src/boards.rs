//! The boards the host knows, for `--board`: each one's facts
//! ([`BoardSpec`], from its firmware package) and, for predictions, its
//! summarizer workspace. Adding a board is one variant here.

use epitome_firmware::BoardSpec;

/// A board with a firmware package under `firmware/boards/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum BoardName {
    /// STM32F405, Cortex-M4F (QEMU `netduinoplus2`).
    #[default]
    Stm32f405,
}

impl BoardName {
    /// Every board, in `--board`'s order.
    pub const ALL: [BoardName; 1] = [BoardName::Stm32f405];

    /// The board's facts.
    pub fn spec(self) -> &'static BoardSpec {
        match self {
            BoardName::Stm32f405 => &epitome_board_stm32f405::SPEC,
        }
    }
}

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
}
