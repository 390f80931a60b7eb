//! A secret ballot is secret: driven through the console by keys, the ballot box leaves no trace
//! anywhere on disk, in the export or in the minutes that pairs a member with a choice.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

use support::chair::{CTRL_U, RIGHT, open_new_meeting, to_motion_form};
use support::desk::Desk;
use support::keys::Keys;
use support::{sample_db, stdout, yishi};

/// Every file below `dir`, read whole: the journal, every sled segment, the redo record.
fn every_file(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            every_file(&path, out);
        } else {
            let bytes = std::fs::read(&path).expect("read file");
            out.push((path.display().to_string(), bytes));
        }
    }
}

fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// Every version of a secret ballot's contents written in `bytes`, as (totals, who voted).
fn box_versions(bytes: &[u8]) -> Vec<(u64, BTreeSet<u64>)> {
    let key = b"\"secret\":";
    find_all(bytes, key)
        .into_iter()
        .filter_map(|at| {
            let rest = &bytes[at + key.len()..];
            let v: Value = serde_json::Deserializer::from_slice(rest)
                .into_iter()
                .next()?
                .ok()?;
            let n = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or(0);
            let total = n("yes") + n("no") + n("abstain") + n("spoiled");
            let voted = v
                .get("voted")?
                .as_array()?
                .iter()
                .filter_map(Value::as_u64)
                .collect();
            Some((total, voted))
        })
        .collect()
}

/// The ballot boxes as they ended: each counted box's voters.
fn final_boxes(export: &Value) -> Vec<BTreeSet<u64>> {
    export["motions"]
        .as_array()
        .expect("motions")
        .iter()
        .filter_map(|m| m["ballots"].get("secret"))
        .map(|b| {
            b["voted"]
                .as_array()
                .expect("voted")
                .iter()
                .filter_map(Value::as_u64)
                .collect()
        })
        .collect()
}

#[test]
fn a_secret_ballot_in_the_console_pairs_no_member_with_a_choice_anywhere() {
    let db = sample_db();
    let mut c = Desk::open(db.path(), yishi::text::Lang::ZhHans, (200, 56));
    open_new_meeting(&mut c, "11111111111231144", 13);
    to_motion_form(
        &mut c,
        "小区东门外设置临时摊位疏导点",
        "东门摊位",
        "在东门外人行道设置限时摊位疏导点，每日七点至九点。",
    );
    for _ in 0..3 {
        c.tab();
    }
    c.send(RIGHT);
    c.send(RIGHT);
    c.wait_for("无记名投票");
    c.enter();
    c.wait_for("待表决");
    c.send("v");
    c.wait_for("已投票 0／13 人，开箱后计票");

    // A choice keyed by name is refused, saying what to do instead.
    c.send("1");
    c.wait_for("无记名投票不按人记录选择");
    // Twelve of thirteen hand in their ballots; the box is then opened and counted.
    for _ in 0..12 {
        c.send("b");
    }
    c.wait_for("已投票 12／13 人，开箱后计票");
    c.send("c");
    c.wait_for("开箱计票：录入票数");
    for n in ["8", "2", "1", "1"] {
        c.send(CTRL_U);
        c.send(n);
        c.tab();
    }
    c.enter();
    c.wait_for("赞成 8　反对 2　弃权 1　废票 1　未投 1");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    // The result stays before the room until the chair moves on.
    let result = c.wait_for("按 Tab 转到执行督办");
    assert!(result.contains("✓ "), "{result}");
    c.tab();
    c.wait_for("任务（t 新增");
    assert!(c.quit());

    let out = db.path().join("export.json");
    let o = yishi(db.path(), &["export", "-o", out.to_str().expect("path")]);
    assert!(o.status.success(), "{}", support::stderr(&o));
    let export_bytes = std::fs::read(&out).expect("export");
    let export: Value = serde_json::from_slice(&export_bytes).expect("export json");
    let finals = final_boxes(&export);
    assert!(
        finals.iter().any(|v| v.len() == 12),
        "the console's box holds 12 voters: {finals:?}"
    );

    let mut files = Vec::new();
    every_file(db.path(), &mut files);
    assert!(files.iter().any(|(p, _)| p.ends_with("journal.jsonl")));
    let mut versions = 0;
    for (path, bytes) in &files {
        // A ballot by name carries a choice; none may exist anywhere.
        for word in [&b"\"choice\""[..], b"cast_ballot", b"correct_ballot"] {
            assert!(
                find_all(bytes, word).is_empty(),
                "{path} holds {}",
                String::from_utf8_lossy(word)
            );
        }
        // A counted version of a box must be a finished box: totals beside a partial list
        // of voters would, against the next version, give away a voter's choice.
        for (total, voted) in box_versions(bytes) {
            versions += 1;
            assert!(
                total == 0 || finals.contains(&voted),
                "{path}: a box counted with {} of its voters: {voted:?}",
                voted.len()
            );
        }
    }
    assert!(
        versions >= 13,
        "the box's versions are on disk ({versions})"
    );
    for (total, voted) in box_versions(&export_bytes) {
        assert!(total == 0 || finals.contains(&voted));
    }

    let minutes = stdout(&yishi(db.path(), &["minutes", "latest", "--width", "400"]));
    let vote = minutes
        .lines()
        .find(|l| l.contains("无记名投票"))
        .unwrap_or_else(|| panic!("the minutes give the vote:\n{minutes}"));
    assert!(
        vote.contains("无记名投票，收回选票12张，赞成8票，反对2票，弃权1票，废票1张，未投票1人"),
        "{vote}"
    );
    for m in export["councils"][0]["members"]
        .as_array()
        .expect("members")
    {
        let name = m["name"].as_str().expect("name");
        assert!(!vote.contains(name), "the vote line names {name}: {vote}");
    }
}
