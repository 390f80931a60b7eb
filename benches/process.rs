//! Whole-process figures on generated archives, with the release binary:
//! `yishi list`, console start to first frame and its peak memory, bytes written to the
//! terminal per selection move, and CPU while the console sits idle.
//!
//! `cargo bench --bench process` (scales from `YISHI_BENCH_SCALES`, default 1000,10000).

mod common;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const RUNS: usize = 11;
const DOWN: &str = "\x1b[B";

struct Console {
    screen: Arc<Mutex<vt100::Parser>>,
    written: Arc<Mutex<usize>>,
    input: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Console {
    fn start(db: &Path, cols: u16, rows: u16) -> Console {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(common::bin());
        cmd.arg("--db");
        cmd.arg(db);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("YISHI_LANG");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows"),
            NonZeroU16::new(cols).expect("cols"),
            0,
        )));
        let written = Arc::new(Mutex::new(0));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let (s, w) = (screen.clone(), written.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().expect("screen").process(&buf[..n]);
                *w.lock().expect("count") += n;
            }
        });
        let input = pair.master.take_writer().expect("writer");
        Console {
            screen,
            written,
            input,
            child,
            _master: pair.master,
        }
    }

    fn shows(&self, text: &str) -> bool {
        self.screen
            .lock()
            .expect("screen")
            .screen()
            .contents()
            .contains(text)
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while !self.shows(text) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "never showed {text}"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
    }

    fn written(&self) -> usize {
        *self.written.lock().expect("count")
    }

    /// Waits until nothing has been written for a while.
    fn settle(&self) {
        let mut last = self.written();
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let now = self.written();
            if now == last {
                return;
            }
            last = now;
        }
    }

    fn send(&mut self, keys: &str) {
        self.input.write_all(keys.as_bytes()).expect("send");
        self.input.flush().expect("flush");
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    fn quit(mut self) {
        self.send("q");
        let _ = self.child.wait();
    }
}

/// Peak resident memory so far, in MB.
fn peak_rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    kb / 1024.0
}

/// User plus system CPU time so far, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let after = stat.rsplit_once(')').expect("comm").1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 =
        fields[11].parse::<f64>().expect("utime") + fields[12].parse::<f64>().expect("stime");
    ticks / 100.0
}

fn list_ms(db: &Path) -> f64 {
    let runs = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(common::bin())
                .arg("--db")
                .arg(db)
                .arg("list")
                .stdout(Stdio::null())
                .status()
                .expect("list");
            assert!(status.success());
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    common::median(runs)
}

/// Console start to its first whole frame (the footer drawn), and the peak memory by then.
fn first_frame(db: &Path) -> (f64, f64) {
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let c = Console::start(db, 200, 56);
        c.wait_for("帮助");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        c.settle();
        peaks.push(peak_rss_mb(c.pid()));
        c.quit();
    }
    (common::median(times), common::median(peaks))
}

/// The most bytes written for one selection move, on home, the archive and the ledger.
fn bytes_per_move(db: &Path) -> Vec<(&'static str, usize)> {
    let mut c = Console::start(db, 200, 56);
    c.wait_for("帮助");
    c.settle();
    let mut out = Vec::new();
    for (screen, key, shows) in [
        ("home", "", "帮助"),
        ("archive", "a", "往次会议（"),
        ("ledger", "l", "事项台账："),
    ] {
        if !key.is_empty() {
            c.send(key);
            c.wait_for(shows);
            c.settle();
        }
        let mut most = 0;
        for _ in 0..8 {
            let before = c.written();
            c.send(DOWN);
            c.settle();
            most = most.max(c.written() - before);
        }
        out.push((screen, most));
        c.send("\x1b");
        c.settle();
    }
    c.quit();
    out
}

/// CPU used by the console sitting on home for 10 s, as a share of one core.
fn idle_cpu(db: &Path) -> f64 {
    let c = Console::start(db, 200, 56);
    c.wait_for("帮助");
    c.settle();
    let before = cpu_seconds(c.pid());
    std::thread::sleep(Duration::from_secs(10));
    let used = cpu_seconds(c.pid()) - before;
    c.quit();
    used / 10.0 * 100.0
}

fn main() {
    // `cargo bench` passes `--bench`; a filter word, if any, is ignored.
    for n in common::scales() {
        let db = common::archive(n);
        println!("archive of {n} meetings ({})", db.display());
        println!(
            "  yishi list, whole process (median of {RUNS}): {:.1} ms",
            list_ms(&db)
        );
        let (ms, mb) = first_frame(&db);
        println!(
            "  console start to first frame at 200x56 (median of {RUNS}): {ms:.1} ms, peak RSS {mb:.1} MB"
        );
        for (screen, bytes) in bytes_per_move(&db) {
            println!("  bytes written per selection move, {screen}: {bytes} (most of 8 moves)");
        }
        println!(
            "  CPU while idle for 10 s: {:.2}% of one core",
            idle_cpu(&db)
        );
    }
}
