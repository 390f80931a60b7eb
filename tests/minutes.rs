//! The minutes of every sample meeting, as `yishi minutes` prints them, held against golden
//! files (text at 40, 72 and 100 columns, and Markdown); the Markdown's structure checked by a
//! real Markdown parser; and the ledger CSV checked against counts made from the export.

mod support;

use support::{stdout, yishi};

/// The bundled sample as JSON: the oracle the minutes are read against.
fn sample() -> serde_json::Value {
    let text = std::fs::read_to_string(support::sample_path()).expect("sample");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn minutes_of_every_sample_meeting_match_their_golden_files() {
    let db = support::sample_db();
    let meetings = support::sample_meetings();
    assert_eq!(meetings.len(), 5);
    for r in meetings {
        for width in ["40", "72", "100"] {
            let o = yishi(db.path(), &["minutes", &r, "--width", width]);
            assert!(o.status.success(), "{}", support::stderr(&o));
            let text = stdout(&o);
            let w: usize = width.parse().expect("width");
            for line in text.lines() {
                assert!(yishi::text::width(line) <= w, "{r} at {w}: «{line}»");
            }
            insta::assert_snapshot!(format!("minutes-{r}-w{width}"), text);
        }
        let o = yishi(db.path(), &["minutes", &r, "--format", "markdown"]);
        assert!(o.status.success());
        insta::assert_snapshot!(format!("minutes-{r}-md"), stdout(&o));
    }
}

#[test]
fn markdown_has_one_heading_per_matter_and_each_of_the_five_steps_once_under_it() {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let db = support::sample_db();
    let doc = sample();
    let titles: std::collections::BTreeMap<i64, String> = doc["matters"]
        .as_array()
        .expect("matters")
        .iter()
        .map(|x| {
            (
                x["id"].as_i64().expect("id"),
                x["title"].as_str().expect("t").to_string(),
            )
        })
        .collect();
    for m in doc["meetings"].as_array().expect("meetings") {
        let r = format!("{}-{}", m["year"], m["number"]);
        let md = stdout(&yishi(db.path(), &["minutes", &r, "--format", "markdown"]));
        let mut headings: Vec<(HeadingLevel, String)> = Vec::new();
        let mut open: Option<(HeadingLevel, String)> = None;
        // Paragraphs are kept as H6 (the minutes have no such heading): the line naming the
        // steps a meeting did not take up is one.
        for event in Parser::new(&md) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => open = Some((level, String::new())),
                Event::Start(Tag::Paragraph) => open = Some((HeadingLevel::H6, String::new())),
                Event::Text(t) => {
                    if let Some((_, s)) = &mut open {
                        s.push_str(&t);
                    }
                }
                Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => headings.extend(open.take()),
                _ => {}
            }
        }
        let matters: Vec<&String> = headings
            .iter()
            .filter(|(l, _)| *l == HeadingLevel::H3)
            .map(|(_, s)| s)
            .collect();
        let agenda = m["agenda"].as_array().expect("agenda");
        assert_eq!(matters.len(), agenda.len(), "{r}: one heading per matter");
        for (i, (h, id)) in matters.iter().zip(agenda).enumerate() {
            let title = &titles[&id.as_i64().expect("id")];
            let numeral = yishi::text::chinese_number(i as u32 + 1);
            assert_eq!(**h, format!("{numeral}、{title}"), "{r}");
        }
        // Under each matter heading, the steps the meeting took up, in order, each with its
        // heading; one line first names the others; together, the five, each once.
        let steps = [
            "（一）意见收集",
            "（二）公开听证",
            "（三）民主决策",
            "（四）执行督办",
            "（五）群众评议",
        ];
        let mut current: Option<Vec<String>> = None;
        let mut all = Vec::new();
        for (level, text) in &headings {
            match level {
                HeadingLevel::H3 => all.extend(current.replace(Vec::new())),
                HeadingLevel::H4 => current
                    .as_mut()
                    .expect("a step under a matter")
                    .push(text.clone()),
                HeadingLevel::H6 => {
                    if let (Some(under), Some(rest)) =
                        (current.as_mut(), text.strip_prefix("本次会议未涉及"))
                    {
                        assert!(under.is_empty(), "{r}: said before the steps: {under:?}");
                        let names = rest.trim_end_matches('。').split('、');
                        under.extend(names.map(|n| format!("not {n}")));
                    }
                }
                _ => all.extend(current.take()),
            }
        }
        all.extend(current);
        assert_eq!(all.len(), agenda.len(), "{r}");
        for under in all {
            let taken: Vec<&String> = under.iter().filter(|s| !s.starts_with("not ")).collect();
            let order: Vec<&str> = steps
                .iter()
                .copied()
                .filter(|s| taken.iter().any(|t| t == s))
                .collect();
            assert_eq!(taken, order, "{r}: the steps taken up, in order");
            for s in steps {
                let name = &s["（一）".len()..];
                let said = under
                    .iter()
                    .filter(|u| *u == s || **u == format!("not {name}"))
                    .count();
                assert_eq!(said, 1, "{r}: {s} in {under:?}");
            }
        }
    }
}

#[test]
fn ledger_csv_has_a_bom_parses_and_its_figures_are_those_of_the_export() {
    let db = support::sample_db();
    let o = yishi(
        db.path(),
        &["ledger", "--format", "csv", "--as-of", "2026-11-22"],
    );
    assert!(o.status.success(), "{}", support::stderr(&o));
    assert!(
        o.stdout.starts_with(&[0xEF, 0xBB, 0xBF]),
        "UTF-8 byte-order mark"
    );
    let body = &o.stdout[3..];
    let mut reader = csv::Reader::from_reader(body);
    let headers = reader.headers().expect("header").clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();

    let export: serde_json::Value =
        serde_json::from_slice(&yishi(db.path(), &["export"]).stdout).expect("export");
    let matters = export["matters"].as_array().expect("matters");
    let motions = export["motions"].as_array().expect("motions");
    assert_eq!(rows.len(), matters.len(), "one row per matter");
    let today = "2026-11-22";
    for (row, x) in rows.iter().zip(matters) {
        assert_eq!(row[col("编号")], x["id"].to_string());
        assert_eq!(row[col("事项")], *x["title"].as_str().expect("title"));
        let len = |k: &str| x[k].as_array().map_or(0, |a| a.len());
        assert_eq!(row[col("意见数")], len("opinions").to_string());
        let heard = x["speeches"]
            .as_array()
            .expect("s")
            .iter()
            .filter(|s| s["done"] == true)
            .count();
        assert_eq!(row[col("发言数")], heard.to_string());
        assert_eq!(row[col("表决次数")], len("motions").to_string());
        let tasks = x["tasks"].as_array().expect("tasks");
        let percent = |t: &serde_json::Value| {
            t["progress"]
                .as_array()
                .and_then(|p| p.last())
                .map_or(0, |p| p["percent"].as_u64().expect("%"))
        };
        assert_eq!(row[col("任务数")], tasks.len().to_string());
        let done = tasks.iter().filter(|t| percent(t) >= 100).count();
        assert_eq!(row[col("已完成任务")], done.to_string());
        let overdue = tasks
            .iter()
            .filter(|t| percent(t) < 100 && t["due"].as_str().expect("due") < today)
            .count();
        assert_eq!(row[col("逾期任务")], overdue.to_string());
        // The latest motion's counts, from its ballots as exported.
        if let Some(last) = x["motions"].as_array().and_then(|m| m.last()) {
            let v = motions.iter().find(|v| v["id"] == *last).expect("motion");
            let b = &v["ballots"];
            let (yes, no, abstain) = if let Some(named) = b["named"].as_object() {
                let n = |c: &str| named.values().filter(|v| *v == c).count() as u64;
                (n("yes"), n("no"), n("abstain"))
            } else {
                let inner = if b["counts"].is_object() {
                    &b["counts"]
                } else {
                    &b["secret"]
                };
                let n = |c: &str| inner[c].as_u64().expect("count");
                (n("yes"), n("no"), n("abstain"))
            };
            assert_eq!(row[col("赞成")], yes.to_string());
            assert_eq!(row[col("反对")], no.to_string());
            assert_eq!(row[col("弃权")], abstain.to_string());
            let result = match v["passed"].as_bool() {
                Some(true) => "通过",
                Some(false) => "未通过",
                None => "未表决",
            };
            assert_eq!(row[col("最近表决")], *result);
        }
        // The latest review's rate: (满意 + 基本满意) / all, to a tenth of a percent, rounded down.
        let rate = x["reviews"].as_array().and_then(|r| r.last()).map(|r| {
            let n = |k: &str| r[k].as_u64().expect("count");
            let all = n("satisfied") + n("basically_satisfied") + n("dissatisfied");
            let permille = (n("satisfied") + n("basically_satisfied")) * 1000 / all;
            format!("{}.{}%", permille / 10, permille % 10)
        });
        assert_eq!(row[col("满意率")], rate.unwrap_or_default());
        let rectified = x["reviews"]
            .as_array()
            .map_or(0, |r| r.iter().filter(|r| r["passed"] == false).count());
        assert_eq!(row[col("整改次数")], rectified.to_string());
    }
    // Some figure of each kind is not zero, so the comparisons above compared something.
    for name in [
        "意见数",
        "发言数",
        "任务数",
        "已完成任务",
        "逾期任务",
        "赞成",
        "满意率",
        "整改次数",
    ] {
        assert!(
            rows.iter()
                .any(|r| !r[col(name)].is_empty() && &r[col(name)] != "0"),
            "{name}"
        );
    }
}

#[test]
fn ledger_text_and_file_output_and_a_date_that_does_not_exist() {
    let db = support::sample_db();
    let out = db.path().join("台账.csv");
    let o = yishi(db.path(), &["ledger", "-o", out.to_str().expect("path")]);
    assert!(o.status.success());
    let file = std::fs::read(&out).expect("file");
    assert!(file.starts_with("\u{feff}编号,事项".as_bytes()));
    let o = yishi(
        db.path(),
        &["ledger", "--format", "text", "--as-of", "2026-11-22"],
    );
    let text = stdout(&o);
    assert!(text.contains("后街餐馆油烟扰民　［执行督办］"), "{text}");
    assert!(text.contains("逾期1"), "{text}");
    let bad = yishi(
        db.path(),
        &["--lang", "zh-Hans", "ledger", "--as-of", "2026-02-30"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(support::stderr(&bad).contains("不是一个存在的日期"));
}

/// Markdown minutes are never hard-wrapped, whatever `--width` says (a line feed inside a
/// Chinese paragraph renders as a space): each paragraph is one line, and the parsed document
/// holds every paragraph whole, as text, with no list, quote or code made of it.
#[test]
fn markdown_minutes_keep_each_paragraph_whole_at_any_width() {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let db = support::sample_db();
    let text = stdout(&yishi(db.path(), &["minutes", "2026-1", "--width", "400"]));
    for width in ["20", "72"] {
        let md = stdout(&yishi(
            db.path(),
            &[
                "minutes", "2026-1", "--format", "markdown", "--width", width,
            ],
        ));
        let mut paragraphs: Vec<String> = Vec::new();
        let mut open: Option<String> = None;
        for event in Parser::new(&md) {
            match event {
                Event::Start(Tag::Paragraph) => open = Some(String::new()),
                Event::Text(t) => {
                    if let Some(p) = &mut open {
                        p.push_str(&t);
                    }
                }
                Event::SoftBreak => panic!("a paragraph broken inside at --width {width}"),
                Event::End(TagEnd::Paragraph) => paragraphs.extend(open.take()),
                Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {
                    panic!("markup made of the minutes' text: {event:?}")
                }
                _ => {}
            }
        }
        // Every long paragraph of the text minutes (one line at 400 columns) is whole in one
        // paragraph of the Markdown.
        for line in text.lines().filter(|l| l.trim().chars().count() > 40) {
            // In text a step's first paragraph follows its label on the line; in Markdown the
            // label is a heading of its own.
            let line = line.trim();
            let line = match line.strip_prefix('（') {
                Some(rest) if rest.contains("）") => {
                    rest.split_once('：').map_or(line, |(_, body)| body)
                }
                _ => line,
            };
            assert!(
                paragraphs.iter().any(|p| p.contains(line)),
                "not whole at --width {width}: {line}"
            );
        }
    }
}

/// After the body, the minutes list who attended (GB/T 9704 §10.3): 出席 those present at the
/// opening or arriving later (a departure or an arrival means the member was there), 请假 and
/// 列席 as the roll left them. The oracle is the sample document's own roll, not the minutes'
/// code; at 40 columns no name is split across lines.
#[test]
fn the_minutes_list_who_attended_after_the_body_with_no_name_split() {
    let doc = sample();
    let members: Vec<(String, String)> = doc["councils"][0]["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| {
            (
                m["id"].to_string(),
                m["name"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let db = support::sample_db();
    for m in doc["meetings"].as_array().expect("meetings") {
        let name = format!("{}-{}", m["year"], m["number"]);
        let moved: Vec<String> = m["movements"]
            .as_array()
            .map(|a| a.iter().map(|mv| mv["member"].to_string()).collect())
            .unwrap_or_default();
        let roll = |wanted: &str| -> Vec<String> {
            members
                .iter()
                .filter(|(id, _)| {
                    let state = m["attendance"][id.as_str()].as_str().unwrap_or("");
                    match wanted {
                        "present" => state == "present" || moved.contains(id),
                        other => state == other && !moved.contains(id),
                    }
                })
                .map(|(_, n)| n.clone())
                .collect()
        };
        let text = stdout(&yishi(db.path(), &["minutes", &name, "--width", "400"]));
        for (label, wanted) in [
            ("出席：", "present"),
            ("请假：", "excused"),
            ("列席：", "observing"),
        ] {
            let expected = roll(wanted);
            let line = text.lines().find(|l| l.starts_with(label));
            match line {
                None => assert!(
                    expected.is_empty(),
                    "{name}: no {label} line, expected {expected:?}"
                ),
                Some(l) => assert_eq!(
                    l.trim_start_matches(label),
                    expected.join("、"),
                    "{name}: {label}"
                ),
            }
        }
        let narrow = stdout(&yishi(db.path(), &["minutes", &name, "--width", "40"]));
        let at = narrow
            .find("\n出席：")
            .unwrap_or_else(|| panic!("{name}: 出席"));
        let list: Vec<&str> = narrow[at + 1..]
            .lines()
            .take_while(|l| !l.is_empty())
            .collect();
        // A line of a list ends after a name's 、 unless the next starts a list of its own.
        for pair in list.windows(2) {
            let next_is_label = ["出席：", "请假：", "列席："]
                .iter()
                .any(|l| pair[1].starts_with(l));
            assert!(
                pair[0].ends_with('、') || next_is_label,
                "{name}: a name split at the end of {:?}",
                pair[0]
            );
        }
    }
}

/// Minutes sealed with keys are read in the layout they were signed in, whichever it was: the
/// digest the signers signed is of the minutes as they then read (before the signature, with
/// the corrections made by then). Minutes signed before the layout named only the steps a
/// meeting took up still print every step; those signed since, only the steps taken up.
#[test]
fn sealed_minutes_read_in_the_layout_their_signers_signed() {
    use yishi::domain::{Correction, Sealed, Signature};
    use yishi::minutes::{Layout, MeetingRecord};
    let db = support::sample_db();
    let store = yishi::store::Store::open(db.path()).expect("open");
    let doc = sample();
    let id = doc["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .find(|m| m["year"] == 2026 && m["number"] == 3)
        .and_then(|m| m["id"].as_u64())
        .expect("2026-3");
    let unsigned = MeetingRecord::load(&store, yishi::domain::MeetingId(id)).expect("minutes");
    assert_eq!(unsigned.layout, Layout::TouchedSteps);
    let signed_at = unsigned.meeting.end.expect("ended") + chrono::Duration::hours(1);
    let sealed_in = |layout: Layout| {
        let mut r = MeetingRecord {
            layout,
            ..unsigned.clone()
        };
        r.meeting.signature = None;
        let minutes = r.digest();
        r.meeting.signature = Some(Signature {
            at: signed_at,
            chair: r.meeting.chair,
            recorder: r.meeting.recorder,
            sealed: Some(Sealed {
                record: "0".repeat(64),
                minutes,
                seals: Vec::new(),
            }),
        });
        // A correction made after the signature is no part of what was signed.
        r.meeting.corrections.push(Correction {
            at: signed_at + chrono::Duration::days(1),
            by: r.meeting.recorder,
            matter: None,
            step: None,
            text: "地点应为社区议事厅".into(),
            reason: "笔误".into(),
        });
        r.layout = Layout::default();
        r
    };
    let old = sealed_in(Layout::EveryStep);
    assert_eq!(old.input().as_signed().layout, Layout::EveryStep);
    let text = MeetingRecord {
        layout: old.input().as_signed().layout,
        ..old.clone()
    }
    .text(yishi::text::Lang::ZhHans, 72);
    assert!(text.contains("（一）意见收集：本次会议未涉及。"), "{text}");
    let new = sealed_in(Layout::TouchedSteps);
    assert_eq!(new.input().as_signed().layout, Layout::TouchedSteps);
    // A digest that is neither: the minutes read in the current layout.
    let mut forged = sealed_in(Layout::EveryStep);
    if let Some(s) = forged
        .meeting
        .signature
        .as_mut()
        .and_then(|s| s.sealed.as_mut())
    {
        s.minutes = "f".repeat(64);
    }
    assert_eq!(forged.input().as_signed().layout, Layout::TouchedSteps);
}

/// No member's name is parted across two lines of the minutes, at any width they are printed.
#[test]
fn no_name_is_parted_across_two_lines() {
    let db = support::sample_db();
    let doc = sample();
    let mut names: Vec<String> = Vec::new();
    for c in doc["councils"].as_array().expect("councils") {
        for m in c["members"].as_array().expect("members") {
            names.extend(m["name"].as_str().map(String::from));
        }
    }
    let mut parted = Vec::new();
    let mut lines_seen = 0;
    for m in doc["meetings"].as_array().expect("meetings") {
        let r = format!("{}-{}", m["year"], m["number"]);
        for width in ["24", "30", "40", "52", "72"] {
            let text = stdout(&yishi(db.path(), &["minutes", &r, "--width", width]));
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            lines_seen += lines.len();
            for pair in lines.windows(2) {
                for name in &names {
                    let chars: Vec<char> = name.chars().collect();
                    for k in 1..chars.len() {
                        let head: String = chars[..k].iter().collect();
                        let tail: String = chars[k..].iter().collect();
                        if pair[0].ends_with(&head) && pair[1].starts_with(&tail) {
                            parted.push(format!("{r} at {width}: {} / {}", pair[0], pair[1]));
                        }
                    }
                }
            }
        }
    }
    assert!(lines_seen > 1000, "{lines_seen} lines read");
    assert!(parted.is_empty(), "{}", parted.join("\n"));
}
