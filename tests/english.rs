//! English screens, minutes and commands as an English reader reads them: no ideographic space,
//! which is a hole in Latin text, anywhere the program lays out a line; no full-width colon
//! after Latin words; a count's noun agreeing with it ("1 task", "2 tasks"). The oracle is the
//! goldens of the screens and the minutes, to which the snapshot tests hold the program, and
//! what the commands print over the sample; the sample council's own words hold no
//! ideographic space, and their full-width colons follow Chinese, so every fault is the
//! program's.

mod support;

use std::path::Path;

/// Every English golden of the screens and the minutes, by name.
fn english_goldens() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root.join("tests/snapshots")).expect("goldens") {
        let path = entry.expect("entry").path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Some(name) = name.filter(|n| n.contains("-en-") || n.ends_with("-en.snap")) {
            let text = std::fs::read_to_string(&path).expect("golden");
            out.push((name, text));
        }
    }
    assert!(out.len() >= 40, "only {} English goldens found", out.len());
    out
}

#[test]
fn no_english_screen_or_minutes_holds_an_ideographic_space() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample =
        std::fs::read_to_string(root.join("sample-data/huangan-lane.json")).expect("sample");
    assert!(!sample.contains('\u{3000}'), "the sample's own words");
    let mut holes = Vec::new();
    for (name, text) in english_goldens() {
        for line in text.lines().filter(|l| l.contains('\u{3000}')) {
            holes.push(format!("{name}: {line}"));
        }
    }
    assert!(holes.is_empty(), "{}", holes.join("\n"));
}

/// A full-width colon after Latin text, or a count whose noun disagrees with it: "Subject：",
/// "1 tasks", "2 task". A full-width colon after Chinese is the record's own words (a meeting's
/// subject, a statute's title) and stays as written.
fn english_faults(line: &str) -> Vec<String> {
    const NOUNS: [&str; 16] = [
        "task",
        "time",
        "opinion",
        "seat",
        "candidate",
        "ballot",
        "matter",
        "meeting",
        "vote",
        "member",
        "motion",
        "proxy",
        "record",
        "hit",
        "line",
        "council",
    ];
    let mut out = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        if *c == '：' && before.is_some_and(|b| b.is_ascii() || b == '\u{3000}') {
            out.push(format!("full-width colon after Latin text: {line}"));
        }
    }
    // A count is a number standing alone (not part of a date, a time, "no. 3" or "2."), one
    // space, and a word.
    for (i, c) in chars.iter().enumerate() {
        let starts = c.is_ascii_digit()
            && i.checked_sub(1)
                .is_none_or(|j| !(chars[j].is_ascii_alphanumeric() || "-:./#".contains(chars[j])));
        if !starts {
            continue;
        }
        let digits: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let rest = &chars[i + digits.len()..];
        if rest.first() != Some(&' ') {
            continue;
        }
        let noun: String = rest[1..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase())
            .collect();
        let Ok(n) = digits.parse::<u64>() else {
            continue;
        };
        // A year names, it does not count: "2026 meeting no. 3".
        if (1900..2200).contains(&n) {
            continue;
        }
        for one in NOUNS {
            let many = if one == "proxy" {
                "proxies".to_string()
            } else {
                format!("{one}s")
            };
            if (n == 1 && noun == many) || (n != 1 && noun == one) {
                out.push(format!("“{n} {noun}”: {line}"));
            }
        }
    }
    out
}

#[test]
fn english_faults_are_told_from_the_records_own_words() {
    assert!(english_faults("Subject：九月议事：表决").len() == 1);
    assert!(english_faults("Subject: 九月议事：表决").is_empty());
    assert!(english_faults("rectified 1 tasks, 2 task").len() == 2);
    assert!(english_faults("1 task, 2 tasks, 3 proxies, 1 proxy, 2026 meeting no. 3").is_empty());
    assert!(english_faults("2. council hall, 2026-06-05 meeting, phone 0  council").is_empty());
}

#[test]
fn english_screens_minutes_and_commands_hold_no_chinese_colon_and_count_right() {
    let mut faults = Vec::new();
    for (name, text) in english_goldens() {
        faults.extend(
            text.lines()
                .flat_map(english_faults)
                .map(|f| format!("{name}: {f}")),
        );
    }
    // What the commands print in English over the sample council.
    let db = support::sample_db();
    let commands: [&[&str]; 7] = [
        &["list"],
        &["ledger"],
        &["minutes", "2026-3"],
        &["minutes", "2026-2"],
        &["show", "2026-3"],
        &["rules"],
        &["verify"],
    ];
    for args in commands {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let out = support::yishi(db.path(), &all);
        assert!(out.status.success(), "{args:?}: {}", support::stderr(&out));
        let text = support::stdout(&out);
        assert!(!text.trim().is_empty(), "{args:?} printed nothing");
        faults.extend(
            text.lines()
                .flat_map(english_faults)
                .map(|f| format!("yishi {}: {f}", args.join(" "))),
        );
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}
