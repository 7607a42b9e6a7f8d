//! The hostile byte stream of `epitome board --garbage`.

use epitome::LanguageSet;
use epitome::wire::{Digest, Message};
use epitome_firmware::protocol::hello;

use super::frame::encode;
use crate::rng::SplitMix64;

/// A hostile byte stream: at least `garbage` bytes of trouble — random
/// bytes, corrupted, truncated and oversize frames, wrong versions,
/// messages the firmware does not take — each closed by a `0x00` and
/// followed by one valid article frame from `frames`, in turn, until both
/// the trouble is at least `garbage` bytes and every frame was sent. Oversize
/// frames are longer than `max_frame`, the board's receive buffer. Fixed by `seed`.
pub fn hostile_stream(seed: u64, frames: &[Vec<u8>], garbage: usize, max_frame: usize) -> Vec<u8> {
    let mut rng = SplitMix64::new(seed);
    let mut out = Vec::with_capacity(garbage * 2);
    let mut bad = 0usize;
    let mut i = 0usize;
    // Until there is enough trouble and every article has been sent at
    // least once: a short --garbage never leaves articles unsent.
    while (bad < garbage || i < frames.len()) && !frames.is_empty() {
        let good = &frames[i % frames.len()];
        i += 1;
        let start = out.len();
        match rng.below(6) {
            // Line noise, zeros included (several bad frames at once).
            0 | 1 => {
                for _ in 0..1 + rng.below(2048) {
                    let b = rng.next_u64() as u8;
                    out.push(if rng.below(64) == 0 { 0 } else { b });
                }
            }
            // A good frame with one byte changed (CRC, COBS or version error).
            2 => {
                let mut f = good[..good.len() - 1].to_vec();
                let at = rng.below(f.len());
                f[at] = f[at].wrapping_add(1 + rng.below(254) as u8).max(1);
                out.extend_from_slice(&f);
            }
            // A good frame cut short.
            3 => out.extend_from_slice(&good[..rng.below(good.len() - 1).max(1)]),
            // Longer than the firmware's buffer.
            4 => {
                for _ in 0..max_frame + 1 + rng.below(4096) {
                    out.push(1 + rng.below(255) as u8);
                }
            }
            // Valid frames the firmware must refuse or answer: a digest, a greeting.
            _ => {
                let msg = if rng.below(2) == 0 {
                    Message::Digest(Digest { article: 7, ..Digest::default() })
                } else {
                    Message::Hello(hello(max_frame, LanguageSet::ALL))
                };
                out.extend_from_slice(&encode(&msg, 64).unwrap_or_default());
            }
        }
        bad += out.len() - start;
        out.push(0);
        out.extend_from_slice(good);
    }
    out
}

#[cfg(test)]
mod tests {
    use epitome::wire::Article;

    use super::*;
    use crate::board::describe::{FrameKind, kind};
    use crate::board::frame::article_frame;
    use crate::board::predict::expected_replies;
    use crate::boards::BoardName;

    const BODY: &str = "The city council approved a new bridge over the river on Monday. \
        The bridge will cost $40m and open in 2028. Council members said the river crossing would cut traffic.";

    #[test]
    fn hostile_stream_is_fixed_by_its_seed_and_keeps_every_good_frame() {
        let article = |id| Article { id, title: "Council approves bridge", body: BODY, ..Article::default() };
        let frames = vec![article_frame(&article(1)).unwrap(), article_frame(&article(2)).unwrap()];
        let board = BoardName::Stm32f405;
        let max = board.spec().max_frame;
        let a = hostile_stream(42, &frames, 100_000, max);
        assert_eq!(a, hostile_stream(42, &frames, 100_000, max));
        assert_ne!(a, hostile_stream(43, &frames, 100_000, max));
        let replies = expected_replies(board, &a).unwrap();
        let digests = replies.iter().filter(|r| kind(r) == FrameKind::Digest).count();
        let errors = replies.iter().filter(|r| kind(r) == FrameKind::Error).count();
        let rounds = a.windows(frames[0].len()).filter(|w| *w == frames[0] || *w == frames[1]).count();
        assert_eq!(digests, rounds, "every good frame answered");
        assert!(errors >= rounds / 2, "errors {errors}, rounds {rounds}");
    }

    #[test]
    fn little_garbage_still_sends_every_article() {
        let frames: Vec<Vec<u8>> = (0..9)
            .map(|id| article_frame(&Article { id, title: "T", body: BODY, ..Article::default() }).unwrap())
            .collect();
        let max = BoardName::Stm32f405.spec().max_frame;
        let s = hostile_stream(1, &frames, 20, max);
        for f in &frames {
            assert!(s.windows(f.len()).any(|w| w == f.as_slice()), "an article frame was never sent");
        }
    }
}
