//! The record through the real binary: export round trips, minutes that add up, bad imports.

mod support;

use serde_json::Value;
use support::refused::{export, import_fails, sample_value};
use support::{sample_path, stderr, stdout, yishi};

#[test]
fn export_import_export_is_identical() {
    let first = support::sample_db();
    let a = export(first.path());
    let file = first.path().join("a.json");
    std::fs::write(&file, &a).expect("write");
    let second = tempfile::tempdir().expect("tempdir");
    let o = yishi(second.path(), &["import", file.to_str().expect("path")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let b = export(second.path());
    assert_eq!(a, b);
    // The export is the sample itself: nothing is lost or reordered on the way in.
    assert_eq!(a, std::fs::read_to_string(sample_path()).expect("sample"));
}

/// Counts computed from the export's JSON alone, without the program's own tally code.
fn counts(motion: &Value) -> (u64, u64, u64) {
    let b = &motion["ballots"];
    if let Some(named) = b.get("named").and_then(Value::as_object) {
        let n = |c: &str| named.values().filter(|v| v.as_str() == Some(c)).count() as u64;
        return (n("yes"), n("no"), n("abstain"));
    }
    let inner = b
        .get("counts")
        .or_else(|| b.get("secret"))
        .expect("ballots");
    let n = |k: &str| inner[k].as_u64().expect("count");
    (n("yes"), n("no"), n("abstain"))
}

#[test]
fn minutes_agree_with_the_ballots_and_the_attendance() {
    let db = support::sample_db();
    let doc: Value = serde_json::from_str(&export(db.path())).expect("json");
    let council = &doc["councils"][0];
    // The sample's rule: quorum ≥ 2/3 of voting members, passing > 1/2 of those present.
    assert_eq!(council["rule"]["key"], "representatives-meeting");
    let voting: Vec<u64> = council["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter(|m| m["voting"] == true)
        .map(|m| m["id"].as_u64().expect("id"))
        .collect();
    for meeting in doc["meetings"].as_array().expect("meetings") {
        let id = meeting["id"].as_u64().expect("id").to_string();
        let text = stdout(&yishi(db.path(), &["minutes", &id]));
        let md = stdout(&yishi(db.path(), &["minutes", &id, "--format", "markdown"]));
        let wide = stdout(&yishi(db.path(), &["minutes", &id, "--width", "400"]));
        let present = voting
            .iter()
            .filter(|m| meeting["attendance"][m.to_string()] == "present")
            .count() as u64;
        let entitled = voting.len() as u64;
        let quorate = 3 * present >= 2 * entitled;
        let attendance = format!("应到{entitled}人，实到{present}人");
        for out in [&wide, &md] {
            assert!(out.contains(&attendance), "meeting {id}: {attendance}");
            assert_eq!(
                out.contains("会议有效"),
                quorate,
                "meeting {id} quorum statement"
            );
            assert_eq!(
                out.contains("不足法定人数，本次会议不能进行表决"),
                !quorate,
                "meeting {id}"
            );
        }
        assert!(
            text.lines().all(|l| yishi::text::width(l) <= 72),
            "meeting {id}: a line wider than 72"
        );
        for motion in doc["motions"]
            .as_array()
            .expect("motions")
            .iter()
            .filter(|v| v["meeting"] == meeting["id"])
        {
            if motion["state"] != "closed" {
                continue;
            }
            let (yes, no, abstain) = counts(motion);
            let vote_present = motion["present"].as_u64().expect("present");
            let passed = 2 * yes > vote_present;
            assert_eq!(
                motion["passed"].as_bool(),
                Some(passed),
                "recorded result of motion {}",
                motion["id"]
            );
            let tally = format!("赞成{yes}票，反对{no}票，弃权{abstain}票");
            let verdict = if passed {
                "超过实到人数半数，通过。"
            } else {
                "未超过实到人数半数，未通过。"
            };
            for out in [&wide, &md] {
                let at = out
                    .find(&tally)
                    .unwrap_or_else(|| panic!("meeting {id}: {tally} missing"));
                let after = &out[at..];
                let end = after.find('\n').unwrap_or(after.len());
                assert!(
                    after[..end].contains(verdict),
                    "meeting {id}: {tally} then {verdict}: {}",
                    &after[..end]
                );
            }
        }
    }
}

#[test]
fn bad_imports_name_the_place_and_change_nothing() {
    let sample = std::fs::read_to_string(sample_path()).expect("sample");
    let half = (sample.len() / 2..)
        .find(|&i| sample.is_char_boundary(i))
        .expect("boundary");
    import_fails(&sample[..half], "at ");

    let mut v = sample_value();
    v["meetings"][0]["number"] = Value::String("three".into());
    import_fails(&v.to_string(), "meetings[0].number");

    let mut v = sample_value();
    v["meetings"][1]["chair"] = Value::from(999);
    import_fails(&v.to_string(), "meetings[1].chair");

    let mut v = sample_value();
    v["motions"][1]["ballots"]["counts"]["yes"] = Value::from(40);
    import_fails(&v.to_string(), "motions[1].ballots");

    let mut v = sample_value();
    v["matters"][0]["opinions"][0]["date"] = Value::String("2026-02-30".into());
    import_fails(
        &v.to_string(),
        "matters[0].opinions[0].date: not a real date or time (2026-02-30)",
    );

    let mut v = sample_value();
    v["councils"][0]["members"][3]["name"] = Value::String("林\u{1b}]0;pwned\u{7}佳".into());
    import_fails(&v.to_string(), "councils[0].members[3].name");

    let mut v = sample_value();
    v["councils"][0]["members"][4]["name"] = Value::String("赵\u{9b}2J国栋".into());
    import_fails(&v.to_string(), "councils[0].members[4].name");

    // Written raw, not escaped: a reordering override and DEL.
    let mut v = sample_value();
    v["councils"][0]["members"][5]["name"] = Value::String("周\u{202e}文".into());
    import_fails(&v.to_string(), "councils[0].members[5].name");
    let mut v = sample_value();
    v["matters"][1]["title"] = Value::String("楼道\u{7f}照明".into());
    import_fails(&v.to_string(), "matters[1].title");

    let mut v = sample_value();
    v["schema"] = Value::from(99);
    import_fails(&v.to_string(), "schema");
}

#[test]
fn import_into_a_database_with_records_is_refused() {
    let db = support::sample_db();
    let before = export(db.path());
    let o = yishi(
        db.path(),
        &[
            "--lang",
            "en",
            "import",
            sample_path().to_str().expect("path"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("empty database"), "{}", stderr(&o));
    assert_eq!(export(db.path()), before);
}

#[test]
fn usage_errors_exit_2_and_unknown_meetings_exit_1() {
    let db = support::sample_db();
    assert_eq!(
        yishi(db.path(), &["minutes", "--width", "5"]).status.code(),
        Some(2)
    );
    assert_eq!(yishi(db.path(), &["frobnicate"]).status.code(), Some(2));
    let o = yishi(db.path(), &["show", "2031-9"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("找不到会议"), "{}", stderr(&o));
    let o = yishi(db.path(), &["show", "2026-2"]);
    assert!(stdout(&o).contains("七月议事"), "{}", stdout(&o));
}
