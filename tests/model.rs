//! The console's model after each change holds what a whole read of the store gives: it takes
//! in the records each change wrote instead of reading everything again, and must never drift
//! from the disk. A whole meeting is run through `App::update`, checked after every action.

mod support;

use chrono::NaiveDateTime;
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::model::{Notice, Overlay, Screen};
use yishi::tui::screens::ballots::voters;
use yishi::tui::theme::Theme;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-28 19:00", "%Y-%m-%d %H:%M").expect("time")
}

/// One action, then the model against the store.
fn act(app: &mut App, action: Action) {
    app.update(action.clone());
    if let Some(Notice::Refused(why)) = &app.model.notice {
        panic!("{action:?} refused: {why}");
    }
    let stored = app.stored_data().expect("read the store");
    assert!(
        app.model.data == stored,
        "after {action:?} the model differs from the store:\nmodel  {:?}\nstored {:?}",
        app.model.data,
        stored
    );
}

/// Fills a form's fields in order (`None` leaves one as it is) and submits it.
fn form(app: &mut App, fields: &[Option<&str>]) {
    assert!(
        matches!(app.model.overlay, Some(Overlay::Form(_))),
        "no form open"
    );
    for field in fields {
        if let Some(text) = field {
            act(app, Action::CursorEnd);
            act(app, Action::ClearToStart);
            for c in text.chars() {
                act(app, Action::Type(c));
            }
        }
        act(app, Action::NextField);
    }
    act(app, Action::Submit);
    if let Some(Overlay::Form(f)) = &app.model.overlay {
        panic!("form {:?} not accepted: {:?}", f.title[2], f.error);
    }
}

#[test]
fn the_model_follows_the_store_through_a_whole_meeting() {
    let db = support::sample_db();
    let store = Store::open(db.path()).expect("open");
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let mut app = App::new(store, Lang::ZhHans, theme, Box::new(now)).expect("console");
    let meetings = app.model.data.meetings.len();

    act(&mut app, Action::NewMeeting);
    form(&mut app, &[]);
    assert_eq!(app.model.screen, Screen::RollCall);
    assert_eq!(app.model.data.meetings.len(), meetings + 1);
    let voting: Vec<bool> = app
        .model
        .data
        .council
        .iter()
        .flat_map(|c| c.members.iter().map(|m| m.voting))
        .collect();
    for voting in voting {
        let mark = if voting {
            Action::MarkPresent
        } else {
            Action::MarkObserving
        };
        act(&mut app, mark);
    }
    act(&mut app, Action::StartMeeting);
    act(&mut app, Action::Yes);

    act(&mut app, Action::ShowAgenda);
    act(&mut app, Action::CarryOver);
    act(&mut app, Action::Select);
    act(&mut app, Action::NewMatter);
    form(&mut app, &[Some("为三号楼加装电梯"), Some("加装电梯")]);
    assert_eq!(app.model.data.agenda.len(), 2);
    // e puts the new matter's title right; the record keeps the title it replaces.
    act(&mut app, Action::CorrectSelected);
    form(&mut app, &[Some("为三号楼东单元加装电梯"), None]);
    let lift = &app.model.data.agenda[1];
    assert_eq!(lift.title, "为三号楼东单元加装电梯");
    let earlier: Vec<_> = lift.earlier_titles.iter().map(|t| &t.title).collect();
    assert_eq!(earlier, ["为三号楼加装电梯"]);
    // The matter carried from an earlier meeting keeps the title its signed minutes give it.
    act(&mut app, Action::Up);
    app.update(Action::CorrectSelected);
    assert!(app.model.overlay.is_none(), "no form for a carried matter");
    match &app.model.notice {
        Some(Notice::Refused(why)) => assert!(why.contains("往次会议"), "{why}"),
        other => panic!("a refusal, not {other:?}"),
    }
    act(&mut app, Action::Down);
    act(&mut app, Action::MoveUp);
    assert_eq!(app.model.data.agenda[0].short_title, "加装电梯");
    act(&mut app, Action::Select);

    act(&mut app, Action::AddOpinion);
    form(&mut app, &[None, None, None, Some("希望尽快加装")]);
    act(&mut app, Action::Advance);
    act(&mut app, Action::Yes);
    act(&mut app, Action::AddSpeaker);
    form(&mut app, &[]);
    act(&mut app, Action::StartSpeaker);
    act(&mut app, Action::FinishSpeaker);
    form(&mut app, &[None, Some("赞成加装")]);
    act(&mut app, Action::Advance);
    act(&mut app, Action::Yes);

    act(&mut app, Action::ProposeMotion);
    form(&mut app, &[Some("同意为三号楼加装电梯")]);
    act(&mut app, Action::OpenVote);
    for _ in 0..voters(&app.model).len() {
        act(&mut app, Action::VoteYes);
    }
    act(&mut app, Action::CloseVote);
    act(&mut app, Action::Yes);
    // The result stays on the decision until the chair moves on.
    assert!(matches!(
        app.model.screen,
        Screen::Matter {
            step: yishi::domain::Step::Decide,
            ..
        }
    ));
    act(&mut app, Action::NextStep);
    assert!(matches!(
        app.model.screen,
        Screen::Matter {
            step: yishi::domain::Step::Execute,
            ..
        }
    ));

    act(&mut app, Action::AddTask);
    form(&mut app, &[Some("联系施工单位"), Some("物业")]);
    act(&mut app, Action::RecordProgress);
    form(&mut app, &[Some("100"), Some("施工完毕")]);
    act(&mut app, Action::ToggleSupervised);
    act(&mut app, Action::Advance);
    act(&mut app, Action::Yes);
    act(&mut app, Action::RecordReview);
    form(&mut app, &[Some("20"), Some("3"), Some("1")]);
    act(&mut app, Action::ConcludeReview);
    act(&mut app, Action::Yes);
    assert!(
        !app.model
            .data
            .open_matters
            .iter()
            .any(|m| m.short_title == "加装电梯"),
        "the concluded matter is still listed as open"
    );

    act(&mut app, Action::Back);
    act(&mut app, Action::EndMeeting);
    act(&mut app, Action::Yes);
    act(&mut app, Action::Back);
    assert_eq!(app.model.screen, Screen::Home);
}

/// The snapshot is plain data: taking in what a change wrote reads nothing, and it says which
/// records it now lacks rather than reading them.
#[test]
fn the_snapshot_takes_in_writes_and_names_what_it_lacks_without_reading() {
    use yishi::domain::Write;
    use yishi::tui::data::{Data, Wanted};
    let (_db, store, meeting, lift) = support::meeting_under_way(now());
    let data = yishi::tui::fetch::data(&store, Some(meeting)).expect("read");
    drop(store);
    let on = |d: &Data| d.agenda.iter().map(|m| m.id).collect::<Vec<_>>();
    let agenda = on(&data);
    assert_eq!(agenda.len(), 2, "the lift and the drains");
    let held = data.meeting.clone().expect("the meeting");

    // The agenda put in another order: nothing to read, the matters reordered.
    let mut d = data.clone();
    let mut reordered = held.clone();
    reordered.agenda.reverse();
    assert_eq!(d.absorb(&[Write::Meeting(reordered)]), Wanted::Nothing);
    assert_eq!(on(&d), agenda.iter().rev().copied().collect::<Vec<_>>());

    // A matter carried on: named, not read; taken in when it is handed over.
    let carried = data
        .open_matters
        .iter()
        .find(|m| !agenda.contains(&m.id))
        .cloned()
        .expect("an open matter off the agenda");
    let mut d = data.clone();
    let mut more = held.clone();
    more.agenda.push(carried.id);
    assert_eq!(
        d.absorb(&[Write::Meeting(more)]),
        Wanted::Matters(vec![carried.id])
    );
    assert_eq!(on(&d), agenda, "nothing read yet");
    d.follow_agenda(vec![carried.clone()], Default::default());
    let mut expected = agenda.clone();
    expected.push(carried.id);
    assert_eq!(on(&d), expected);

    // A motion of a matter off the agenda, and another council's matter, are not taken in.
    let mut d = data.clone();
    let lift_motion = data
        .matter(lift)
        .and_then(|m| m.motions.first())
        .and_then(|v| data.motions.get(v))
        .cloned()
        .expect("the lift's motion");
    let mut stray = lift_motion.clone();
    stray.matter = carried.id;
    stray.id = yishi::domain::MotionId(9_999);
    let mut elsewhere = carried.clone();
    elsewhere.council = yishi::domain::CouncilId(9_999);
    elsewhere.title = "别处的事项".into();
    assert_eq!(
        d.absorb(&[Write::Motion(stray), Write::Matter(elsewhere)]),
        Wanted::Nothing
    );
    assert!(d == data, "nothing of the writes was taken in");

    // With no council yet, everything is new: the whole is to be read.
    assert_eq!(
        Data::default().absorb(&[Write::Meeting(held)]),
        Wanted::Whole
    );
}
