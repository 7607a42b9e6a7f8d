//! The C ABI the page's worker calls (`web/www/worker.js`).
//!
//! Two buffers live in the module's memory: the worker asks for an input
//! buffer of the text's length ([`epitome_input`]), writes the UTF-8 text
//! into it, calls [`epitome_summarize`] or [`epitome_page`], and reads the
//! answer's bytes at [`epitome_output`]. Every call returns plain numbers;
//! nothing here can trap on any input (a trap would kill the worker).

use std::sync::{Mutex, MutexGuard};

/// The module's allocator (see `Cargo.toml`): the page's worker runs it on
/// one thread, without shared memory.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

/// Writes the codes of the languages this module reads
/// ([`crate::languages`]) into the output buffer as a JSON array
/// (`["en","fr",…]`) and returns its length. The page numbers them from 1
/// in this order (0 is `auto`) when it passes a `language` below.
#[unsafe(no_mangle)]
pub extern "C" fn epitome_languages() -> usize {
    let mut b = buffers();
    let codes: Vec<&str> = crate::languages().map(epitome::Language::code).collect();
    b.output = serde_json::to_vec(&codes).unwrap_or_default();
    b.output.len()
}

/// Summarizes the text in the input buffer ([`crate::summarize`]) in
/// language `language` (0 `auto`, else a number of
/// [`epitome_languages`]); the JSON answer is in the output buffer, whose
/// length this returns (`{"error": …}` for an unknown language number).
#[unsafe(no_mangle)]
pub extern "C" fn epitome_summarize(sentences: u32, max_chars: u32, keywords: u32, language: u32) -> usize {
    let mut b = buffers();
    let json = match crate::language_choice(language) {
        Some(choice) => crate::summarize(&String::from_utf8_lossy(&b.input), sentences, max_chars, keywords, choice),
        None => format!("{{\"error\":\"no language number {language}\"}}"),
    };
    b.output = json.into_bytes();
    b.output.len()
}

/// Draws page `page` (from 0) of the text in the input buffer on display
/// `display` ([`crate::page`]), read in `language` (as for
/// [`epitome_summarize`]): returns the number of pages, with the page's
/// bits in the output buffer (empty past the last page); -1 for an unknown
/// display, -2 when the summarizer refuses the text, -3 for an unknown
/// language number.
#[unsafe(no_mangle)]
pub extern "C" fn epitome_page(display: u32, page: u32, language: u32) -> i32 {
    let Some(choice) = crate::language_choice(language) else { return -3 };
    let mut b = buffers();
    let text = String::from_utf8_lossy(&b.input).into_owned();
    match crate::page(&text, display as usize, page as usize, choice) {
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
