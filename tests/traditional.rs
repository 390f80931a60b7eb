//! Every 繁體 phrase the program says is what OpenCC makes of its 简体 (s2t, or s2twp for the
//! words Taiwan uses), save a short list of deliberate choices. The phrases are read from the
//! source itself, wherever three renderings stand together: a catalog entry (`Words`), a
//! `say!` in the minutes, a `pick` of three.

use ferrous_opencc::{OpenCC, config::BuiltinConfig};
use std::path::Path;

/// Where yishi writes otherwise than OpenCC would: ours, then OpenCC's.
const CHOSEN: &[(&str, &str)] = &[
    // Each script's name written in its own script.
    ("简体", "簡體"),
    // OpenCC's own slips, where its longest match cuts across words: 记名|表决, 结束|发言.
    ("記名表決", "記名錶決"),
    ("結束發言", "結束髮言"),
    // s2twp makes every 社区 a 社群 (a community of interest); a 社區 is the place.
    ("社區", "社群"),
    // Taiwan's ministry of education writes 宣布 and 台; both are correct.
    ("宣布", "宣佈"),
    ("台賬", "臺賬"),
    // Words Taiwan uses, beyond s2twp's list: a terminal, help, read-only, square metres.
    ("終端機", "終端"),
    ("說明", "幫助"),
    ("唯讀", "只讀"),
    ("平方公尺", "平方米"),
    // A screen is a 螢幕 and a view a 畫面; saved data is 儲存; plain text is 純文字, wrapped at
    // a width of 欄 (in Taiwan 列 is a row); a motion not yet put is 未付諸表決.
    ("大螢幕", "大屏"),
    ("投影畫面", "投影視圖"),
    ("儲存", "保存"),
    ("純文字", "純文本"),
    ("顯示欄寬", "顯示列"),
    ("付諸表決", "付表決"),
    // Taiwan's words on a screen: a record is 開啟 and 檢視 (s2twp makes them only in some
    // phrases).
    ("開啟", "打開"),
    ("檢視", "查看"),
    ("尚無結論", "尚未結論"),
];

/// `text` with each deliberate choice taken back to what OpenCC says: ours and OpenCC's agree
/// when their texts so taken back do (OpenCC makes some of the same choices in some phrases).
fn undo(text: &str) -> String {
    CHOSEN.iter().fold(text.to_string(), |t, (ours, theirs)| {
        t.replace(ours, theirs)
    })
}

/// The string literals in `text` from `at` on: the next three, with their escapes read.
fn next_literals(text: &str, at: usize, n: usize) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = text[at..].char_indices().peekable();
    while out.len() < n {
        // Up to the next quote, through commas, spaces and `format!(` only.
        let mut started = false;
        for (_, c) in chars.by_ref() {
            if c == '"' {
                started = true;
                break;
            }
            if !(c.is_whitespace() || ",(!".contains(c) || c.is_ascii_alphabetic() || c == '_') {
                return None;
            }
        }
        if !started {
            return None;
        }
        let mut s = String::new();
        let mut escaped = false;
        for (_, c) in chars.by_ref() {
            if escaped {
                s.push(match c {
                    'n' => '\n',
                    other => other,
                });
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                break;
            } else {
                s.push(c);
            }
        }
        out.push(s);
    }
    Some(out)
}

/// Every (简体, 繁體) pair in the source files under `dir`.
fn pairs(dir: &Path, out: &mut Vec<(String, String, String)>) {
    for entry in std::fs::read_dir(dir).expect("source dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            pairs(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source");
        for marker in ["Words = [", "say!(", ".pick(", "pick_owned(", "hint(["] {
            let mut from = 0;
            while let Some(found) = text[from..].find(marker) {
                let at = from + found + marker.len();
                // say!(l, …: past the language.
                let start = if marker == "say!(" {
                    text[at..].find(',').map_or(at, |k| at + k + 1)
                } else {
                    at
                };
                if let Some(three) = next_literals(&text, start, 3) {
                    let place = format!("{}:{}", path.display(), text[..at].lines().count());
                    out.push((three[0].clone(), three[1].clone(), place));
                }
                from = at;
            }
        }
    }
}

fn has_han(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn traditional_phrases_are_what_opencc_makes_of_the_simplified() {
    let s2t = OpenCC::from_config(BuiltinConfig::S2t).expect("s2t");
    let s2twp = OpenCC::from_config(BuiltinConfig::S2twp).expect("s2twp");
    let mut all = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    pairs(&root.join("src"), &mut all);
    pairs(&root.join("crates"), &mut all);
    let checked: Vec<_> = all.iter().filter(|(hans, _, _)| has_han(hans)).collect();
    assert!(checked.len() > 300, "only {} phrases found", checked.len());
    let mut wrong = Vec::new();
    for (hans, hant, place) in checked {
        let (a, b) = (s2t.convert(hans), s2twp.convert(hans));
        if *hant == a || *hant == b {
            continue;
        }
        // Each deliberate choice, taken back to what OpenCC says (in OpenCC's text too, where
        // it made the same choice), must then agree.
        let undone = undo(hant);
        if undone == undo(&b) || undone == undo(&a) {
            continue;
        }
        wrong.push(format!(
            "{place}\n  简体 {hans}\n  ours {hant}\n  s2t  {a}\n  s2twp {b}"
        ));
    }
    assert!(
        wrong.is_empty(),
        "{} phrases:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// `yishi --lang LANG PATH… --help`.
fn help(lang: &str, path: &[&str]) -> String {
    let mut args = vec!["--lang", lang];
    args.extend(path);
    args.push("--help");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(&args)
        .env_remove("YISHI_LANG")
        .output()
        .expect("run yishi");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_traditional_help_is_what_opencc_makes_of_the_simplified() {
    let s2t = OpenCC::from_config(BuiltinConfig::S2t).expect("s2t");
    let s2twp = OpenCC::from_config(BuiltinConfig::S2twp).expect("s2twp");
    let paths: &[&[&str]] = &[
        &[],
        &["demo"],
        &["wall"],
        &["import"],
        &["council"],
        &["council", "template"],
        &["council", "import"],
        &["rules"],
        &["rules", "show"],
        &["export"],
        &["list"],
        &["show"],
        &["minutes"],
        &["ledger"],
        &["verify"],
        &["repair"],
        &["publish"],
        &["district"],
        &["district", "ledger"],
        &["district", "verify"],
        &["district", "overdue"],
        &["district", "rates"],
        &["district", "search"],
        &["completions"],
        &["man"],
        &["key"],
        &["key", "new"],
        &["key", "list"],
        &["sign"],
    ];
    let mut wrong = Vec::new();
    for path in paths {
        let (hans, hant) = (help("zh-Hans", path), help("zh-Hant", path));
        assert!(hans.contains("用法："), "{path:?}: {hans}");
        for (h, t) in hans.lines().zip(hant.lines()) {
            let undone = undo(t);
            if undone != undo(&s2t.convert(h)) && undone != undo(&s2twp.convert(h)) {
                wrong.push(format!(
                    "{path:?}\n  简体 {h}\n  ours {t}\n  s2twp {}",
                    s2twp.convert(h)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} lines:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
