//! The real binary in a pseudo-terminal, its screen parsed by vt100: what a chair would see.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Synchronized output (DEC mode 2026): the console wraps each frame in these, so that what a
/// test reads is a whole frame, never one the emulator has only part of.
const BEGIN: &[u8] = b"\x1b[?2026h";
const END: &[u8] = b"\x1b[?2026l";

/// The emulator: every byte as it comes, and the screen as last shown whole.
struct Emulator {
    parser: vt100::Parser,
    shown: vt100::Screen,
    /// The same bytes in a terminal that draws ambiguous-width characters wide, where the
    /// console was started in one.
    wide: Option<(vte::Parser, super::wide_term::WideTerm)>,
    wide_shown: Option<super::wide_term::WideTerm>,
    inside: bool,
    /// The tail of the last read that may be the start of a marker.
    carry: Vec<u8>,
}

impl Emulator {
    fn process(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        if let Some((parser, term)) = &mut self.wide {
            parser.advance(term, bytes);
        }
    }

    fn show(&mut self) {
        self.shown = self.parser.screen().clone();
        self.wide_shown = self.wide.as_ref().map(|(_, t)| t.clone());
    }

    fn feed(&mut self, data: &[u8], done: bool) {
        let mut buf = std::mem::take(&mut self.carry);
        buf.extend_from_slice(data);
        let keep = if done {
            0
        } else {
            (1..BEGIN.len())
                .rev()
                .find(|k| buf.ends_with(&BEGIN[..*k]))
                .unwrap_or(0)
        };
        let cut = buf.len() - keep;
        let mut rest = &buf[..cut];
        loop {
            let at = |m: &[u8]| rest.windows(m.len()).position(|w| w == m);
            let next = [(at(BEGIN), true), (at(END), false)]
                .into_iter()
                .filter_map(|(p, begin)| p.map(|p| (p, begin)))
                .min();
            let Some((pos, begin)) = next else {
                self.process(rest);
                break;
            };
            self.process(&rest[..pos + BEGIN.len()]);
            self.inside = begin;
            if !begin {
                self.show();
            }
            rest = &rest[pos + BEGIN.len()..];
        }
        if !self.inside {
            self.show();
        }
        self.carry = buf[cut..].to_vec();
    }
}

pub struct Console {
    emulator: Arc<Mutex<Emulator>>,
    /// Everything the program wrote, for byte counts.
    pub written: Arc<Mutex<usize>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

const PATIENCE: Duration = Duration::from_secs(20);

impl Console {
    /// Starts `yishi --db DB ARGS…` in a `cols`×`rows` terminal.
    pub fn start(db: &Path, args: &[&str], cols: u16, rows: u16) -> Console {
        Console::start_in(db, args, cols, rows, None)
    }

    /// As `start`, with the clock set to `when` ("2026-12-05 19:00:00") and running on from it,
    /// by the program's own clock (`YISHI_CLOCK`).
    #[allow(dead_code)]
    pub fn start_at(db: &Path, args: &[&str], cols: u16, rows: u16, when: &str) -> Console {
        let mut cmd = CommandBuilder::new(super::bin());
        cmd.env("YISHI_CLOCK", when);
        Console::spawn(cmd, db, args, (cols, rows), None, false)
    }

    /// As `start`, in a terminal that draws ambiguous-width characters two columns wide (as
    /// xterm -cjk_width does), and says so when asked where its cursor is.
    #[allow(dead_code)]
    pub fn start_wide(db: &Path, args: &[&str], cols: u16, rows: u16) -> Console {
        let cmd = CommandBuilder::new(super::bin());
        Console::spawn(cmd, db, args, (cols, rows), None, true)
    }

    /// As `start`, with `envs` set for the program (a keys folder, say).
    #[allow(dead_code)]
    pub fn start_env(
        db: &Path,
        args: &[&str],
        (cols, rows): (u16, u16),
        envs: &[(&str, &Path)],
    ) -> Console {
        let mut cmd = CommandBuilder::new(super::bin());
        for (k, v) in envs {
            cmd.env(k, v);
        }
        Console::spawn(cmd, db, args, (cols, rows), None, false)
    }

    /// As `start`, with the working directory `cwd` (where exports land).
    pub fn start_in(db: &Path, args: &[&str], cols: u16, rows: u16, cwd: Option<&Path>) -> Console {
        let cmd = CommandBuilder::new(super::bin());
        Console::spawn(cmd, db, args, (cols, rows), cwd, false)
    }

    fn spawn(
        mut cmd: CommandBuilder,
        db: &Path,
        args: &[&str],
        (cols, rows): (u16, u16),
        cwd: Option<&Path>,
        ambiguous_wide: bool,
    ) -> Console {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        cmd.arg("--db");
        cmd.arg(db);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("YISHI_LANG");
        cmd.env_remove("YISHI_DB");
        cmd.env_remove("NO_COLOR");
        if let Some(dir) = cwd {
            cmd.cwd(dir);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn yishi");
        drop(pair.slave);
        let parser = vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        );
        let wide = ambiguous_wide.then(|| {
            (
                vte::Parser::new(),
                super::wide_term::WideTerm::new(rows, cols),
            )
        });
        let emulator = Arc::new(Mutex::new(Emulator {
            shown: parser.screen().clone(),
            wide_shown: wide.as_ref().map(|(_, t)| t.clone()),
            wide,
            parser,
            inside: false,
            carry: Vec::new(),
        }));
        let written = Arc::new(Mutex::new(0));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer: Arc<Mutex<Box<dyn Write + Send>>> =
            Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let (e, w, answer) = (emulator.clone(), written.clone(), writer.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                let n = reader.read(&mut buf).unwrap_or(0);
                let mut em = e.lock().expect("emulator");
                em.feed(&buf[..n], n == 0);
                if n == 0 {
                    break;
                }
                // A terminal answers where its cursor is (CSI 6n); one set for East Asian
                // text has drawn each ambiguous-width character two columns wide.
                if buf[..n].windows(4).any(|x| x == b"\x1b[6n") {
                    let (row, col) = match &em.wide {
                        Some((_, term)) => term.cursor(),
                        None => {
                            let (r, c) = em.parser.screen().cursor_position();
                            (usize::from(r), usize::from(c))
                        }
                    };
                    let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                    let mut out = answer.lock().expect("writer");
                    let _ = out.write_all(reply.as_bytes());
                    let _ = out.flush();
                }
                drop(em);
                *w.lock().expect("count") += n;
            }
        });
        Console {
            emulator,
            written,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// Whether the cell at `row`, `col` is drawn underlined (a marked search hit).
    pub fn underlined(&self, row: u16, col: u16) -> bool {
        let e = self.emulator.lock().expect("emulator");
        e.shown.cell(row, col).is_some_and(|c| c.underline())
    }

    /// The row and column where `needle` starts on screen, counted in cells.
    pub fn find(&self, needle: &str) -> Option<(u16, u16)> {
        let e = self.emulator.lock().expect("emulator");
        let screen = &e.shown;
        let (rows, cols) = screen.size();
        let (rows, cols): (u16, u16) = (rows.into(), cols.into());
        let first = needle.chars().next()?.to_string();
        for r in 0..rows {
            let line = screen.contents_between(r, 0, r, cols);
            if !line.contains(needle) {
                continue;
            }
            for c in 0..cols {
                if screen
                    .cell(r, c)
                    .is_some_and(|cell| cell.contents() == first)
                    && screen.contents_between(r, c, r, cols).starts_with(needle)
                {
                    return Some((r, c));
                }
            }
        }
        None
    }

    /// The screen as last shown whole, as read: words drawn in dots read back as text.
    pub fn screen(&self) -> String {
        super::dots::read(&self.raw_screen())
    }

    /// In a terminal that draws ambiguous-width characters wide (`start_wide`): its screen as
    /// last shown whole.
    pub fn wide_screen(&self) -> Option<super::wide_term::WideTerm> {
        self.emulator.lock().expect("emulator").wide_shown.clone()
    }

    /// The screen as last shown whole, cell by cell.
    pub fn raw_screen(&self) -> String {
        self.emulator.lock().expect("emulator").shown.contents()
    }

    /// The terminal's modes, as the bytes so far leave them.
    fn live<T>(&self, f: impl Fn(&vt100::Screen) -> T) -> T {
        f(self.emulator.lock().expect("emulator").parser.screen())
    }

    pub fn alternate_screen(&self) -> bool {
        self.live(vt100::Screen::alternate_screen)
    }

    pub fn bracketed_paste(&self) -> bool {
        self.live(vt100::Screen::bracketed_paste)
    }

    pub fn hidden_cursor(&self) -> bool {
        self.live(vt100::Screen::hide_cursor)
    }

    /// Types text or key sequences as a terminal would send them.
    pub fn send(&mut self, s: &str) {
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(s.as_bytes()).expect("write to pty");
        writer.flush().expect("flush pty");
    }

    /// Waits until `done` holds of the terminal; fails when it does not.
    pub fn wait_until(&self, what: &str, done: impl Fn(&Console) -> bool) {
        let start = Instant::now();
        while !done(self) {
            if start.elapsed() > PATIENCE {
                panic!(
                    "the terminal never came to {what}; it shows:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    pub fn enter(&mut self) {
        self.send("\r");
    }

    pub fn tab(&mut self) {
        self.send("\t");
    }

    /// Text pasted with bracketed paste.
    pub fn paste(&mut self, s: &str) {
        self.send(&format!("\x1b[200~{s}\x1b[201~"));
    }

    /// Waits until the screen shows `needle`; fails with the screen when it does not.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_for_any(&[needle]).1
    }

    /// Waits until the screen no longer shows `needle`; fails with the screen when it does.
    pub fn wait_for_gone(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(needle) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("the screen still shows {needle:?}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits until the screen shows one of `needles`; returns which, and the screen.
    pub fn wait_for_any(&self, needles: &[&str]) -> (usize, String) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if let Some(i) = needles.iter().position(|n| screen.contains(n)) {
                return (i, screen);
            }
            if start.elapsed() > PATIENCE {
                panic!("the screen never showed any of {needles:?}; it shows:\n{screen}");
            }
            // Fine-grained, so that the benchmarks can time a first frame with it.
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Presses q, answers yes if the console asks first (a meeting is under way), and waits for
    /// the program to end; returns whether it succeeded.
    pub fn quit(&mut self) -> bool {
        self.send("q");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.success();
            }
            let screen = self.screen();
            if screen.contains("要退出控制台吗") || screen.contains("Quit the console?") {
                self.send("y");
                return self.wait_exit();
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the console did not quit; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Waits for the program to end and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.success();
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!("the console did not exit; it shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
