//! The console's model: everything the screens show and nothing that writes. Screens read it
//! and return `Effect`s; `App::update` is the one place it changes.

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::archive::Archive;
use super::data::Data;
use super::form::{Form, Words};
use super::keys::{self, Scope};
pub use super::screen::{Screen, form_scopes, screen_scopes};
use super::theme::Theme;
use yishi_domain::{Change, Matter, MatterId, MeetingId, MeetingState, Step};
use yishi_text::Lang;

/// A file to write once the user agrees to replace the one already there.
#[derive(Debug, Clone)]
pub struct Export {
    pub path: std::path::PathBuf,
    pub contents: Vec<u8>,
}

/// A question asked before a change that seals or ends something.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: String,
    pub then: OnYes,
}

/// What a yes to a question carries out.
#[derive(Debug, Clone)]
pub enum OnYes {
    Record(Vec<Change>),
    /// A file to overwrite.
    Write(Export),
    /// Leave the console while a meeting runs.
    Quit,
}

/// A list to choose one matter from (carrying a matter over to the agenda).
#[derive(Debug, Clone)]
pub struct Pick {
    pub title: Words,
    pub items: Vec<(MatterId, String)>,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    /// The key help, scrolled this many lines down.
    Help(usize),
    Form(Box<Form>),
    Confirm(Confirm),
    Pick(Pick),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Done(String),
    Refused(String),
}

/// The running speaker's countdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timer {
    pub matter: MatterId,
    pub index: usize,
    pub started: NaiveDateTime,
}

pub struct Model {
    pub now: NaiveDateTime,
    pub lang: Lang,
    pub theme: Theme,
    pub screen: Screen,
    /// The selected row of the list on screen.
    pub selected: usize,
    pub overlay: Option<Overlay>,
    /// The presentation view for the room.
    pub wall: bool,
    pub notice: Option<Notice>,
    pub data: Data,
    /// Entries recorded in this session that `u` can take back, the last on top.
    pub undo: Vec<crate::undo::Undo>,
    pub timer: Option<Timer>,
    pub archive: Archive,
    /// The archive screens visited, to go back through with Esc.
    pub trail: Vec<(Screen, usize)>,
    /// The terminal's size at the last frame.
    pub viewport: (u16, u16),
    pub quit: bool,
    /// The demo's throwaway copy of the sample: said on screen, and on quitting.
    pub demo: bool,
}

impl Model {
    pub fn new(data: Data, lang: Lang, theme: Theme, now: NaiveDateTime) -> Model {
        Model {
            now,
            lang,
            theme,
            screen: Screen::Home,
            selected: 0,
            overlay: None,
            wall: false,
            notice: None,
            data,
            undo: Vec::new(),
            timer: None,
            archive: Archive::default(),
            trail: Vec::new(),
            viewport: (80, 24),
            quit: false,
            demo: false,
        }
    }

    /// A catalog entry (`tui::words`) in the interface language.
    pub fn say(&self, words: yishi_text::Words) -> String {
        self.lang.say(words).to_string()
    }

    /// Whether the meeting on screen is under way (begun and not ended).
    pub fn meeting_runs(&self) -> bool {
        self.data
            .meeting
            .as_ref()
            .is_some_and(|m| m.state == MeetingState::InProgress)
    }

    pub fn meeting_id(&self) -> Option<MeetingId> {
        self.data.meeting.as_ref().map(|m| m.id)
    }

    /// The matter on screen and the step being looked at.
    pub fn matter(&self) -> Option<(&Matter, Step)> {
        match self.screen {
            Screen::Matter { id, step } => self.data.matter(id).map(|m| (m, step)),
            _ => None,
        }
    }

    /// The scopes whose keys are live, least specific first: an open form or prompt's own,
    /// or the screen's.
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.overlay {
            Some(Overlay::Form(form)) => form_scopes(form.focused_is_text()),
            Some(Overlay::Confirm(_)) => vec![Scope::Confirm],
            Some(Overlay::Pick(_)) => vec![Scope::Pick],
            Some(Overlay::Help(_)) => vec![Scope::Help],
            None => screen_scopes(self.screen),
        }
    }

    /// What a key press means now.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.overlay.is_some() && ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        let scopes = self.scopes();
        if let Some(action) = keys::lookup(&scopes, key) {
            return Some(action);
        }
        match (&self.overlay, key.code) {
            // Any other key closes the help.
            (Some(Overlay::Help(_)), _) => Some(Action::Back),
            (_, KeyCode::Char(c))
                if !ctrl && (scopes.contains(&Scope::Text) || scopes.contains(&Scope::Choice)) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// Whether the screen shows a running countdown (the only time a tick is needed).
    pub fn counting(&self) -> bool {
        self.timer.is_some()
            && matches!(
                self.screen,
                Screen::Matter {
                    step: Step::Hear,
                    ..
                }
            )
    }
}
