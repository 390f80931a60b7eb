//! The console's model and its one `update`: an action comes in, the model changes, and any
//! change to the record goes through the store before the screen may show it.

use chrono::NaiveDateTime;

use super::action::Action;
use super::archive::Archive;
use super::archive_forms;
use super::data::Data;
use super::form::{Form, Outcome, Words};
use super::forms::{self, FormKind};
use super::keys::{self, Scope};
pub use super::screen::{Screen, form_scopes, screen_scopes};
use super::screens;
use super::theme::Theme;
use crate::domain::{Change, MatterId, MeetingId, MeetingState, Step};
use crate::store::{Store, StoreError};
use crate::text::Lang;
use crossterm::event::{KeyCode, KeyEvent};

/// A file to write once the user agrees to replace the one already there.
#[derive(Debug, Clone)]
pub struct Export {
    pub path: std::path::PathBuf,
    pub contents: String,
}

/// A question asked before a change that seals or ends something.
#[derive(Debug, Clone)]
pub struct Confirm {
    pub question: String,
    pub changes: Vec<Change>,
    /// Or, instead of changes, a file to overwrite.
    pub write: Option<Export>,
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
    Help,
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

pub type Clock = Box<dyn Fn() -> NaiveDateTime>;

pub struct App {
    store: Store,
    clock: Clock,
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
    pub timer: Option<Timer>,
    pub archive: Archive,
    /// The archive screens visited, to go back through with Esc.
    pub trail: Vec<(Screen, usize)>,
    /// The terminal's size at the last frame.
    pub viewport: (u16, u16),
    pub quit: bool,
}

impl App {
    pub fn new(store: Store, lang: Lang, theme: Theme, clock: Clock) -> Result<App, StoreError> {
        let data = Data::load(&store, None)?;
        let notice = crate::store::completed_note(lang, store.completed()).map(Notice::Done);
        Ok(App {
            now: clock(),
            store,
            clock,
            lang,
            theme,
            screen: Screen::Home,
            selected: 0,
            overlay: None,
            wall: false,
            notice,
            data,
            timer: None,
            archive: Archive::default(),
            trail: Vec::new(),
            viewport: (80, 24),
            quit: false,
        })
    }

    pub fn say(&self, hans: &str, hant: &str, en: &str) -> String {
        self.lang.pick(hans, hant, en).to_string()
    }

    pub fn meeting_id(&self) -> Option<MeetingId> {
        self.data.meeting.as_ref().map(|m| m.id)
    }

    /// The scopes whose keys are live, least specific first: an open form or prompt's own,
    /// or the screen's.
    pub fn scopes(&self) -> Vec<Scope> {
        match &self.overlay {
            Some(Overlay::Form(form)) => form_scopes(form.focused_is_text()),
            Some(Overlay::Confirm(_)) => vec![Scope::Confirm],
            Some(Overlay::Pick(_)) => vec![Scope::Pick],
            Some(Overlay::Help) | None => screen_scopes(self.screen),
        }
    }

    /// What a key press means now.
    pub fn action_for(&self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key
            .modifiers
            .contains(crossterm::event::KeyModifiers::CONTROL);
        if self.overlay.is_some() && ctrl && key.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        let scopes = self.scopes();
        if let Some(action) = keys::lookup(&scopes, key) {
            return Some(action);
        }
        match (&self.overlay, key.code) {
            // Any other key closes the help.
            (Some(Overlay::Help), _) => Some(Action::Back),
            (_, KeyCode::Char(c)) if !ctrl && scopes.contains(&Scope::Text) => {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }
}

impl App {
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

    pub fn reload(&mut self) {
        match Data::load(&self.store, self.meeting_id()) {
            Ok(d) => self.data = d,
            Err(e) => self.refuse(e.describe(self.lang)),
        }
    }

    pub fn refuse(&mut self, why: String) {
        self.notice = Some(Notice::Refused(why));
    }

    pub fn done(&mut self, what: String) {
        self.notice = Some(Notice::Done(what));
    }

    /// Records the changes in order, each durable before the next; stops at the first refusal
    /// and returns its reason.
    pub fn record(&mut self, changes: &[Change]) -> Result<(), String> {
        let mut result = Ok(());
        for change in changes {
            if let Err(e) = self.store.apply(change, self.now) {
                result = Err(e.describe(self.lang));
                break;
            }
        }
        self.reload();
        self.follow_matter();
        if self.screen.is_archive()
            && let Err(e) = self.archive.refresh(&self.store)
        {
            return Err(e.describe(self.lang));
        }
        result
    }

    /// Records and reports on the status line.
    pub fn record_and_say(&mut self, changes: &[Change], done: String) {
        match self.record(changes) {
            Ok(()) => self.done(done),
            Err(why) => self.refuse(why),
        }
    }

    /// After a matter moves to another step, its screen follows it.
    fn follow_matter(&mut self) {
        if let Screen::Matter { id, .. } = self.screen
            && let Some(m) = self.data.matter(id)
            && let Some(step) = m.stage.step()
        {
            self.screen = Screen::Matter { id, step };
        }
    }

    pub fn open_form(&mut self, form: Form) {
        self.overlay = Some(Overlay::Form(Box::new(form)));
    }

    pub fn ask(&mut self, question: String, changes: Vec<Change>) {
        self.overlay = Some(Overlay::Confirm(Confirm {
            question,
            changes,
            write: None,
        }));
    }

    /// Lets the archive load what it shows from the store.
    pub fn with_archive<T>(&mut self, f: impl FnOnce(&mut Archive, &Store) -> T) -> T {
        f(&mut self.archive, &self.store)
    }

    /// Opens an archive screen, remembering where to come back to.
    pub fn visit(&mut self, screen: Screen) {
        if self.screen != screen {
            self.trail.push((self.screen, self.selected));
        }
        self.go(screen);
    }

    /// Back along the archive trail; out of the archive to home at its start.
    pub fn leave(&mut self) {
        match self.trail.pop() {
            Some((screen, selected)) => {
                self.screen = screen;
                self.selected = selected;
            }
            None => self.go(Screen::Home),
        }
    }

    pub fn go(&mut self, screen: Screen) {
        self.screen = screen;
        self.selected = 0;
    }

    pub fn open_meeting(&mut self, id: MeetingId) {
        match Data::load(&self.store, Some(id)) {
            Ok(d) => {
                let preparing = d
                    .meeting
                    .as_ref()
                    .is_some_and(|m| m.state == MeetingState::Preparing);
                self.data = d;
                self.timer = None;
                self.go(if preparing {
                    Screen::RollCall
                } else {
                    Screen::Agenda
                });
            }
            Err(e) => self.refuse(e.describe(self.lang)),
        }
    }

    fn submit(&mut self, mut form: Box<Form>) {
        if !form.kind.records() {
            return archive_forms::submit(self, form);
        }
        let mut next = match self.store.next_id() {
            Ok(n) => n,
            Err(e) => {
                form.error = Some(e.describe(self.lang));
                self.overlay = Some(Overlay::Form(form));
                return;
            }
        };
        let mut new_id = || {
            next += 1;
            next - 1
        };
        let changes = match forms::changes(&form, self.now, self.lang, &mut new_id) {
            Ok(c) => c,
            Err(why) => {
                form.error = Some(why);
                self.overlay = Some(Overlay::Form(form));
                return;
            }
        };
        if let Err(why) = self.record(&changes) {
            // The form stays open with what was typed, and says why.
            form.error = Some(why);
            self.overlay = Some(Overlay::Form(form));
            return;
        }
        self.overlay = None;
        self.done(self.say("已保存。", "已保存。", "Saved."));
        match (&form.kind, changes.first()) {
            (FormKind::NewMeeting { .. }, Some(Change::CreateMeeting { id, .. })) => {
                self.open_meeting(*id)
            }
            (FormKind::Speech { .. }, _) => self.timer = None,
            (FormKind::NewMatter { .. }, _) => {
                self.selected = self.data.agenda.len().saturating_sub(1)
            }
            _ => {}
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        match overlay {
            Overlay::Help => {}
            Overlay::Form(mut form) => match form.handle(&action) {
                Outcome::Editing => {
                    archive_forms::edited(&mut form);
                    self.overlay = Some(Overlay::Form(form))
                }
                Outcome::Cancel => {}
                Outcome::Submit => self.submit(form),
            },
            Overlay::Confirm(c) => match action {
                Action::Yes => {
                    if let Some(export) = &c.write {
                        archive_forms::write(self, export);
                        return;
                    }
                    let done = self.say("已记录。", "已記錄。", "Recorded.");
                    self.record_and_say(&c.changes, done);
                }
                Action::No => {}
                _ => self.overlay = Some(Overlay::Confirm(c)),
            },
            Overlay::Pick(mut p) => match action {
                Action::Up => {
                    p.selected = p.selected.saturating_sub(1);
                    self.overlay = Some(Overlay::Pick(p));
                }
                Action::Down => {
                    p.selected = (p.selected + 1).min(p.items.len().saturating_sub(1));
                    self.overlay = Some(Overlay::Pick(p));
                }
                Action::Select => {
                    if let (Some((matter, _)), Some(meeting)) =
                        (p.items.get(p.selected), self.meeting_id())
                    {
                        let done = self.say("已列入议程。", "已列入議程。", "Added to the agenda.");
                        let change = Change::AddToAgenda {
                            meeting,
                            matter: *matter,
                        };
                        self.record_and_say(&[change], done);
                    }
                }
                Action::Back => {}
                _ => self.overlay = Some(Overlay::Pick(p)),
            },
        }
    }

    /// The one update.
    pub fn update(&mut self, action: Action) {
        self.now = (self.clock)();
        match action {
            Action::Tick | Action::Resize => {}
            Action::Terminate | Action::Quit => self.quit = true,
            Action::Paste(text) => {
                if let Some(Overlay::Form(form)) = &mut self.overlay {
                    form.paste(&text);
                }
            }
            // An open form or prompt takes every other action.
            other if self.overlay.is_some() => self.update_overlay(other),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::ToggleWall => {
                if !self.wall && (self.data.meeting.is_none() || self.screen.is_archive()) {
                    self.refuse(self.say(
                        "投影视图显示进行中的会议：请先从首页进入一次会议。",
                        "投影視圖顯示進行中的會議：請先從首頁進入一次會議。",
                        "No meeting is being run: open one from home first.",
                    ));
                } else {
                    self.wall = !self.wall;
                }
            }
            Action::CycleTheme => {
                let all = Theme::bundled();
                let at = all.iter().position(|t| t.name == self.theme.name);
                let next = at.map_or(0, |i| (i + 1) % all.len());
                if let Some(t) = all.into_iter().nth(next) {
                    self.theme = t;
                }
            }
            Action::CycleLang => {
                self.lang = match self.lang {
                    Lang::ZhHans => Lang::ZhHant,
                    Lang::ZhHant => Lang::En,
                    Lang::En => Lang::ZhHans,
                }
            }
            other => {
                self.notice = None;
                screens::update(self, other);
            }
        }
    }
}
