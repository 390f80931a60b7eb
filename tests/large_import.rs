//! A large import: written in parts, taken back whole after a kill in the middle, and silent
//! about its progress when its output is piped.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// A generated archive of `meetings` meetings, as an export document on disk.
fn generated(dir: &Path, meetings: usize) -> std::path::PathBuf {
    let file = dir.join("archive.json");
    yishi_generate::write_file(&file, meetings, 0).expect("generate");
    file
}

#[test]
fn import_killed_between_parts_is_taken_back_whole_at_the_next_open() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = generated(tmp.path(), 600);
    let db = tmp.path().join("db");
    let mut child = Command::new(support::bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file)
        .env("YISHI_PROGRESS", "lines")
        .env_remove("YISHI_LANG")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn import");
    let stderr = child.stderr.take().expect("stderr");
    let mut progress = Vec::new();
    for line in BufReader::new(stderr).lines() {
        let line = line.expect("progress line");
        progress.push(line.clone());
        // The first part is written; the rest, and the last part that closes the import, are
        // not.
        if line.contains('/') && !line.contains("100%") {
            child.kill().expect("kill");
            break;
        }
    }
    let _ = child.wait();
    assert!(
        progress.iter().any(|l| l.contains("写入数据库")),
        "progress names its stage: {progress:?}"
    );

    // Mid-import, as sled holds it: records of the first part, and the mark of an import
    // under way.
    {
        let sled = support::sled_store(&db);
        let meetings = sled.open_tree("meetings").expect("meetings");
        let meta = sled.open_tree("meta").expect("meta");
        assert!(!meetings.is_empty(), "the first part was written");
        assert!(
            meta.get(b"importing").expect("read mark").is_some(),
            "the import is marked as under way"
        );
    }
    let journal = db.join("journal.jsonl");
    let lines = |path: &Path| {
        let bytes = std::fs::read(path).expect("journal");
        bytes
            .split(|&b| b == 0)
            .next()
            .unwrap_or_default()
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
    };
    assert!(
        lines(&journal) >= 1,
        "the first part's line is in the journal"
    );

    // Never acknowledged, the import is read as not there, and taken back whole at the next
    // open to write: no record, no journal line.
    let list = support::yishi(&db, &["list"]);
    assert!(list.status.success(), "list: {}", support::stderr(&list));
    let listed = support::stdout(&list);
    assert!(
        listed.contains("没有会议记录"),
        "a reader sees no part of it: {listed}"
    );
    drop(yishi::store::Store::open(&db).expect("open"));
    assert_eq!(lines(&journal), 0, "no line of the import is left");
    let verify = support::yishi(&db, &["verify"]);
    assert!(
        verify.status.success(),
        "verify: {}",
        support::stderr(&verify)
    );

    // And the same file goes in whole the second time.
    let again = support::yishi(&db, &["import", file.to_str().expect("path")]);
    assert!(again.status.success(), "{}", support::stderr(&again));
    let export = support::yishi(&db, &["export"]);
    let original = std::fs::read_to_string(&file).expect("read archive");
    assert!(
        support::stdout(&export) == original,
        "the import holds exactly the document"
    );
    let verify = support::yishi(&db, &["verify"]);
    assert!(
        verify.status.success(),
        "verify: {}",
        support::stderr(&verify)
    );
}

#[test]
fn progress_is_silent_when_piped() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = generated(tmp.path(), 130);
    let db = tmp.path().join("db");
    for args in [
        vec!["import", file.to_str().expect("path")],
        vec!["export"],
        vec!["ledger"],
        vec!["verify"],
        vec!["repair"],
    ] {
        let o = support::yishi(&db, &args);
        assert!(o.status.success(), "{args:?}: {}", support::stderr(&o));
        assert_eq!(support::stderr(&o), "", "{args:?} writes nothing to a pipe");
    }
}

/// A fault in a record far into a large document (after several parts are written) refuses
/// the whole import, named at its place in the document, and leaves nothing behind.
#[test]
fn a_fault_late_in_a_large_document_takes_back_every_part() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = generated(tmp.path(), 600);
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("read")).expect("json");
    let matters = doc["matters"].as_array_mut().expect("matters");
    let last = matters.len() - 1;
    matters[last]["opened_in"] = serde_json::json!(999_999_999);
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&doc).expect("encode")).expect("write");

    let db = tmp.path().join("db");
    let o = support::yishi(
        &db,
        &["--lang", "en", "import", bad.to_str().expect("path")],
    );
    assert_eq!(o.status.code(), Some(1));
    let said = support::stderr(&o);
    assert!(
        said.contains(&format!("matters[{last}].opened_in")),
        "the place in the document: {said}"
    );
    assert!(!db.exists(), "a refused import leaves no database");
}
