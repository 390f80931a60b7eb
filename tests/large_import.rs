//! A large import: written in chunks, completed after a kill in the middle, and silent about
//! its progress when its output is piped.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// A generated archive of `meetings` meetings, as an export document on disk.
fn generated(dir: &Path, meetings: usize) -> std::path::PathBuf {
    let file = dir.join("archive.json");
    let o = Command::new(support::bin())
        .args(["generate", "--meetings", &meetings.to_string(), "-o"])
        .arg(&file)
        .output()
        .expect("run generate");
    assert!(o.status.success(), "generate: {}", support::stderr(&o));
    file
}

#[test]
fn import_killed_between_chunks_is_completed_at_the_next_open() {
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
        // The first chunk is in the store; the rest and the head are not.
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

    // Mid-write, as sled holds it: records of the first chunk, no head yet.
    {
        let sled = support::sled_store(&db);
        let meetings = sled.open_tree("meetings").expect("meetings");
        let meta = sled.open_tree("meta").expect("meta");
        assert!(!meetings.is_empty(), "the first chunk was written");
        assert!(
            meta.get(b"head").expect("read head").is_none(),
            "the head is written only with the last chunk"
        );
    }

    // The journal holds the whole import, so the next open completes it.
    let list = support::yishi(&db, &["list"]);
    assert!(list.status.success(), "list: {}", support::stderr(&list));
    assert_eq!(support::stdout(&list).lines().count(), 600);
    let export = support::yishi(&db, &["export"]);
    let original = std::fs::read_to_string(&file).expect("read archive");
    assert!(
        support::stdout(&export) == original,
        "the completed import holds exactly the document"
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
