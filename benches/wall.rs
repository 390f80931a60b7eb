//! `yishi wall` in a process of its own, with the release binary in pseudo-terminals: how soon a
//! ballot keyed in the console reaches the wall, against how soon it reaches the console's own
//! screen in the same run; the wall's start and memory on generated archives (it replays the
//! whole journal it follows); and what it costs sitting still.
//!
//! `cargo bench -p yishi-bench --bench wall` (archive scales from `YISHI_BENCH_SCALES`, default 1000,10000).

mod common;

use std::path::Path;
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

const RUNS: usize = 5;

/// The binary the pseudo-terminal runs.
fn bin() -> std::path::PathBuf {
    common::bin()
}

fn pid(c: &Console) -> u32 {
    c.pid().expect("pid")
}

/// The wall's start on `db` to its first whole frame, and its peak memory then (MB).
fn start(db: &Path, shows: &str) -> (f64, f64) {
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..RUNS {
        let began = Instant::now();
        let mut w = Console::start(db, &["wall"], 200, 56);
        w.wait_for(shows);
        times.push(began.elapsed().as_secs_f64() * 1000.0);
        peaks.push(common::peak_rss_mb(pid(&w)));
        w.send("q");
        w.wait_exit();
    }
    (common::median(times), common::median(peaks))
}

/// CPU (share of one core) and write system calls of a wall sitting still for 10 s.
fn idle(w: &Console) -> (f64, u64) {
    std::thread::sleep(Duration::from_millis(500));
    let (cpu, writes) = (common::cpu_seconds(pid(w)), common::write_calls(pid(w)));
    std::thread::sleep(Duration::from_secs(10));
    (
        (common::cpu_seconds(pid(w)) - cpu) / 10.0 * 100.0,
        common::write_calls(pid(w)) - writes,
    )
}

/// The sample's database with the demo's meeting at the vote.
fn meeting_at_the_vote() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample =
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("sample-data/huangan-lane.json");
    let status = std::process::Command::new(common::bin())
        .arg("--db")
        .arg(dir.path())
        .arg("import")
        .arg(&sample)
        .status()
        .expect("import");
    assert!(status.success());
    let mut store = yishi::store::Store::open(dir.path()).expect("open");
    yishi::cli::demo::live_meeting(&mut store, yishi::store::now()).expect("a meeting");
    dir
}

/// Milliseconds from each ballot's key to the console showing it, and to the wall showing it.
fn ballots(console: &mut Console, wall: &Console, n: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut on_console, mut on_wall) = (Vec::new(), Vec::new());
    for i in 1..=n {
        let (mine, theirs) = (format!("赞成 {i}　"), format!("赞成 {i}　"));
        let began = Instant::now();
        console.send("y");
        let (mut c, mut w) = (None, None);
        while c.is_none() || w.is_none() {
            if c.is_none() && console.screen().contains(&mine) {
                c = Some(began.elapsed().as_secs_f64() * 1000.0);
            }
            if w.is_none() && wall.screen().contains(&theirs) {
                w = Some(began.elapsed().as_secs_f64() * 1000.0);
            }
            assert!(
                began.elapsed() < Duration::from_secs(10),
                "ballot {i} never showed"
            );
            std::thread::sleep(Duration::from_micros(200));
        }
        on_console.extend(c);
        on_wall.extend(w);
        // Apart, so that each ballot lands at another point of the wall's look-up cycle.
        std::thread::sleep(Duration::from_millis(37));
    }
    (on_console, on_wall)
}

fn main() {
    let db = meeting_at_the_vote();
    let wall = Console::start(db.path(), &["wall"], 200, 56);
    wall.wait_for("老旧公房加装电梯");
    let mut console = Console::start(db.path(), &[], 200, 56);
    console.wait_for("青禾里社区居民议事会");
    console.enter();
    console.wait_for("议程");
    console.enter();
    console.wait_for("开始表决");
    wall.wait_for("赞成 0　");
    let (c, w) = ballots(&mut console, &wall, 13);
    let gap: Vec<f64> = w.iter().zip(&c).map(|(w, c)| w - c).collect();
    let most = w.iter().copied().fold(0.0, f64::max);
    println!("a ballot keyed in the console, 13 ballots (the sample, a meeting at the vote)");
    println!(
        "  on the console's screen: median {:.1} ms",
        common::median(c.clone())
    );
    println!(
        "  on the wall's screen:    median {:.1} ms, most {most:.1} ms",
        common::median(w.clone())
    );
    println!(
        "  the wall after the console: median {:.1} ms",
        common::median(gap)
    );
    let (cpu, writes) = idle(&wall);
    println!("  the wall still for 10 s on a meeting: {cpu:.2}% of one core, {writes} write calls");
    console.quit();
    drop(wall);

    for n in common::scales() {
        let db = common::archive(n);
        println!("archive of {n} meetings ({})", db.display());
        let (ms, mb) = start(&db, "会议开始后");
        println!("  wall start to first frame (median of {RUNS}): {ms:.0} ms, peak RSS {mb:.1} MB");
    }
}
