//! Imports that must be refused: the message names the place, and nothing changes.

use serde_json::Value;
use std::path::Path;

use super::{sample_path, stderr, stdout, yishi};

pub fn export(db: &Path) -> String {
    let o = yishi(db, &["export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
}

pub fn sample_value() -> Value {
    serde_json::from_str(&std::fs::read_to_string(sample_path()).expect("sample")).expect("json")
}

/// Imports `doc` into the sample's database and into a fresh one: both refuse, in English,
/// the sample's because it is not empty (said before the file is read) and the fresh one
/// naming `place`; the sample's export is byte-identical after, and the fresh directory
/// holds nothing.
pub fn import_fails(doc: &str, place: &str) -> String {
    let db = super::sample_db();
    let before = export(db.path());
    let file = db.path().join("bad.json");
    std::fs::write(&file, doc).expect("write");
    // Into a fresh database: the refusal must come from the file, not from a non-empty store.
    let fresh = tempfile::tempdir().expect("tempdir");
    let mut said = String::new();
    for target in [db.path(), fresh.path()] {
        let o = yishi(
            target,
            &["--lang", "en", "import", file.to_str().expect("path")],
        );
        assert_eq!(o.status.code(), Some(1), "{place}: {}", stdout(&o));
        said = stderr(&o);
        let cause = if target == db.path() {
            "import only goes into an empty database"
        } else {
            place
        };
        assert!(said.contains(cause), "message names {cause}: {said}");
        assert!(
            !said.contains('\u{1b}') && !said.contains('\u{9b}'),
            "control characters reached the terminal"
        );
    }
    assert_eq!(export(db.path()), before, "nothing changed");
    let left: Vec<_> = std::fs::read_dir(fresh.path()).expect("dir").collect();
    assert!(left.is_empty(), "a refused import leaves nothing: {left:?}");
    said
}
