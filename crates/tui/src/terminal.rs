//! The terminal: raw mode, the alternate screen and bracketed paste on the way in; all of it
//! undone on the way out, whether by quit, panic, SIGTERM or SIGHUP. Events arrive on one
//! channel so that the loop sleeps until something happens.

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};

use super::backend::WideAware;
use std::sync::Once;
use std::sync::mpsc::{self, Receiver};

pub type Term = Terminal<WideAware<CrosstermBackend<Stdout>>>;

pub enum Input {
    Terminal(Event),
    /// SIGTERM, SIGHUP or SIGINT.
    Signal,
}

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// How the terminal draws characters of ambiguous width (box drawing, ·, —, quotes).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Ambiguous {
    /// Ask the terminal: draw one and read where the cursor went.
    #[default]
    Auto,
    Narrow,
    Wide,
}

/// Whether the terminal draws an ambiguous-width character two columns wide: one is written
/// at the top left and the cursor's column read back (a terminal that does not answer is taken
/// to draw it narrow). The probe is wiped before anything else is drawn.
fn draws_ambiguous_wide() -> bool {
    let probe = execute!(
        io::stdout(),
        cursor::MoveTo(0, 0),
        crossterm::style::Print("─")
    );
    let wide = probe.is_ok() && cursor::position().is_ok_and(|(col, _)| col >= 2);
    let _ = execute!(
        io::stdout(),
        cursor::MoveTo(0, 0),
        terminal::Clear(terminal::ClearType::CurrentLine)
    );
    wide
}

pub fn enter(ambiguous: Ambiguous) -> io::Result<Term> {
    install_panic_hook();
    terminal::enable_raw_mode()?;
    if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    let wide = match ambiguous {
        Ambiguous::Auto => draws_ambiguous_wide(),
        Ambiguous::Narrow => false,
        Ambiguous::Wide => true,
    };
    let backend = WideAware::ambiguous_wide(CrosstermBackend::new(io::stdout()), wide);
    Terminal::new(backend).inspect_err(|_| restore())
}

/// The terminal entered, and its events on one channel; put back as it was if either fails.
pub fn open(ambiguous: Ambiguous) -> io::Result<(Term, Receiver<Input>)> {
    let term = enter(ambiguous)?;
    let inputs = inputs().inspect_err(|_| restore())?;
    Ok((term, inputs))
}

/// Terminal events and termination signals, on one channel.
pub fn inputs() -> io::Result<Receiver<Input>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let (tx, rx) = mpsc::channel();
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let signal_tx = tx.clone();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_tx.send(Input::Signal);
        }
    });
    std::thread::spawn(move || {
        while let Ok(e) = event::read() {
            if tx.send(Input::Terminal(e)).is_err() {
                break;
            }
        }
    });
    Ok(rx)
}
