//! `yishi wall`: the room's screen in a process of its own, beside the console or on another
//! machine's terminal over ssh. It takes no lock and writes nothing. The record it shows comes
//! from the newest checkpoint and the journal after it, followed line by line as the console
//! appends (`store::Reader`), reading only the meeting it shows; where
//! the chair is comes from `presenting.json`, and a running countdown from `speaking.json`, both
//! beside the database. The console may start before or after it, stop and start again.

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use super::data::Data;
use super::model::{Model, Notice, Screen};
use super::presenting::{self, Shown};
use super::terminal::{self, Input};
use super::theme::Theme;
use super::{Look, speaking, words};
use yishi_domain::MeetingId;
use yishi_store::Reader;
use yishi_text::Lang;

/// How often the journal and the chair's place are looked at: well inside a frame of a
/// projector's refresh as a person sees it, and a read of a few bytes when nothing changed.
const LOOK_EVERY: Duration = Duration::from_millis(50);

/// What the wall draws from: the record so far, where the chair is, and the running speech.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    seq: u64,
    shown: Shown,
    timer: Option<super::model::Timer>,
    /// Why the journal could not be read just now, if it could not.
    trouble: Option<String>,
}

/// The meeting a wall shows when the chair shows none: one under way (the console stopped, or
/// is between meetings' screens), else nothing.
fn meeting_under_way(records: &Reader) -> Result<Option<MeetingId>, yishi_store::StoreError> {
    Ok(records.meetings_under_way()?.first().map(|h| h.id))
}

/// The wall's model for what was seen: the chair's screen over the meeting it shows.
fn model_of(records: &Reader, dir: &Path, shown: Shown, lang: Lang, theme: &Theme) -> Model {
    let (meeting, screen) = match shown.meeting() {
        Some(m) => (Some(Ok(m)), shown.screen()),
        None => (meeting_under_way(records).transpose(), Screen::Agenda),
    };
    let data = match meeting.map(|m| m.and_then(|m| super::fetch::meeting(records, m))) {
        Some(Ok(d)) => d,
        Some(Err(e)) => {
            let mut model = Model::new(Data::default(), lang, theme.clone(), yishi_store::now());
            model.notice = Some(Notice::Refused(e.describe(lang)));
            return model;
        }
        None => Data::default(),
    };
    let mut model = Model::new(data, lang, theme.clone(), yishi_store::now());
    model.wall = true;
    model.screen = screen;
    let meeting = model.data.meeting.as_ref().map(|m| m.id);
    model.timer = meeting.and_then(|id| speaking::running(dir, id, &model.data));
    model
}

/// Runs the wall on the database in `dir` until q, Esc or Ctrl-C.
pub fn run(dir: &Path, lang: Lang, look: Look<'_>) -> Result<(), String> {
    let theme = Theme::initial(look.theme)
        .map_err(|e| format!("{}{e}", lang.say(words::THEME_NOT_USABLE)))?;
    super::needs_a_terminal(lang)?;
    let mut follower = Reader::open(dir).map_err(|e| e.describe(lang))?;
    let (mut term, inputs) = terminal::open(look.ambiguous).map_err(|e| e.to_string())?;
    let result = (|| -> std::io::Result<()> {
        let mut seen: Option<Seen> = None;
        let mut model = model_of(&follower, dir, Shown::Nothing, lang, &theme);
        let mut drawn_at = None;
        loop {
            // A journal that cannot be read now (being repaired, a disk error) is said on the
            // wall, and looked at again: the wall never stops the room on its own.
            let trouble = follower.poll().err().map(|e| e.describe(lang));
            let shown = presenting::read(dir);
            let timer = shown.meeting().and_then(|id| speaking::kept(dir, id));
            let now = Seen {
                seq: follower.seq(),
                shown,
                timer,
                trouble,
            };
            let changed = seen.as_ref() != Some(&now);
            if changed {
                model = model_of(&follower, dir, shown, lang, &theme);
                if let Some(t) = &now.trouble {
                    model.notice = Some(Notice::Refused(t.clone()));
                }
                seen = Some(now);
            }
            model.now = yishi_store::now();
            // A still wall writes nothing; a running countdown is drawn once a second.
            let tick = model.counting() && drawn_at != Some(model.now);
            if changed || tick || drawn_at.is_none() {
                crate::draw_frame(&mut term, &model)?;
                drawn_at = Some(model.now);
            }
            match inputs.recv_timeout(LOOK_EVERY) {
                Ok(Input::Signal) | Err(RecvTimeoutError::Disconnected) => return Ok(()),
                Ok(Input::Terminal(Event::Key(k))) if k.kind != KeyEventKind::Release => {
                    let ctrl_c =
                        k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c');
                    if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                        return Ok(());
                    }
                }
                Ok(Input::Terminal(Event::Resize(..))) => {
                    term.autoresize()?;
                    drawn_at = None;
                }
                Ok(Input::Terminal(_)) | Err(RecvTimeoutError::Timeout) => {}
            }
        }
    })();
    terminal::restore();
    result.map_err(|e| e.to_string())
}
