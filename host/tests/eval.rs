//! `epitome eval`: the JSON shape on a small generic data set, and the CI
//! floors on the BBC set (../shared/eval/bbc) and on CNN/DailyMail
//! (../shared/eval/cnndm-dev): overall ROUGE-1/2/L F1 must not drop more
//! than 0.005 below the `CI floor:` lines of EVALUATION.md, and on CNN/DM
//! Epitome must not lose to the lead baselines of the same run.

use std::path::Path;
use std::process::Command;

#[path = "../../core/tests/shared/mod.rs"]
mod shared;

fn epitome() -> Command {
    Command::new(env!("CARGO_BIN_EXE_epitome"))
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn json_on_a_generic_data_set() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The city council approved a new bridge over the river on Monday.\n\n\
                The bridge will cost forty million pounds and open in 2028.\n\n\
                Council members said the river crossing would cut traffic in the centre.\n\n\
                Local cafes reported a busy week as visitors came to see the plans.\n";
    write(dir.path(), "articles/a.txt", &format!("Council approves river bridge\n\n{body}"));
    write(
        dir.path(),
        "references/a.txt",
        "The city council approved a new bridge over the river on Monday.The bridge will cost forty million pounds and open in 2028.",
    );
    write(dir.path(), "articles/b.txt", &format!("Bridge plan\n\n{body}"));
    write(dir.path(), "references/b.txt", "Council members said the river crossing would cut traffic in the centre.");
    let out = epitome().arg("eval").arg(dir.path()).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 2);
    assert!(v["seconds"].as_f64().unwrap() >= 0.0);
    for sys in ["epitome", "lead", "random"] {
        for m in ["rouge1", "rouge2", "rougeL"] {
            for k in ["p", "r", "f1"] {
                let x = v[sys][m][k].as_f64().unwrap_or(-1.0);
                assert!((0.0..=1.0).contains(&x), "{sys}.{m}.{k} = {x}");
            }
        }
    }
    // Lead-2 is exactly the first reference.
    assert!(v["lead"]["rouge1"]["r"].as_f64().unwrap() > 0.5);

    let out = epitome().arg("eval").arg(dir.path()).args(["--max-chars", "80"]).output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(table.lines().any(|l| l.starts_with("overall") && l.contains("epitome")), "{table}");
    let missing = epitome().arg("eval").arg(dir.path().join("nope")).output().unwrap();
    assert!(!missing.status.success());
}

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Reads `CI floor: SET R1 x R2 y RL z` from EVALUATION.md.
fn recorded_floor(set: &str) -> [f64; 3] {
    let doc = std::fs::read_to_string(root().join("EVALUATION.md")).expect("EVALUATION.md");
    let prefix = format!("CI floor: {set} ");
    let line =
        doc.lines().find(|l| l.starts_with(&prefix)).unwrap_or_else(|| panic!("a `{prefix}` line in EVALUATION.md"));
    let words: Vec<&str> = line.split_whitespace().collect();
    let get = |name: &str| -> f64 {
        let i = words.iter().position(|w| *w == name).unwrap_or_else(|| panic!("{name} in {line:?}"));
        words[i + 1].trim_end_matches([',', ';', '.']).parse().unwrap_or_else(|e| panic!("{name}: {e} in {line:?}"))
    };
    [get("R1"), get("R2"), get("RL")]
}

#[test]
#[ignore = "needs ../shared"]
fn bbc_rouge_holds_the_recorded_floor() {
    let bbc = shared::path("eval/bbc");
    let v = eval_json(&bbc, &[]);
    assert_eq!(v["articles"], 1485);
    holds_floor("BBC", &v);
}

/// At most 0.5 % of the sentences chosen on BBC dev show the reader an
/// unmatched quote mark (issue 13; `scripts/unmatched_quotes.py` counts the
/// same way): an odd number of `"`, or unequal numbers of `“` and `”`.
#[test]
#[ignore = "needs ../shared"]
fn bbc_summaries_show_few_unmatched_quote_marks() {
    let bbc = shared::path("eval/bbc/articles");
    let out = epitome().arg("summarize").arg(&bbc).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let shown: Vec<String> = v
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["sentences"].as_array().unwrap().iter())
        .map(|s| s.get("shown").unwrap_or(&s["text"]).as_str().unwrap().to_owned())
        .collect();
    let unmatched =
        |t: &&String| t.matches('"').count() % 2 == 1 || t.matches('\u{201c}').count() != t.matches('\u{201d}').count();
    let bad: Vec<&String> = shown.iter().filter(unmatched).collect();
    assert!(shown.len() > 4000, "{} sentences chosen", shown.len());
    assert!(
        bad.len() * 200 <= shown.len(),
        "{} of {} chosen sentences show an unmatched quote mark: {:?}",
        bad.len(),
        shown.len(),
        &bad[..bad.len().min(5)]
    );
}

/// `epitome eval DIR ARGS --json`, parsed.
fn eval_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = epitome().arg("eval").arg(dir).args(args).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn f1(v: &serde_json::Value, system: &str, metric: &str) -> f64 {
    v[system][metric]["f1"].as_f64().unwrap()
}

/// Epitome's overall F1 in `v` is within 0.005 of the `CI floor: SET` line.
fn holds_floor(set: &str, v: &serde_json::Value) {
    for (name, want) in ["rouge1", "rouge2", "rougeL"].iter().zip(recorded_floor(set)) {
        let got = f1(v, "epitome", name);
        assert!(got >= want - 0.005, "{set} {name} F1 {got:.4} fell more than 0.005 below the recorded {want:.4}");
        if got > want + 0.005 {
            eprintln!("{set} {name} F1 improved to {got:.4} (recorded {want:.4}): update EVALUATION.md");
        }
    }
}

#[test]
#[ignore = "needs ../shared"]
fn cnndm_never_loses_to_the_lead() {
    let cnndm = shared::path("eval/cnndm-dev");
    let v = eval_json(&cnndm, &["--sentences", "3"]);
    assert_eq!(v["articles"], 5745);
    holds_floor("CNN/DM", &v);
    for m in ["rouge1", "rouge2"] {
        let (ours, lead) = (f1(&v, "epitome", m), f1(&v, "lead", m));
        assert!(ours >= lead, "CNN/DM --sentences 3: Epitome {m} F1 {ours:.4} below Lead-3's {lead:.4}");
    }
    // The character budget of a small screen: not below the first
    // sentences that fit.
    let v = eval_json(&cnndm, &["--max-chars", "300"]);
    let (ours, lead) = (f1(&v, "epitome", "rouge1"), f1(&v, "lead", "rouge1"));
    assert!(ours >= lead, "CNN/DM --max-chars 300: Epitome R1 F1 {ours:.4} below the lead's {lead:.4}");
}
