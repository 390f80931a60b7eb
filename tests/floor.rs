//! Procedure on the floor: a motion not yet put to the vote is withdrawn by its mover (撤回)
//! or deferred by the meeting (暂缓表决), each asked first and said so in the minutes; a vote
//! once open is closed and counted, never set aside.

mod support;

use chrono::NaiveDateTime;
use yishi::domain::{
    AddOpinion, AddSpeaker, Advance, CloseVote, EnterCounts, OpenVote, ProposeAmendment,
    ProposeMotion, RecordSpeech, WithdrawMotion,
};
use yishi::domain::{Change, MemberId, MotionId, Records, Refusal, Step, VoteMode, VoteState};
use yishi::store::StoreError;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::effect::Effect;
use yishi::tui::model::{Overlay, Screen};
use yishi::tui::theme::Theme;

use support::DRAINS;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

fn motion(id: u64, text: &str, meeting: yishi::domain::MeetingId) -> Change {
    Change::ProposeMotion(ProposeMotion {
        id: MotionId(id),
        matter: DRAINS,
        meeting,
        text: text.into(),
        mover: MemberId(2),
        seconder: Some(MemberId(3)),
        mode: VoteMode::ShowOfHands,
        item: None,
    })
}

#[test]
fn a_motion_is_withdrawn_or_deferred_before_the_vote_and_the_minutes_say_so() {
    let (db, mut store, meeting, lift) = support::meeting_under_way(now());
    for c in support::drains_on_to(meeting, Step::Decide) {
        store.apply(&c, now()).expect("to the decision");
    }
    // The lift's vote is open: it is closed and counted, not set aside.
    let lift_motion = store
        .matter(lift)
        .ok()
        .flatten()
        .and_then(|x| x.motions.last().copied())
        .expect("the lift's motion");
    let open = store.apply(
        &Change::WithdrawMotion(WithdrawMotion {
            motion: lift_motion,
        }),
        now(),
    );
    assert!(matches!(open, Err(StoreError::Refused(Refusal::VoteState))));

    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Decide);
    let state = |app: &App, id: u64| app.model.data.motions.get(&MotionId(id)).map(|v| v.state);
    for (id, text, action, expected) in [
        (
            9001,
            "全面疏通南区雨水管道（动议人撤回）",
            Action::WithdrawMotion,
            VoteState::Withdrawn,
        ),
        (
            9002,
            "更换南区全部雨水井盖（暂缓表决）",
            Action::DeferMotion,
            VoteState::Deferred,
        ),
    ] {
        app.apply(vec![Effect::record(motion(id, text, meeting), Vec::new())]);
        app.update(action);
        match &app.model.overlay {
            Some(Overlay::Confirm(c)) => assert!(c.question.contains("南区"), "{}", c.question),
            other => panic!("a question, not {other:?}"),
        }
        app.update(Action::Yes);
        assert_eq!(state(&app, id), Some(expected));
        // The room sees it on the wall, large.
        app.model.wall = true;
        let name = format!(
            "wall-{}-200x56",
            if id == 9001 { "withdrawn" } else { "deferred" }
        );
        insta::assert_snapshot!(name, support::buffer::draw(&app, 200, 56));
        app.model.wall = false;
        // Not put to the vote once set aside.
        app.update(Action::OpenVote);
        assert_eq!(state(&app, id), Some(expected));
    }
    // Another motion is moved and voted as usual.
    app.apply(vec![Effect::record(
        motion(9003, "汛期前疏通南区雨水管道并清理落叶", meeting),
        Vec::new(),
    )]);
    app.update(Action::OpenVote);
    assert_eq!(state(&app, 9003), Some(VoteState::Open));

    let path = db.path().to_path_buf();
    let (store, minutes) = support::minutes_after(app, &path, meeting);
    assert!(minutes.contains("动议人撤回了该动议"), "{minutes}");
    assert!(minutes.contains("暂缓表决"), "{minutes}");
    drop(store);
    assert!(support::yishi(&path, &["verify"]).status.success());
}

/// Speakers waiting on the list are called sooner or later (J skips one not in the room);
/// those heard keep their place, and nobody is moved while someone speaks.
#[test]
fn waiting_speakers_are_moved_and_those_heard_keep_their_place() {
    let (_db, mut store, meeting, _) = support::meeting_under_way(now());
    let mut changes = vec![Change::Advance(Advance {
        matter: DRAINS,
        meeting,
        to: Step::Hear,
    })];
    for who in ["一号楼住户", "二号楼住户", "三号楼住户"] {
        changes.push(Change::AddSpeaker(AddSpeaker {
            matter: DRAINS,
            meeting,
            speaker: yishi::domain::Author::Resident(who.into()),
            stance: yishi::domain::Stance::For,
        }));
    }
    changes.push(Change::RecordSpeech(RecordSpeech {
        matter: DRAINS,
        meeting,
        index: 0,
        stance: yishi::domain::Stance::For,
        summary: "先疏通".into(),
        seconds_used: 60,
    }));
    for c in changes {
        store.apply(&c, now()).expect("speakers");
    }
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Hear);
    let order = |app: &App| -> Vec<String> {
        app.model
            .data
            .matter(DRAINS)
            .map(|x| {
                x.speeches
                    .iter()
                    .map(|s| match &s.speaker {
                        yishi::domain::Author::Resident(n) => n.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    // 二号楼 is not in the room: J skips them.
    app.apply(vec![Effect::Select(1)]);
    app.update(Action::MoveDown);
    assert_eq!(order(&app), ["一号楼住户", "三号楼住户", "二号楼住户"]);
    assert_eq!(app.model.selected, 2, "the selection follows the speaker");
    // Nobody is moved before one already heard.
    app.apply(vec![Effect::Select(1)]);
    app.update(Action::MoveUp);
    assert_eq!(order(&app), ["一号楼住户", "三号楼住户", "二号楼住户"]);
    // Nor while someone speaks.
    app.update(Action::StartSpeaker);
    app.apply(vec![Effect::Select(2)]);
    app.update(Action::MoveUp);
    assert_eq!(order(&app), ["一号楼住户", "三号楼住户", "二号楼住户"]);
    assert!(app.model.notice.is_some());
}

/// 休会 and 复会: nothing is recorded during the break, the roll is taken again on resuming,
/// and the minutes show the break with both times, the resumption on another day.
#[test]
fn a_meeting_adjourned_and_resumed_on_another_day_shows_both_sittings() {
    let (db, store, meeting, _) = support::meeting_under_way(now());
    let clock = std::rc::Rc::new(std::cell::Cell::new(now()));
    let time = clock.clone();
    let theme = Theme::find("projector-dark").expect("theme");
    let mut app =
        App::new(store, Lang::ZhHans, theme, Box::new(move || time.get())).expect("console");
    app.open_meeting(meeting);
    app.update(Action::Adjourn);
    app.update(Action::Yes);
    assert!(
        app.model
            .data
            .meeting
            .as_ref()
            .is_some_and(|m| m.adjourned())
    );
    let header = support::buffer::draw(&app, 80, 24);
    assert!(header.contains("休会中"), "{header}");
    // During the break nothing is recorded.
    app.apply(vec![Effect::record(
        Change::AddOpinion(AddOpinion {
            matter: DRAINS,
            meeting,
            date: now().date(),
            author: yishi::domain::Author::Anonymous,
            channel: yishi::domain::Channel::Hall,
            text: "休会期间的意见".into(),
        }),
        Vec::new(),
    )]);
    let said = support::buffer::draw(&app, 80, 24);
    assert!(said.contains("会议正在休会"), "{said}");

    // The next evening: resumed, and the roll is on screen to be taken again.
    clock.set(now() + chrono::Duration::hours(23));
    app.update(Action::StartMeeting);
    app.update(Action::Yes);
    assert_eq!(app.model.screen, Screen::RollCall);
    clock.set(now() + chrono::Duration::hours(24));
    app.update(Action::EndMeeting);
    app.update(Action::Yes);

    let path = db.path().to_path_buf();
    let (store, minutes) = support::minutes_after(app, &path, meeting);
    assert!(
        minutes.contains("19:40休会，2026年12月6日18:40复会）"),
        "{minutes}"
    );
    assert!(!minutes.contains("休会期间的意见"));
    drop(store);
    let verify = support::yishi(&path, &["verify"]);
    assert!(verify.status.success(), "{}", support::stderr(&verify));
}

/// A motion recorded with the wrong mover is put right before the vote (e): the minutes name
/// the right mover, the motion keeps how it first read.
#[test]
fn a_motion_with_the_wrong_mover_is_put_right_before_the_vote() {
    let (db, mut store, meeting, _) = support::meeting_under_way(now());
    let mut moved = support::drains_on_to(meeting, Step::Decide);
    moved.push(motion(9101, "汛期前疏通南区雨水管道", meeting));
    for c in moved {
        store.apply(&c, now()).expect("moved");
    }
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Decide);
    app.update(Action::CorrectSelected);
    match &app.model.overlay {
        Some(Overlay::Form(f)) => assert_eq!(f.text(0), "汛期前疏通南区雨水管道"),
        other => panic!("a form, not {other:?}"),
    }
    // The mover: two further down the list (the next is the seconder, refused as mover).
    app.update(Action::NextField);
    app.update(Action::NextChoice);
    app.update(Action::Submit);
    match &app.model.overlay {
        Some(Overlay::Form(f)) => assert!(f.error.is_some(), "mover and seconder the same"),
        other => panic!("the form again, not {other:?}"),
    }
    app.update(Action::NextChoice);
    app.update(Action::Submit);
    let v = app
        .model
        .data
        .motions
        .get(&MotionId(9101))
        .cloned()
        .expect("motion");
    assert_ne!(v.mover, MemberId(2), "the mover is put right");
    assert_eq!(v.earlier.first().map(|d| d.mover), Some(MemberId(2)));
    let council = app.model.data.council.clone().expect("council");
    let right = council.name_of(v.mover);
    let path = db.path().to_path_buf();
    let (store, minutes) = support::minutes_after(app, &path, meeting);
    assert!(minutes.contains(&format!("提议人：{right}")), "{minutes}");
    drop(store);
    assert!(support::yishi(&path, &["verify"]).status.success());
}

/// While someone speaks, no speaker leaves the list: the countdown counts on its places.
#[test]
fn no_speaker_is_withdrawn_while_someone_speaks() {
    let (_db, mut store, meeting, _) = support::meeting_under_way(now());
    let mut changes = support::drains_on_to(meeting, Step::Hear);
    for who in ["一号楼住户", "二号楼住户"] {
        changes.push(Change::AddSpeaker(AddSpeaker {
            matter: DRAINS,
            meeting,
            speaker: yishi::domain::Author::Resident(who.into()),
            stance: yishi::domain::Stance::For,
        }));
    }
    for c in changes {
        store.apply(&c, now()).expect("speakers");
    }
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Hear);
    app.update(Action::StartSpeaker);
    app.apply(vec![Effect::Select(1)]);
    app.update(Action::WithdrawSelected);
    assert!(app.model.overlay.is_none(), "refused, not asked");
    let listed = app
        .model
        .data
        .matter(DRAINS)
        .map_or(0, |x| x.speeches.len());
    assert_eq!(listed, 2);
}

fn amendment(id: u64, to: u64, text: &str) -> Change {
    Change::ProposeAmendment(ProposeAmendment {
        id: MotionId(id),
        motion: MotionId(to),
        text: text.into(),
        mover: MemberId(3),
        seconder: Some(MemberId(2)),
        mode: VoteMode::ShowOfHands,
    })
}

fn counted(motion: u64, yes: u32, no: u32) -> [Change; 3] {
    let motion = MotionId(motion);
    [
        Change::OpenVote(OpenVote { motion }),
        Change::EnterCounts(EnterCounts {
            motion,
            yes,
            no,
            abstain: 0,
            spoiled: 0,
        }),
        Change::CloseVote(CloseVote { motion }),
    ]
}

#[test]
fn an_amendment_is_voted_before_its_motion_and_adopted_becomes_its_text() {
    let (db, mut store, meeting, _) = support::meeting_under_way(now());
    for c in support::drains_on_to(meeting, Step::Decide) {
        store.apply(&c, now()).expect("to the decision");
    }
    let moved = "由物业公司在十二月底前疏通小区雨水管";
    let amended = "由物业公司在十二月十五日前疏通小区雨水管并公示费用";
    let failed = "由业委会自行疏通小区雨水管";
    store
        .apply(&motion(9101, moved, meeting), now())
        .expect("moved");
    store
        .apply(&amendment(9102, 9101, failed), now())
        .expect("amended");
    let refused = |r: Result<_, StoreError>| match r {
        Err(StoreError::Refused(Refusal::Amendment(a))) => a,
        other => panic!("expected a refusal about an amendment, got {other:?}"),
    };
    use yishi::domain::Amendment;
    // The motion waits while its amendment is before the meeting; one amendment at a time,
    // and none to an amendment.
    let open_first = store.apply(
        &Change::OpenVote(OpenVote {
            motion: MotionId(9101),
        }),
        now(),
    );
    assert_eq!(refused(open_first), Amendment::Pending);
    let second = store.apply(&amendment(9103, 9101, amended), now());
    assert_eq!(refused(second), Amendment::Pending);
    let nested = store.apply(&amendment(9104, 9102, amended), now());
    assert_eq!(refused(nested), Amendment::OfAnAmendment);
    let withdraw = store.apply(
        &Change::WithdrawMotion(WithdrawMotion {
            motion: MotionId(9101),
        }),
        now(),
    );
    assert_eq!(refused(withdraw), Amendment::Pending);

    // The first amendment fails: the motion reads as moved. The second is adopted.
    for c in counted(9102, 2, 9) {
        store
            .apply(&c, now())
            .expect("the first amendment voted down");
    }
    let text = |store: &yishi::store::Store| {
        store
            .motion(MotionId(9101))
            .ok()
            .flatten()
            .map(|v| v.text)
            .expect("the motion")
    };
    assert_eq!(text(&store), moved);
    store
        .apply(&amendment(9103, 9101, amended), now())
        .expect("a second amendment");
    for c in counted(9103, 10, 1) {
        store
            .apply(&c, now())
            .expect("the second amendment adopted");
    }
    assert_eq!(text(&store), amended);
    let matter = store.matter(DRAINS).ok().flatten().expect("matter");
    assert!(
        matter.stage.is_open() && matter.stage == yishi::domain::Stage::At(Step::Decide),
        "an amendment adopted does not decide the matter: {:?}",
        matter.stage
    );
    for c in counted(9101, 10, 1) {
        store
            .apply(&c, now())
            .expect("the motion as amended, adopted");
    }
    let (store, minutes) = support::minutes_after_store(store, db.path(), meeting);
    drop(store);
    for expected in [
        format!("动议：{moved}（提议人："),
        format!("修正案：动议修改为「{failed}」（提议人："),
        format!("修正案：动议修改为「{amended}」（提议人："),
        "动议按修正案修改。".to_string(),
        format!("修正后的动议：{amended}。"),
    ] {
        assert!(minutes.contains(&expected), "{expected}\n{minutes}");
    }
    let order = |s: &str| minutes.find(s).expect(s);
    let last_vote = minutes.rfind("表决时实到").expect("a vote");
    assert!(order(failed) < order("修正后的动议") && order("修正后的动议") < last_vote);
    assert_eq!(
        minutes.matches("动议按修正案修改").count(),
        1,
        "only the adopted one changes the motion"
    );
}
