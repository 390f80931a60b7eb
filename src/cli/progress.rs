//! How far a long command has got, on standard error: a bar redrawn in place on a terminal,
//! nothing when standard error is piped, or (with `YISHI_PROGRESS=lines`) one plain line per
//! percent for a log.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use crate::text::{Lang, sanitize_line, width};

/// Redraws closer together than this are skipped: a terminal needs no more.
const FRAME: Duration = Duration::from_millis(80);
const BAR: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Off,
    Bar,
    Lines,
}

pub struct Progress {
    mode: Mode,
    lang: Lang,
    label: String,
    drawn: Option<Instant>,
    percent: Option<u64>,
}

impl Progress {
    pub fn new(lang: Lang) -> Progress {
        let mode = match std::env::var("YISHI_PROGRESS").as_deref() {
            Ok("lines") => Mode::Lines,
            Ok("off") => Mode::Off,
            _ if std::io::stderr().is_terminal() => Mode::Bar,
            _ => Mode::Off,
        };
        Progress {
            mode,
            lang,
            label: String::new(),
            drawn: None,
            percent: None,
        }
    }

    /// Names the stage now running, in the user's language.
    pub fn stage(&mut self, hans: &str, hant: &str, en: &str) {
        self.label = self.lang.pick(hans, hant, en).to_string();
        self.percent = None;
        self.drawn = None;
        self.draw(None);
    }

    /// `done` of `total` units of the current stage are finished.
    pub fn set(&mut self, done: u64, total: u64) {
        let percent = (done.min(total) * 100).checked_div(total).unwrap_or(100);
        let due = match self.mode {
            Mode::Off => false,
            Mode::Lines => self.percent != Some(percent),
            Mode::Bar => done >= total || self.drawn.is_none_or(|t| t.elapsed() >= FRAME),
        };
        if due {
            self.percent = Some(percent);
            self.draw(Some((done, total, percent)));
        }
    }

    fn draw(&mut self, count: Option<(u64, u64, u64)>) {
        let label = sanitize_line(&self.label);
        let line = match count {
            None => label,
            Some((done, total, percent)) => {
                let filled = (percent as usize * BAR) / 100;
                let bar = format!("{}{}", "=".repeat(filled), " ".repeat(BAR - filled));
                let pad = " ".repeat(10usize.saturating_sub(width(&label)));
                format!("{label}{pad} [{bar}] {percent:>3}%  {done}/{total}")
            }
        };
        let mut err = std::io::stderr().lock();
        let _ = match self.mode {
            Mode::Off => Ok(()),
            Mode::Lines => writeln!(err, "{line}"),
            Mode::Bar => write!(err, "\r{line}\x1b[K").and_then(|_| err.flush()),
        };
        self.drawn = Some(Instant::now());
    }
}

impl Drop for Progress {
    /// The bar goes once the command is done, so that only its result stays on screen.
    fn drop(&mut self) {
        if self.mode == Mode::Bar && self.drawn.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K").and_then(|_| err.flush());
        }
    }
}
