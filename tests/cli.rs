//! The command line's conventions: completions and a manual page made from the command's own
//! definition, `-` for standard input and output, and `--json` where a script reads the answer.

mod support;

use serde_json::Value;
use std::io::Write as _;
use std::process::{Command, Stdio};

use support::{bin, sample_db, stderr, stdout, yishi};

#[test]
fn completions_for_each_shell_and_a_manual_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let o = yishi(dir.path(), &["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let text = stdout(&o);
        for word in ["minutes", "repair", "accept-loss", "json"] {
            assert!(text.contains(word), "{shell} completes {word}");
        }
    }
    let o = yishi(dir.path(), &["completions", "tcsh"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "an unknown shell is a usage error"
    );
    let man = yishi(dir.path(), &["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH yishi"),
        "{page}"
    );
    for word in ["verify", "repair", "ledger"] {
        assert!(page.contains(word), "the manual names {word}");
    }
    assert!(
        std::fs::read_dir(dir.path()).expect("dir").next().is_none(),
        "neither opens a database"
    );
}

#[test]
fn json_for_list_show_and_verify() {
    let db = sample_db();
    let list = yishi(db.path(), &["list", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let rows: Value = serde_json::from_str(&stdout(&list)).expect("list is JSON");
    let numbers: Vec<i64> = rows
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|r| r["number"].as_i64())
        .collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    assert_eq!(rows[4]["state"], "ended");
    // What scripts use to read it.
    if let Ok(mut py) = Command::new("python3")
        .args(["-m", "json.tool"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
    {
        py.stdin
            .take()
            .expect("stdin")
            .write_all(&list.stdout)
            .expect("pipe");
        assert!(py.wait().expect("python").success(), "python3 reads it");
    }

    let show = yishi(db.path(), &["show", "2026-3", "--json"]);
    assert!(show.status.success(), "{}", stderr(&show));
    let record: Value = serde_json::from_str(&stdout(&show)).expect("show is JSON");
    assert_eq!(record["meeting"]["number"], 3);
    assert_eq!(record["council"]["name"], "青禾里社区居民议事会");
    assert!(record["matters"].as_array().is_some_and(|m| !m.is_empty()));

    let verify = yishi(db.path(), &["verify", "--json"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    let verdict: Value = serde_json::from_str(&stdout(&verify)).expect("verify is JSON");
    assert_eq!(verdict["ok"], true);
    // The sample's import: its records, and the last part that closes it.
    assert_eq!(verdict["changes"], 2);
    // A broken journal: exit 1, and the verdict still one JSON object.
    let journal = db.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&journal).expect("journal");
    std::fs::write(&journal, text.replacen("青禾里", "青禾巷", 1)).expect("alter");
    let verify = yishi(db.path(), &["--lang", "en", "verify", "--json"]);
    assert_eq!(verify.status.code(), Some(1));
    let verdict: Value = serde_json::from_str(&stdout(&verify)).expect("verify is JSON");
    assert_eq!(verdict["ok"], false);
    assert!(
        verdict["problems"][0]
            .as_str()
            .is_some_and(|p| p.contains("journal line 1")),
        "{verdict}"
    );
}

#[test]
fn a_dash_is_standard_input_and_output() {
    let db = sample_db();
    let export = Command::new(bin())
        .args(["--db"])
        .arg(db.path())
        .args(["export", "-o", "-"])
        .output()
        .expect("export");
    assert!(export.status.success());
    let other = tempfile::tempdir().expect("tempdir");
    let mut import = Command::new(bin())
        .arg("--db")
        .arg(other.path().join("db"))
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("import");
    import
        .stdin
        .take()
        .expect("stdin")
        .write_all(&export.stdout)
        .expect("pipe");
    let done = import.wait_with_output().expect("import ends");
    assert!(done.status.success(), "{}", stderr(&done));
    let again = yishi(&other.path().join("db"), &["export"]);
    assert_eq!(again.stdout, export.stdout, "the record round-trips");

    let cwd = tempfile::tempdir().expect("tempdir");
    let minutes = Command::new(bin())
        .arg("--db")
        .arg(db.path())
        .args(["minutes", "latest", "-o", "-"])
        .current_dir(cwd.path())
        .output()
        .expect("minutes");
    assert!(stdout(&minutes).contains("2026年第5次会议纪要"));
    assert!(!cwd.path().join("-").exists(), "no file named -");
}
