//! `epitome_host::rouge` agrees with Google's rouge-score 0.1.2 to within
//! 0.001 on every pair of the committed fixtures: `use_stemmer=True` for
//! English (`tests/data/rouge.jsonl`, made by `make_rouge.py`), and
//! peers.py's Unicode tokenizer for other languages
//! (`tests/data/rouge_unicode.jsonl`, made by the same script).

use epitome_host::rouge::{Prf, Protocol, Scorer};

#[test]
fn rouge_matches_rouge_score_on_fixture() {
    matches_fixture(Protocol::English, include_str!("data/rouge.jsonl"), 50);
}

#[test]
fn unicode_rouge_matches_peers_py_on_fixture() {
    matches_fixture(Protocol::Unicode, include_str!("data/rouge_unicode.jsonl"), 60);
}

fn matches_fixture(protocol: Protocol, fixture: &str, at_least: usize) {
    let mut scorer = Scorer::with_protocol(protocol);
    let mut pairs = 0;
    for line in fixture.lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("json line");
        let ours = scorer.score(row["reference"].as_str().unwrap(), row["summary"].as_str().unwrap());
        for (name, got) in [("rouge1", ours.rouge1), ("rouge2", ours.rouge2), ("rougeL", ours.rouge_l)] {
            let want: Vec<f64> = row[name].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
            let Prf { p, r, f1 } = got;
            for (what, g, w) in [("p", p, want[0]), ("r", r, want[1]), ("f1", f1, want[2])] {
                assert!((g - w).abs() <= 0.001, "pair {pairs} {name} {what}: ours {g}, rouge-score {w}\n{line}");
            }
        }
        pairs += 1;
    }
    assert!(pairs >= at_least, "fixture has only {pairs} pairs");
}
