//! Generated archives for the benchmarks, made once with the release binary and kept under
//! `target/bench-data/N/` (`yishi_generate` then `yishi import`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_yishi-measured"))
}

/// The scales to measure: `YISHI_BENCH_SCALES=1000,10000` (the default), or any list.
pub fn scales() -> Vec<usize> {
    std::env::var("YISHI_BENCH_SCALES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// The database directory of a generated archive of `meetings` meetings.
pub fn archive(meetings: usize) -> PathBuf {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target/bench-data")
        .join(meetings.to_string());
    let db = root.join("db");
    let ready = root.join("ready");
    if ready.exists() {
        // Archives made before readers had checkpoints get theirs, as a console's close would.
        if !db.join("checkpoints").exists() {
            let store = yishi::store::Store::open(&db).expect("open the archive");
            store.checkpoint().expect("checkpoint");
        }
        return db;
    }
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("bench data dir");
    let file = root.join("archive.json");
    eprintln!(
        "generating an archive of {meetings} meetings in {}",
        root.display()
    );
    yishi_generate::write_file(&file, meetings, 0).expect("generate");
    run(Command::new(bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file));
    std::fs::write(&ready, "").expect("mark ready");
    db
}

fn run(cmd: &mut Command) {
    let status = cmd.env_remove("YISHI_LANG").status().expect("run yishi");
    assert!(status.success(), "{cmd:?} failed");
}

/// The median of some measurements.
pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Peak resident memory so far, in MB.
pub fn peak_rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    kb / 1024.0
}

/// User plus system CPU time so far, in seconds.
pub fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let after = stat.rsplit_once(')').expect("comm").1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 =
        fields[11].parse::<f64>().expect("utime") + fields[12].parse::<f64>().expect("stime");
    ticks / 100.0
}

/// Write system calls (to any file, the terminal included) the process has made so far, from
/// /proc/PID/io, its threads counted together.
pub fn write_calls(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap_or_default();
    io.lines()
        .find_map(|l| l.strip_prefix("syscw:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}
