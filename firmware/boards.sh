# Sourced by the firmware scripts: the boards and each one's Rust target
# (the same facts as each board's SPEC in firmware/boards/<board>/src/lib.rs;
# host/src/boards.rs has a test that keeps this list complete).
BOARDS=(stm32f405 microbit lm3s6965evb)
board_target() {
    case $1 in
        stm32f405) echo thumbv7em-none-eabihf ;;
        microbit) echo thumbv6m-none-eabi ;;
        lm3s6965evb) echo thumbv7m-none-eabi ;;
        *) echo "unknown board $1 (boards: ${BOARDS[*]})" >&2; return 1 ;;
    esac
}
# The QEMU build of a board's release firmware; prints its ELF's path.
build_qemu_firmware() {
    local target
    target=$(board_target "$1")
    DEFMT_LOG=info cargo build -q -p "epitome-board-$1" --profile firmware --target "$target" \
        --no-default-features --features qemu
    echo "target/$target/firmware/epitome-$1"
}
