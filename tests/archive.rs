//! The secretary's archive end to end: open the archive, search the
//! minutes for a Chinese word, land on the meeting that has it with the hit marked, export
//! the minutes; the file is what `yishi minutes` prints. A second export asks before it
//! replaces the file. The export lands where the program was started, so that runs in the real
//! binary; signing and correcting run by keys in this process.

mod support;

use support::desk::Desk;
use support::keys::Keys;
use support::pty::Console;
use support::{sample_db, stdout, yishi};

#[test]
fn search_lands_on_the_right_meeting_and_its_export_equals_yishi_minutes() {
    let db = sample_db();
    let out = tempfile::tempdir().expect("tempdir");
    let mut c = Console::start_in(db.path(), &[], 120, 40, Some(out.path()));
    c.wait_for("青禾里社区居民议事会");
    c.send("a");
    c.wait_for("往次会议（新的在前）");
    c.send("/");
    c.wait_for("搜索纪要");
    c.send("老包");
    c.enter();
    let results = c.wait_for("共找到2处");
    // Both places are in the 2nd meeting (July), not in the latest one.
    assert_eq!(results.matches("  2026年第2次  ").count(), 2, "{results}");
    c.enter();
    let minutes = c.wait_for("「老包」第1/2");
    assert!(minutes.contains("2026年第2次会议纪要"), "{minutes}");
    let (row, col) = c.find("老包（中立").expect("the hit is on screen");
    assert!(c.underlined(row, col), "the hit is marked");
    assert!(
        !c.underlined(row, col.saturating_sub(2)),
        "only the hit is marked"
    );
    c.send("n");
    c.wait_for("「老包」第2/2");

    c.send("x");
    c.wait_for("导出会议纪要");
    let name = "2026-07-18-2026年第2次会议纪要.txt";
    c.wait_for(name);
    c.enter();
    c.wait_for("已导出到");
    let path = out.path().join(name);
    let exported = std::fs::read_to_string(&path).expect("exported file");

    // Exporting again asks before replacing; "n" leaves the file as it was.
    std::fs::write(&path, "secretary's own edits").expect("edit");
    c.send("x");
    c.wait_for("导出会议纪要");
    c.enter();
    c.wait_for("文件已存在");
    c.send("n");
    c.send("q");
    assert!(c.wait_exit(), "the console quits");
    assert_eq!(
        std::fs::read_to_string(&path).expect("file"),
        "secretary's own edits"
    );

    let printed = yishi(db.path(), &["minutes", "2026-2"]);
    assert!(printed.status.success());
    assert_eq!(exported, stdout(&printed), "the export is `yishi minutes`");
}

#[test]
fn signing_and_correcting_in_the_console_reach_the_minutes() {
    let db = sample_db();
    let mut c = Desk::open(db.path(), yishi::text::Lang::ZhHans, (120, 40));
    c.wait_for("青禾里社区居民议事会");
    c.send("a");
    c.wait_for("○ 未签发");
    c.enter();
    c.wait_for("2026年第5次会议纪要");
    c.send("S");
    c.wait_for("由主持人周立平");
    c.send("y");
    c.wait_for("✓ 已签发");
    c.send("c");
    c.wait_for("更正纪要");
    for _ in 0..3 {
        c.send("\x1b[C");
    }
    c.wait_for("一、老年食堂（三）民主决策");
    c.tab();
    c.tab();
    c.send("补贴标准应为每餐六元。");
    c.tab();
    c.send("与宣读的动议文本核对有误");
    c.enter();
    c.wait_for("已保存");
    assert!(c.quit());
    let text = stdout(&yishi(db.path(), &["minutes", "2026-5", "--width", "200"]));
    assert!(text.contains("主持人（签字）：周立平"), "{text}");
    assert!(text.contains("更正「一、开办社区老年食堂（三）民主决策」：补贴标准应为每餐六元。理由：与宣读的动议文本核对有误"), "{text}");
    assert!(text.contains("每餐补贴五元"), "the original stays: {text}");
}
