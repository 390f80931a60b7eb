//! The console's one `update`: an action comes in, the screen on show answers with effects,
//! and this file carries them out. It is the only place the model changes and the only place
//! the store is written; a change to the record is durable before the screen may show it.

use crate::words;
use chrono::NaiveDateTime;
use yishi_domain::{CreateCouncil, CreateMeeting};

use super::action::Action;
use super::archive_forms;
use super::data::Data;
use super::effect::{Effect, Load};
use super::fetch;
use super::form::Form;
use super::forms::{self, FormKind};
use super::model::{Confirm, Export, Model, Notice, OnYes, Overlay, Screen};
use super::screens;
use super::theme::Theme;
use yishi_domain::{Change, MeetingId, MeetingState};
use yishi_store::{Store, StoreError};
use yishi_text::Lang;

pub type Clock = Box<dyn Fn() -> NaiveDateTime>;

mod sealing;

pub struct App {
    pub model: Model,
    store: Store,
    /// What reading keeps from one read to the next.
    reading: fetch::Reading,
    clock: Clock,
    /// What a wall in another process was last told the chair shows.
    presented: Option<crate::presenting::Shown>,
}

impl App {
    pub fn new(store: Store, lang: Lang, theme: Theme, clock: Clock) -> Result<App, StoreError> {
        let data = fetch::data(&store, None)?;
        let mut model = Model::new(data, lang, theme, clock());
        model.notice = yishi_store::completed_note(lang, store.completed()).map(Notice::Done);
        Ok(App {
            model,
            store,
            reading: fetch::Reading::default(),
            clock,
            presented: None,
        })
    }

    /// What a whole read of the store gives for the meeting on screen: what the model's
    /// records must equal after every change.
    pub fn stored_data(&self) -> Result<Data, StoreError> {
        fetch::data(&self.store, self.model.meeting_id())
    }

    /// The one update.
    pub fn update(&mut self, action: Action) {
        let m = &mut self.model;
        m.now = (self.clock)();
        let effects = match action {
            Action::Tick | Action::Resize => return,
            Action::Terminate => {
                m.quit = true;
                return;
            }
            // A meeting under way is not left on one key: the room is watching.
            Action::Quit if m.overlay.is_none() && m.meeting_runs() => {
                vec![Effect::Ask(Confirm {
                    question: m.say(if m.demo {
                        words::QUIT_THE_DEMO
                    } else {
                        words::QUIT_WHILE_A_MEETING_RUNS
                    }),
                    then: OnYes::Quit,
                })]
            }
            Action::Quit => {
                m.quit = true;
                return;
            }
            // An open form or prompt takes every other action.
            other if m.overlay.is_some() => screens::overlays::update(m, other),
            Action::Paste(_) => return,
            Action::Help => vec![Effect::Overlay(Some(Overlay::Help(0)))],
            Action::ToggleWall => {
                if !m.wall && (m.data.meeting.is_none() || m.screen.is_archive()) {
                    vec![Effect::Refuse(m.say(words::NO_MEETING_IS_BEING_RUN))]
                } else {
                    m.wall = !m.wall;
                    return;
                }
            }
            Action::CycleTheme => {
                let all = Theme::bundled();
                let at = all.iter().position(|t| t.name == m.theme.name);
                let next = at.map_or(0, |i| (i + 1) % all.len());
                if let Some(t) = all.into_iter().nth(next) {
                    m.theme = t;
                }
                return;
            }
            Action::CycleLang => {
                m.lang = match m.lang {
                    Lang::ZhHans => Lang::ZhHant,
                    Lang::ZhHant => Lang::En,
                    Lang::En => Lang::ZhHans,
                };
                return;
            }
            other => {
                m.notice = None;
                screens::update(m, other)
            }
        };
        self.apply(effects);
    }

    /// Carries out effects in order.
    pub fn apply(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            self.carry_out(effect);
        }
    }

    fn carry_out(&mut self, effect: Effect) {
        let m = &mut self.model;
        match effect {
            Effect::Record {
                changes,
                done,
                then,
            } => match self.record(&changes) {
                Ok(()) => {
                    if let Some(done) = done {
                        self.model.notice = Some(Notice::Done(done));
                    }
                    self.apply(then);
                }
                Err(why) => self.model.notice = Some(Notice::Refused(why)),
            },
            Effect::Done(what) => m.notice = Some(Notice::Done(what)),
            Effect::Refuse(why) => m.notice = Some(Notice::Refused(why)),
            Effect::Ask(confirm) => m.overlay = Some(Overlay::Confirm(confirm)),
            Effect::Overlay(overlay) => m.overlay = overlay,
            Effect::Submit(form) => self.submit(form),
            Effect::Select(row) => m.selected = row,
            Effect::Go(screen) => self.go(screen),
            Effect::Visit(screen) => {
                if m.screen != screen {
                    m.trail.push((m.screen, m.selected));
                }
                self.go(screen);
            }
            Effect::Leave => match m.trail.pop() {
                Some((screen, selected)) => {
                    m.screen = screen;
                    m.selected = selected;
                }
                None => self.go(Screen::Home),
            },
            Effect::OpenMeeting(id) => self.open_meeting(id),
            Effect::CloseMeeting => {
                self.set_timer(None);
                self.go(Screen::Home);
                self.read_again(None);
            }
            Effect::Timer(timer) => self.set_timer(timer),
            Effect::Quit => m.quit = true,
            Effect::Load(load) => self.load(load),
            Effect::Scroll { scroll, hit } => {
                if let Some(o) = &mut m.archive.open {
                    o.scroll = scroll;
                    o.hit = hit;
                }
            }
            Effect::Filter(filter) => {
                m.selected = 0;
                let ledger = &mut m.archive.ledger;
                if let Err(e) = self.reading.filter(&self.store, ledger, filter) {
                    m.notice = Some(Notice::Refused(e.describe(m.lang)));
                }
            }
            Effect::Write(export) => self.write(&export),
            Effect::Seal(form) => self.seal(form),
        }
    }

    /// Tells a wall in another process where the chair now is, when that changed.
    pub fn present(&mut self) {
        let shown = match crate::presenting::Shown::of(self.model.screen, self.model.meeting_id()) {
            Some(s) if self.presented != Some(s) => s,
            _ => return,
        };
        crate::presenting::keep(self.store.dir(), shown);
        self.presented = Some(shown);
    }

    pub fn go(&mut self, screen: Screen) {
        self.model.screen = screen;
        self.model.selected = 0;
    }

    /// Starts or stops the speaker's countdown, kept beside the database while it runs.
    fn set_timer(&mut self, timer: Option<crate::model::Timer>) {
        let meeting = self.model.meeting_id();
        crate::speaking::keep(self.store.dir(), meeting, timer.as_ref());
        self.model.timer = timer;
    }

    pub fn open_meeting(&mut self, id: MeetingId) {
        self.read_again(Some(id));
        let Some(meeting) = &self.model.data.meeting else {
            return;
        };
        let preparing = meeting.state == MeetingState::Preparing;
        // A speech that was running when the console stopped runs on, its time counted from
        // when it began; one recorded since, or of another meeting, does not.
        let running = crate::speaking::running(self.store.dir(), id, &self.model.data);
        self.set_timer(running);
        self.go(if preparing {
            Screen::RollCall
        } else {
            Screen::Agenda
        });
    }

    /// Reads the council's records whole, for `meeting` or none.
    fn read_again(&mut self, meeting: Option<MeetingId>) {
        match fetch::data(&self.store, meeting) {
            Ok(d) => self.model.data = d,
            Err(e) => self.model.notice = Some(Notice::Refused(e.describe(self.model.lang))),
        }
    }

    /// Records the changes in order, each durable before the next; stops at the first refusal
    /// and returns its reason. The model takes in what each change wrote.
    fn record(&mut self, changes: &[Change]) -> Result<(), String> {
        let lang = self.model.lang;
        let mut result = Ok(());
        for change in changes {
            let now = self.model.now;
            match self.store.apply(change, now) {
                Ok(writes) => {
                    let m = &mut self.model;
                    if m.undo.last().is_some_and(|u| u.change == *change) {
                        m.undo.pop();
                    } else if let Some(u) = crate::undo::of(change, &writes, lang) {
                        m.undo.push(u);
                    }
                    crate::undo::after_withdrawal(&mut m.undo, change);
                    if let Err(e) = fetch::after(&self.store, &mut self.model.data, &writes) {
                        result = Err(e.describe(lang));
                        break;
                    }
                }
                Err(e) => {
                    result = Err(e.describe(lang));
                    break;
                }
            }
        }
        // A vote's result stays before the room until the chair moves on (Tab or >); any
        // other move of a matter is followed.
        // Resumed after a break: the roll is taken again.
        if result.is_ok() && changes.iter().any(|c| matches!(c, Change::Resume(_))) {
            self.go(Screen::RollCall);
        }
        if !changes.iter().any(|c| matches!(c, Change::CloseVote(_))) {
            self.follow_matter();
        }
        if self.model.screen.is_archive()
            && let Err(e) = fetch::refresh(&self.store, &mut self.model.archive)
        {
            return Err(e.describe(lang));
        }
        result
    }

    /// After a matter moves to another step, its screen follows it, at the top of its list.
    fn follow_matter(&mut self) {
        let m = &mut self.model;
        if let Screen::Matter { id, step: shown } = m.screen
            && let Some(matter) = m.data.matter(id)
            && let Some(step) = matter.stage.step()
            && step != shown
        {
            m.screen = Screen::Matter { id, step };
            m.selected = 0;
        }
    }

    fn submit(&mut self, form: Box<Form>) {
        if !form.kind.records() {
            let effects = archive_forms::submit(&self.model, form);
            return self.apply(effects);
        }
        let lang = self.model.lang;
        let mut next = match self.store.next_id() {
            Ok(n) => n,
            Err(e) => return self.reopen(form, e.describe(lang)),
        };
        let mut new_id = || {
            next += 1;
            next - 1
        };
        let changes = match forms::changes(&form, self.model.now, lang, &mut new_id) {
            Ok(c) => c,
            Err(why) => return self.reopen(form, why),
        };
        if let Err(why) = self.record(&changes) {
            // The form stays open with what was typed, and says why.
            return self.reopen(form, why);
        }
        let m = &mut self.model;
        m.overlay = None;
        m.notice = Some(Notice::Done(m.say(words::SAVED)));
        match (&form.kind, changes.first()) {
            (
                FormKind::NewMeeting { .. },
                Some(Change::CreateMeeting(CreateMeeting { id, .. })),
            ) => self.open_meeting(*id),
            // A council just set up: its members next, one after another.
            (FormKind::NewCouncil, Some(Change::CreateCouncil(CreateCouncil { council }))) => {
                let owners = council.rule.counts_area();
                let form = forms::member(council.id, m.now.date(), None, owners, m.lang);
                self.go(Screen::Council);
                self.model.overlay = Some(Overlay::Form(Box::new(form)));
            }
            (FormKind::Member { council, owners }, _) => {
                // The next member, of the same party and standing, joining the same day.
                let mut next = forms::member(
                    *council,
                    m.now.date(),
                    Some((form.choice(1), form.choice(2))),
                    *owners,
                    m.lang,
                );
                next.fields[3] = form.fields[3].clone();
                m.notice = Some(Notice::Done(m.say(words::ADDED_NEXT_ONE)));
                m.selected = m
                    .data
                    .council
                    .as_ref()
                    .map_or(0, |c| c.members.len().saturating_sub(1));
                m.overlay = Some(Overlay::Form(Box::new(next)));
            }
            (FormKind::Speech { .. }, _) => self.set_timer(None),
            (
                FormKind::NewMatter {
                    replacing: None, ..
                },
                _,
            ) => m.selected = m.data.agenda.len().saturating_sub(1),
            _ => {}
        }
    }

    fn reopen(&mut self, mut form: Box<Form>, why: String) {
        form.error = Some(why);
        self.model.overlay = Some(Overlay::Form(form));
    }

    /// Reads what an archive screen shows, and goes there.
    fn load(&mut self, load: Load) {
        let (m, store, reading) = (&mut self.model, &self.store, &mut self.reading);
        let loaded = match load {
            Load::Archive => fetch::archive(store, &mut m.archive).map(|a| {
                m.archive = a;
                m.trail.clear();
                vec![
                    Effect::Visit(Screen::Archive),
                    Effect::Load(Load::Agenda(0)),
                ]
            }),
            Load::Agenda(row) => fetch::agenda(store, &mut m.archive, row).map(|()| Vec::new()),
            Load::ReadAhead => {
                reading.read_ahead(store, m.lang);
                Ok(Vec::new())
            }
            Load::Search(query) => reading
                .search(store, &mut m.archive, &query, m.lang)
                .map(|()| screens::results::found(m, &query)),
            Load::Minutes { meeting, at } => fetch::minutes(store, &mut m.archive, meeting, m.lang)
                .map(|()| {
                    let mut then = vec![Effect::Visit(Screen::Minutes)];
                    then.extend(at.and_then(|at| screens::minutes::at_hit(m, at)));
                    then
                }),
            Load::Ledger => reading
                .ledger(store, &mut m.archive.ledger, m.now.date())
                .map(|()| vec![Effect::Visit(Screen::Ledger)]),
            Load::LedgerTo(row) => reading
                .ledger_to(store, &mut m.archive.ledger, row)
                .map(|()| Vec::new()),
            Load::History(row) => fetch::history(store, &row, m.lang).map(|h| {
                m.archive.history = h;
                if m.archive.history.is_some() {
                    vec![Effect::Visit(Screen::History)]
                } else {
                    Vec::new()
                }
            }),
        };
        match loaded {
            Ok(then) => self.apply(then),
            Err(e) => m.notice = Some(Notice::Refused(e.describe(m.lang))),
        }
    }

    /// Writes an export whole (a failure leaves no half file).
    fn write(&mut self, export: &Export) {
        let written = yishi_store::file::replace(&export.path, &export.contents);
        self.model.notice = Some(archive_forms::written(&self.model, export, written));
    }
}
