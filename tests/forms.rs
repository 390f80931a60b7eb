//! Snapshots of the forms a live meeting needs, at 80×24 and 200×56 in 简体 and English:
//! setting a council up, a member joining and leaving, an amendment, and the corrections of an
//! opinion, a task and a motion before the minutes are signed.

mod support;

use chrono::NaiveDateTime;
use support::DRAINS;
use support::buffer::{draw, lang_code};
use yishi::domain::{
    AddOpinion, AddTask, CloseVote, EnterCounts, MemberLeaves, OpenVote, ProposeMotion,
};
use yishi::domain::{Author, Change, Channel, MemberId, MotionId, Step, VoteMode};
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::model::{Overlay, Screen};

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

/// Shoots what `app` shows, at both sizes, as `name`.
fn shoot(app: &mut App, name: &str) {
    assert!(
        matches!(app.model.overlay, Some(Overlay::Form(_))),
        "{name}: no form open: {:?}",
        app.model.notice
    );
    for (w, h) in [(80, 24), (200, 56)] {
        app.model.viewport = (w, h);
        let shot = draw(app, w, h);
        let lang = lang_code(app.model.lang);
        insta::assert_snapshot!(format!("{name}-{lang}-{w}x{h}"), shot);
    }
    app.update(Action::Cancel);
}

#[test]
fn the_council_forms_at_both_sizes_in_both_languages() {
    for lang in [Lang::ZhHans, Lang::En] {
        let empty = tempfile::tempdir().expect("tempdir");
        let store = Store::open(empty.path()).expect("open");
        let theme = yishi::tui::theme::Theme::find("projector-dark").expect("theme");
        let mut app = App::new(store, lang, theme, Box::new(now)).expect("console");
        app.update(Action::NewMeeting);
        shoot(&mut app, "form-new-council");

        // The sample's council, one of its members gone since.
        let (_db, mut store, _, _) = support::meeting_under_way(now());
        let leaves = Change::MemberLeaves(MemberLeaves {
            council: yishi::domain::CouncilId(1),
            member: MemberId(18),
            on: now().date().succ_opt().expect("tomorrow"),
        });
        store.apply(&leaves, now()).expect("leaves");
        let theme = yishi::tui::theme::Theme::find("projector-dark").expect("theme");
        let mut app = App::new(store, lang, theme, Box::new(now)).expect("console");
        app.go(Screen::Council);
        for (w, h) in [(80, 24), (200, 56)] {
            app.model.viewport = (w, h);
            let shot = draw(&app, w, h);
            insta::assert_snapshot!(format!("council-{}-{w}x{h}", lang_code(lang)), shot);
        }
        app.update(Action::AddMember);
        shoot(&mut app, "form-add-member");
        app.update(Action::Down);
        app.update(Action::MemberLeaves);
        shoot(&mut app, "form-member-leaves");
    }
}

#[test]
fn the_correction_and_amendment_forms_at_both_sizes_in_both_languages() {
    for lang in [Lang::ZhHans, Lang::En] {
        let (_db, mut store, meeting, _) = support::meeting_under_way(now());
        let opinion = Change::AddOpinion(AddOpinion {
            matter: DRAINS,
            meeting,
            date: now().date(),
            author: Author::Resident("王大妈".into()),
            channel: Channel::Visit,
            text: "三号楼雨水管堵塞，下雨积水到脚脖。".into(),
        });
        store.apply(&opinion, now()).expect("an opinion");
        let mut app = support::console_on(store, now, meeting, DRAINS, Step::Collect);
        app.model.lang = lang;
        let last = app
            .model
            .data
            .matter(DRAINS)
            .map_or(0, |m| m.opinions.len().saturating_sub(1));
        app.update(Action::Select);
        app.model.selected = last;
        app.update(Action::CorrectSelected);
        shoot(&mut app, "form-correct-opinion");

        let (_db, mut store, meeting, _) = support::meeting_under_way(now());
        for c in support::drains_on_to(meeting, Step::Decide) {
            store.apply(&c, now()).expect("to the decision");
        }
        store.apply(&motion(meeting), now()).expect("a motion");
        let mut app = support::console_on(store, now, meeting, DRAINS, Step::Decide);
        app.model.lang = lang;
        app.update(Action::CorrectSelected);
        shoot(&mut app, "form-correct-motion");
        app.update(Action::ProposeAmendment);
        shoot(&mut app, "form-amendment");

        // The motion adopted, a task given: its correction.
        let (_db, mut store, meeting, _) = support::meeting_under_way(now());
        let id = MotionId(9301);
        let task = Change::AddTask(AddTask {
            matter: DRAINS,
            meeting,
            text: "疏通三号楼雨水管".into(),
            owner: "物业公司".into(),
            due: now().date() + chrono::Days::new(30),
            supervised: true,
        });
        let counts = Change::EnterCounts(EnterCounts {
            motion: id,
            yes: 10,
            no: 0,
            abstain: 0,
            spoiled: 0,
        });
        let changes = support::drains_on_to(meeting, Step::Decide)
            .into_iter()
            .chain([
                motion(meeting),
                Change::OpenVote(OpenVote { motion: id }),
                counts,
                Change::CloseVote(CloseVote { motion: id }),
                task,
            ]);
        for c in changes {
            store.apply(&c, now()).expect("to a task");
        }
        let mut app = support::console_on(store, now, meeting, DRAINS, Step::Execute);
        app.model.lang = lang;
        app.update(Action::CorrectSelected);
        shoot(&mut app, "form-correct-task");
    }
}

fn motion(meeting: yishi::domain::MeetingId) -> Change {
    Change::ProposeMotion(ProposeMotion {
        id: MotionId(9301),
        matter: DRAINS,
        meeting,
        text: "由物业公司在月底前疏通雨水管。".into(),
        mover: MemberId(2),
        seconder: Some(MemberId(3)),
        mode: VoteMode::ShowOfHands,
        item: None,
    })
}

/// Two months on, a supervised task with a long owner is overdue: at 80 columns its marks
/// (督办, 逾期) and its figures are whole, and the owner's name gives way with …, on the
/// console and on the wall.
#[test]
fn an_overdue_tasks_marks_are_never_cut() {
    fn later() -> NaiveDateTime {
        now() + chrono::Duration::days(60)
    }
    let (_db, mut store, meeting, _) = support::meeting_under_way(now());
    let id = MotionId(9301);
    let owner = "青禾里社区物业服务中心工程维修部第三班组与街道城管执法中队联合工作小组";
    let changes = support::drains_on_to(meeting, Step::Decide)
        .into_iter()
        .chain([
            motion(meeting),
            Change::OpenVote(OpenVote { motion: id }),
            Change::EnterCounts(EnterCounts {
                motion: id,
                yes: 10,
                no: 0,
                abstain: 0,
                spoiled: 0,
            }),
            Change::CloseVote(CloseVote { motion: id }),
            Change::AddTask(AddTask {
                matter: DRAINS,
                meeting,
                text: "疏通三号楼雨水管".into(),
                owner: owner.into(),
                due: now().date() + chrono::Days::new(30),
                supervised: true,
            }),
        ]);
    for c in changes {
        store.apply(&c, now()).expect("to a task");
    }
    let mut app = support::console_on(store, later, meeting, DRAINS, Step::Execute);
    for wall in [false, true] {
        if wall {
            app.update(Action::ToggleWall);
        }
        let screen = draw(&app, 80, 24);
        let line = screen
            .lines()
            .find(|l| l.contains("责任："))
            .unwrap_or_else(|| panic!("the task's line:\n{screen}"));
        assert!(
            line.contains("督办") && line.contains("逾期") && line.contains("0%"),
            "wall {wall}: {line}"
        );
        assert!(line.contains('…') && !line.contains(owner), "{line}");
    }
}
