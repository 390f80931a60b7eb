//! A terminal set for East Asian text (xterm -cjk_width, PuTTY, iTerm2 and VTE options) draws
//! ambiguous-width characters two columns wide. The console asks the terminal at start and,
//! where it does, draws every such character as a one-column stand-in, so no border breaks and
//! no cell moves; `--ambiguous` overrides what it finds.

mod support;

use support::pty::Console;
use support::sample_db;

/// Every character on the screen drawn as wide in an East-Asian terminal as it is laid out.
fn nothing_ambiguous(screen: &str) -> Result<(), char> {
    match screen.chars().find(|c| yishi::text::is_ambiguous(*c)) {
        Some(c) => Err(c),
        None => Ok(()),
    }
}

#[test]
fn a_wide_ambiguous_terminal_gets_one_column_stand_ins_everywhere() {
    let db = sample_db();
    let mut c = Console::start_wide(db.path(), &[], 80, 24);
    let home = c.wait_for("青禾里社区居民议事会");
    assert_eq!(nothing_ambiguous(&home), Ok(()), "{home}");
    assert!(home.contains("+-"), "borders as + and -: {home}");
    // Through the screens a meeting uses: the roll call, a matter, the wall, the help.
    c.send("n");
    c.wait_for("新建会议");
    c.enter();
    let roll = c.wait_for("点名：1 出席");
    assert_eq!(nothing_ambiguous(&roll), Ok(()), "{roll}");
    c.send("111");
    let marked = c.wait_for("实到3人");
    assert_eq!(nothing_ambiguous(&marked), Ok(()), "{marked}");
    c.send("?");
    let help = c.wait_for("按键");
    assert_eq!(nothing_ambiguous(&help), Ok(()), "{help}");
    c.send("q");
    assert!(c.quit());

    // Told otherwise, it draws the box-drawing characters after all.
    let mut c = Console::start_wide(db.path(), &["--ambiguous", "narrow"], 80, 24);
    let home = c.wait_for("青禾里社区居民议事会");
    assert!(home.contains('─') || home.contains('┌'), "{home}");
    assert!(c.quit());
}

#[test]
fn a_narrow_terminal_keeps_its_box_drawing() {
    let db = sample_db();
    let mut c = Console::start(db.path(), &[], 80, 24);
    let home = c.wait_for("青禾里社区居民议事会");
    assert!(home.contains('┌') && home.contains('─'), "{home}");
    assert!(c.quit());
}
