//! A speech under way survives the console stopping, however it stops: started again, the
//! console shows the speaker still speaking, the time counted from when the speech began.

mod support;

use chrono::{Duration, NaiveDateTime};
use std::cell::Cell;
use std::rc::Rc;
use yishi::domain::{AddSpeaker, Advance};
use yishi::domain::{Author, Change, Stance, Step};
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::model::Screen;
use yishi::tui::theme::Theme;

use support::DRAINS;

fn start() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

fn console(db: &std::path::Path, clock: Rc<Cell<NaiveDateTime>>) -> App {
    let store = Store::open(db).expect("open");
    let theme = Theme::find("projector-dark").expect("theme");
    App::new(store, Lang::ZhHans, theme, Box::new(move || clock.get())).expect("console")
}

#[test]
fn a_running_speech_is_running_again_after_the_console_stops() {
    let (db, mut store, meeting, _) = support::meeting_under_way(start());
    for c in [
        Change::Advance(Advance {
            matter: DRAINS,
            meeting,
            to: Step::Hear,
        }),
        Change::AddSpeaker(AddSpeaker {
            matter: DRAINS,
            meeting,
            speaker: Author::Resident("八号楼住户".into()),
            stance: Stance::For,
        }),
    ] {
        store.apply(&c, start()).expect("a speaker waiting");
    }
    drop(store);

    let clock = Rc::new(Cell::new(start()));
    let mut app = console(db.path(), clock.clone());
    app.open_meeting(meeting);
    app.go(Screen::Matter {
        id: DRAINS,
        step: Step::Hear,
    });
    app.update(Action::StartSpeaker);
    let began = app.model.timer.expect("the speech runs").started;
    // The console stops mid-speech (what a crash leaves of it is the same: the journal and
    // the countdown's file; tests/durability.rs kills a process for the journal's part).
    drop(app);

    clock.set(start() + Duration::seconds(100));
    let mut again = console(db.path(), clock.clone());
    again.open_meeting(meeting);
    let timer = again.model.timer.expect("the speech runs on");
    assert_eq!(
        (timer.matter, timer.index, timer.started),
        (DRAINS, 0, began)
    );
    // Recorded, it stops, and stays stopped through the next start.
    again.go(Screen::Matter {
        id: DRAINS,
        step: Step::Hear,
    });
    again.update(Action::FinishSpeaker);
    again.update(Action::Submit);
    assert!(again.model.timer.is_none(), "{:?}", again.model.notice);
    let heard = again
        .model
        .data
        .matter(DRAINS)
        .and_then(|x| x.speeches.first().cloned())
        .expect("the speech");
    assert!(heard.done);
    assert_eq!(
        heard.seconds_used, 100,
        "the time used counts from when it began"
    );
    drop(again);
    let mut third = console(db.path(), clock);
    third.open_meeting(meeting);
    assert!(third.model.timer.is_none());
}
