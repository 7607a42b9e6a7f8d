//! Whole pages through `extract::article`: each method, each limit, each error.

use extract::{ExtractError, Method, Options, article, article_with, depth};

/// A story long enough for readability, as paragraphs.
const STORY: [&str; 3] = [
    "The harbour authority closed the northern quay on Tuesday after a cargo ship lost power while \
     docking and struck the pier, damaging two cranes and a stretch of the sea wall.",
    "Nobody was hurt, the authority said, but the quay will stay closed for at least a week while \
     engineers inspect the wall and divers check the foundations of the damaged cranes.",
    "The ship's owners said an electrical fault had cut the engines seconds before the collision, \
     and that the vessel would be towed to a repair yard once the tide allowed.",
];

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head><meta charset=utf-8>{head}</head><body>{body}</body></html>")
}

fn story_html() -> String {
    STORY.iter().map(|p| format!("<p>{p}</p>")).collect()
}

const CHROME: &str = "<nav><a href=/>Home</a><a href=/news>News</a></nav><div class=share><button>Share</button></div>";

#[test]
fn readability_finds_the_story_among_the_chrome() {
    let html = page(
        "<title>Cargo ship hits the northern quay - The Coast Gazette</title>",
        &format!(
            "{CHROME}<article><h1>Cargo ship hits the northern quay</h1>{}</article><footer>© Gazette</footer>",
            story_html()
        ),
    );
    let a = article(html.as_bytes()).unwrap();
    assert_eq!(a.method, Method::Readability);
    assert_eq!(a.title, "Cargo ship hits the northern quay");
    assert_eq!(a.text, STORY.join("\n\n"));
}

#[test]
fn json_ld_comes_first_and_og_title_names_it() {
    let ld = format!(
        r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Ship hits quay (headline)","articleBody":"{}"}}</script>"#,
        STORY.join("\\n")
    );
    let html = page(&ld, &format!("{CHROME}<div itemprop=articleBody><p>Only a teaser.</p></div>"));
    let a = article(html.as_bytes()).unwrap();
    assert_eq!((a.method, a.title.as_str()), (Method::JsonLd, "Ship hits quay (headline)"));
    assert_eq!(a.text, STORY.join("\n\n"));
    let with_og = html.replace("<script", "<meta property=og:title content='Ship hits quay'><script");
    assert_eq!(article(with_og.as_bytes()).unwrap().title, "Ship hits quay");
    // Without structured data, when asked: readability alone.
    let options = Options { structured_data: false, ..Options::default() };
    assert_eq!(article_with(html.as_bytes(), &options).unwrap_err(), ExtractError::NoArticle);
}

#[test]
fn microdata_body_without_its_byline() {
    let body = format!(
        r#"{CHROME}<div itemprop="articleBody"><p class=date><span itemprop=author>Ann Reporter</span>,
        published Tuesday</p>{}</div><aside>Read also: other stories</aside>"#,
        story_html()
    );
    let a = article(page("<title>Ship hits quay</title>", &body).as_bytes()).unwrap();
    assert_eq!((a.method, a.title.as_str()), (Method::Microdata, "Ship hits quay"));
    assert_eq!(a.text, STORY.join("\n\n"));
}

#[test]
fn declared_and_undeclared_legacy_charsets() {
    let latin1 = |head: &str| {
        let mut bytes = format!("<html><head>{head}<title>Caf").into_bytes();
        bytes.push(0xE9);
        bytes.extend(format!("</title></head><body><article>{}</article></body></html>", story_html()).bytes());
        bytes
    };
    for head in [
        "<meta charset=windows-1252>",
        r#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#,
        "",
    ] {
        assert_eq!(article(&latin1(head)).unwrap().title, "Café", "{head}");
    }
}

#[test]
fn pages_without_an_article() {
    let links: String = (0..40).map(|i| format!("<li><a href=/s/{i}>Story number {i} of the day</a></li>")).collect();
    for html in [page("<title>Index</title>", &format!("{CHROME}<ul>{links}</ul>")), page("", ""), String::new()] {
        assert_eq!(article(html.as_bytes()), Err(ExtractError::NoArticle), "{html}");
    }
    assert_eq!(ExtractError::NoArticle.to_string(), "no article found in the HTML page");
}

#[test]
fn limits_refuse_before_parsing() {
    let html = page("", &story_html());
    let small = Options { max_bytes: 100, ..Options::default() };
    let e = article_with(html.as_bytes(), &small).unwrap_err();
    assert_eq!(e, ExtractError::TooLarge { size: html.len(), limit: 100 });
    assert!(e.to_string().contains("over the limit of 100 bytes"), "{e}");
    assert_eq!(extract::MAX_PAGE_BYTES, 16 << 20);
    // Too deep: refused at once (parsing it would take minutes).
    let deep = format!("{}{}", "<div>".repeat(200_000), story_html());
    let start = std::time::Instant::now();
    assert_eq!(article(deep.as_bytes()), Err(ExtractError::TooDeep { limit: depth::MAX_DEPTH }));
    assert!(start.elapsed().as_secs() < 30);
    // As deep as allowed: read, on a test thread's small stack.
    let n = depth::MAX_DEPTH - 10;
    let deep = page("", &format!("{}<article>{}</article>{}", "<div>".repeat(n), story_html(), "</div>".repeat(n)));
    assert_eq!(article(deep.as_bytes()).unwrap().text, STORY.join("\n\n"));
}

#[test]
fn only_what_is_parsed_into_a_tree_must_be_shallow() {
    let og = "<meta property=og:title content='Ship hits quay'>";
    let deep = "<div>".repeat(depth::MAX_DEPTH + 10);
    // A deep page whose structured data give the article from shallow parts.
    let shallow_body = format!("<div itemprop=articleBody>{}</div>{deep}", story_html());
    let a = article(page(og, &shallow_body).as_bytes()).unwrap();
    assert_eq!((a.method, a.text), (Method::Microdata, STORY.join("\n\n")));
    // A deep articleBody element is not parsed: the page as a whole is refused.
    let deep_body = format!("<div itemprop=articleBody>{deep}{}</div>", story_html());
    assert_eq!(article(page(og, &deep_body).as_bytes()), Err(ExtractError::TooDeep { limit: depth::MAX_DEPTH }));
    // A deep HTML body in JSON-LD is not parsed: no body there.
    let ld = format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","articleBody":"{deep}<p>{}</p>"}}</script>"#,
        STORY[0]
    );
    assert_eq!(article(page(&ld, "").as_bytes()), Err(ExtractError::NoArticle));
}

#[test]
fn malformed_markup_is_repaired_not_refused() {
    let html = format!(
        "<html><body><article><p>{}<p>{}</b></i><p>{}<div><span></article></table>&bogus; &amp;",
        STORY[0], STORY[1], STORY[2]
    );
    let a = article(html.as_bytes()).unwrap();
    assert!(a.text.starts_with(STORY[0]), "{}", a.text);
    for junk in [&b"<"[..], b"<<<>>>", b"\0\0\xff\xfe", b"<script>", b"<!--", b"<html><body><p>\xc3"] {
        let _ = article(junk);
    }
}
