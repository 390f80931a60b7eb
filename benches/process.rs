//! Whole-process figures on generated archives, with the release binary:
//! `yishi list`, console start to first frame and its peak memory, bytes written to the
//! terminal per selection move, and CPU and write system calls while the console sits idle.
//!
//! `cargo bench -p yishi-bench --bench process` (scales from `YISHI_BENCH_SCALES`, default 1000,10000).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[allow(dead_code)]
#[path = "../tests/support/dots.rs"]
mod dots;
#[allow(dead_code)]
#[path = "../tests/support/pty.rs"]
mod pty;
#[allow(dead_code)]
#[path = "../tests/support/wide_term.rs"]
mod wide_term;
use pty::Console;

const RUNS: usize = 11;
const DOWN: &str = "\x1b[B";

/// The binary the pseudo-terminal runs.
fn bin() -> PathBuf {
    common::bin()
}

fn console(db: &Path) -> Console {
    let c = Console::start(db, &[], 200, 56);
    c.wait_for("帮助");
    c
}

fn written(c: &Console) -> usize {
    *c.written.lock().expect("count")
}

/// Waits until nothing has been written for a while.
fn settle(c: &Console) {
    let mut last = written(c);
    loop {
        std::thread::sleep(Duration::from_millis(150));
        let now = written(c);
        if now == last {
            return;
        }
        last = now;
    }
}

fn quit(mut c: Console) {
    c.send("q");
    c.wait_exit();
}

fn pid(c: &Console) -> u32 {
    c.pid().expect("pid")
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
        let c = console(db);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        settle(&c);
        peaks.push(common::peak_rss_mb(pid(&c)));
        quit(c);
    }
    (common::median(times), common::median(peaks))
}

/// The most bytes written for one selection move, on home, the archive and the ledger.
fn bytes_per_move(db: &Path) -> Vec<(&'static str, usize)> {
    let mut c = console(db);
    settle(&c);
    let mut out = Vec::new();
    for (screen, key, shows) in [
        ("home", "", "帮助"),
        ("archive", "a", "往次会议（"),
        ("ledger", "l", "事项台账："),
    ] {
        if !key.is_empty() {
            c.send(key);
            c.wait_for(shows);
            settle(&c);
        }
        let mut most = 0;
        for _ in 0..8 {
            let before = written(&c);
            c.send(DOWN);
            settle(&c);
            most = most.max(written(&c) - before);
        }
        out.push((screen, most));
        c.send("\x1b");
        settle(&c);
    }
    quit(c);
    out
}

/// CPU used by the console sitting on home for 10 s, as a share of one core, and the write
/// system calls it made meanwhile.
fn idle(db: &Path) -> (f64, u64) {
    let c = console(db);
    settle(&c);
    let (before, writes) = (common::cpu_seconds(pid(&c)), common::write_calls(pid(&c)));
    std::thread::sleep(Duration::from_secs(10));
    let used = common::cpu_seconds(pid(&c)) - before;
    let written = common::write_calls(pid(&c)) - writes;
    quit(c);
    (used / 10.0 * 100.0, written)
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
        let (cpu, writes) = idle(&db);
        println!("  idle for 10 s: {cpu:.2}% of one core, {writes} write system calls");
    }
}
