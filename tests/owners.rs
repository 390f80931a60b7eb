//! An owners' decision as the law counts it (《民法典》第二百七十八条): a 40-unit register made a
//! council, a meeting on adding a lift whose written votes come in over two days, and the
//! result by both shares — floor area and headcount — in the minutes. The real binary in a
//! pseudo-terminal, its clock set by libfaketime.

mod support;

use support::chair::advance;
use support::pty::Console;
use support::{stderr, stdout, yishi};

/// 38 owners of 40 units: the first and the eighth hold two each. Areas in hundredths of m².
fn register() -> Vec<(String, String, u64)> {
    let surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于";
    let owners: Vec<String> = surnames.chars().map(|s| format!("{s}业主")).collect();
    assert_eq!(owners.len(), 38);
    let mut holders: Vec<&String> = owners.iter().collect();
    holders.insert(5, &owners[0]);
    holders.insert(20, &owners[7]);
    holders
        .into_iter()
        .enumerate()
        .map(|(k, o)| {
            let unit = format!("5-{}{:02}", k / 4 + 1, k % 4 + 1);
            let area = 6_000 + (k as u64 * 1_379) % 5_000;
            (unit, o.clone(), area)
        })
        .collect()
}

/// A share as the minutes print it: hundredths of a percent, rounded half up.
fn percent(part: u64, whole: u64) -> String {
    let bp = (part * 10_000 + whole / 2) / whole;
    format!("{}.{:02}%", bp / 100, bp % 100)
}

#[test]
fn a_lift_decided_by_owners_over_two_days_by_area_and_headcount() {
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = register();
    let mut csv = String::from("\u{feff}房号,业主,专有部分面积（㎡）\r\n");
    for (unit, owner, area) in &rows {
        csv += &format!("{unit},{owner},{}.{:02}\r\n", area / 100, area % 100);
    }
    let file = dir.path().join("5号楼登记册.csv");
    std::fs::write(&file, csv).expect("register");
    let db = dir.path().join("db");
    let made = yishi(
        &db,
        &[
            "--lang",
            "zh-Hans",
            "council",
            "import",
            file.to_str().expect("utf-8"),
            "--name",
            "青禾里5号楼业主大会",
            "--rule",
            "owners-special",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(
        stdout(&made).contains("业主38人，房屋40套"),
        "{}",
        stdout(&made)
    );

    // Day one: ten owners in the hall; their votes and ten written ones.
    let mut c = Console::start_at(&db, &[], 200, 56, "2026-12-05 19:00:00");
    c.wait_for("青禾里5号楼业主大会");
    c.send("n");
    c.wait_for("新建会议");
    c.tab();
    c.send("5号楼一层大厅");
    c.enter();
    c.wait_for("点名：1 出席");
    c.send(&"1".repeat(10));
    c.wait_for("应到38人，实到10人");
    c.send("S");
    c.wait_for("宣布开会？");
    c.send("y");
    c.wait_for("进行中");
    support::chair::new_matter(&mut c, "5号楼加装电梯", "加装电梯");
    advance(&mut c, "公开听证");
    c.wait_for("正在发言");
    advance(&mut c, "民主决策");
    c.wait_for("动议与表决");
    c.send("m");
    c.wait_for("提出动议");
    c.send("同意5号楼加装电梯，费用按楼层分档分摊。");
    c.enter();
    c.wait_for("待表决");
    c.send("v");
    c.wait_for("表决中");
    c.send(&"1".repeat(18));
    c.send("22");
    c.wait_for("赞成 18　反对 2　弃权 0　未投 18");
    c.send("A");
    c.wait_for("宣布休会");
    c.send("y");
    c.wait_for("休会中");
    assert!(c.quit(), "quit on the first evening");

    // Day two: resumed; ten more written votes, then the result.
    let mut c = Console::start_at(&db, &[], 200, 56, "2026-12-06 19:00:00");
    c.wait_for("青禾里5号楼业主大会");
    c.enter();
    c.wait_for("休会中");
    c.send("S");
    c.wait_for("复会");
    c.send("y");
    c.wait_for("点名：1 出席");
    c.send("g");
    c.wait_for("议程：");
    c.enter();
    c.wait_for("动议与表决");
    c.send(&"j".repeat(20));
    c.send(&"1".repeat(8));
    c.send("23");
    c.wait_for("赞成 26　反对 3　弃权 1　未投 8");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    c.wait_for("按 Tab 转到执行督办");
    c.send("E");
    c.wait_for("宣布散会");
    c.send("y");
    c.wait_for("已结束");
    assert!(c.quit());

    // The shares, worked out here from the register: owners by the order they are listed.
    let mut owners: Vec<(String, u64)> = Vec::new();
    for (_, o, a) in &rows {
        match owners.iter_mut().find(|(n, _)| n == o) {
            Some((_, total)) => *total += a,
            None => owners.push((o.clone(), *a)),
        }
    }
    let area =
        |range: std::ops::Range<usize>| -> u64 { owners[range].iter().map(|(_, a)| a).sum() };
    let all = area(0..38);
    let taking_part = area(0..30);
    let yes = area(0..18) + area(20..28);
    let minutes = stdout(&yishi(
        &db,
        &["--lang", "zh-Hans", "minutes", "latest", "--width", "400"],
    ));
    for expected in [
        "业主共38人（房屋40套，专有部分面积合计".to_string(),
        "业主记名表决，现场表决10人、书面表决20人，同意26人、反对3人、弃权1人".to_string(),
        format!(
            "参与表决的业主专有部分面积占比{}、人数占比{}",
            percent(taking_part, all),
            percent(30, 38)
        ),
        format!(
            "同意的业主专有部分面积占参与表决面积的{}、人数占参与表决人数的{}（均须达到四分之三以上），通过。",
            percent(yes, taking_part),
            percent(26, 30)
        ),
        "2026年12月6日19:00复会".to_string(),
    ] {
        assert!(
            minutes.contains(&expected),
            "minutes lack {expected:?}:\n{minutes}"
        );
    }
    let verify = yishi(&db, &["verify"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
}
