//! The minutes in 繁體 and in English: every sample meeting's, as `yishi minutes --minutes-lang`
//! prints them, held against golden files; each carries the same numbers as the 简体 minutes
//! (the record is one, only its words differ); and `--minutes-lang` is independent of `--lang`.

mod support;

use support::{stdout, yishi};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Every run of ASCII digits, as numbers, after dates are written one way (2026-7-18 from
/// 2026年7月18日 and from 18 July 2026) and the English headings' own ordinals are dropped
/// (1. for 一、, (1) for （一）, Task 1 for 任务一, Correction 1 for 更正一: Chinese numerals
/// there).
fn numbers(text: &str, english: bool) -> Vec<u64> {
    let mut t = text.to_string();
    if english {
        for (i, month) in MONTHS.iter().enumerate() {
            // "18 July 2026" → "2026-7-18"
            let mut out = String::new();
            let mut rest = t.as_str();
            while let Some(at) = rest.find(&format!(" {month} ")) {
                let before = &rest[..at];
                let day_start = before
                    .rfind(|c: char| !c.is_ascii_digit())
                    .map_or(0, |k| k + 1);
                let after = &rest[at + month.len() + 2..];
                let year_len = after.chars().take_while(char::is_ascii_digit).count();
                out += &before[..day_start];
                out += &format!("{}-{}-{}", &after[..year_len], i + 1, &before[day_start..]);
                rest = &after[year_len..];
            }
            out += rest;
            t = out;
        }
        let lines: Vec<String> = t
            .lines()
            .map(|l| {
                let l = l.trim_start();
                let digits = l.chars().take_while(char::is_ascii_digit).count();
                let l = if digits > 0 && l[digits..].starts_with(". ") && !l.contains(", ") {
                    // A matter's heading, 1. 标题 (an opinion's 1. carries commas).
                    &l[digits..]
                } else {
                    l
                };
                let mut l = l.to_string();
                // Task 1, Correction 1, (1) Collect, and a matter named in a correction: “1. 标题
                for (head, tail) in [("Task ", ""), ("Correction ", ""), ("(", ") "), ("“", ". ")]
                {
                    let mut from = 0;
                    while let Some(found) = l[from..].find(head) {
                        let at = from + found;
                        let after = &l[at + head.len()..];
                        let n = after.chars().take_while(char::is_ascii_digit).count();
                        if n > 0 && after[n..].starts_with(tail) {
                            l = format!("{}{}", &l[..at + head.len()], &after[n..]);
                        }
                        from = at + head.len();
                    }
                }
                l
            })
            .collect();
        t = lines.join("\n");
    } else {
        t = t.replace(['年', '月'], "-").replace('日', " ");
    }
    let mut out = Vec::new();
    let mut run = String::new();
    for c in t.chars().chain([' ']) {
        if c.is_ascii_digit() {
            run.push(c);
        } else if !run.is_empty() {
            out.push(run.parse().expect("digits"));
            run.clear();
        }
    }
    out.sort_unstable();
    out
}

#[test]
fn every_sample_meetings_minutes_in_traditional_chinese_and_english() {
    let db = support::sample_db();
    let meetings = support::sample_meetings();
    assert_eq!(meetings.len(), 5);
    // The numbers are read from paragraphs left whole (a date wrapped over two lines would
    // not read as one).
    let whole = |r: &str, code: &str| {
        let o = yishi(
            db.path(),
            &["minutes", r, "--width", "2000", "--minutes-lang", code],
        );
        stdout(&o)
    };
    for r in meetings {
        let hans = numbers(&whole(&r, "zh-Hans"), false);
        for (code, english) in [("zh-Hant", false), ("en", true)] {
            let o = yishi(
                db.path(),
                &["minutes", &r, "--width", "100", "--minutes-lang", code],
            );
            assert!(o.status.success(), "{}", support::stderr(&o));
            let text = stdout(&o);
            for line in text.lines() {
                assert!(yishi::text::width(line) <= 100, "{r} {code}: «{line}»");
            }
            assert_eq!(
                numbers(&whole(&r, code), english),
                hans,
                "{r} in {code} does not carry the 简体 minutes' numbers:\n{text}"
            );
            insta::assert_snapshot!(format!("minutes-{r}-{code}"), text);
        }
    }
}

#[test]
fn the_minutes_language_is_chosen_apart_from_the_interface() {
    let db = support::sample_db();
    // 简体 minutes from an English interface, and English minutes under --lang zh-Hant.
    let hans = stdout(&yishi(
        db.path(),
        &[
            "--lang",
            "en",
            "minutes",
            "2026-5",
            "--minutes-lang",
            "zh-Hans",
        ],
    ));
    assert!(
        hans.contains("会议纪要") && hans.contains("应到15人"),
        "{hans}"
    );
    let en = stdout(&yishi(
        db.path(),
        &[
            "--lang",
            "zh-Hant",
            "minutes",
            "2026-5",
            "--minutes-lang",
            "en",
        ],
    ));
    assert!(en.contains("Minutes of meeting no. 5 of 2026"), "{en}");
    // Without --minutes-lang, the minutes follow --lang.
    let hant = stdout(&yishi(
        db.path(),
        &["--lang", "zh-Hant", "minutes", "2026-5"],
    ));
    assert!(
        hant.contains("會議紀要") && hant.contains("應到15人"),
        "{hant}"
    );
    // What the council typed is printed as typed, whatever the language.
    assert!(hant.contains("十一月议事：老年食堂与雨水管道"), "{hant}");
}
