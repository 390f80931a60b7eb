//! The console in this process, driven by keys as a terminal sends them: each key goes through
//! the console's own key table (`action_of`) into its one `update`, and the frame is drawn as
//! the event loop draws it, on ratatui's test backend. What the chair would see, without a
//! terminal or a second process; the pseudo-terminal tests keep what needs them (signals, the
//! terminal's modes, a wall in another process).

use chrono::NaiveDateTime;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::time::Instant;
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::app::App;
use yishi::tui::theme::Theme;

use super::keys::Keys;

pub struct Desk {
    /// The console, until the chair quits: then it is closed, as the program ends, and the
    /// database is free for the next.
    app: Option<App>,
    size: (u16, u16),
    frame: String,
}

impl Desk {
    /// The console on the database in `db`, in `lang`, at `cols`×`rows`, on the real clock.
    pub fn open(db: &Path, lang: Lang, (cols, rows): (u16, u16)) -> Desk {
        Desk::with_clock(db, lang, (cols, rows), Box::new(yishi::store::now))
    }

    /// As `open`, the clock set to `when` ("2026-12-05 19:00:00") and running on from it.
    pub fn open_at(db: &Path, lang: Lang, size: (u16, u16), when: &str) -> Desk {
        let start = NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M:%S").expect("a time");
        let began = Instant::now();
        let clock = move || start + chrono::Duration::from_std(began.elapsed()).unwrap_or_default();
        Desk::with_clock(db, lang, size, Box::new(clock))
    }

    fn with_clock(db: &Path, lang: Lang, size: (u16, u16), clock: yishi::tui::app::Clock) -> Desk {
        let store = Store::open(db).expect("open the database");
        let theme = Theme::initial(None).expect("the default theme");
        let app = App::new(store, lang, theme, clock).expect("the console");
        let mut desk = Desk {
            app: Some(app),
            size,
            frame: String::new(),
        };
        desk.draw();
        desk
    }

    /// The console, while it runs.
    pub fn app(&self) -> &App {
        self.app.as_ref().expect("the console has quit")
    }

    /// One frame, as the event loop draws it after telling a wall where the chair is; after
    /// the last, the console closes as the program would.
    fn draw(&mut self) {
        let Some(app) = &mut self.app else {
            return;
        };
        app.present();
        app.model.viewport = self.size;
        self.frame = super::buffer::draw(app, self.size.0, self.size.1);
        if app.model.quit {
            self.app = None;
        }
    }

    fn event(&mut self, event: Event) {
        let app = self
            .app
            .as_mut()
            .unwrap_or_else(|| panic!("a key after the console quit: {event:?}"));
        if let Some(action) = yishi::tui::action_of(&app.model, event) {
            app.update(action);
        }
        self.draw();
    }

    /// Whether the console has stopped (q, and yes if it asked).
    pub fn has_quit(&self) -> bool {
        self.app.is_none()
    }

    /// Presses q, answers yes if the console asks first; returns whether it then stopped.
    pub fn quit(&mut self) -> bool {
        self.send("q");
        if self.frame.contains("要退出控制台吗") || self.frame.contains("Quit the console?")
        {
            self.send("y");
        }
        self.has_quit()
    }
}

/// The keys a terminal sends for `s`, as crossterm reads them: Enter, Tab, Esc, arrows,
/// Backspace, control letters, and characters.
fn keys(s: &str) -> Vec<KeyEvent> {
    let none = KeyModifiers::NONE;
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let key = match c {
            '\r' | '\n' => KeyEvent::new(KeyCode::Enter, none),
            '\t' => KeyEvent::new(KeyCode::Tab, none),
            '\x7f' => KeyEvent::new(KeyCode::Backspace, none),
            '\x1b' if chars.peek() == Some(&'[') => {
                chars.next();
                let code = match chars.next() {
                    Some('A') => KeyCode::Up,
                    Some('B') => KeyCode::Down,
                    Some('C') => KeyCode::Right,
                    Some('D') => KeyCode::Left,
                    Some('H') => KeyCode::Home,
                    Some('F') => KeyCode::End,
                    Some('Z') => KeyCode::BackTab,
                    Some(n @ ('5' | '6')) if chars.next() == Some('~') => {
                        if n == '5' {
                            KeyCode::PageUp
                        } else {
                            KeyCode::PageDown
                        }
                    }
                    other => panic!("a key sequence this desk does not know: ESC [ {other:?}"),
                };
                let modifiers = if code == KeyCode::BackTab {
                    KeyModifiers::SHIFT
                } else {
                    none
                };
                KeyEvent::new(code, modifiers)
            }
            '\x1b' => KeyEvent::new(KeyCode::Esc, none),
            '\x01'..='\x1a' => {
                let letter = char::from(b'a' + (c as u8 - 1));
                KeyEvent::new(KeyCode::Char(letter), KeyModifiers::CONTROL)
            }
            c if c.is_ascii_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => KeyEvent::new(KeyCode::Char(c), none),
        };
        out.push(key);
    }
    out
}

impl Keys for Desk {
    fn send(&mut self, s: &str) {
        for key in keys(s) {
            self.event(Event::Key(key));
        }
    }

    fn paste(&mut self, s: &str) {
        self.event(Event::Paste(s.to_string()));
    }

    fn screen(&self) -> String {
        self.frame.clone()
    }

    /// The frame is drawn after every key: what is not on it now never will be.
    fn wait_for_any(&self, needles: &[&str]) -> (usize, String) {
        match needles.iter().position(|n| self.frame.contains(n)) {
            Some(i) => (i, self.frame.clone()),
            None => panic!(
                "the screen shows none of {needles:?}; it shows:\n{}",
                self.frame
            ),
        }
    }

    fn wait_for_gone(&self, needle: &str) -> String {
        assert!(
            !self.frame.contains(needle),
            "the screen still shows {needle:?}:\n{}",
            self.frame
        );
        self.frame.clone()
    }
}
