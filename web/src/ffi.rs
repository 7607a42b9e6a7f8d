//! The C ABI the page's worker calls (`web/www/worker.js`).
//!
//! Two buffers live in the module's memory: the worker asks for an input
//! buffer of the text's length ([`epitome_input`]), writes the UTF-8 text
//! into it, calls [`epitome_summarize`] or [`epitome_page`], and reads the
//! answer's bytes at [`epitome_output`]. Every call returns plain numbers;
//! nothing here can trap on any input (a trap would kill the worker).

use std::sync::{Mutex, MutexGuard};

struct Buffers {
    input: Vec<u8>,
    output: Vec<u8>,
}

static BUFFERS: Mutex<Buffers> = Mutex::new(Buffers { input: Vec::new(), output: Vec::new() });

/// The buffers; a poisoned lock is taken over, since every call rewrites
/// what it reads back.
fn buffers() -> MutexGuard<'static, Buffers> {
    BUFFERS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Makes the input buffer `len` bytes long (zeroed) and returns where it
/// starts, for the caller to write the article's UTF-8 text into.
#[unsafe(no_mangle)]
pub extern "C" fn epitome_input(len: usize) -> *mut u8 {
    let mut b = buffers();
    b.input.clear();
    b.input.resize(len, 0);
    b.input.as_mut_ptr()
}

/// Summarizes the text in the input buffer ([`crate::summarize`]); the
/// JSON answer is in the output buffer, whose length this returns.
#[unsafe(no_mangle)]
pub extern "C" fn epitome_summarize(sentences: u32, max_chars: u32, keywords: u32) -> usize {
    let mut b = buffers();
    let json = crate::summarize(&String::from_utf8_lossy(&b.input), sentences, max_chars, keywords);
    b.output = json.into_bytes();
    b.output.len()
}

/// Draws page `page` (from 0) of the text in the input buffer on display
/// `display` ([`crate::page`]): returns the number of pages, with the
/// page's bits in the output buffer (empty past the last page); -1 for an
/// unknown display, -2 when the summarizer refuses the text.
#[unsafe(no_mangle)]
pub extern "C" fn epitome_page(display: u32, page: u32) -> i32 {
    let mut b = buffers();
    let text = String::from_utf8_lossy(&b.input).into_owned();
    match crate::page(&text, display as usize, page as usize) {
        Ok((count, bits)) => {
            b.output = bits;
            i32::try_from(count).unwrap_or(i32::MAX)
        }
        Err(crate::PageError::NoSuchDisplay) => -1,
        Err(crate::PageError::Summarize(_)) => -2,
    }
}

/// Where the output buffer starts.
#[unsafe(no_mangle)]
pub extern "C" fn epitome_output() -> *const u8 {
    buffers().output.as_ptr()
}
