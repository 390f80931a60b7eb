//! The real binary in a pseudo-terminal, its screen parsed by vt100: what a chair would see.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Console {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote, for byte counts.
    pub written: Arc<Mutex<usize>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

const PATIENCE: Duration = Duration::from_secs(20);

impl Console {
    /// Starts `yishi --db DB ARGS…` in a `cols`×`rows` terminal.
    pub fn start(db: &Path, args: &[&str], cols: u16, rows: u16) -> Console {
        Console::start_in(db, args, cols, rows, None)
    }

    /// As `start`, with the working directory `cwd` (where exports land).
    pub fn start_in(db: &Path, args: &[&str], cols: u16, rows: u16, cwd: Option<&Path>) -> Console {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(super::bin());
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
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let written = Arc::new(Mutex::new(0));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, w) = (parser.clone(), written.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
                *w.lock().expect("count") += n;
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Console {
            parser,
            written,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// Whether the cell at `row`, `col` is drawn underlined (a marked search hit).
    pub fn underlined(&self, row: u16, col: u16) -> bool {
        let p = self.parser.lock().expect("parser");
        p.screen().cell(row, col).is_some_and(|c| c.underline())
    }

    /// The row and column where `needle` starts on screen, counted in cells.
    pub fn find(&self, needle: &str) -> Option<(u16, u16)> {
        let p = self.parser.lock().expect("parser");
        let screen = p.screen();
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

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .alternate_screen()
    }

    pub fn bracketed_paste(&self) -> bool {
        self.parser
            .lock()
            .expect("parser")
            .screen()
            .bracketed_paste()
    }

    pub fn hidden_cursor(&self) -> bool {
        self.parser.lock().expect("parser").screen().hide_cursor()
    }

    /// Types text or key sequences as a terminal would send them.
    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).expect("write to pty");
        self.writer.flush().expect("flush pty");
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
