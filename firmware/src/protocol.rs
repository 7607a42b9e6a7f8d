//! What every board's firmware and the host agree on: summarizer options
//! and the session's framing conventions. Buffer sizes and capacities are
//! each board's own (its package under `firmware/boards/`).
//!
//! A session on the UART, all messages as [`epitome::wire`] frames:
//!
//! 1. The firmware announces itself with [`Hello`] (`max_frame` = the size
//!    of its receive buffer, and the languages it reads: [`hello`]); bytes
//!    sent before that may be lost (a UART may drop them until it is
//!    enabled). A frame longer than that is answered with an
//!    [`ErrorCode::Oversize`] error frame.
//! 2. It sends one [`epitome::wire::Digest`] per article of its flash corpus,
//!    then one [`epitome::wire::MultiDigest`] over all of them.
//! 3. It then answers every frame it receives, in order: an article with its
//!    digest (or, in a language it lacks, an [`ErrorCode::Language`] error
//!    frame: [`article_options`]), a `Hello` with its own `Hello`, anything
//!    else with an [`epitome::wire::ErrorFrame`] (bad frames included).
//!    [`HANG_UP`] ends the session: under QEMU the firmware exits, on a
//!    board it keeps serving.

use epitome::wire::{ErrorCode, Hello};
use epitome::{Language, LanguageChoice, LanguageSet, MAX_KEYWORDS, Options};

/// A `Hello` announcing a receive buffer of zero bytes: the peer is leaving
/// (any `Hello` with `max_frame` 0 is one; this one names no language).
pub const HANG_UP: Hello = Hello { max_frame: 0, languages: LanguageSet::EMPTY };

/// True if `h` is a hang-up ([`HANG_UP`]).
pub const fn is_hang_up(h: &Hello) -> bool {
    h.max_frame == 0
}

/// The firmware's greeting: the size of its receive buffer (saturated at
/// `u32::MAX`, far above any board's RAM) and the languages it reads (its
/// `BoardSpec::languages`).
pub const fn hello(max_frame: usize, languages: LanguageSet) -> Hello {
    Hello { max_frame: if max_frame > u32::MAX as usize { u32::MAX } else { max_frame as u32 }, languages }
}

/// Keywords in the multi-article digest of the flash corpus.
pub const DIGEST_KEYWORDS: usize = 10;
const _: () = assert!(DIGEST_KEYWORDS <= MAX_KEYWORDS);

/// Summarizer options for every digest the firmware sends (the core's
/// defaults: three sentences, ten keywords, no IDF table; the language
/// detected among those compiled in).
pub fn options() -> Options<'static> {
    Options::default()
}

/// The options for an article whose `lang` field is `lang` on a board
/// that reads `languages` ([`options`] otherwise): the language its tag
/// names ([`Language::from_tag`]: `"fr"`, `"fr-CA"`), or, with no tag
/// (empty, or `"und"`, BCP 47's undetermined), the one detected among
/// `languages`.
///
/// Errors: [`ErrorCode::Language`] if the tag names a language missing
/// from `languages` or none the core knows (`"ja"`): the board would read
/// it as English and send a digest of stopwords.
///
/// ```
/// use epitome::wire::ErrorCode;
/// use epitome::{Language, LanguageChoice, LanguageSet};
/// use epitome_firmware::protocol::article_options;
/// let en_fr = LanguageSet::of(&[Language::English, Language::French]);
/// assert_eq!(article_options("fr-FR", en_fr).map(|o| o.language), Ok(LanguageChoice::Only(Language::French)));
/// assert_eq!(article_options("", en_fr).map(|o| o.languages), Ok(en_fr));
/// assert_eq!(article_options("de", en_fr), Err(ErrorCode::Language));
/// ```
pub fn article_options(lang: &str, languages: LanguageSet) -> Result<Options<'static>, ErrorCode> {
    let language = if lang.is_empty() || lang.eq_ignore_ascii_case("und") {
        LanguageChoice::Auto
    } else {
        match Language::from_tag(lang) {
            Some(l) if languages.contains(l) => LanguageChoice::Only(l),
            _ => return Err(ErrorCode::Language),
        }
    };
    Ok(Options { language, languages, ..options() })
}
