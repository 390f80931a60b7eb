//! A status beside free text is never cut: a long name gives way with …, and the speaker's
//! stance and time, or a voter's 已投, stay whole at 80×24. Status messages wrap whole.

mod support;

use chrono::NaiveDateTime;
use support::DRAINS;
use support::buffer::draw;
use yishi::domain::AddSpeaker;
use yishi::domain::{Author, Change, Stance, Step};
use yishi::tui::action::Action;
use yishi::tui::effect::Effect;
use yishi::tui::model::{Notice, Screen};

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

const LONG: &str = "青禾里社区五号楼一单元六楼东户业主代表欧阳晓东与二单元三楼西户业主代表司马春燕";

#[test]
fn a_long_speakers_name_gives_way_to_the_stance_and_the_clock() {
    let (_db, store, meeting, _) = support::meeting_under_way(now());
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Collect);
    let mut changes = support::drains_on_to(meeting, Step::Hear);
    changes.push(Change::AddSpeaker(AddSpeaker {
        matter: DRAINS,
        meeting,
        speaker: Author::Resident(LONG.into()),
        stance: Stance::Against,
    }));
    app.apply(
        changes
            .into_iter()
            .map(|c| Effect::record(c, Vec::new()))
            .collect(),
    );
    app.go(Screen::Matter {
        id: DRAINS,
        step: Step::Hear,
    });
    let listed = draw(&app, 80, 24);
    let row = listed
        .lines()
        .find(|r| r.contains("1. 青禾里"))
        .unwrap_or_else(|| panic!("the speaker's row:\n{listed}"));
    assert!(row.contains('…') && row.contains("反对　等候"), "{row}");
    app.update(Action::StartSpeaker);
    let speaking = draw(&app, 80, 24);
    let row = speaking
        .lines()
        .find(|r| r.contains("剩余"))
        .unwrap_or_else(|| panic!("the running speech:\n{speaking}"));
    assert!(
        row.contains("…（反对）") && row.contains("剩余 3:00"),
        "{row}"
    );
    assert!(speaking.contains("反对　发言中"), "{speaking}");
}

#[test]
fn a_long_refusal_is_said_whole_above_the_footer() {
    let (_db, store, meeting, lift) = support::meeting_under_way(now());
    let mut app = support::console_on(store, now, meeting, lift, Step::Decide);
    let why = "这条说明很长，用来检查状态栏在窄窗口里会换行而不会被截断：它的最后几个字必须出现在屏幕上，句末";
    app.model.notice = Some(Notice::Refused(why.into()));
    let shot = draw(&app, 80, 24);
    let joined: String = shot.lines().map(|l| l.trim()).collect::<Vec<_>>().join("");
    assert!(joined.contains("句末"), "{shot}");
    assert!(
        shot.lines().last().is_some_and(|l| l.contains("? 帮助")),
        "{shot}"
    );
}
