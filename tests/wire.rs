//! A journal's lines are the record, and the hash of each is taken over its bytes: a line
//! written by an earlier build must be read, hashed and replayed by this one exactly as it was
//! written. The journals in `tests/wire` were written by yishi as it ran (a meeting, a review,
//! a rejected motion, proxies, a sale, an import in parts, a signed and corrected meeting, a
//! repair); `lines.jsonl` holds one line of each kind of change the journals do not. Between
//! them, every kind of change there was when they were saved.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use yishi::store::{Entry, Store};

/// How many kinds of change there were when the journals were saved.
const KINDS_SAVED: usize = 49;

fn saved() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wire");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/wire")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
}

fn lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("journal");
    text.lines().map(str::to_string).collect()
}

#[test]
fn every_saved_line_is_read_back_to_its_own_bytes_and_hash() {
    let mut kinds = BTreeSet::new();
    for path in saved() {
        let name = path.display();
        for line in lines(&path) {
            let entry: Entry = serde_json::from_str(&line).expect("a journal line");
            assert!(entry.hash_ok(), "{name}: line {} as saved", entry.seq);
            let change = entry.change().expect("read by this build");
            let again = Entry::new(entry.seq, entry.at, &entry.prev, &change).expect("written");
            assert_eq!(
                again.change.get(),
                entry.change.get(),
                "{name}: line {} written again differs",
                entry.seq
            );
            assert_eq!(again.hash, entry.hash, "{name}: line {}", entry.seq);
            assert_eq!(serde_json::to_string(&again).expect("line"), line);
            let raw: serde_json::Value = serde_json::from_str(entry.change.get()).expect("json");
            let kind = raw
                .as_object()
                .and_then(|o| o.keys().next().cloned())
                .expect("a kind");
            kinds.insert(kind);
        }
    }
    assert_eq!(kinds.len(), KINDS_SAVED, "{kinds:?}");
}

#[test]
fn every_saved_journal_replays_into_a_store_that_verifies() {
    for path in saved() {
        if path.file_name().is_some_and(|n| n == "lines.jsonl") {
            continue;
        }
        let name = path.display().to_string();
        let db = tempfile::tempdir().expect("tempdir");
        let journal = db.path().join("journal.jsonl");
        std::fs::copy(&path, &journal).expect("copy");
        let store = Store::open(db.path());
        let store = store.unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let seq = store.seq();
        drop(store);
        assert_eq!(
            seq,
            lines(&path).len() as u64,
            "{name}: every line replayed"
        );
        let verified = support::yishi(db.path(), &["--lang", "en", "verify"]);
        assert!(
            verified.status.success(),
            "{name}: {}",
            support::stderr(&verified)
        );
        let after = std::fs::read(&journal).expect("journal");
        assert_eq!(after, std::fs::read(&path).expect("saved"), "{name}");
    }
}
