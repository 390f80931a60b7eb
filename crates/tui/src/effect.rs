//! What a screen asks for in answer to an action. Screens only read the model; `App::update`
//! carries these out, in order, and is the one place the model changes or the store is
//! written.

use super::form::Form;
use super::model::{Confirm, Export, OnYes, Overlay, Screen, Timer};
use yishi_domain::{Change, MeetingId};
use yishi_minutes::ledger::Row;

#[derive(Debug, Clone)]
pub enum Effect {
    /// Record the changes in order, each durable before the next. On success say `done` (if
    /// given) and carry out `then`; at the first refusal say why and stop.
    Record {
        changes: Vec<Change>,
        done: Option<String>,
        then: Vec<Effect>,
    },
    Done(String),
    Refuse(String),
    /// Leave the console.
    Quit,
    /// Ask before recording: a change that seals or ends something.
    Ask(Confirm),
    /// Open a form, a prompt or the help over the screen, or (`None`) close it.
    Overlay(Option<Overlay>),
    /// A form's fields are complete: make its changes and record them.
    Submit(Box<Form>),
    Select(usize),
    /// Another screen of the meeting, its list at the top.
    Go(Screen),
    /// Another archive screen, remembering where to come back to.
    Visit(Screen),
    /// Back along the archive trail.
    Leave,
    OpenMeeting(MeetingId),
    /// Leave the meeting for home.
    CloseMeeting,
    Timer(Option<Timer>),
    /// Read what an archive screen shows from the store.
    Load(Load),
    /// Where the open minutes are scrolled to, and their current search hit.
    Scroll {
        scroll: usize,
        hit: usize,
    },
    Filter(super::ledger::Filter),
    /// Write an export to its file.
    Write(Export),
    /// Sign a meeting with its signers' keys, the passwords typed in the form.
    Seal(Box<Form>),
}

/// What the archive reads from the store.
#[derive(Debug, Clone)]
pub enum Load {
    /// Past meetings, from home.
    Archive,
    /// The agenda of the meeting at this row of the archive list.
    Agenda(usize),
    /// Start reading the search text on a thread, as the search form opens.
    ReadAhead,
    Search(String),
    /// A meeting's minutes, at a search hit (paragraph, byte) if one is given.
    Minutes {
        meeting: MeetingId,
        at: Option<(usize, usize)>,
    },
    Ledger,
    /// The ledger read on to this row of the filtered list (and half a page past it).
    LedgerTo(usize),
    History(Box<Row>),
}

impl Effect {
    /// Record one change and, once it is recorded, carry out `then`.
    pub fn record(change: Change, then: Vec<Effect>) -> Effect {
        Effect::Record {
            changes: vec![change],
            done: None,
            then,
        }
    }

    /// Record one change and say `done`.
    pub fn record_saying(change: Change, done: String) -> Effect {
        Effect::Record {
            changes: vec![change],
            done: Some(done),
            then: Vec::new(),
        }
    }

    /// Ask `question` before recording `changes`.
    pub fn ask(question: String, changes: Vec<Change>) -> Effect {
        Effect::Ask(Confirm {
            question,
            then: OnYes::Record(changes),
        })
    }

    pub fn form(form: Form) -> Effect {
        Effect::Overlay(Some(Overlay::Form(Box::new(form))))
    }
}
