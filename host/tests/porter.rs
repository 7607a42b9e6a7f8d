//! `epitome_host::porter` agrees word for word with NLTK's PorterStemmer on
//! the committed fixture (`tests/data/porter.tsv`, made by `make_porter.py`).

#[test]
fn porter_matches_nltk_on_fixture() {
    let text = include_str!("data/porter.tsv");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (word, want) = line.split_once('\t').expect("word<TAB>stem");
        let got = epitome_host::porter::stem(word);
        if got != want {
            wrong.push(format!("{word}: nltk {want}, ours {got}"));
        }
        checked += 1;
    }
    assert!(checked > 5000, "fixture too small: {checked}");
    assert!(wrong.is_empty(), "{} of {checked} differ:\n{}", wrong.len(), wrong.join("\n"));
}
