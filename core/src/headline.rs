//! A plain-text article's headline: the rule every front end (the CLI's
//! `.txt` files, the browser page, the Python package) uses to split a text
//! into title and body, kept here so that they all split alike.

/// Splits plain text into title and body: the title is the first non-empty
/// line, trimmed; the body is everything after that line.
///
/// A first line that starts with a metadata stamp such as `date
/// 2026-01-28` is not a headline: then the title is empty and the whole
/// text is the body (the segmenter drops the stamp).
///
/// ```
/// use epitome::headline;
/// assert_eq!(headline::split("\n Bridge approved \nThe council voted."), ("Bridge approved", "The council voted."));
/// assert_eq!(headline::split("date 2026-01-28 The CIA is working."), ("", "date 2026-01-28 The CIA is working."));
/// assert_eq!(headline::split(""), ("", ""));
/// ```
pub fn split(text: &str) -> (&str, &str) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        offset += line.len();
        if t.is_empty() {
            continue;
        }
        if starts_with_stamp(t) {
            return ("", text);
        }
        // `offset` is the end of a line of `text`, so a char boundary.
        return (t, text.get(offset..).unwrap_or(""));
    }
    ("", "")
}

/// Whether `line` starts with `date`, `published`, `updated` or `posted`
/// (any case), then spaces, colons or tabs, then a digit.
fn starts_with_stamp(line: &str) -> bool {
    ["date", "published", "updated", "posted"].iter().any(|p| {
        let rest = match (line.get(..p.len()), line.get(p.len()..)) {
            (Some(head), Some(rest)) if head.eq_ignore_ascii_case(p) => rest,
            _ => return false,
        };
        let after = rest.trim_start_matches([' ', ':', '\t']);
        after.len() < rest.len() && after.starts_with(|c: char| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn first_non_empty_line_is_the_title() {
        assert_eq!(split("\n\nHeadline here\n\nBody text."), ("Headline here", "\nBody text."));
        assert_eq!(split("Only a title"), ("Only a title", ""));
        assert_eq!(split("Title\r\nBody"), ("Title", "Body"));
    }

    #[test]
    fn a_stamp_is_not_a_headline() {
        assert_eq!(
            split(" date 2026-01-28 The CIA is working.\nMore."),
            ("", " date 2026-01-28 The CIA is working.\nMore.")
        );
        assert_eq!(split("PUBLISHED: 3 May\nx").0, "");
        assert_eq!(split("Dated material\nx").0, "Dated material");
        assert_eq!(split("Updates on the vote\nx").0, "Updates on the vote");
    }
}
