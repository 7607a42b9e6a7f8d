//! `epitome screen` end to end, over temporary directories: the PNG it
//! writes is the library's page, enlarged, for the edge cases.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use epitome::wire::Article;
use epitome_host::files;
use epitome_host::pack::OwnedArticle;
use epitome_host::screen::{self, Frame};
use epitome_screen::Screen;

fn epitome(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epitome")).args(args).current_dir(cwd).output().expect("run epitome")
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("UTF-8 output")
}

/// The pages the library draws for `inputs`.
fn frames(inputs: &[PathBuf], display: Screen) -> Vec<Frame> {
    let owned = files::load_all(inputs, Default::default()).expect("load");
    let articles: Vec<Article<'_>> = owned.iter().map(OwnedArticle::as_wire).collect();
    screen::render(epitome_host::boards::BoardName::WITH_SCREEN, &articles, display).expect("render")
}

/// Asserts that the PNG at `png` is `frame` enlarged `scale` times.
fn assert_png_is(png: &Path, frame: &Frame, scale: u32) {
    let picture = screen::read_png(png).expect("PNG");
    assert_eq!((picture.width, picture.height), (frame.width * scale, frame.height * scale));
    assert_eq!(screen::differing_pixels(&picture, frame).unwrap(), 0, "{}", png.display());
}

fn lit(frame: &Frame) -> usize {
    (0..frame.height).flat_map(|y| (0..frame.width).map(move |x| (x, y))).filter(|&(x, y)| frame.pixel(x, y)).count()
}

#[test]
fn sample_digest_first_page_and_all_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let s = sample.to_str().unwrap();
    let out = ok(&epitome(&["screen", s, "-o", "page.png"], dir.path()));
    assert!(out.starts_with("page.png: page 1 of "), "{out}");
    let want = frames(std::slice::from_ref(&sample), Screen::OLED_128X64);
    assert_png_is(&dir.path().join("page.png"), &want[0], 4);

    let out = ok(&epitome(&["screen", s, "--all", "--scale", "2", "-o", "pages"], dir.path()));
    assert_eq!(out.lines().count(), want.len(), "{out}");
    for (i, frame) in want.iter().enumerate() {
        let name = format!("page-{:0w$}.png", i + 1, w = want.len().to_string().len());
        assert_png_is(&dir.path().join("pages").join(name), frame, 2);
    }
    // The same directory again, a page by number.
    let out = ok(&epitome(&["screen", s, "--page", "2", "-o", "pages"], dir.path()));
    assert!(out.contains("page 2 of"), "{out}");
}

#[test]
fn forty_character_word_title_only_article_and_greek_cjk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            "word.txt",
            "Long words\n\nThe committee studied the Donaudampfschifffahrtsgesellschaftskapit question for years without result.",
        ),
        ("title-only.txt", "Storm closes the harbour at Port Alder\n"),
        // Greek is in the font; CJK is drawn as the replacement glyph.
        (
            "greek-cjk.txt",
            "Athens and Tokyo: Αθήνα, 東京\n\nThe mayors of Αθήνα and 東京 signed the twinning charter on Monday morning.",
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let png = format!("{name}.png");
        let out = ok(&epitome(&["screen", name, "-o", &png], dir.path()));
        assert!(out.contains("page 1 of"), "{out}");
        let want = frames(&[path], Screen::OLED_128X64);
        assert_png_is(&dir.path().join(&png), &want[0], 4);
        assert!(lit(&want[0]) > 200, "{name}: page nearly blank");
    }
}

#[test]
fn empty_digest_and_the_e_paper_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("empty")).expect("mkdir");
    // An empty directory is reported (status 2, as every command reports
    // an input without articles), and the empty digest is still drawn.
    let o = epitome(&["screen", "empty", "-o", "empty.png"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("empty: no articles found"));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("page 1 of 1"), "{out}");
    let none = files::load_corpus(&[dir.path().join("empty")], Default::default());
    assert_eq!((none.articles.len(), none.failed), (0, 1));
    let want = screen::render(epitome_host::boards::BoardName::WITH_SCREEN, &[], Screen::OLED_128X64).expect("render");
    assert_eq!(want.len(), 1);
    assert_png_is(&dir.path().join("empty.png"), &want[0], 4);

    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample/02-battery-plant.txt");
    let s = sample.to_str().unwrap();
    let out = ok(&epitome(&["screen", s, "--display", "296x128", "--scale", "1", "-o", "wide.png"], dir.path()));
    assert!(out.contains("296x128 display"), "{out}");
    let want = frames(&[sample], Screen::EPAPER_296X128);
    assert_png_is(&dir.path().join("wide.png"), &want[0], 1);
}

#[test]
fn readme_picture_is_fresh() {
    // Made by screen/sample-page.sh; re-run it when the layout or the sample changes.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let want = frames(&[root.join("host/sample")], Screen::OLED_128X64);
    assert_png_is(&root.join("screen/sample-page.png"), &want[0], 4);
}

#[test]
fn bad_page_and_display_are_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample");
    let s = sample.to_str().unwrap();
    let o = epitome(&["screen", s, "--page", "99", "-o", "x.png"], dir.path());
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("page 99 does not exist"));
    let o = epitome(&["screen", s, "--display", "84x48", "-o", "x.png"], dir.path());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown display"));
    assert!(!dir.path().join("x.png").exists());
}
