//! Snapshots of the console's screens (ratatui's TestBackend, insta): every step view and
//! the presentation view, at 80×24 and 200×56, in 简体 and English. The record behind them
//! is made through the real store, the clock is fixed.

mod support;

use support::buffer::{draw, lang_code};
use yishi::domain::{
    AddOpinion, AddSpeaker, AddTask, Advance, CastBallot, CloseVote, CreateCouncil, CreateMatter,
    CreateMeeting, Import, MarkAttendance, OpenVote, ProposeMotion, RecordProgress, RecordReview,
    RecordSpeech, StartMeeting,
};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::cell::Cell;
use std::rc::Rc;

use yishi::domain::{
    Attendance, Author, Change, Channel, Choice, Document, MatterId, MeetingId, MemberId, MotionId,
    Stance, Step, VoteMode,
};
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::model::Screen;
use yishi::tui::theme::Theme;

const MEETING: MeetingId = MeetingId(900);
/// Walked through every step.
const LIFT: MatterId = MatterId(901);
/// At the hearing, one speaker waiting.
const NOISE: MatterId = MatterId(902);
const MOTION: MotionId = MotionId(903);

fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .expect("a real time")
}

fn record() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open store");
    let sample = std::fs::read_to_string(support::sample_path()).expect("sample");
    let document = Box::new(Document::parse(&sample).expect("sample parses"));
    let mut apply = |c: Change, t: NaiveDateTime| {
        store
            .apply(&c, t)
            .unwrap_or_else(|e| panic!("{c:?}: {}", e.describe(Lang::En)))
    };
    apply(Change::Import(Import { document }), at(14, 0));
    apply(
        Change::CreateMeeting(CreateMeeting {
            id: MEETING,
            council: yishi::domain::CouncilId(1),
            title: "十一月议事：加装电梯与夜间噪音".into(),
            place: "青禾里社区党群服务中心二楼议事厅".into(),
            start: at(14, 30),
            chair: MemberId(2),
            recorder: MemberId(5),
            speaker_limit_secs: 180,
        }),
        at(14, 1),
    );
    for id in 2..=18u64 {
        let attendance = match id {
            6 => Attendance::Excused,
            9 => Attendance::Absent,
            17 | 18 => Attendance::Observing,
            _ => Attendance::Present,
        };
        apply(
            Change::MarkAttendance(MarkAttendance {
                meeting: MEETING,
                member: MemberId(id),
                attendance,
            }),
            at(14, 2),
        );
    }
    apply(
        Change::StartMeeting(StartMeeting { meeting: MEETING }),
        at(14, 30),
    );
    for (id, title, short) in [
        (LIFT, "老旧公房加装电梯（5号楼）", "5号楼加装电梯"),
        (NOISE, "夜间广场舞音响扰民", "广场舞噪音"),
    ] {
        apply(
            Change::CreateMatter(CreateMatter {
                id,
                meeting: MEETING,
                title: title.into(),
                short_title: short.into(),
            }),
            at(14, 31),
        );
    }
    let day = at(0, 0).date();
    for (author, channel, text) in [
        (
            Author::Member(MemberId(12)),
            Channel::Visit,
            "五号楼住户多为老人，爬六楼很吃力，大家盼着装电梯，已经征得大部分住户同意。",
        ),
        (
            Author::Resident("一楼住户".into()),
            Channel::Book,
            "担心电梯井挡住一楼采光（尤其是冬天），希望给予适当补偿。",
        ),
        (
            Author::Anonymous,
            Channel::Online,
            "费用分摊要按楼层公开计算。",
        ),
    ] {
        apply(
            Change::AddOpinion(AddOpinion {
                matter: LIFT,
                meeting: MEETING,
                date: day,
                author,
                channel,
                text: text.into(),
            }),
            at(14, 35),
        );
    }
    apply(
        Change::Advance(Advance {
            matter: LIFT,
            meeting: MEETING,
            to: Step::Hear,
        }),
        at(14, 40),
    );
    for (i, (who, stance, summary)) in [
        (
            Author::Member(MemberId(13)),
            Stance::For,
            "加装电梯是老年住户的迫切需要，建议尽快表决。",
        ),
        (
            Author::Resident("一楼住户".into()),
            Stance::Against,
            "采光补偿方案要先落实。",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        apply(
            Change::AddSpeaker(AddSpeaker {
                matter: LIFT,
                meeting: MEETING,
                speaker: who,
                stance,
            }),
            at(14, 41),
        );
        apply(
            Change::RecordSpeech(RecordSpeech {
                matter: LIFT,
                meeting: MEETING,
                index: i,
                stance,
                summary: summary.into(),
                seconds_used: 150 + 20 * i as u32,
            }),
            at(14, 45),
        );
    }
    apply(
        Change::Advance(Advance {
            matter: LIFT,
            meeting: MEETING,
            to: Step::Decide,
        }),
        at(14, 50),
    );
    apply(
        Change::ProposeMotion(ProposeMotion {
            id: MOTION,
            matter: LIFT,
            meeting: MEETING,
            text: "同意5号楼加装电梯，一楼住户按协议获得采光补偿。".into(),
            mover: MemberId(2),
            seconder: Some(MemberId(13)),
            mode: VoteMode::RollCall,
            item: None,
        }),
        at(14, 51),
    );
    apply(Change::OpenVote(OpenVote { motion: MOTION }), at(14, 52));
    let voters: Vec<u64> = (2..=16).filter(|id| *id != 6 && *id != 9).collect();
    for (i, id) in voters.iter().enumerate() {
        let choice = match i {
            0..=8 => Choice::Yes,
            9 | 10 => Choice::No,
            _ => Choice::Abstain,
        };
        apply(
            Change::CastBallot(CastBallot {
                motion: MOTION,
                member: MemberId(*id),
                choice,
            }),
            at(14, 53),
        );
    }
    apply(Change::CloseVote(CloseVote { motion: MOTION }), at(14, 55));
    apply(
        Change::AddTask(AddTask {
            matter: LIFT,
            meeting: MEETING,
            text: "委托有资质的单位完成5号楼电梯设计与施工，并签订采光补偿协议".into(),
            owner: "业委会、物业公司".into(),
            due: NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            supervised: true,
        }),
        at(14, 56),
    );
    apply(
        Change::RecordProgress(RecordProgress {
            matter: LIFT,
            meeting: MEETING,
            task: 0,
            date: day,
            percent: 60,
            note: "设计已完成，施工队已进场。".into(),
        }),
        at(14, 57),
    );
    apply(
        Change::Advance(Advance {
            matter: LIFT,
            meeting: MEETING,
            to: Step::Review,
        }),
        at(14, 58),
    );
    apply(
        Change::RecordReview(RecordReview {
            matter: LIFT,
            meeting: MEETING,
            satisfied: 20,
            basically_satisfied: 6,
            dissatisfied: 4,
            comments: vec!["施工期间噪音控制得好".into(), "希望尽快通梯".into()],
        }),
        at(14, 59),
    );
    apply(
        Change::Advance(Advance {
            matter: NOISE,
            meeting: MEETING,
            to: Step::Hear,
        }),
        at(15, 0),
    );
    for (who, stance) in [
        (Author::Member(MemberId(14)), Stance::Against),
        (Author::Resident("广场舞队领队".into()), Stance::Neutral),
    ] {
        apply(
            Change::AddSpeaker(AddSpeaker {
                matter: NOISE,
                meeting: MEETING,
                speaker: who,
                stance,
            }),
            at(15, 1),
        );
    }
    (dir, store)
}

/// The console on the record, its clock held at `time`, moved with the handle.
fn console(lang: Lang) -> (tempfile::TempDir, App, Rc<Cell<NaiveDateTime>>) {
    let (dir, store) = record();
    let time = Rc::new(Cell::new(at(15, 10)));
    let clock = time.clone();
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let app = App::new(store, lang, theme, Box::new(move || clock.get())).expect("console");
    (dir, app, time)
}

#[test]
fn every_step_and_the_presentation_view_at_both_sizes_in_both_languages() {
    for lang in [Lang::ZhHans, Lang::En] {
        let (_dir, mut app, time) = console(lang);
        app.open_meeting(MEETING);
        let mut shots: Vec<(String, Screen, bool)> = Vec::new();
        for step in Step::ALL {
            let name = format!("{step:?}").to_lowercase();
            shots.push((name, Screen::Matter { id: LIFT, step }, false));
        }
        shots.push((
            "wall-decide".into(),
            Screen::Matter {
                id: LIFT,
                step: Step::Decide,
            },
            true,
        ));
        shots.push((
            "wall-review".into(),
            Screen::Matter {
                id: LIFT,
                step: Step::Review,
            },
            true,
        ));
        for (name, screen, wall) in shots {
            app.go(screen);
            app.model.wall = wall;
            for (w, h) in [(80, 24), (200, 56)] {
                let shot = draw(&app, w, h);
                insta::assert_snapshot!(format!("{name}-{}-{w}x{h}", lang_code(lang)), shot);
            }
        }
        // A speaker 160 s into a 180 s limit: the last-30-seconds warning.
        app.model.wall = false;
        app.go(Screen::Matter {
            id: NOISE,
            step: Step::Hear,
        });
        app.update(Action::StartSpeaker);
        time.set(time.get() + Duration::seconds(160));
        app.update(Action::Tick);
        for wall in [false, true] {
            app.model.wall = wall;
            for (w, h) in [(80, 24), (200, 56)] {
                let shot = draw(&app, w, h);
                let name = if wall { "wall-hear" } else { "hear-live" };
                insta::assert_snapshot!(format!("{name}-{}-{w}x{h}", lang_code(lang)), shot);
            }
        }
    }
}

#[test]
fn the_countdown_warns_in_the_last_30_seconds_and_counts_overtime() {
    let (_dir, mut app, time) = console(Lang::ZhHans);
    app.open_meeting(MEETING);
    app.go(Screen::Matter {
        id: NOISE,
        step: Step::Hear,
    });
    app.update(Action::StartSpeaker);
    for (after, expect) in [
        (0, "剩余 3:00"),
        (149, "剩余 0:31"),
        (150, "最后 0:30"),
        (185, "超时 0:05"),
    ] {
        time.set(at(15, 10) + Duration::seconds(after));
        app.update(Action::Tick);
        let shot = draw(&app, 80, 24);
        assert!(
            shot.contains(expect),
            "after {after}s expected {expect}:\n{shot}"
        );
    }
}

#[test]
fn below_80_by_24_the_console_asks_for_a_larger_window() {
    let (_dir, app, _) = console(Lang::ZhHans);
    for (w, h) in [(79, 24), (80, 23), (40, 10)] {
        let shot = draw(&app, w, h);
        assert!(shot.contains("80×24"), "{w}x{h}:\n{shot}");
        assert!(shot.contains(&format!("{w}×{h}")), "{w}x{h}:\n{shot}");
        assert!(!shot.contains("会议（新的在前）"), "{shot}");
    }
    assert!(draw(&app, 80, 24).contains("会议（新的在前）"));
}

#[test]
fn a_name_carrying_an_escape_sequence_reaches_the_screen_without_it() {
    let (_dir, mut app, _) = console(Lang::ZhHans);
    app.go(Screen::Council);
    app.update(Action::AddMember);
    app.update(Action::Paste("王\u{1b}[2J\u{1b}]0;pwned\u{7}芳".into()));
    let shot = draw(&app, 200, 56);
    assert!(shot.contains("王[2J]0;pwned芳"), "{shot}");
    assert!(!shot.contains('\u{1b}') && !shot.contains('\u{7}'));
}

/// The rows of the help box drawn in `shot`, between its corners, each checked to start
/// with its border at the corner's column.
fn help_rows(shot: &str) -> Vec<String> {
    let rows: Vec<&str> = shot.lines().collect();
    let top = rows
        .iter()
        .position(|r| r.contains("┌ 按键"))
        .unwrap_or_else(|| panic!("help box:\n{shot}"));
    // Columns on screen, not bytes: the rows hold box-drawing and Chinese characters.
    let corner = rows[top].find("┌ 按键").expect("corner");
    let col = yishi::text::width(&rows[top][..corner]);
    let at_column = |row: &str| {
        let mut x = 0;
        row.chars().find(|c| {
            let here = x;
            x += yishi::text::width(&c.to_string());
            here == col
        })
    };
    let bottom = (top + 1..rows.len())
        .find(|&y| at_column(rows[y]) == Some('└'))
        .unwrap_or_else(|| panic!("bottom corner:\n{shot}"));
    for row in &rows[top + 1..bottom] {
        assert_eq!(at_column(row), Some('│'), "border lost:\n{shot}");
    }
    rows[top + 1..bottom]
        .iter()
        .map(|r| r.to_string())
        .collect()
}

/// The key help open over the lift matter's decide step, in a window of `size`.
fn help_over_decide(lang: Lang, size: (u16, u16)) -> (tempfile::TempDir, App) {
    let (dir, mut app, _) = console(lang);
    app.open_meeting(MEETING);
    app.go(Screen::Matter {
        id: LIFT,
        step: Step::Decide,
    });
    app.model.viewport = size;
    app.update(Action::Help);
    (dir, app)
}

/// The help over a matter's decide step in 繁體 and English, as a reader of each sees it.
#[test]
fn the_help_overlay_in_traditional_and_english() {
    for (lang, code, title) in [
        (Lang::ZhHant, "zh-Hant", "┌ 按鍵"),
        (Lang::En, "en", "┌ Keys"),
    ] {
        let (_dir, app) = help_over_decide(lang, (100, 50));
        let shot = draw(&app, 100, 50);
        assert!(shot.contains(title), "{shot}");
        insta::assert_snapshot!(format!("help-decide-{code}-100x50"), shot);
    }
}

/// In a small window the help scrolls: page by page, every key's description is there whole
/// (the descriptions the README's key list gives), none cut with …, the border kept.
#[test]
fn the_help_overlay_scrolls_in_a_small_window_and_keeps_every_description_whole() {
    let (_dir, mut app) = help_over_decide(Lang::ZhHans, (80, 24));
    let first = draw(&app, 80, 24);
    insta::assert_snapshot!("help-decide-zh-Hans-80x24", first);
    let mut seen = String::new();
    for _ in 0..6 {
        let shot = draw(&app, 80, 24);
        assert!(!shot.contains('…'), "a description cut:\n{shot}");
        for row in help_rows(&shot) {
            // A description wrapped under itself is read back as one.
            seen.push_str(row.trim_matches(|c| c == '│' || c == ' '));
        }
        app.update(Action::PageDown);
    }
    // Still open after paging; any other key closes it.
    assert!(draw(&app, 80, 24).contains("┌ 按键"));
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let seen: String = seen.split_whitespace().collect();
    for needed in [
        "开始表决（须达法定人数）",
        "结束表决并宣布结果（需确认）",
        "更正尚未付表决的动议（内容、提议人、附议人；原记录留存）",
        "退出（会议进行中先问一句；已确认的内容都已保存）",
        "切换投影视图（只显示会场需要的内容）",
    ] {
        assert!(readme.contains(needed), "README lists {needed}");
        assert!(
            seen.contains(needed),
            "{needed} missing from the pages: {seen}"
        );
    }
    app.update(Action::Select);
    assert!(
        !draw(&app, 80, 24).contains("┌ 按键"),
        "closed by another key"
    );
}

/// Where a chair starts: an empty database says how to make a council (wrapped, its steps
/// hanging), and a council without meetings says how to begin the first.
#[test]
fn an_empty_database_and_a_new_council_say_how_to_start() {
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let council: yishi::domain::Council = serde_json::from_value(serde_json::json!({
        "id": 1, "name": "青禾里社区居民议事会",
        "members": [
            {"id": 2, "name": "周立平", "affiliation": "party_committee", "voting": true},
            {"id": 3, "name": "李梅", "affiliation": "property_company", "voting": false}
        ],
        "rule": yishi::domain::presets().remove(0),
        "satisfaction_threshold": 80
    }))
    .expect("a council");
    for made in [false, true] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(dir.path()).expect("open store");
        if made {
            let change = Change::CreateCouncil(CreateCouncil {
                council: Box::new(council.clone()),
            });
            store.apply(&change, at(9, 0)).expect("council");
        }
        drop(store);
        let name = if made {
            "home-new-council"
        } else {
            "home-empty-database"
        };
        for lang in [Lang::ZhHans, Lang::En] {
            let store = Store::open(dir.path()).expect("reopen");
            let mut app =
                App::new(store, lang, theme.clone(), Box::new(|| at(10, 0))).expect("console");
            for (w, h) in [(80, 24), (200, 56)] {
                app.model.viewport = (w, h);
                let shot = draw(&app, w, h);
                insta::assert_snapshot!(format!("{name}-{}-{w}x{h}", lang_code(lang)), shot);
            }
            app.update(Action::NewMeeting);
            let said = draw(&app, 80, 24);
            if !made {
                assert!(
                    said.contains("新建议事会") || said.contains("Set up a council"),
                    "n on an empty database sets a council up: {said}"
                );
            }
        }
    }
}

/// The new-meeting form with its chair found by pinyin initials, and with a search that
/// finds nothing: at both sizes in both languages.
#[test]
fn a_member_is_found_in_a_form_by_typing() {
    for lang in [Lang::ZhHans, Lang::En] {
        let (_dir, mut app, _) = console(lang);
        app.update(Action::NewMeeting);
        // Title, place, start: the chair is the fourth field.
        for _ in 0..3 {
            app.update(Action::NextField);
        }
        // 赵国栋, by the initials of zhao guo dong.
        for c in "zgd".chars() {
            app.update(Action::Type(c));
        }
        for (w, h) in [(80, 24), (200, 56)] {
            app.model.viewport = (w, h);
            let shot = draw(&app, w, h);
            insta::assert_snapshot!(
                format!("form-member-found-{}-{w}x{h}", lang_code(lang)),
                shot
            );
        }
        app.update(Action::Type('q'));
        let shot = draw(&app, 80, 24);
        insta::assert_snapshot!(
            format!("form-member-not-found-{}-80x24", lang_code(lang)),
            shot
        );
    }
}
