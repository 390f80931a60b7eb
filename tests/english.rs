//! English screens and minutes as an English reader reads them: no ideographic space, which
//! is a hole in Latin text, anywhere the program lays out a line. The oracle is the goldens
//! of the screens and the minutes, to which the snapshot tests hold the program; the sample
//! council's own words hold no ideographic space either, so every one found is the program's.

use std::path::Path;

#[test]
fn no_english_screen_or_minutes_holds_an_ideographic_space() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample =
        std::fs::read_to_string(root.join("sample-data/huangan-lane.json")).expect("sample");
    assert!(!sample.contains('\u{3000}'), "the sample's own words");
    let mut read = 0;
    let mut holes = Vec::new();
    for entry in std::fs::read_dir(root.join("tests/snapshots")).expect("goldens") {
        let path = entry.expect("entry").path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name.filter(|n| n.contains("-en-") || n.ends_with("-en.snap")) else {
            continue;
        };
        read += 1;
        let text = std::fs::read_to_string(&path).expect("golden");
        for line in text.lines().filter(|l| l.contains('\u{3000}')) {
            holes.push(format!("{name}: {line}"));
        }
    }
    assert!(read >= 40, "only {read} English goldens found");
    assert!(holes.is_empty(), "{}", holes.join("\n"));
}
