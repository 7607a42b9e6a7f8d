//! NLTK's Porter stemmer (`nltk.stem.porter.PorterStemmer`, default
//! `NLTK_EXTENSIONS` mode, nltk 3.x), reproduced exactly.
//!
//! It is the stemmer that Google's `rouge-score` (`use_stemmer=True`) and the
//! keyphrase scorer in `../shared/peers/keywords.py` use, so our evaluators
//! must stem as it does, quirks included, to agree with them. The core's own
//! stemmer (Snowball Porter2) is a different algorithm and is not used here.
//! Checked word for word against nltk on a committed fixture
//! (`host/tests/data/porter.tsv`, made by `host/tests/data/make_porter.py`).
//!
//! ```
//! use epitome_host::porter::stem;
//! assert_eq!(stem("running"), "run");
//! assert_eq!(stem("generalization"), "gener");
//! assert_eq!(stem("skies"), "sky"); // an NLTK irregular form
//! ```

/// Stems one word as `PorterStemmer().stem(word)` does: lower-cases it,
/// maps NLTK's irregular forms, leaves words of one or two characters alone,
/// then runs Porter's steps 1a–5b with NLTK's extensions.
pub fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    if let Some(s) = irregular(&lower) {
        return s.to_string();
    }
    if word.chars().count() <= 2 {
        return lower;
    }
    let mut w: Vec<char> = lower.chars().collect();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    w.into_iter().collect()
}

/// NLTK's table of irregular forms (`PorterStemmer.pool`).
fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

fn is_consonant(w: &[char], i: usize) -> bool {
    // Iterative form of NLTK's recursive definition: `y` is a consonant at
    // the start or after a vowel, a vowel after a consonant.
    let mut cons_prev = true;
    let mut result = true;
    for (j, &c) in w.iter().enumerate().take(i + 1) {
        result = match c {
            'a' | 'e' | 'i' | 'o' | 'u' => false,
            'y' => j == 0 || !cons_prev,
            _ => true,
        };
        cons_prev = result;
    }
    result
}

fn measure(stem: &[char]) -> usize {
    // Count of "vc" in the consonant/vowel pattern.
    let mut m = 0;
    let mut prev_vowel = false;
    for i in 0..stem.len() {
        let c = is_consonant(stem, i);
        if c && prev_vowel {
            m += 1;
        }
        prev_vowel = !c;
    }
    m
}

fn contains_vowel(stem: &[char]) -> bool {
    (0..stem.len()).any(|i| !is_consonant(stem, i))
}

fn ends_double_consonant(w: &[char]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

fn ends_cvc(w: &[char]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], 'w' | 'x' | 'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn ends_with(w: &[char], suffix: &str) -> bool {
    let n = suffix.chars().count();
    w.len() >= n && w[w.len() - n..].iter().copied().eq(suffix.chars())
}

fn replace_suffix(w: &mut Vec<char>, suffix_len: usize, replacement: &str) {
    w.truncate(w.len() - suffix_len);
    w.extend(replacement.chars());
}

/// A rule's condition on the stem left once the suffix is removed.
type Cond = fn(&[char]) -> bool;

/// NLTK's `_apply_rule_list`: the first rule whose suffix matches decides;
/// if its condition fails, no later rule is tried.
fn apply_rules(w: &mut Vec<char>, rules: &[(&str, &str, Option<Cond>)]) {
    for &(suffix, replacement, cond) in rules {
        if ends_with(w, suffix) {
            let n = suffix.chars().count();
            if cond.is_none_or(|c| c(&w[..w.len() - n])) {
                replace_suffix(w, n, replacement);
            }
            return;
        }
    }
}

fn m_gt0(s: &[char]) -> bool {
    measure(s) > 0
}

fn m_gt1(s: &[char]) -> bool {
    measure(s) > 1
}

fn step1a(w: &mut Vec<char>) {
    // NLTK: `flies` -> `fli` but `dies` -> `die`.
    if w.len() == 4 && ends_with(w, "ies") {
        replace_suffix(w, 3, "ie");
        return;
    }
    apply_rules(w, &[("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)]);
}

fn step1b(w: &mut Vec<char>) {
    // NLTK: `spied` -> `spi` but `died` -> `die`.
    if ends_with(w, "ied") {
        let r = if w.len() == 4 { "ie" } else { "i" };
        replace_suffix(w, 3, r);
        return;
    }
    if ends_with(w, "eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            replace_suffix(w, 3, "ee");
        }
        return;
    }
    let mut cut = None;
    for suffix in ["ed", "ing"] {
        if ends_with(w, suffix) {
            let n = suffix.len();
            if contains_vowel(&w[..w.len() - n]) {
                cut = Some(n);
                break;
            }
        }
    }
    let Some(n) = cut else { return };
    w.truncate(w.len() - n);
    if ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz") {
        w.push('e');
    } else if ends_double_consonant(w) {
        if !matches!(w[w.len() - 1], 'l' | 's' | 'z') {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push('e');
    }
}

fn step1c(w: &mut [char]) {
    // NLTK: y -> i only after a consonant, and not when that consonant is the whole stem.
    if ends_with(w, "y") {
        let s = &w[..w.len() - 1];
        if s.len() > 1 && is_consonant(s, s.len() - 1) {
            let n = w.len();
            w[n - 1] = 'i';
        }
    }
}

fn step2(w: &mut Vec<char>) {
    // NLTK applies `alli` -> `al` first and then step 2 again.
    while ends_with(w, "alli") && m_gt0(&w[..w.len() - 4]) {
        replace_suffix(w, 4, "al");
    }
    if ends_with(w, "logi") {
        // NLTK keeps the `l` with the stem for the measure (`geologi`), but
        // earlier rules with a matching suffix would win; none ends in `logi`.
        if m_gt0(&w[..w.len() - 3]) {
            replace_suffix(w, 4, "log");
        }
        return;
    }
    apply_rules(
        w,
        &[
            ("ational", "ate", Some(m_gt0)),
            ("tional", "tion", Some(m_gt0)),
            ("enci", "ence", Some(m_gt0)),
            ("anci", "ance", Some(m_gt0)),
            ("izer", "ize", Some(m_gt0)),
            ("bli", "ble", Some(m_gt0)),
            ("alli", "al", Some(m_gt0)),
            ("entli", "ent", Some(m_gt0)),
            ("eli", "e", Some(m_gt0)),
            ("ousli", "ous", Some(m_gt0)),
            ("ization", "ize", Some(m_gt0)),
            ("ation", "ate", Some(m_gt0)),
            ("ator", "ate", Some(m_gt0)),
            ("alism", "al", Some(m_gt0)),
            ("iveness", "ive", Some(m_gt0)),
            ("fulness", "ful", Some(m_gt0)),
            ("ousness", "ous", Some(m_gt0)),
            ("aliti", "al", Some(m_gt0)),
            ("iviti", "ive", Some(m_gt0)),
            ("biliti", "ble", Some(m_gt0)),
            ("fulli", "ful", Some(m_gt0)),
        ],
    );
}

fn step3(w: &mut Vec<char>) {
    apply_rules(
        w,
        &[
            ("icate", "ic", Some(m_gt0)),
            ("ative", "", Some(m_gt0)),
            ("alize", "al", Some(m_gt0)),
            ("iciti", "ic", Some(m_gt0)),
            ("ical", "ic", Some(m_gt0)),
            ("ful", "", Some(m_gt0)),
            ("ness", "", Some(m_gt0)),
        ],
    );
}

fn m_gt1_st(s: &[char]) -> bool {
    measure(s) > 1 && matches!(s.last(), Some('s' | 't'))
}

fn step4(w: &mut Vec<char>) {
    apply_rules(
        w,
        &[
            ("al", "", Some(m_gt1)),
            ("ance", "", Some(m_gt1)),
            ("ence", "", Some(m_gt1)),
            ("er", "", Some(m_gt1)),
            ("ic", "", Some(m_gt1)),
            ("able", "", Some(m_gt1)),
            ("ible", "", Some(m_gt1)),
            ("ant", "", Some(m_gt1)),
            ("ement", "", Some(m_gt1)),
            ("ment", "", Some(m_gt1)),
            ("ent", "", Some(m_gt1)),
            ("ion", "", Some(m_gt1_st)),
            ("ou", "", Some(m_gt1)),
            ("ism", "", Some(m_gt1)),
            ("ate", "", Some(m_gt1)),
            ("iti", "", Some(m_gt1)),
            ("ous", "", Some(m_gt1)),
            ("ive", "", Some(m_gt1)),
            ("ize", "", Some(m_gt1)),
        ],
    );
}

fn step5a(w: &mut Vec<char>) {
    if ends_with(w, "e") {
        let s = &w[..w.len() - 1];
        let m = measure(s);
        if m > 1 || m == 1 && !ends_cvc(s) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<char>) {
    // (m > 1 and *d and *L) -> single letter; NLTK measures the word less its last `l`.
    if ends_with(w, "ll") && m_gt1(&w[..w.len() - 1]) {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_examples() {
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("hopeful", "hope"),
            ("controll", "control"),
            ("is", "is"),
            ("News", "news"),
            ("Skies", "sky"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }
}
