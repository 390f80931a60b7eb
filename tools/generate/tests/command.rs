//! The generator's command: the archive it writes to a file and to standard output is the same
//! export document, whole and valid.

use std::process::Command;

use yishi_domain::{Document, validate};

#[test]
fn the_command_writes_the_same_valid_archive_to_a_file_and_to_standard_output() {
    let dir = std::env::temp_dir().join(format!("yishi-generate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("archive.json");
    let bin = env!("CARGO_BIN_EXE_yishi-generate");
    let o = Command::new(bin)
        .args(["--meetings", "130", "--first-council", "4", "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let written = std::fs::read_to_string(&file).expect("read");
    let doc = Document::parse(&written).expect("parses");
    validate(&doc).expect("valid");
    assert_eq!(doc.meetings.len(), 130);
    assert_eq!(doc.councils.len(), 2, "120 meetings a council");
    let o = Command::new(bin)
        .args(["--meetings", "130", "--first-council", "4"])
        .output()
        .expect("run");
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), written);
    let bad = Command::new(bin)
        .args(["--meetings", "many"])
        .output()
        .expect("run");
    assert!(
        !bad.status.success(),
        "a count that is no number is refused"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
