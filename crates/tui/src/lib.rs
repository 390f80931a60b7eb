//! The meeting console: one model (`app`), one `Action` enum, one key table (`keys`), and a
//! module per screen with its `update` and `view`. Data flows one way: key → action →
//! update → store → snapshot → view.

pub mod action;
pub mod app;
pub mod archive;
pub mod archive_forms;
pub mod backend;
pub mod data;
pub mod effect;
pub mod fetch;
pub mod form;
pub mod forms;
pub mod input;
pub mod keys;
pub mod ledger;
pub mod model;
pub mod presenting;
pub mod projector;
mod screen;
pub mod screens;
pub mod speaking;
pub mod terminal;
pub mod theme;
pub mod undo;
pub mod wide;
pub mod widgets;
pub mod words;

pub use terminal::Ambiguous;

use crossterm::event::{Event, KeyEventKind};
use std::io::IsTerminal;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

use action::Action;
use app::App;
use terminal::Input;
use theme::Theme;
use yishi_store::Store;
use yishi_text::Lang;

/// How the console is drawn: its colours, and how the terminal draws ambiguous-width
/// characters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Look<'a> {
    pub theme: Option<&'a str>,
    pub ambiguous: terminal::Ambiguous,
}

/// Runs the console on `store` until the chair quits.
pub fn run(store: Store, lang: Lang, look: Look<'_>) -> Result<(), String> {
    run_at(store, lang, look, None)
}

/// As `run`, opening on `at` (a meeting under way, and one of its matters at the vote) rather
/// than home: the demo, on a throwaway copy it says it is.
pub fn run_at(
    store: Store,
    lang: Lang,
    look: Look<'_>,
    at: Option<(yishi_domain::MeetingId, yishi_domain::MatterId)>,
) -> Result<(), String> {
    let theme = Theme::initial(look.theme)
        .map_err(|e| format!("{}{e}", lang.say(words::THEME_NOT_USABLE)))?;
    needs_a_terminal(lang)?;
    let mut app =
        App::new(store, lang, theme, Box::new(yishi_store::now)).map_err(|e| e.describe(lang))?;
    if let Some((meeting, matter)) = at {
        app.model.demo = true;
        app.open_meeting(meeting);
        app.go(screen::Screen::Matter {
            id: matter,
            step: yishi_domain::Step::Decide,
        });
    }
    let (mut term, inputs) = terminal::open(look.ambiguous).map_err(|e| e.to_string())?;
    let result = event_loop(&mut app, &mut term, &inputs);
    terminal::restore();
    result.map_err(|e| e.to_string())
}

use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

/// Refuses to start where standard input or output is not a terminal, saying what reads the
/// record instead.
fn needs_a_terminal(lang: Lang) -> Result<(), String> {
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        return Ok(());
    }
    Err(lang.say(words::NEEDS_A_TERMINAL).to_string())
}

/// Draws one frame as one synchronized update: a terminal that knows the mode (and the tests'
/// emulator) shows it whole or not at all, never half drawn. Returns the size drawn at.
fn draw_frame(term: &mut terminal::Term, model: &model::Model) -> std::io::Result<(u16, u16)> {
    let mut size = (0, 0);
    crossterm::execute!(std::io::stdout(), BeginSynchronizedUpdate)?;
    let wide = term.backend().draws_ambiguous_wide();
    term.draw(|f| {
        size = (f.area().width, f.area().height);
        // Laid out as the terminal draws ambiguous characters: measured so, then given room.
        yishi_text::measured_as_drawn(wide, || screens::view(f, model));
        if wide {
            wide::make_room(f.buffer_mut());
        }
    })?;
    crossterm::execute!(std::io::stdout(), EndSynchronizedUpdate)?;
    Ok(size)
}

/// What a terminal event asks of the console: a key as the key table reads it now, a paste, a
/// new size.
pub fn action_of(model: &model::Model, event: Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => model.action_for(&k),
        Event::Paste(s) => Some(Action::Paste(s)),
        Event::Resize(..) => Some(Action::Resize),
        _ => None,
    }
}

fn event_loop(
    app: &mut App,
    term: &mut terminal::Term,
    inputs: &std::sync::mpsc::Receiver<Input>,
) -> std::io::Result<()> {
    loop {
        app.present();
        app.model.viewport = draw_frame(term, &app.model)?;
        if app.model.quit {
            return Ok(());
        }
        // Sleep until an event; only a countdown on screen wakes the loop each second.
        let input = if app.model.counting() {
            match inputs.recv_timeout(Duration::from_millis(1000)) {
                Ok(i) => Some(i),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        } else {
            match inputs.recv() {
                Ok(i) => Some(i),
                Err(_) => return Ok(()),
            }
        };
        let action = match input {
            None => Some(Action::Tick),
            Some(Input::Signal) => Some(Action::Terminate),
            Some(Input::Terminal(event)) => {
                if let Event::Resize(..) = event {
                    term.autoresize()?;
                }
                action_of(&app.model, event)
            }
        };
        if let Some(a) = action {
            app.update(a);
        }
    }
}
