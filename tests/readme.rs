//! README.md shows the console as it is: its screen captures are the snapshot tests' own
//! screens and its key list is made from the key table. `YISHI_WRITE_README=1` refreshes both.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A snapshot's screen, without insta's header. `name` is the snapshot of tests/screens.rs,
/// or `file__name` for another test file's.
fn capture(name: &str) -> String {
    let stem = if name.contains("__") {
        name.to_string()
    } else {
        format!("screens__{name}")
    };
    let path = root().join(format!("tests/snapshots/{stem}.snap"));
    let snap = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let body = snap.splitn(3, "---\n").nth(2).unwrap_or_default();
    body.trim_end().to_string()
}

/// README with every marked block filled from its source.
fn made(readme: &str) -> String {
    let mut out = String::new();
    let mut rest = readme;
    while let Some(start) = rest.find("<!-- capture:") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let name_end = from.find(" -->").expect("capture marker ends");
        let name = &from["<!-- capture:".len()..name_end];
        let end = from.find("<!-- /capture -->").expect("capture block ends");
        out.push_str(&format!(
            "<!-- capture:{name} -->\n```text\n{}\n```\n",
            capture(name)
        ));
        rest = &from[end..];
    }
    out.push_str(rest);
    let (Some(start), Some(end)) = (out.find("<!-- keys -->"), out.find("<!-- /keys -->")) else {
        panic!("README.md has no <!-- keys --> block");
    };
    format!(
        "{}<!-- keys -->\n{}{}",
        &out[..start],
        yishi::tui::keys::markdown(),
        &out[end..]
    )
}

#[test]
fn readme_captures_and_key_list_match_the_console() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let want = made(&readme);
    if std::env::var_os("YISHI_WRITE_README").is_some() {
        std::fs::write(&path, &want).expect("write README.md");
        return;
    }
    assert!(
        readme == want,
        "README.md is out of date with the snapshots or the key table; run YISHI_WRITE_README=1 cargo test --test readme"
    );
    assert!(readme.contains("| `?` `F1` | 显示或关闭按键帮助 | show or hide this key help |"));
}
