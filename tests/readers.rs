//! Readers write nothing and copy nothing: `list`, `show`, `minutes`, `ledger` and `export`
//! read the newest checkpoint and the journal after it in place, without the lock, beside a
//! console or not. Checked by the files themselves (every byte, size and time of change under
//! the database, and nothing made outside it), not by tracing system calls.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use support::pty::Console;
use support::stderr;

/// Every file and folder under `dir`: its path, size, time of last change and bytes.
type Seen = Vec<(PathBuf, u64, Option<SystemTime>, Vec<u8>)>;

fn seen(dir: &Path) -> Seen {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let meta = std::fs::metadata(&d).expect("metadata");
        out.push((d.clone(), 0, meta.modified().ok(), Vec::new()));
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            let meta = std::fs::metadata(&p).expect("metadata");
            if meta.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).expect("read");
                out.push((p, meta.len(), meta.modified().ok(), bytes));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// What each reader is asked, and a line its answer must hold.
const READERS: &[(&[&str], &str)] = &[
    (&["list"], "2026-11-21 14:30"),
    (&["list", "--json"], "\"number\""),
    (&["show", "latest"], "青禾里社区居民议事会"),
    (&["minutes", "latest"], "会议纪要"),
    (&["minutes", "2026-1", "--format", "markdown"], "# "),
    (&["ledger"], "雨水管道"),
    (&["export"], "\"councils\""),
];

/// Runs `args` against `db` with a temporary folder of its own; returns its standard output.
fn read(db: &Path, tmp: &Path, args: &[&str]) -> String {
    let o = Command::new(support::bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TMPDIR", tmp)
        .output()
        .expect("reader");
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn every_reader_leaves_it_as_it_was(db: &Path, rounds: usize) {
    let tmp = tempfile::tempdir().expect("tmp");
    for round in 0..rounds {
        for (args, expected) in READERS {
            let before = seen(db);
            let out = read(db, tmp.path(), args);
            assert!(out.contains(expected), "{args:?} says {out}");
            let after = seen(db);
            let changed: Vec<_> = before
                .iter()
                .zip(&after)
                .filter(|(a, b)| a != b)
                .map(|(a, _)| a.0.display().to_string())
                .collect();
            assert!(
                before.len() == after.len() && changed.is_empty(),
                "round {round}, {args:?} changed {changed:?} ({} files before, {} after)",
                before.len(),
                after.len()
            );
            let made: Vec<_> = std::fs::read_dir(tmp.path()).expect("tmp").collect();
            assert!(
                made.is_empty(),
                "{args:?} made {made:?} outside the database"
            );
        }
    }
}

#[test]
fn a_reader_changes_no_byte_of_the_database_and_makes_nothing_elsewhere() {
    // The sample, then a meeting begun after its checkpoint: readers replay the journal's tail.
    let (db, store, _, _) = support::meeting_under_way(yishi::store::now());
    drop(store);
    every_reader_leaves_it_as_it_was(db.path(), 1);
    let listed = read(db.path(), db.path(), &["list"]);
    assert!(
        listed.lines().any(|l| l.trim_start().starts_with("119 ")),
        "the meeting begun after the checkpoint is read from the journal: {listed}"
    );
}

#[test]
fn readers_beside_a_console_ten_times_copy_nothing_and_change_nothing() {
    let (db, store, _, _) = support::meeting_under_way(yishi::store::now());
    drop(store);
    let mut console = Console::start(db.path(), &[], 120, 40);
    console.wait_for("青禾里社区居民议事会");
    every_reader_leaves_it_as_it_was(db.path(), 10);
    assert!(console.quit());
    // The console's close brings the checkpoint up to its last change.
    let checkpoints: Vec<_> = std::fs::read_dir(db.path().join("checkpoints"))
        .expect("checkpoints")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        checkpoints.iter().any(|n| n.ends_with(".ck")),
        "{checkpoints:?}"
    );
}

#[test]
fn a_readers_export_is_byte_for_byte_the_stores() {
    // The checkpoint as the sample's import left it, and a meeting after it in the journal.
    let (db, store, _, _) = support::meeting_under_way(yishi::store::now());
    let mut from_store = Vec::new();
    yishi::store::Archive::export_to(&store, &mut from_store).expect("the store's export");
    let read = read(db.path(), db.path(), &["export"]);
    assert!(
        read.contains("\"id\": 119"),
        "the meeting after the checkpoint"
    );
    assert_eq!(read, String::from_utf8_lossy(&from_store));
    drop(store);
    // And once the writer's close has folded that meeting into the checkpoint.
    assert!(db.path().join("checkpoints").exists());
    let reader = yishi::store::Reader::open(db.path()).expect("reader");
    let mut again = Vec::new();
    yishi::store::Archive::export_to(&reader, &mut again).expect("export");
    assert_eq!(
        String::from_utf8_lossy(&again),
        String::from_utf8_lossy(&from_store)
    );
}

/// The ids `yishi list` prints, in its order.
fn listed_ids(db: &Path) -> Vec<u64> {
    read(db, db, &["list"])
        .lines()
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect()
}

#[test]
fn list_streams_the_meetings_in_the_order_they_were_held_from_every_source() {
    let (db, store, _, _) = support::meeting_under_way(yishi::store::now());
    let expected: Vec<u64> = store
        .meetings()
        .expect("heads")
        .iter()
        .map(|h| h.id.0)
        .collect();
    assert!(expected.len() > 5, "{expected:?}");
    // The new meeting is in the journal's tail, the sample's in the checkpoint.
    assert_eq!(listed_ids(db.path()), expected);
    drop(store);
    // And once the close has written it into a checkpoint.
    assert_eq!(listed_ids(db.path()), expected);
    let json: serde_json::Value =
        serde_json::from_str(&read(db.path(), db.path(), &["list", "--json"])).expect("json");
    let ids: Vec<u64> = json
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["id"].as_u64())
        .collect();
    assert_eq!(ids, expected);
}
