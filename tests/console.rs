//! The console end to end, driven by keys as a chair would and its screen read back; then the
//! record it left, read by `yishi minutes`. A meeting's course runs in this process, each key
//! through the console's own key table (`support::desk`); what needs the real binary in a
//! pseudo-terminal runs there: signals, the terminal's modes, a second process, the demo.

mod support;

use support::chair::{CTRL_U, UP, advance, new_matter, open_new_meeting, to_motion_form};
use support::desk::Desk;
use support::keys::Keys;
use support::pty::Console;
use support::{sample_db, stdout, yishi};
use yishi::text::Lang;

#[test]
fn a_whole_meeting_in_the_console_reaches_the_minutes() {
    let db = sample_db();
    let mut c = Desk::open(db.path(), Lang::ZhHans, (200, 56));
    // 13 of 15 present: eleven, one absent, one excused, two more; the two observers.
    open_new_meeting(&mut c, "11111111111231144", 13);
    new_matter(&mut c, "小区南门增设电动自行车充电棚", "南门充电棚");

    // Two opinions: one typed by a named resident, one pasted, anonymous.
    let typed = "南门晚上停满电动车，楼道里充电很危险，希望尽快建充电棚。";
    let pasted = "建议充电棚装上烟感和监控，收费标准要公开。";
    c.send("o");
    c.wait_for("记录意见");
    c.tab();
    c.send("王大妈");
    c.tab();
    c.send(support::chair::RIGHT);
    c.tab();
    c.send(typed);
    c.enter();
    c.wait_for("王大妈（居民）　上门走访");
    c.send("o");
    c.wait_for("记录意见");
    c.tab();
    c.tab();
    c.tab();
    c.paste(pasted);
    c.enter();
    c.wait_for("共2条");
    c.wait_for("建议充电棚装上烟感和监控");

    // Two speakers, each timed and summarised.
    advance(&mut c, "公开听证");
    c.wait_for("正在发言");
    c.send("a");
    c.wait_for("登记发言人");
    c.enter();
    c.wait_for("1. 周立平　支持　等候");
    c.send("a");
    c.wait_for("登记发言人");
    c.tab();
    c.send("李阿姨");
    c.tab();
    c.send(support::chair::RIGHT);
    c.enter();
    c.wait_for("2. 李阿姨（居民）　反对　等候");
    let summaries = [
        "充电棚能消除楼道充电的火灾隐患。",
        "担心充电棚占用南门绿地。",
    ];
    for summary in summaries {
        c.send("n");
        c.wait_for("发言中");
        c.wait_for("剩余 ");
        c.send("f");
        c.wait_for("记录发言");
        c.tab();
        c.send(summary);
        c.enter();
        c.wait_for(summary);
    }

    // A roll-call vote that passes: 9 yes, 2 no, 2 abstain of 13 present.
    advance(&mut c, "民主决策");
    c.wait_for("动议与表决");
    let motion = "在南门东侧空地建设电动自行车充电棚，费用由公共收益支出。";
    c.send("m");
    c.wait_for("提出动议");
    c.send(motion);
    c.enter();
    c.wait_for("待表决");
    c.send("v");
    c.wait_for("表决中");
    for k in "1111111112233".chars() {
        c.send(&k.to_string());
    }
    c.wait_for("赞成 9　反对 2　弃权 2　未投 0");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    // The result stays before the room until the chair moves on.
    let result = c.wait_for("按 Tab 转到执行督办");
    assert!(result.contains("✓ "), "{result}");
    c.tab();
    c.wait_for("任务（t 新增");

    // A task, then the review.
    let task = "南门东侧建设充电棚并接入独立电表";
    c.send("t");
    c.wait_for("新增任务");
    c.send(task);
    c.tab();
    c.send("物业公司");
    c.enter();
    c.wait_for("责任：物业公司");
    advance(&mut c, "群众评议");
    c.wait_for("群众评议（e 录入");
    c.send("e");
    c.wait_for("基本满意");
    for n in ["10", "2", "1"] {
        c.send(CTRL_U);
        c.send(n);
        c.tab();
    }
    c.send("位置合适；希望加装监控");
    c.enter();
    c.wait_for("满意 10　基本满意 2　不满意 1");
    // Its one task is not done: 办结 asks for the reason, which the minutes keep.
    c.send("K");
    c.wait_for("办结：任务未全部完成，请写明理由");
    c.send("充电棚已建成，电表由供电所另行安装");
    c.enter();
    c.wait_for("✓ 办结");
    // The meeting is under way: q asks first, and n stays.
    c.send("q");
    c.wait_for("会议正在进行。要退出控制台吗？");
    c.send("n");
    c.wait_for_gone("会议正在进行。要退出控制台吗？");
    c.send("q");
    c.wait_for("会议正在进行。要退出控制台吗？");
    c.send("y");
    assert!(c.has_quit(), "yes quits");

    // Reopened, the meeting is there as it was left.
    let again = Desk::open(db.path(), Lang::ZhHans, (200, 56));
    let home = again.wait_for("2026年第6次");
    assert!(home.contains("进行中"), "{home}");
    drop(again);

    let minutes = stdout(&yishi(db.path(), &["minutes", "latest", "--width", "400"]));
    for expected in [
        "小区南门增设电动自行车充电棚",
        "应到15人，实到13人",
        typed,
        "王大妈",
        pasted,
        "李阿姨",
        summaries[0],
        summaries[1],
        &motion[..motion.len() - "。".len()],
        "记名投票，赞成9票，反对2票，弃权2票",
        "通过",
        task,
        "物业公司",
        "满意10人，基本满意2人，不满意1人",
        "希望加装监控",
        "任务完成0项（共1项），仍予办结，理由：充电棚已建成，电表由供电所另行安装",
    ] {
        assert!(
            minutes.contains(expected),
            "minutes lack {expected:?}:\n{minutes}"
        );
    }
}

#[test]
fn no_quorum_is_refused_on_screen_and_exactly_half_yes_fails() {
    let db = sample_db();
    let mut c = Desk::open(db.path(), Lang::ZhHans, (200, 56));
    // 9 of 15 present: the representatives' rule needs two thirds (10).
    open_new_meeting(&mut c, "11111111122222244", 9);
    to_motion_form(
        &mut c,
        "夜间广场舞音响扰民",
        "广场舞噪音",
        "晚上九点以后广场舞停止使用音响。",
    );
    c.enter();
    c.wait_for("待表决");
    c.send("v");
    let screen = c.wait_for("不足法定人数，不能表决");
    assert!(screen.contains("应到15人，实到9人"), "{screen}");
    assert!(screen.contains("✗ 未达法定人数"), "{screen}");
    assert!(!screen.contains("表决中"), "{screen}");

    // One more member arrives: the tenth (index 9) is marked present.
    c.send("r");
    c.wait_for("点名：1 出席");
    for _ in 0..16 {
        c.send(UP);
    }
    for _ in 0..9 {
        c.send("j");
    }
    c.send("1");
    c.wait_for("实到10人");
    c.send("g");
    c.wait_for("议程：");
    c.enter();
    c.wait_for("动议与表决");
    c.send("v");
    c.wait_for("表决中");
    // 5 yes of 10 present is exactly half: not more than half, so it fails.
    for k in "1111122222".chars() {
        c.send(&k.to_string());
    }
    c.wait_for("赞成 5　反对 5　弃权 0　未投 0");
    c.send("C");
    let confirm = c.wait_for("未通过。确认？");
    assert!(confirm.contains("结果将是"), "{confirm}");
    c.send("y");
    let screen = c.wait_for("✗ 未超过实到人数半数，未通过");
    assert!(screen.contains("按 R 选择"), "{screen}");
    c.send("q");
    c.wait_for("要退出控制台吗？");
    c.send("y");
    assert!(c.has_quit());
    let minutes = stdout(&yishi(db.path(), &["minutes", "latest", "--width", "400"]));
    assert!(
        minutes.contains("赞成5票，反对5票，弃权0票（表决时实到10人），未超过实到人数半数，未通过"),
        "{minutes}"
    );
    // The late arrival is in the minutes with the time, and the quorum from then on.
    assert!(minutes.contains("应到15人，实到9人"), "{minutes}");
    assert!(minutes.contains("会议期间，钱永福于"), "{minutes}");
    assert!(minutes.contains("到会；此后实到10人。"), "{minutes}");
    assert!(
        minutes.contains("起实到10人，实到人数达到应到人数三分之二以上"),
        "{minutes}"
    );
}

#[test]
fn sigterm_and_sighup_leave_the_terminal_as_it_was() {
    let db = sample_db();
    for signal in ["TERM", "HUP"] {
        let mut c = Console::start(db.path(), &[], 100, 30);
        c.wait_for("会议（新的在前）");
        assert!(
            c.alternate_screen() && c.bracketed_paste(),
            "the console set up the terminal"
        );
        let pid = c.pid().expect("pid").to_string();
        // The shell's own kill: nothing to install on a fresh machine.
        let killed = std::process::Command::new("sh")
            .args(["-c", &format!("kill -{signal} {pid}")])
            .status()
            .expect("run sh");
        assert!(killed.success());
        // A signal is taken as q: everything confirmed is already saved, and it says so by
        // leaving as on quit.
        assert!(c.wait_exit(), "SIG{signal}: the console leaves as on quit");
        // What the console wrote on its way out, as the emulator reads it.
        c.wait_until("the main screen", |c| !c.alternate_screen());
        assert!(!c.bracketed_paste(), "SIG{signal}: bracketed paste left on");
        assert!(!c.hidden_cursor(), "SIG{signal}: cursor left hidden");
    }
}

#[test]
fn readers_work_beside_a_running_console_and_a_second_writer_is_told_who_holds_it() {
    let db = sample_db();
    let mut c = Console::start(db.path(), &[], 200, 56);
    // The console starts a new meeting: recorded while it keeps the database.
    open_new_meeting(&mut c, "11111111111231144", 13);

    let list = yishi(db.path(), &["list"]);
    assert!(list.status.success(), "{}", support::stderr(&list));
    let list = stdout(&list);
    let newest = list.lines().last().expect("a meeting");
    assert!(
        newest.contains("2026年第6次") && newest.contains("进行中"),
        "list shows the meeting the console is running: {list}"
    );
    let minutes = yishi(db.path(), &["minutes", "latest", "--width", "400"]);
    assert!(minutes.status.success(), "{}", support::stderr(&minutes));
    assert!(stdout(&minutes).contains("应到15人，实到13人"));
    let out = db.path().join("while-open.json");
    let export = yishi(db.path(), &["export", "-o", out.to_str().expect("path")]);
    assert!(export.status.success(), "{}", support::stderr(&export));
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("export")).expect("json");
    assert_eq!(doc["meetings"].as_array().map(Vec::len), Some(6));
    for args in [&["verify"][..], &["show", "latest"], &["ledger"]] {
        let o = yishi(db.path(), args);
        assert!(o.status.success(), "{args:?}: {}", support::stderr(&o));
    }

    // A second writer is refused, naming the console that holds the database.
    let sample = support::sample_path();
    let second = yishi(db.path(), &["import", sample.to_str().expect("path")]);
    assert!(!second.status.success());
    let said = support::stderr(&second);
    assert!(said.contains(&c.pid().expect("pid").to_string()), "{said}");
    c.send("q");
    c.wait_for("要退出控制台吗？");
    c.send("y");
    assert!(c.wait_exit());
}

/// `yishi demo` opens on a meeting under way: the roll call taken, a matter at the vote.
#[test]
fn the_demo_opens_on_a_meeting_at_the_vote() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start(&dir.path().join("unused"), &["demo"], 200, 56);
    let screen = c.wait_for("► 表决中");
    for expected in [
        "进行中",
        "应到15人，实到14人",
        "［► 民主决策］",
        "同意5号楼加装电梯",
        "未投",
    ] {
        assert!(screen.contains(expected), "{expected}: {screen}");
    }
    // It says it is throwaway data, on screen and when the chair quits.
    assert!(screen.contains("[演示：数据不保存]"), "{screen}");
    // The vote goes on from here as in any meeting.
    c.send("1");
    c.wait_for("赞成 1");
    c.send("q");
    c.wait_for("这是演示：退出后，演示中记录的内容全部删除。要退出吗？");
    c.send("y");
    assert!(c.wait_exit());
}

/// The chair is warned before what the minutes will hold against the meeting: opening it short
/// of a quorum, and leaving a hearing at which nobody spoke.
#[test]
fn the_chair_is_warned_before_opening_short_of_a_quorum_or_leaving_an_empty_hearing() {
    let db = sample_db();
    let mut c = Desk::open(db.path(), Lang::ZhHans, (200, 56));
    c.wait_for("青禾里社区居民议事会");
    c.send("n");
    c.wait_for("新建会议");
    c.enter();
    c.wait_for("点名：1 出席");
    c.send("11111");
    c.wait_for("实到5人");
    c.send("S");
    // The question wraps in its box: its two halves.
    c.wait_for("实到5人，未达法定人数（应到15人）：会议纪要将写明");
    c.wait_for("会议无效，不能表决。宣布开会？");
    c.send("n");
    c.send(&"1".repeat(5));
    c.wait_for("实到10人");
    c.send("S");
    let asked = c.wait_for("宣布开会？");
    assert!(!asked.contains("未达法定人数（应到"), "{asked}");
    c.send("y");
    c.wait_for("进行中");
    support::chair::new_matter(&mut c, "小区北门路灯维修", "北门路灯");
    support::chair::advance(&mut c, "公开听证");
    c.wait_for("正在发言");
    c.send(">");
    let asked = c.wait_for("进入下一步：民主决策？");
    assert!(asked.contains("本事项还没有人发言"), "{asked}");
    c.send("y");
    c.wait_for("动议与表决");
    assert!(c.quit());
    let minutes = stdout(&yishi(db.path(), &["minutes", "latest", "--width", "400"]));
    assert!(
        minutes.contains("（二）公开听证：无人登记发言。"),
        "{minutes}"
    );
}
