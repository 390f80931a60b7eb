//! The benchmark archive generator: what it writes is a valid export document in the
//! proportions the benchmarks rely on, and it imports and verifies like any record.

mod support;

use support::{stderr, stdout, yishi};
use yishi::domain::{Ballots, Document, validate};

#[test]
fn a_generated_archive_is_valid_in_the_intended_proportions_and_imports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("archive.json");
    yishi_generate::write_file(&file, 150, 0).expect("generate");
    let doc = Document::parse(&std::fs::read_to_string(&file).expect("read")).expect("parses");
    validate(&doc).expect("valid");
    assert_eq!(doc.meetings.len(), 150);
    assert_eq!(doc.councils.len(), 2, "120 meetings a council");
    assert_eq!(doc.matters.len(), 6 * 150);
    let named: usize = doc
        .motions
        .iter()
        .map(|v| match &v.ballots {
            Ballots::Named(b) => b.len(),
            _ => 0,
        })
        .sum();
    assert!(
        named > 20 * 150,
        "about 50 ballots a meeting, most by name: {named}"
    );
    assert!(doc.motions.iter().any(|v| v.passed == Some(false)));
    assert!(doc.matters.iter().any(|x| !x.stage.is_open()));
    assert!(doc.meetings.iter().all(|m| m.signature.is_some()));

    let db = dir.path().join("db");
    let o = yishi(&db, &["import", file.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&yishi(&db, &["list"])).lines().count(), 150);
    assert!(yishi(&db, &["verify"]).status.success());
    // The same size gives the same archive.
    let again = yishi_generate::archive(150, 0, &mut |_| {}).expect("generate");
    assert_eq!(
        again.to_json(),
        std::fs::read_to_string(&file).expect("read")
    );
}
