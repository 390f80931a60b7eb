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
