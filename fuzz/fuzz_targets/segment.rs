//! The segmenter on arbitrary text (lossy UTF-8), under the naive checks
//! the property tests use (`core/tests/reference/segment.rs`, included by
//! path): well-formed units, the same line by line and at any offset.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/reference/segment.rs"]
mod segment_reference;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    segment_reference::check_segmenter(&text);
});
