//! The segmenter on arbitrary text (lossy UTF-8): its byte-class scan and
//! fast paths against the char-at-a-time reference the property tests use
//! (`core/tests/reference/segment.rs`, included by path), unit for unit.
#![no_main]

use epitome::segment::Segmenter;
use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/reference/segment.rs"]
mod segment_reference;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    assert_eq!(Segmenter::new(&text).collect::<Vec<_>>(), segment_reference::naive_units(&text));
});
