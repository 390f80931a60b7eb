//! `yishi wall`: the room's screen in a process of its own, on the same database as the
//! console, each in its own terminal. It follows what the console records, outlives the
//! console's restart, and leaves the database to the console and to readers like `yishi list`.

mod support;

use support::chair::to_the_vote;
use support::pty::Console;

/// The tally line the wall shows under the figures while a vote is open.
fn tally(yes: u32, waiting: u32) -> String {
    format!("赞成 {yes}　反对 0　弃权 0　未投 {waiting}")
}

#[test]
fn the_wall_follows_the_console_through_a_restart() {
    let (db, store, _, _) = support::meeting_under_way(yishi::store::now());
    drop(store);

    // The wall first: no console has said where it is, so the meeting under way is shown by
    // its agenda and its roll.
    let wall = Console::start(db.path(), &["wall"], 200, 56);
    let screen = wall.wait_for("老旧公房加装电梯");
    assert!(
        screen.contains("应到") && screen.contains("实到"),
        "{screen}"
    );

    let mut console = Console::start(db.path(), &[], 200, 56);
    to_the_vote(&mut console);
    wall.wait_for(&tally(0, 14));
    console.send("y");
    console.wait_for("赞成 1");
    wall.wait_for(&tally(1, 13));

    // Beside both, a reader still reads the record.
    let list = support::yishi(db.path(), &["list"]);
    assert!(list.status.success(), "{}", support::stderr(&list));
    assert!(
        support::stdout(&list).contains("进行中"),
        "{}",
        support::stdout(&list)
    );

    // The console stops and starts again; the wall goes on and follows the new one.
    assert!(console.quit());
    let mut again = Console::start(db.path(), &[], 200, 56);
    to_the_vote(&mut again);
    again.send("j");
    again.send("y");
    again.wait_for("赞成 2");
    wall.wait_for(&tally(2, 12));

    // A closed vote's result stays on the wall.
    again.send("C");
    again.wait_for("确认");
    again.send("y");
    let screen = wall.wait_for("未通过");
    assert!(screen.contains("█"), "the result is drawn large:\n{screen}");
    assert!(again.quit());
}

#[test]
fn the_wall_says_when_no_meeting_runs_and_picks_up_the_next() {
    let db = support::sample_db();
    let wall = Console::start(db.path(), &["wall"], 200, 56);
    wall.wait_for("会议开始后，这里显示会场大屏");

    let mut console = Console::start(db.path(), &[], 200, 56);
    console.wait_for("青禾里社区居民议事会");
    console.send("n");
    console.wait_for("新建会议");
    console.enter();
    console.wait_for("点名：1 出席");
    // The roll as the room reads it: 应到 and 实到 over their figures, and the quorum.
    let screen = wall.wait_for("实到");
    assert!(
        screen.contains("应到") && screen.contains("实到"),
        "{screen}"
    );
    assert!(console.quit());
}

/// The room is shown the motion it is deciding. An amendment adopted by roll call (9–2–2), then
/// the amended motion voted on (11–2): the console's decision panel and the wall both show the
/// amended motion, its figures and its result — not the amendment settled before it. A break
/// is 休会 on the wall; the close is 散会, with what was decided.
#[test]
fn console_and_wall_show_the_amended_motions_result_then_the_break_and_the_close() {
    use support::chair::{open_new_meeting, to_motion_form};
    let db = support::sample_db();
    let wall = Console::start(db.path(), &["wall"], 200, 56);
    let mut c = Console::start(db.path(), &[], 200, 56);
    open_new_meeting(&mut c, "11111111111231144", 13);
    to_motion_form(&mut c, "更换3号楼楼道灯", "楼道灯", "同意更换3号楼楼道灯。");
    c.enter();
    c.wait_for("待表决");
    c.send("M");
    c.wait_for("修正后的动议全文");
    c.send(support::chair::CTRL_U);
    c.send("同意更换3号楼楼道灯，并加装声控开关。");
    c.enter();
    c.wait_for("修正案");
    wall.wait_for("修正案");

    // The amendment: nine for, two against.
    c.send("v");
    c.wait_for("表决中");
    c.send(&format!("{}2233", "1".repeat(9)));
    c.wait_for("赞成 9　反对 2　弃权 2　未投 0");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    // The motion, now reading as amended, is next.
    c.wait_for("同意更换3号楼楼道灯，并加装声控开关。");
    c.wait_for("待表决");

    // The amended motion: eleven for, two against.
    c.send("v");
    c.wait_for("表决中");
    c.send(&format!("{}22", "1".repeat(11)));
    c.wait_for("赞成 11　反对 2　弃权 0　未投 0");
    wall.wait_for("赞成 11　反对 2　弃权 0　未投 0");
    c.send("C");
    c.wait_for("结束表决");
    c.send("y");
    let console = c.wait_for("按 Tab 转到执行督办");
    // The count under the motion is its own; the amendment's stays in the list below it.
    let mut rows = console.lines().skip_while(|l| !l.contains("表决结束"));
    let count = rows.nth(1).unwrap_or_default();
    assert!(
        count.contains("│赞成 11　反对 2　弃权 0"),
        "the console shows the amended motion's count:\n{console}"
    );
    assert!(!console.contains("原动议"), "{console}");
    let shown = wall.wait_for("通过");
    assert!(
        shown.contains("同意更换3号楼楼道灯，并加装声控开关。") && !shown.contains("修正案"),
        "the wall shows the amended motion:\n{shown}"
    );
    assert!(
        shown.contains("赞成 11　反对 2　弃权 0") && !shown.contains("未通过"),
        "{shown}"
    );

    // A break, then the close.
    c.send("A");
    c.wait_for("宣布休会");
    c.send("y");
    c.wait_for("休会中");
    wall.wait_for("休会开始时间");
    c.send("S");
    c.wait_for("复会");
    c.send("y");
    wall.wait_for_gone("休会开始时间");
    c.send("E");
    c.wait_for("宣布散会");
    c.send("y");
    c.wait_for("已结束");
    let closed = wall.wait_for("散会时间：");
    assert!(closed.contains("更换3号楼楼道灯　通过"), "{closed}");
    assert!(c.quit());
}
