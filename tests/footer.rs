//! The footer offers what can be done here and now, and only that. Every key it shows does
//! something when pressed; every key of the screen that would do something is shown, in a
//! window wide enough for all; at 80×24 the keys the moment needs are there. The oracle is
//! the console's own answer to each key (`screens::update`: refused, nothing, or an act),
//! not the footer's code.

mod support;

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::DRAINS;
use support::buffer::draw;
use yishi::domain::{Adjourn, CloseVote, EnterCounts, HandInBallot, OpenVote, ProposeMotion};
use yishi::domain::{Change, MemberId, MotionId, Step, VoteMode};
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::effect::Effect;
use yishi::tui::keys::{self, Scope};
use yishi::tui::model::Screen;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

/// The footer (the last row) of the console drawn `width` × 24, as (key, word) pairs.
fn footer(app: &App, width: u16) -> Vec<(String, String)> {
    let shot = draw(app, width, 24);
    let last = shot.lines().last().unwrap_or_default().to_string();
    last.split("  ")
        .filter_map(|pair| {
            let (k, word) = pair.trim().split_once(' ')?;
            Some((k.to_string(), word.trim().to_string()))
        })
        .collect()
}

/// The key a footer label names, as the terminal sends it.
fn event(label: &str) -> KeyEvent {
    let code = match label {
        "Enter" => KeyCode::Enter,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Tab" => KeyCode::Tab,
        one if one.chars().count() == 1 => KeyCode::Char(one.chars().next().unwrap_or(' ')),
        other => panic!("a footer key the test does not know: {other}"),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Whether the console would act on `action` now: neither refuse it nor do nothing.
fn acts(app: &App, action: Action) -> bool {
    let effects = yishi::tui::screens::update(&app.model, action);
    !effects.is_empty() && !effects.iter().any(|e| matches!(e, Effect::Refuse(_)))
}

/// The actions the footer offers, each checked to be one the console acts on.
fn offered(app: &App, width: u16, place: &str) -> Vec<Action> {
    let mut out = Vec::new();
    for (k, word) in footer(app, width) {
        if k == "?" {
            continue;
        }
        let action = app
            .model
            .action_for(&event(&k))
            .unwrap_or_else(|| panic!("{place}: the footer offers {k} {word}, a key of nothing"));
        assert!(
            acts(app, action.clone()),
            "{place}: the footer offers {k} {word}, which the console refuses or ignores"
        );
        out.push(action);
    }
    out
}

/// At 200 columns, the footer offers exactly the keys of the screen that act now (looking at
/// other steps and Anywhere's keys are the help's).
fn offers_what_acts(app: &App, place: &str) -> Vec<Action> {
    let shown = offered(app, 200, place);
    let scopes = app.model.scopes();
    for b in keys::bindings(&scopes) {
        let left_to_help =
            b.scope == Scope::Anywhere || matches!(b.action, Action::NextStep | Action::PrevStep);
        if left_to_help || !acts(app, b.action.clone()) {
            continue;
        }
        assert!(
            shown.contains(&b.action),
            "{place}: {} ({}) acts now, and the footer does not offer it: {:?}",
            b.keys_label(),
            b.help[0],
            footer(app, 200)
        );
    }
    shown
}

fn has(app: &App, width: u16, wanted: &[Action], place: &str) {
    let shown = offered(app, width, place);
    for a in wanted {
        assert!(
            shown.contains(a),
            "{place}: at {width} columns the footer lacks {a:?}: {:?}",
            footer(app, width)
        );
    }
}

fn record(app: &mut App, change: Change) {
    app.apply(vec![Effect::record(change, Vec::new())]);
    assert!(
        !matches!(
            app.model.notice,
            Some(yishi::tui::model::Notice::Refused(_))
        ),
        "{:?}",
        app.model.notice
    );
}

/// The members in the room.
fn present(app: &App) -> Vec<MemberId> {
    app.model
        .data
        .meeting
        .as_ref()
        .map(|m| {
            m.attendance
                .iter()
                .filter(|(_, a)| **a == yishi::domain::Attendance::Present)
                .map(|(id, _)| *id)
                .collect()
        })
        .unwrap_or_default()
}

/// The motion moved on the rain-drain matter: its id, and who moves and seconds it.
fn drains_motion(app: &mut App, mode: VoteMode) -> MotionId {
    let meeting = app.model.meeting_id().expect("meeting");
    let present = present(app);
    let id = MotionId(7001 + mode as u64);
    record(
        app,
        Change::ProposeMotion(ProposeMotion {
            id,
            matter: DRAINS,
            meeting,
            text: "疏通南门雨水管道，费用由维修资金列支。".into(),
            mover: present[0],
            seconder: Some(present[1]),
            mode,
            item: None,
        }),
    );
    id
}

#[test]
fn the_decide_footer_follows_the_motion_through_its_vote() {
    let (_db, store, meeting, lift) = support::meeting_under_way(now());
    let mut app = support::console_on(store, now, meeting, lift, Step::Decide);
    // The demo's lift motion, its roll call open.
    let open = offers_what_acts(&app, "roll call open");
    for a in [Action::VoteYes, Action::CloseVote] {
        assert!(open.contains(&a), "roll call open: {a:?}");
    }
    assert!(
        !open.contains(&Action::ProposeMotion),
        "no motion while a vote is open"
    );
    has(
        &app,
        80,
        &[
            Action::VoteYes,
            Action::VoteNo,
            Action::VoteAbstain,
            Action::CloseVote,
        ],
        "roll call open, 80 columns",
    );
    has(
        &app,
        120,
        &[Action::CloseVote],
        "roll call open, 120 columns",
    );
    let v = app
        .model
        .matter()
        .and_then(|(m, _)| app.model.data.motion_on_floor(m))
        .map(|v| v.id)
        .expect("motion");
    record(&mut app, Change::CloseVote(CloseVote { motion: v }));
    // Nobody voted yes: rejected, and the matter waits for what is done with it.
    let closed = offers_what_acts(&app, "rejected");
    assert!(closed.contains(&Action::ResolveRejected), "{closed:?}");
    has(&app, 80, &[Action::ResolveRejected], "rejected, 80 columns");

    // The rain-drain matter brought to the decision: no motion yet, then one moved, then
    // put by show of hands and by secret ballot.
    for c in support::drains_on_to(meeting, Step::Decide) {
        record(&mut app, c);
    }
    app.go(Screen::Matter {
        id: DRAINS,
        step: Step::Decide,
    });
    let empty = offers_what_acts(&app, "no motion");
    assert!(empty.contains(&Action::ProposeMotion), "{empty:?}");
    has(&app, 80, &[Action::ProposeMotion], "no motion, 80 columns");
    for mode in [VoteMode::ShowOfHands, VoteMode::Secret] {
        let id = drains_motion(&mut app, mode);
        let moved = offers_what_acts(&app, "moved");
        has(
            &app,
            80,
            &[Action::OpenVote, Action::ProposeAmendment],
            "moved, 80 columns",
        );
        assert!(!moved.contains(&Action::CloseVote));
        record(&mut app, Change::OpenVote(OpenVote { motion: id }));
        let open = offers_what_acts(&app, "counted vote open");
        assert!(
            !open.contains(&Action::VoteYes),
            "no ballots by name: {open:?}"
        );
        // A ballot box is closed only once counted: the key comes with the counts.
        if mode == VoteMode::Secret {
            assert!(!open.contains(&Action::CloseVote), "{open:?}");
        }
        has(
            &app,
            80,
            &[Action::EnterCounts],
            "counted vote open, 80 columns",
        );
        if mode == VoteMode::Secret {
            assert!(open.contains(&Action::HandInBallot), "{open:?}");
        }
        // Voted down, so that the matter stays at the decision for the next mode.
        let (yes, no, abstain) = if mode == VoteMode::Secret {
            for member in present(&app).into_iter().take(3) {
                record(
                    &mut app,
                    Change::HandInBallot(HandInBallot { motion: id, member }),
                );
            }
            (1, 2, 0)
        } else {
            (2, 9, 1)
        };
        record(
            &mut app,
            Change::EnterCounts(EnterCounts {
                motion: id,
                yes,
                no,
                abstain,
                spoiled: 0,
            }),
        );
        offers_what_acts(&app, "counted");
        has(&app, 80, &[Action::CloseVote], "counted, 80 columns");
        record(&mut app, Change::CloseVote(CloseVote { motion: id }));
    }
}

#[test]
fn a_break_leaves_only_the_resumption_and_the_hearing_its_speakers_keys() {
    let (_db, store, meeting, _) = support::meeting_under_way(now());
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Collect);
    let collect = offers_what_acts(&app, "collecting");
    assert!(collect.contains(&Action::AddOpinion), "{collect:?}");
    for c in support::drains_on_to(meeting, Step::Hear) {
        record(&mut app, c);
    }
    app.go(Screen::Matter {
        id: DRAINS,
        step: Step::Hear,
    });
    offers_what_acts(&app, "hearing, nobody listed");
    app.update(Action::AddSpeaker);
    support::type_in(&mut app, "王芳");
    app.update(Action::Submit);
    let waiting = offers_what_acts(&app, "a speaker waiting");
    assert!(waiting.contains(&Action::StartSpeaker), "{waiting:?}");
    app.update(Action::StartSpeaker);
    let speaking = offers_what_acts(&app, "speaking");
    assert!(speaking.contains(&Action::FinishSpeaker), "{speaking:?}");
    assert!(!speaking.contains(&Action::StartSpeaker), "{speaking:?}");

    record(&mut app, Change::Adjourn(Adjourn { meeting }));
    let paused = offers_what_acts(&app, "in a break");
    assert_eq!(
        paused
            .iter()
            .filter(|a| !matches!(a, Action::ShowRollCall | Action::ShowAgenda))
            .collect::<Vec<_>>(),
        vec![&Action::StartMeeting],
        "in a break only the resumption: {:?}",
        footer(&app, 200)
    );
    let words: Vec<String> = footer(&app, 80).into_iter().map(|(_, w)| w).collect();
    assert!(words.contains(&"复会".to_string()), "{words:?}");
}

#[test]
fn the_minutes_footer_offers_signing_and_correcting_an_ended_meeting_at_80_columns() {
    let (_db, store, meeting, _) = support::meeting_under_way(now());
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Collect);
    app.model.viewport = (80, 24);
    app.go(Screen::Home);
    app.update(Action::ShowArchive);
    // Latest first: the meeting under way, then the last one, ended and not signed.
    app.update(Action::Down);
    app.update(Action::Select);
    assert_eq!(app.model.screen, Screen::Minutes);
    let shown = offers_what_acts(&app, "unsigned minutes");
    assert!(
        !shown.contains(&Action::NextHit),
        "n without a search: {shown:?}"
    );
    has(
        &app,
        80,
        &[Action::Sign, Action::Correct, Action::Search],
        "unsigned minutes, 80 columns",
    );
}
