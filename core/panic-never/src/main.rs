//! Link-time proof that the core cannot panic.
//!
//! Built for a thumb target in release mode with LTO, this binary calls the
//! core's public entry points on input the optimiser cannot see. Its panic
//! handler calls a function that exists nowhere: if any panic path is still
//! reachable from those entry points, linking fails with an undefined symbol
//! `epitome_core_can_panic` (the `panic-never` technique). On the host it is
//! an empty program so that `cargo build --workspace` keeps working.
#![cfg_attr(target_os = "none", no_std, no_main)]

#[cfg(target_os = "none")]
mod proof {
    use core::hint::black_box;
    use epitome::{Budget, DefaultSummarizer, Options};

    /// Input the optimiser must treat as unknown.
    static INPUT: [u8; 512] = [0; 512];
    static mut WORKSPACE: DefaultSummarizer = DefaultSummarizer::new();

    #[unsafe(no_mangle)]
    pub extern "C" fn _start() -> ! {
        let bytes: &[u8] = black_box(&INPUT[..]);
        let split = black_box(7usize).min(bytes.len());
        let (t, b) = bytes.split_at_checked(split).unwrap_or((bytes, bytes));
        let title = core::str::from_utf8(t).unwrap_or("");
        let body = core::str::from_utf8(b).unwrap_or("");
        let budget = if black_box(true) { Budget::Sentences(black_box(3)) } else { Budget::Chars(black_box(160)) };
        let opts = Options { budget, keywords: black_box(10), redundancy: black_box(192), ..Options::default() };
        // SAFETY: single-threaded bare-metal entry point; nothing else touches WORKSPACE.
        #[allow(static_mut_refs)]
        let ws = unsafe { &mut WORKSPACE };
        let r = ws.summarize(title, body, &opts);
        black_box(&r);
        for u in epitome::segment::Segmenter::new(body) {
            black_box(u);
        }
        for t in epitome::tokenize::Tokens::new(body) {
            black_box(t);
        }
        for w in epitome::tokenize::Words::new(body) {
            let mut f = w.folded;
            black_box(f.is_stopword());
            f.stem();
            black_box(f.hash());
        }
        if let Ok(idf) = epitome::Idf::from_bytes(black_box(bytes)) {
            black_box(idf.lookup(black_box(42)));
        }
        wire(bytes, ws, &opts);
        loop {
            core::hint::spin_loop();
        }
    }

    /// The wire format and the multi-article digest on unknown bytes.
    #[inline(never)]
    fn wire(bytes: &'static [u8], ws: &mut DefaultSummarizer, opts: &Options<'_>) {
        use epitome::digest::DefaultDigestBuilder;
        use epitome::wire::{Bundle, BundleWriter, FrameReader, FrameWriter, Message, decode_frame};
        let mut buf = [0u8; 256];
        let mut scratch = [0u8; 256];
        let mut out = [0u8; 256];
        let n = black_box(bytes.len()).min(buf.len());
        if let Some((dst, src)) = buf.get_mut(..n).zip(bytes.get(..n)) {
            dst.copy_from_slice(src);
        }
        {
            let r = decode_frame(black_box(&mut buf[..]));
            black_box(&r);
        }
        let mut reader = FrameReader::new(black_box(bytes), &mut buf);
        while let Ok(Some(m)) = reader.next_frame() {
            {
                let mut w = FrameWriter::new(&mut out[..], &mut scratch);
                black_box(w.send(&m).ok());
            }
            if let Message::Article(a) = m {
                let mut bw = BundleWriter::new(&mut out, black_box(1)).ok();
                if let Some(bw) = bw.as_mut() {
                    black_box(bw.push(&a).ok());
                }
                black_box(bw.map(|bw| bw.finish().map(<[u8]>::len).ok()));
            }
        }
        if let Ok(bundle) = Bundle::from_bytes(black_box(bytes)) {
            let mut d = DefaultDigestBuilder::new();
            for a in bundle.iter() {
                black_box(d.feed_article(&a, ws, opts).ok());
            }
            black_box(d.to_message(black_box(10)));
            black_box(bundle.get(black_box(3)));
        }
    }

    #[panic_handler]
    fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
        unsafe extern "C" {
            fn epitome_core_can_panic() -> !;
        }
        // SAFETY: never called when the proof holds; the symbol does not exist.
        unsafe { epitome_core_can_panic() }
    }
}

#[cfg(not(target_os = "none"))]
fn main() {}
