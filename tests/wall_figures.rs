//! The wall for the back row: at 200×56, as a 1080p projector shows it, each step's key figure
//! (the roll's 应到 and 实到, the opinions collected, the countdown, the tally, the result, the
//! tasks, the satisfaction rate) is the tallest thing on the screen and at least a sixth of
//! its height. Measured on the drawn frame: a figure is a band of rows drawn with block
//! glyphs or cells painted in a colour other than the wall's, and it is found by the ordinary
//! words the wall puts next to it.

mod support;

use chrono::{Duration, NaiveDateTime};
use std::cell::Cell;
use std::rc::Rc;
use yishi::domain::{AddSpeaker, AddTask, Advance, CastBallot, RecordReview};

use ratatui::buffer::Buffer;
use ratatui::style::Color;
use yishi::domain::{Attendance, Author, Change, Choice, MemberId, Records, Stance, Step};
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::model::Screen;
use yishi::tui::theme::Theme;

use support::DRAINS;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 56;

fn start() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

/// A run of consecutive rows drawn with block glyphs.
#[derive(Debug, Clone, Copy)]
struct Band {
    top: usize,
    rows: usize,
}

fn is_block(c: char) -> bool {
    matches!(
        c,
        '█' | '▀'
            | '▄'
            | '▌'
            | '▐'
            | '▖'
            | '▗'
            | '▘'
            | '▝'
            | '▙'
            | '▛'
            | '▜'
            | '▟'
            | '▚'
            | '▞'
    )
}

/// Whether each row holds ink: a block glyph, or a blank painted another colour than the
/// wall's own background (its top left corner; the cell behind a wide character has none).
fn inked_rows(buf: &Buffer) -> Vec<bool> {
    let ground = buf[(0, 0)].bg;
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width).any(|x| {
                let cell = &buf[(x, y)];
                let painted = cell.bg != ground && cell.bg != Color::Reset;
                cell.symbol().chars().any(is_block) || (cell.symbol() == " " && painted)
            })
        })
        .collect()
}

fn bands(inked: &[bool]) -> Vec<Band> {
    let mut out: Vec<Band> = Vec::new();
    for (y, ink) in inked.iter().enumerate() {
        if !ink {
            continue;
        }
        match out.last_mut() {
            Some(b) if y == b.top + b.rows => b.rows += 1,
            _ => out.push(Band { top: y, rows: 1 }),
        }
    }
    out
}

/// `words` as unifont draws them: 16 rows of pixels.
fn unifont_pixels(words: &str) -> Vec<Vec<bool>> {
    let mut rows = vec![Vec::new(); 16];
    for c in words.chars() {
        let glyph = unifont::get_glyph(c).expect("a glyph");
        for (y, row) in rows.iter_mut().enumerate() {
            row.extend((0..glyph.get_width()).map(|x| glyph.get_pixel(x, y)));
        }
    }
    rows
}

/// Four rows of the frame from `top` read as Braille dots (ISO/TR 11548-1: dots 1–3 and 7
/// down a cell's left, 4–6 and 8 down its right): 16 rows of pixels, two a column.
fn braille_pixels(buf: &Buffer, top: u16) -> Vec<Vec<bool>> {
    const BITS: [[u32; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
    let mut rows = vec![vec![false; usize::from(buf.area.width) * 2]; 16];
    for y in 0..4 {
        for x in 0..buf.area.width {
            let Some(c) = buf[(x, top + y)].symbol().chars().next() else {
                continue;
            };
            let bits = match u32::from(c) {
                b @ 0x2800..=0x28ff => b - 0x2800,
                _ => 0,
            };
            for (dx, column) in BITS.iter().enumerate() {
                for (dy, bit) in column.iter().enumerate() {
                    rows[usize::from(y) * 4 + dy][usize::from(x) * 2 + dx] = bits & bit != 0;
                }
            }
        }
    }
    rows
}

/// The rows `words` take on the screen: one as an ordinary line, or four drawn in dots.
fn words_at(frame: &Frame, words: &str) -> Option<(usize, usize)> {
    let want = unifont_pixels(words);
    let w = want[0].len();
    let dotted = (0..frame.buf.area.height.saturating_sub(3)).find_map(|top| {
        let got = braille_pixels(&frame.buf, top);
        (0..got[0].len().saturating_sub(w))
            .step_by(2)
            .any(|x| (0..16).all(|y| got[y][x..x + w] == want[y][..]))
            .then_some((usize::from(top), 4))
    });
    dotted.or_else(|| {
        let y = frame.text.lines().position(|l| l.contains(words))?;
        Some((y, 1))
    })
}

/// Asserts `words` are on the wall at a thirty-third of its height or more (two rows of 56).
fn readable(frame: &Frame, words: &str) -> (usize, usize) {
    let Some((top, rows)) = words_at(frame, words) else {
        panic!("{words:?} is not on the wall:\n{}", frame.text);
    };
    assert!(
        rows * 33 >= usize::from(HEIGHT),
        "{words:?} is {rows} rows of {HEIGHT}:\n{}",
        frame.text
    );
    (top, rows)
}

/// The band of large type under the label `words` (or, with `below`, above it, the label
/// under its figure), past blank rows only; checked to be the tallest on the screen and at
/// least a sixth of its height, its label a thirty-third.
fn key_figure(frame: &Frame, words: &str, below: bool) -> Band {
    let screen = &frame.text;
    let (top, rows) = readable(frame, words);
    let lines: Vec<&str> = screen.lines().collect();
    let all = bands(&frame.inked);
    let blank = |from: usize, to: usize| (from..to).all(|y| lines[y].trim().is_empty());
    let found = if below {
        all.iter()
            .rev()
            .copied()
            .find(|b| b.top + b.rows <= top && blank(b.top + b.rows, top))
    } else {
        all.iter()
            .copied()
            .find(|b| b.top >= top + rows && blank(top + rows, b.top))
    };
    let Some(band) = found else {
        panic!("no large figure next to {words:?}:\n{screen}");
    };
    let tallest = all.iter().map(|b| b.rows).max().unwrap_or(0);
    assert_eq!(
        band.rows, tallest,
        "the {words:?} figure is not the largest:\n{screen}"
    );
    assert!(
        band.rows * 6 >= usize::from(HEIGHT),
        "the {words:?} figure is {} rows of {HEIGHT}:\n{screen}",
        band.rows
    );
    band
}

struct Frame {
    text: String,
    inked: Vec<bool>,
    buf: Buffer,
}

fn wall(app: &App) -> Frame {
    let buf = support::buffer::draw_buffer(app, WIDTH, HEIGHT);
    Frame {
        text: support::buffer::text(&buf),
        inked: inked_rows(&buf),
        buf,
    }
}

fn console(db: &std::path::Path, clock: Rc<Cell<NaiveDateTime>>) -> App {
    let store = yishi::store::Store::open(db).expect("open");
    let theme = Theme::find("projector-dark").expect("theme");
    let mut app =
        App::new(store, Lang::ZhHans, theme, Box::new(move || clock.get())).expect("console");
    app.open_meeting(support::live_meeting_id());
    app.model.wall = true;
    app
}

#[test]
fn each_steps_key_figure_is_the_largest_thing_on_the_wall() {
    let (db, mut store, meeting, lift) = support::meeting_under_way(start());
    // The drain matter gets a speaker waiting; the lift's vote gets its ballots.
    for c in support::drains_on_to(meeting, Step::Hear) {
        store.apply(&c, start()).expect("to the hearing");
    }
    let speaker = Change::AddSpeaker(AddSpeaker {
        matter: DRAINS,
        meeting,
        speaker: Author::Resident("八号楼住户".into()),
        stance: Stance::For,
    });
    store.apply(&speaker, start()).expect("a speaker");
    let present: Vec<MemberId> = store
        .meeting(meeting)
        .expect("read")
        .expect("the meeting")
        .attendance
        .iter()
        .filter(|(_, a)| **a == Attendance::Present)
        .map(|(m, _)| *m)
        .collect();
    let motion = *store
        .matter(lift)
        .expect("read")
        .expect("the lift")
        .motions
        .last()
        .expect("a motion");
    for (i, member) in present.iter().enumerate() {
        let choice = if i % 4 == 3 { Choice::No } else { Choice::Yes };
        let ballot = Change::CastBallot(CastBallot {
            motion,
            member: *member,
            choice,
        });
        store.apply(&ballot, start()).expect("a ballot");
    }
    let lift_title = store.matter(lift).expect("read").expect("the lift").title;
    let motion_text = store
        .motion(motion)
        .expect("read")
        .expect("the motion")
        .text;
    drop(store);
    // The room reads the matter and the motion from the back row: checked by their first
    // words, as a long text wraps.
    let opening = |t: &str| t.chars().take(4).collect::<String>();

    let clock = Rc::new(Cell::new(start()));
    let mut app = console(db.path(), clock.clone());

    app.go(Screen::RollCall);
    let screen = wall(&app);
    key_figure(&screen, "应到", false);
    key_figure(&screen, "实到", false);

    app.go(Screen::Matter {
        id: lift,
        step: Step::Decide,
    });
    let screen = wall(&app);
    key_figure(&screen, "赞成", false);
    key_figure(&screen, "反对", false);
    readable(&screen, &opening(&lift_title));
    readable(&screen, &opening(&motion_text));

    app.update(Action::CloseVote);
    app.update(Action::Yes);
    assert!(app.model.overlay.is_none(), "{:?}", app.model.notice);
    let screen = wall(&app);
    assert!(
        screen.text.contains("✓"),
        "the vote passed:\n{}",
        screen.text
    );
    // Decided, the tally is still the key figure, and the result is said large under it.
    key_figure(&screen, "赞成", false);
    key_figure(&screen, "弃权", false);
    readable(&screen, &opening(&motion_text));
    let verdict = words_at(&screen, "✓").expect("the verdict").0;
    assert!(
        bands(&screen.inked)
            .iter()
            .any(|b| b.top > verdict && b.rows * 33 >= usize::from(HEIGHT) * 4),
        "通过 said large under the verdict:\n{}",
        screen.text
    );

    let task = Change::AddTask(AddTask {
        matter: lift,
        meeting,
        text: "委托有资质的单位完成5号楼电梯设计与施工".into(),
        owner: "业委会".into(),
        due: start().date() + Duration::days(90),
        supervised: true,
    });
    let review = Change::RecordReview(RecordReview {
        matter: lift,
        meeting,
        satisfied: 20,
        basically_satisfied: 6,
        dissatisfied: 4,
        comments: Vec::new(),
    });
    drop(app);
    let mut store = yishi::store::Store::open(db.path()).expect("open");
    // The adopted motion took the matter on to 执行督办.
    store.apply(&task, start()).expect("a task");
    drop(store);
    let mut app = console(db.path(), clock.clone());
    app.go(Screen::Matter {
        id: lift,
        step: Step::Execute,
    });
    key_figure(&wall(&app), "执行任务", false);

    drop(app);
    let mut store = yishi::store::Store::open(db.path()).expect("open");
    let advance = Change::Advance(Advance {
        matter: lift,
        meeting,
        to: Step::Review,
    });
    store.apply(&advance, start()).expect("to the review");
    store.apply(&review, start()).expect("a review");
    drop(store);
    let mut app = console(db.path(), clock.clone());
    app.go(Screen::Matter {
        id: lift,
        step: Step::Review,
    });
    key_figure(&wall(&app), "满意率", false);

    app.go(Screen::Matter {
        id: DRAINS,
        step: Step::Collect,
    });
    key_figure(&wall(&app), "已收集意见", false);

    app.go(Screen::Matter {
        id: DRAINS,
        step: Step::Hear,
    });
    app.update(Action::StartSpeaker);
    clock.set(start() + Duration::seconds(20));
    app.update(Action::Tick);
    let screen = wall(&app);
    key_figure(&screen, "剩余 2:40", true);

    // Overtime: the figure counts up with its sign, and says so in words and in red.
    clock.set(start() + Duration::seconds(200));
    app.update(Action::Tick);
    let screen = wall(&app);
    key_figure(&screen, "超时 0:20", true);
    assert!(!screen.text.contains("剩余"), "{}", screen.text);
}
