//! The record is the council's alone, and a reader beside the console tells the truth: the
//! database directory 0700 and its files 0600, exports 0600, an older database's loose modes
//! tightened when its owner opens it to write; `verify` beside a console at work never cries damage.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use support::pty::Console;
use support::{stderr, yishi};

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// Every file and directory under `dir`, `dir` itself included.
fn everything(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p.clone());
            }
            out.push(p);
        }
    }
    out
}

fn assert_private(dir: &Path) {
    for p in everything(dir) {
        let m = mode(&p);
        assert_eq!(
            m & 0o077,
            0,
            "{} is {m:o}: others may read the record",
            p.display()
        );
    }
}

#[test]
fn a_database_and_its_exports_are_private_whatever_the_umask_allows() {
    let db = support::sample_db();
    assert_eq!(mode(db.path()), 0o700);
    assert_eq!(mode(&db.path().join("journal.jsonl")), 0o600);
    assert_private(db.path());
    let out = tempfile::tempdir().expect("out");
    for (args, file) in [
        (vec!["export", "-o"], "export.json"),
        (vec!["minutes", "2026-3", "-o"], "minutes.txt"),
        (vec!["ledger", "-o"], "ledger.csv"),
    ] {
        let path = out.path().join(file);
        let mut args: Vec<&str> = args;
        let p = path.to_str().expect("utf-8");
        args.push(p);
        let o = yishi(db.path(), &args);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(mode(&path), 0o600, "{file}");
    }
}

#[test]
fn an_older_database_with_loose_modes_is_tightened_when_opened() {
    let db = support::sample_db();
    for p in everything(db.path()) {
        let loose = if p.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(loose)).expect("chmod");
    }
    // A reader writes nothing, so the console's open is what tightens.
    let mut console = Console::start(db.path(), &[], 120, 40);
    console.wait_for("青禾里社区居民议事会");
    assert!(console.quit());
    assert_private(db.path());
}

/// The sample with a meeting under way, and a console on it holding the database.
fn console_on_a_meeting() -> (tempfile::TempDir, Console) {
    let (db, store, _, _) = support::meeting_under_way(yishi::store::now());
    drop(store);
    let console = Console::start(db.path(), &[], 200, 56);
    (db, console)
}

#[test]
fn verify_beside_a_console_passes_fifty_times_while_it_types_and_while_it_rests() {
    let (db, mut console) = console_on_a_meeting();
    support::chair::to_the_vote(&mut console);
    // While typing: another thread casts the roll call's ballots and then turns the last one
    // from yes to no and back, as fast as the console takes keys, each press a change made
    // durable, while verify runs beside it.
    let typing = Arc::new(AtomicBool::new(true));
    let typist = {
        let typing = typing.clone();
        std::thread::spawn(move || {
            let mut n = 0u32;
            for left in (0..14).rev() {
                console.send("1");
                n += 1;
                console.wait_for(&format!("未投 {left}"));
            }
            while typing.load(Ordering::Relaxed) {
                let (key, tally) = if n.is_multiple_of(2) {
                    ("2", "赞成 13　反对 1")
                } else {
                    ("1", "赞成 14　反对 0")
                };
                console.send(key);
                n += 1;
                console.wait_for(tally);
            }
            (console, n)
        })
    };
    for run in 0..25 {
        let o = yishi(db.path(), &["verify"]);
        assert!(o.status.success(), "run {run} while typing: {}", stderr(&o));
    }
    typing.store(false, Ordering::Relaxed);
    let (mut console, pressed) = typist.join().expect("typist");
    assert!(
        pressed > 25,
        "only {pressed} ballots were cast while verify ran"
    );
    for run in 0..25 {
        let o = yishi(db.path(), &["verify"]);
        assert!(o.status.success(), "run {run} at rest: {}", stderr(&o));
    }
    assert!(console.quit());
}
