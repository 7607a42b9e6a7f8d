//! `epitome eval`: the JSON shape on a small generic data set, and the CI
//! floor on the BBC set (../shared/eval/bbc): overall ROUGE-1/2/L F1 must
//! not drop more than 0.005 below the `CI floor:` line of EVALUATION.md.

use std::path::Path;
use std::process::Command;

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

/// Reads `CI floor: BBC R1 x R2 y RL z` from EVALUATION.md.
fn recorded_floor() -> [f64; 3] {
    let doc = std::fs::read_to_string(root().join("EVALUATION.md")).expect("EVALUATION.md");
    let line = doc.lines().find(|l| l.starts_with("CI floor:")).expect("a `CI floor:` line in EVALUATION.md");
    let words: Vec<&str> = line.split_whitespace().collect();
    let get = |name: &str| -> f64 {
        let i = words.iter().position(|w| *w == name).unwrap_or_else(|| panic!("{name} in {line:?}"));
        words[i + 1].trim_end_matches([',', ';', '.']).parse().unwrap_or_else(|e| panic!("{name}: {e} in {line:?}"))
    };
    [get("R1"), get("R2"), get("RL")]
}

#[test]
fn bbc_rouge_holds_the_recorded_floor() {
    let bbc = root().join("../shared/eval/bbc");
    if !bbc.join("articles").is_dir() {
        eprintln!("SKIPPED: ../shared/eval/bbc is absent");
        return;
    }
    let floor = recorded_floor();
    let out = epitome().arg("eval").arg(&bbc).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 1485);
    for (name, want) in ["rouge1", "rouge2", "rougeL"].iter().zip(floor) {
        let got = v["epitome"][name]["f1"].as_f64().unwrap();
        assert!(got >= want - 0.005, "BBC {name} F1 {got:.4} fell more than 0.005 below the recorded {want:.4}");
        if got > want + 0.005 {
            eprintln!("BBC {name} F1 improved to {got:.4} (recorded {want:.4}): update EVALUATION.md");
        }
    }
}
