//! A chair's steps in the console, as keys: shared by the tests that drive a whole meeting.

use super::keys::Keys;

pub const CTRL_U: &str = "\x15";
pub const RIGHT: &str = "\x1b[C";
pub const UP: &str = "\x1b[A";

/// Home → the meeting under way (the latest) → its agenda → the lift matter at the vote.
pub fn to_the_vote(c: &mut impl Keys) {
    c.wait_for("青禾里社区居民议事会");
    c.enter();
    c.wait_for("议程");
    c.enter();
    c.wait_for("动议与表决");
}

/// Home → new meeting → roll call with `marks` (one key per member, council order) → open.
pub fn open_new_meeting(c: &mut impl Keys, marks: &str, present: u32) {
    c.wait_for("青禾里社区居民议事会");
    c.send("n");
    c.wait_for("新建会议");
    c.enter();
    c.wait_for("点名：1 出席");
    for k in marks.chars() {
        c.send(&k.to_string());
    }
    c.wait_for(&format!("实到{present}人"));
    c.send("S");
    c.wait_for("宣布开会？");
    c.send("y");
    c.wait_for("进行中");
}

/// Agenda → a new matter → its screen.
pub fn new_matter(c: &mut impl Keys, title: &str, short: &str) {
    c.send("g");
    c.wait_for("议程：");
    c.send("n");
    c.wait_for("新增事项");
    c.send(title);
    c.tab();
    c.send(short);
    c.enter();
    c.wait_for(&format!("一、{title}"));
    c.enter();
    c.wait_for("意见（o 记录一条）");
}

pub fn advance(c: &mut impl Keys, to: &str) {
    c.send(">");
    c.wait_for(&format!("进入下一步：{to}"));
    c.send("y");
}

/// A new matter taken straight to 民主决策 and a motion typed into the motion form, which is
/// left open for the caller to fill in further and submit.
pub fn to_motion_form(c: &mut impl Keys, title: &str, short: &str, motion: &str) {
    new_matter(c, title, short);
    advance(c, "公开听证");
    c.wait_for("正在发言");
    advance(c, "民主决策");
    c.wait_for("动议与表决");
    c.send("m");
    c.wait_for("提出动议");
    c.send(motion);
}
