//! A terminal set for East Asian text (xterm -cjk_width, PuTTY, iTerm2 and VTE options) draws
//! ambiguous-width characters two columns wide: pinyin's tone letters, é, ①, “”, ——, ……, and
//! box drawing. The console asks the terminal at start and, where it does, lays every such
//! character out two columns wide; only its own frame gets one-column stand-ins, so no border
//! moves, no line runs past the edge, and the council's words are shown as they were written.
//! `--ambiguous` overrides what it finds.

mod support;

use support::pty::Console;
use support::sample_db;
use support::wide_term::WideTerm;

/// Names and titles as some councils write them, every one with ambiguous-width characters.
const WRITTEN: [(&str, &str); 4] = [
    ("周立平", "Lǚ Wěi"),
    ("陈秀兰", "José Müller"),
    ("后街餐馆油烟扰民", "①号楼“油烟”——扰民……"),
    ("雨水管道堵塞积水", "②号楼雨水管道——“堵”"),
];

/// The sample council with `WRITTEN`'s words in place of its own.
fn written_db() -> tempfile::TempDir {
    let mut json = std::fs::read_to_string(support::sample_path()).expect("the sample");
    for (from, to) in WRITTEN {
        json = json.replace(from, to);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("written.json");
    std::fs::write(&file, json).expect("write the record");
    let db = tempfile::tempdir().expect("tempdir");
    let o = support::yishi(db.path(), &["import", file.to_str().expect("utf-8")]);
    assert!(o.status.success(), "import failed: {}", support::stderr(&o));
    db
}

/// The stand-in a wide-ambiguous terminal gets for a piece of the frame.
fn stand_in(frame: &str) -> Option<&'static str> {
    match frame {
        "─" => Some("-"),
        "│" => Some("|"),
        "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" => Some("+"),
        _ => None,
    }
}

/// The same screen in both terminals: the wide one runs nothing past its edge, has every
/// border where the narrow one has it, and shows each of `words` whole.
fn same_frame(narrow: &Console, wide: &Console, words: &[&str]) {
    let screen = narrow.raw_screen();
    let term: WideTerm = wide.wide_screen().expect("a wide terminal");
    let shown = term.contents();
    assert!(
        term.overflow.is_empty(),
        "drawn past the edge: {:?}\n{shown}",
        term.overflow
    );
    let mut borders = 0;
    for (r, line) in screen.lines().enumerate() {
        // vt100's text has a wide character once; find each cell's column by its width.
        let mut col = 0;
        for c in line.chars() {
            if let Some(s) = stand_in(&c.to_string()) {
                borders += 1;
                assert_eq!(
                    term.at(r, col),
                    Some(s),
                    "the border at row {r}, column {col} moved:\n{screen}\n{shown}"
                );
            }
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(1);
        }
    }
    assert!(borders > 0, "no frame to compare: {screen}");
    for w in words {
        assert!(shown.contains(w), "{w:?} is not shown as written:\n{shown}");
    }
}

#[test]
fn a_wide_ambiguous_terminal_shows_the_councils_words_as_written_and_keeps_every_border() {
    for (cols, rows) in [(80, 24), (120, 32)] {
        // One copy each: the console holds its database.
        let (a, b) = (written_db(), written_db());
        let mut narrow = Console::start(a.path(), &[], cols, rows);
        let mut wide = Console::start_wide(b.path(), &[], cols, rows);
        let both = |keys: &str, wait: &str, n: &mut Console, w: &mut Console| {
            n.send(keys);
            w.send(keys);
            n.wait_for(wait);
            w.wait_until(wait, |c| {
                c.wide_screen().is_some_and(|t| t.contents().contains(wait))
            });
        };
        narrow.wait_for("青禾里社区居民议事会");
        wide.wait_until("home", |c| {
            c.wide_screen()
                .is_some_and(|t| t.contents().contains("青禾里社区居民议事会"))
        });
        same_frame(&narrow, &wide, &["青禾里社区居民议事会"]);
        // The roll call names everyone.
        both("n", "新建会议", &mut narrow, &mut wide);
        both("\r", "点名", &mut narrow, &mut wide);
        same_frame(&narrow, &wide, &["Lǚ Wěi", "José Müller"]);
        both("111", "实到3人", &mut narrow, &mut wide);
        same_frame(&narrow, &wide, &["Lǚ Wěi", "José Müller"]);
        // A matter carried over, by its title.
        both("g", "议程", &mut narrow, &mut wide);
        both("c", "带入未办结事项", &mut narrow, &mut wide);
        same_frame(
            &narrow,
            &wide,
            &["①号楼“油烟”——扰民……", "②号楼雨水管道——“堵”"],
        );
        both("\r", "已列入议程", &mut narrow, &mut wide);
        same_frame(&narrow, &wide, &["①号楼“油烟”——扰民……"]);
        both("\r", "任务（", &mut narrow, &mut wide);
        same_frame(&narrow, &wide, &["①号楼“油烟”——扰民……"]);
        if cols == 120 {
            the_wall_draws_no_blocks_and_nothing_past_its_edge(b.path());
        }
        both("?", "按键", &mut narrow, &mut wide);
        same_frame(&narrow, &wide, &[]);
        narrow.send("q");
        wide.send("q");
        assert!(narrow.quit() && wide.quit());
    }
}

/// The wall beside the console, in a wide-ambiguous terminal at 200×56: its large type is
/// whole cells and dots (no block element, which would need a stand-in), the matter's title is
/// read from the dots as written, and nothing runs past the edge.
fn the_wall_draws_no_blocks_and_nothing_past_its_edge(db: &std::path::Path) {
    let wall = Console::start_wide(db, &["wall"], 200, 56);
    let title = "①号楼“油烟”——扰民……";
    wall.wait_until("the matter on the wall", |c| {
        c.wide_screen()
            .is_some_and(|t| support::dots::read(&t.contents()).contains(title))
    });
    let term = wall.wide_screen().expect("a wide terminal");
    let shown = term.contents();
    assert!(term.overflow.is_empty(), "{:?}\n{shown}", term.overflow);
    assert!(!shown.contains('#'), "a block stood in for:\n{shown}");
    assert!(
        shown
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
        "{shown}"
    );
}

#[test]
fn told_the_terminal_is_narrow_it_draws_box_drawing() {
    let db = sample_db();
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
