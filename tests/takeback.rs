//! Mistakes put right before signing: `u` takes back the last entry (an opinion typed wrong,
//! a step moved on too early) as a change of its own. The minutes show the final record, the
//! record keeps what was taken back, and nothing of an earlier or a signed meeting can be.

mod support;

use chrono::NaiveDateTime;
use serde_json::Value;
use yishi::domain::{
    AddOpinion, AddSpeaker, AddTask, Advance, CastBallot, CloseVote, EndMeeting, RecordSpeech,
    RetitleMatter, SignMeeting, StepBack, Withdraw,
};
use yishi::domain::{Author, Change, Channel, EntryRef, Records, Refusal, Stage, Stance, Step};
use yishi::store::{Store, StoreError};
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::effect::Effect;
use yishi::tui::model::{Overlay, Screen};

use support::DRAINS;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

fn refusal(e: StoreError) -> Refusal {
    match e {
        StoreError::Refused(r) => r,
        other => panic!("a refusal, not {}", other.describe(Lang::En)),
    }
}

#[test]
fn u_takes_back_an_opinion_and_a_step_and_the_record_keeps_both() {
    let (db, store, meeting, _) = support::meeting_under_way(now());
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Collect);
    let opinions = |app: &App| {
        app.model
            .data
            .matter(DRAINS)
            .map(|x| {
                x.opinions
                    .iter()
                    .map(|o| o.text.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let before = opinions(&app);
    let wrong = "南门雨水管道堵塞，下雨天积水到小腿（录错了的那条）";
    app.apply(vec![Effect::record(
        Change::AddOpinion(AddOpinion {
            matter: DRAINS,
            meeting,
            date: now().date(),
            author: Author::Anonymous,
            channel: Channel::Hall,
            text: wrong.into(),
        }),
        Vec::new(),
    )]);
    assert_eq!(opinions(&app).last().map(String::as_str), Some(wrong));

    // u asks, naming what it takes back; yes takes it back.
    app.update(Action::Undo);
    match &app.model.overlay {
        Some(Overlay::Confirm(c)) => assert!(
            c.question.contains("撤销意见「南门雨水管道堵塞"),
            "{}",
            c.question
        ),
        other => panic!("a question, not {other:?}"),
    }
    app.update(Action::Yes);
    assert_eq!(opinions(&app), before, "the opinion is off the list");

    // d withdraws the opinion selected on the list, whichever it is.
    for text in ["三号楼门前积水", "四号楼门前积水"] {
        app.apply(vec![Effect::record(
            Change::AddOpinion(AddOpinion {
                matter: DRAINS,
                meeting,
                date: now().date(),
                author: Author::Anonymous,
                channel: Channel::Hall,
                text: text.into(),
            }),
            Vec::new(),
        )]);
    }
    app.model.selected = before.len();
    app.update(Action::WithdrawSelected);
    match &app.model.overlay {
        Some(Overlay::Confirm(c)) => {
            assert!(c.question.contains("三号楼门前积水"), "{}", c.question)
        }
        other => panic!("a question, not {other:?}"),
    }
    app.update(Action::Yes);
    let mut expected = before.clone();
    expected.push("四号楼门前积水".to_string());
    assert_eq!(opinions(&app), expected);
    app.update(Action::Undo);
    app.update(Action::Yes);
    assert_eq!(opinions(&app), before, "u takes back the last one added");

    // A step moved on too early, taken back the same way.
    app.apply(vec![Effect::record(
        Change::Advance(Advance {
            matter: DRAINS,
            meeting,
            to: Step::Hear,
        }),
        Vec::new(),
    )]);
    app.update(Action::Undo);
    app.update(Action::Yes);
    let stage = app.model.data.matter(DRAINS).map(|x| x.stage);
    assert_eq!(stage, Some(Stage::At(Step::Collect)));
    app.update(Action::Undo);
    assert!(app.model.overlay.is_none(), "nothing more to take back");

    // The minutes show the final record; the record keeps what was taken back.
    let db_path = db.path().to_path_buf();
    let (store, minutes) = support::minutes_after(app, &db_path, meeting);
    assert!(!minutes.contains("录错了的那条"), "{minutes}");
    assert!(minutes.contains("事项处于「意见收集」"), "{minutes}");
    let doc: Value =
        serde_json::from_str(&store.export().expect("export").to_json()).expect("json");
    let drains = doc["matters"]
        .as_array()
        .and_then(|m| m.iter().find(|x| x["id"] == 118))
        .expect("the drains matter");
    assert_eq!(drains["withdrawn"][0]["entry"]["opinion"]["text"], wrong);
    assert_eq!(drains["withdrawn"].as_array().map(Vec::len), Some(3));
    assert_eq!(drains["withdrawn"][0]["meeting"], meeting.0);
    let moves: Vec<&Value> = drains["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter(|t| t["meeting"] == meeting.0)
        .collect();
    assert_eq!(moves.len(), 2, "the move on and the move back: {moves:?}");
    assert!(
        moves[1]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("退回"))
    );
    let journal = std::fs::read_to_string(db_path.join("journal.jsonl")).expect("journal");
    let journal = journal.trim_end_matches('\0');
    assert!(
        journal.contains(wrong),
        "the journal keeps the opinion as it was typed"
    );
    assert!(journal.contains("\"withdraw\"") && journal.contains("\"step_back\""));
    drop(store);
    assert!(support::yishi(&db_path, &["verify"]).status.success());
}

#[test]
fn only_this_meetings_entries_and_only_before_signing() {
    let (_db, mut store, meeting, _) = support::meeting_under_way(now());
    let apply = |store: &mut Store, c: Change| store.apply(&c, now());
    // The drains' opinions were given at the last meeting: sealed with its minutes.
    let earlier = apply(
        &mut store,
        Change::Withdraw(Withdraw {
            matter: DRAINS,
            meeting,
            entry: EntryRef::Opinion(0),
        }),
    );
    assert_eq!(earlier.map_err(refusal).err(), Some(Refusal::Sealed));
    let none = apply(
        &mut store,
        Change::Withdraw(Withdraw {
            matter: DRAINS,
            meeting,
            entry: EntryRef::Opinion(99),
        }),
    );
    assert_eq!(none.map_err(refusal).err(), Some(Refusal::NoEntry));
    // A step is not taken back once something was recorded at the new one.
    apply(
        &mut store,
        Change::Advance(Advance {
            matter: DRAINS,
            meeting,
            to: Step::Hear,
        }),
    )
    .expect("on to the hearing");
    apply(
        &mut store,
        Change::AddSpeaker(AddSpeaker {
            matter: DRAINS,
            meeting,
            speaker: Author::Resident("三号楼住户".into()),
            stance: Stance::For,
        }),
    )
    .expect("a speaker");
    let back = apply(
        &mut store,
        Change::StepBack(StepBack {
            matter: DRAINS,
            meeting,
        }),
    );
    assert!(matches!(
        back.map_err(refusal).err(),
        Some(Refusal::StepInUse { step: Step::Hear })
    ));
    // Signed, the meeting's entries are corrected (更正), never taken back.
    apply(&mut store, Change::EndMeeting(EndMeeting { meeting })).expect("end");
    apply(
        &mut store,
        Change::SignMeeting(SignMeeting {
            meeting,
            sealed: None,
        }),
    )
    .expect("sign");
    let signed = apply(
        &mut store,
        Change::Withdraw(Withdraw {
            matter: DRAINS,
            meeting,
            entry: EntryRef::Speech(0),
        }),
    );
    assert!(matches!(
        signed.map_err(refusal).err(),
        Some(Refusal::AlreadySigned { .. })
    ));
}

/// A matter's title is put right at the meeting that put it on the agenda, before its minutes
/// are signed; the record keeps the title it replaces. A matter carried from an earlier
/// meeting keeps the title that meeting's signed minutes give it.
#[test]
fn a_title_is_put_right_where_the_matter_was_opened_and_the_old_one_kept() {
    let (_db, mut store, meeting, lift) = support::meeting_under_way(now());
    let retitle = |matter, title: &str| {
        Change::RetitleMatter(RetitleMatter {
            matter,
            meeting,
            title: title.into(),
            short_title: "五号楼电梯".into(),
        })
    };
    let matter = |store: &Store, id| store.matter(id).expect("read").expect("matter");
    let before = matter(&store, lift);
    store
        .apply(&retitle(lift, "为五号楼加装电梯"), now())
        .expect("put right");
    let after = matter(&store, lift);
    assert_eq!(
        (after.title.as_str(), after.short_title.as_str()),
        ("为五号楼加装电梯", "五号楼电梯")
    );
    let kept: Vec<_> = after.earlier_titles.iter().map(|t| &t.title).collect();
    assert_eq!(kept, [&before.title]);
    assert_eq!(after.earlier_titles[0].meeting, meeting);
    let minutes = yishi::minutes::MeetingRecord::load(&store, meeting)
        .expect("minutes")
        .text(Lang::ZhHans, 400);
    assert!(minutes.contains("为五号楼加装电梯"), "{minutes}");

    let carried = store.apply(&retitle(DRAINS, "雨水管道疏通"), now());
    assert_eq!(carried.map_err(refusal).err(), Some(Refusal::Sealed));
    let blank = store.apply(&retitle(lift, "  "), now());
    assert!(matches!(blank.map_err(refusal), Err(Refusal::Text { .. })));
    assert_eq!(matter(&store, lift), after, "nothing changed");

    store
        .apply(&Change::EndMeeting(EndMeeting { meeting }), now())
        .expect("end");
    let sign = SignMeeting {
        meeting,
        sealed: None,
    };
    store
        .apply(&Change::SignMeeting(sign), now())
        .expect("sign");
    let signed = store.apply(&retitle(lift, "加装电梯"), now());
    assert!(matches!(
        signed.map_err(refusal).err(),
        Some(Refusal::AlreadySigned { .. })
    ));
}

/// e puts the selected opinion right in a form holding it as recorded; a task given at this
/// meeting is put right (owner, due date) the same way. The minutes read the corrected entry,
/// the record keeps the original marked replaced.
#[test]
fn an_opinion_and_a_task_are_put_right_and_the_originals_kept() {
    let (db, mut store, meeting, lift) = support::meeting_under_way(now());
    // The lift's vote: everyone present for it, so the matter goes on to execution.
    let m = store.meeting(meeting).ok().flatten().expect("meeting");
    let motion = store
        .matter(lift)
        .ok()
        .flatten()
        .and_then(|x| x.motions.last().copied())
        .expect("motion");
    for (member, a) in &m.attendance {
        if *a == yishi::domain::Attendance::Present {
            let ballot = Change::CastBallot(CastBallot {
                motion,
                member: *member,
                choice: yishi::domain::Choice::Yes,
            });
            store.apply(&ballot, now()).expect("ballot");
        }
    }
    store
        .apply(&Change::CloseVote(CloseVote { motion }), now())
        .expect("close");
    let task = Change::AddTask(AddTask {
        matter: lift,
        meeting,
        text: "联系电梯公司勘察".into(),
        owner: "物业公司".into(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
        supervised: false,
    });
    store.apply(&task, now()).expect("task");
    let wrong = Change::AddOpinion(AddOpinion {
        matter: DRAINS,
        meeting,
        date: now().date(),
        author: Author::Anonymous,
        channel: Channel::Hall,
        text: "南门积水".into(),
    });
    store.apply(&wrong, now()).expect("opinion");

    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Collect);
    let last = app
        .model
        .data
        .matter(DRAINS)
        .map_or(0, |x| x.opinions.len() - 1);
    app.apply(vec![Effect::Select(last)]);
    app.update(Action::CorrectSelected);
    match &app.model.overlay {
        Some(Overlay::Form(f)) => {
            assert_eq!(f.text(3), "南门积水", "the form holds it as recorded")
        }
        other => panic!("a form, not {other:?}"),
    }
    support::type_in(&mut app, "，水深到小腿");
    app.update(Action::Submit);
    let opinion = app
        .model
        .data
        .matter(DRAINS)
        .and_then(|x| x.opinions.get(last).cloned())
        .expect("the opinion");
    assert_eq!(opinion.text, "南门积水，水深到小腿");

    // The task's due date, put right through its form on the execution step.
    app.go(Screen::Matter {
        id: lift,
        step: Step::Execute,
    });
    app.apply(vec![Effect::Select(0)]);
    app.update(Action::CorrectSelected);
    app.update(Action::NextField);
    app.update(Action::NextField);
    for _ in 0..12 {
        app.update(Action::DeleteBack);
    }
    support::type_in(&mut app, "12月15日");
    app.update(Action::Submit);
    let due = app
        .model
        .data
        .matter(lift)
        .and_then(|x| x.tasks.first().map(|t| t.due));
    assert_eq!(due, chrono::NaiveDate::from_ymd_opt(2026, 12, 15));

    let path = db.path().to_path_buf();
    let (store, minutes) = support::minutes_after(app, &path, meeting);
    assert!(minutes.contains("南门积水，水深到小腿"), "{minutes}");
    assert!(minutes.contains("2026年12月15日"), "{minutes}");
    let doc: Value =
        serde_json::from_str(&store.export().expect("export").to_json()).expect("json");
    let kept = |id: u64| {
        doc["matters"]
            .as_array()
            .and_then(|m| m.iter().find(|x| x["id"] == id))
            .map(|x| x["withdrawn"][0].clone())
            .expect("a kept original")
    };
    assert_eq!(kept(DRAINS.0)["entry"]["opinion"]["text"], "南门积水");
    assert_eq!(kept(DRAINS.0)["replaced"], true);
    assert_eq!(kept(lift.0)["entry"]["task"]["due"], "2026-12-01");
    drop(store);
    assert!(support::yishi(&path, &["verify"]).status.success());
}

#[test]
fn a_speaker_heard_is_put_right_in_the_console_and_the_original_kept() {
    let (db, mut store, meeting, _) = support::meeting_under_way(now());
    for c in support::drains_on_to(meeting, Step::Hear) {
        store.apply(&c, now()).expect("to the hearing");
    }
    let said = "雨水管应当由业委会自己找人疏通。";
    let heard = [
        Change::AddSpeaker(AddSpeaker {
            matter: DRAINS,
            meeting,
            speaker: Author::Resident("王大妈".into()),
            stance: Stance::For,
        }),
        Change::RecordSpeech(RecordSpeech {
            matter: DRAINS,
            meeting,
            index: 0,
            stance: Stance::For,
            summary: said.into(),
            seconds_used: 75,
        }),
    ];
    for c in heard {
        store.apply(&c, now()).expect("a speech");
    }
    let mut app = support::console_on(store, now, meeting, DRAINS, Step::Hear);
    app.update(Action::CorrectSelected);
    let Some(Overlay::Form(form)) = &app.model.overlay else {
        panic!("no correction form: {:?}", app.model.notice);
    };
    assert_eq!(form.text(3), said, "the summary as recorded, ready to edit");
    // The stance was against, and the summary read otherwise.
    app.update(Action::PrevField);
    app.update(Action::NextChoice);
    app.update(Action::NextField);
    app.update(Action::CursorEnd);
    app.update(Action::ClearToStart);
    let right = "雨水管应当由物业疏通，业委会监督。";
    support::type_in(&mut app, right);
    app.update(Action::Submit);
    assert!(app.model.overlay.is_none(), "{:?}", app.model.overlay);
    let (store, minutes) = support::minutes_after(app, db.path(), meeting);
    assert!(
        minutes.contains(&format!("王大妈（反对，用时1分15秒）：{right}")),
        "{minutes}"
    );
    assert!(!minutes.contains(said));
    let x = store.matter(DRAINS).ok().flatten().expect("matter");
    let kept = x.withdrawn.iter().any(|w| {
        w.replaced
            && matches!(&w.entry, yishi::domain::Entry::Speech(s) if s.summary == said && s.stance == Stance::For)
    });
    assert!(
        kept,
        "the speech as first recorded is kept: {:?}",
        x.withdrawn
    );
}
