//! The disk as it really is: a filesystem that fills up, media mounted read-only. Each test
//! mounts a small tmpfs of its own, which needs root: they are ignored unless asked for
//! (`cargo test -- --include-ignored`, as CI runs them), and fail saying so where they cannot
//! mount.

mod support;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::chair::open_new_meeting;
use support::pty::Console;
use support::{sample_path, stderr, stdout, yishi};

/// A tmpfs of `size` mounted on a fresh directory, unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    fn tmpfs(size: &str) -> Mount {
        let dir = tempfile::tempdir().expect("tempdir");
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "cannot mount a tmpfs here: the test needs root");
        Mount { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {mode}");
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn import(db: &Path) -> std::process::Output {
    yishi(db, &["import", sample_path().to_str().expect("path")])
}

/// Writes a file until the filesystem has no room left; returns it.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).expect("filler");
    for size in [1 << 16, 1 << 12, 1] {
        let chunk = vec![0xA5u8; size];
        while f.write_all(&chunk).is_ok() {}
    }
    let _ = f.sync_all();
    path
}

fn assert_full_disk_said(said: &str) {
    assert!(
        said.contains("磁盘空间已满"),
        "the message names the full disk: {said}"
    );
    assert!(!said.contains("损坏"), "a full disk is not damage: {said}");
}

#[test]
#[ignore = "needs root to mount a tmpfs: cargo test -- --include-ignored"]
fn a_full_disk_is_said_as_such_and_nothing_confirmed_is_lost() {
    let fs = Mount::tmpfs("3m");
    let db = fs.path().join("council");
    let o = import(&db);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = stdout(&yishi(&db, &["export"]));
    // The console has been opened on it before (sled writes its snapshot at each open).
    drop(yishi::store::Store::open(&db).expect("open"));
    let filler = fill(fs.path());

    // An import on the full disk: refused for what it is.
    let other = fs.path().join("second");
    let o = import(&other);
    assert!(!o.status.success());
    assert_full_disk_said(&stderr(&o));

    // Changes in the console on the full disk: the last pages the files hold take a few;
    // then one fails, and the chair is told so.
    let mut c = Console::start(&db, &[], 200, 56);
    c.wait_for("青禾里社区居民议事会");
    c.send("n");
    c.wait_for("新建会议");
    c.enter();
    let mut said = None;
    for n in 1..=60 {
        let (i, screen) = c.wait_for_any(&["没有保存成功", "点名：1 出席"]);
        if i == 0 {
            said = Some(screen);
            break;
        }
        // Each mark is a change of its own; on the last member it marks that one again. Every
        // mark changes the screen (the mark, or where the cursor stands): wait for that, so
        // that no key is sent before the one before it has been carried out or refused.
        let before = c.screen();
        c.send(if n % 2 == 0 { "1" } else { "3" });
        c.wait_until("the mark carried out or refused", |c| c.screen() != before);
    }
    let said = said.unwrap_or_else(|| panic!("a change failed on the full disk: {}", c.screen()));
    assert_full_disk_said(&said);
    // Where the meeting itself could not be saved, its form stays open with what was typed.
    if said.contains("► 标题") {
        c.send("\x1b");
        c.wait_until("the form closed", |c| !c.screen().contains("► 标题"));
    }
    assert!(c.quit());

    // Space freed: the database is whole, and says whether the failed change was recorded.
    std::fs::remove_file(filler).expect("free space");
    // What the roll call showed as marked when the change failed was confirmed, so it must all
    // be in the record; the change that failed is there only if opening says it completed it.
    let confirmed = said.matches("✓ 出席││").count() + said.matches("请假││").count();
    let lines = |dir: &Path| {
        std::fs::read_to_string(dir.join("journal.jsonl"))
            .expect("journal")
            .lines()
            .count()
    };
    let before_open = lines(&db);
    let store = yishi::store::Store::open(&db).expect("open");
    let recorded = !store.completed().is_empty();
    drop(store);
    assert_eq!(lines(&db), before_open + usize::from(recorded));
    let export: serde_json::Value =
        serde_json::from_str(&stdout(&yishi(&db, &["export"]))).expect("export");
    let marked = export["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .find(|m| m["number"] == 6)
        .map_or(0, |m| m["attendance"].as_object().map_or(0, |a| a.len()));
    assert!(
        marked == confirmed || (recorded && marked == confirmed + 1),
        "{confirmed} marks confirmed on screen, {marked} in the record (recorded: {recorded})"
    );
    let o = yishi(&db, &["verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The import refused on the full disk goes through now.
    let o = import(&other);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&yishi(&other, &["export"])), before);
}

#[test]
#[ignore = "needs root to mount a tmpfs: cargo test -- --include-ignored"]
fn a_database_on_read_only_media_is_read_and_a_writer_is_told_why_not() {
    let fs = Mount::tmpfs("16m");
    let db = fs.path().join("council");
    assert!(import(&db).status.success());
    // A meeting under way when the media was made read-only.
    let mut c = Console::start(&db, &[], 200, 56);
    open_new_meeting(&mut c, "11111111111231144", 13);
    assert!(c.quit());
    let before = stdout(&yishi(&db, &["export"]));
    fs.remount("ro");

    let list = yishi(&db, &["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(stdout(&list).contains("2026年第6次"), "{}", stdout(&list));
    let minutes = yishi(&db, &["minutes", "latest"]);
    assert!(minutes.status.success(), "{}", stderr(&minutes));
    assert!(stdout(&minutes).contains("应到15人，实到13人"));
    assert_eq!(stdout(&yishi(&db, &["export"])), before);
    for args in [&["verify"][..], &["show", "latest"], &["ledger"]] {
        let o = yishi(&db, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    }

    let mut c = Console::start(&db, &[], 200, 56);
    assert!(
        !c.wait_exit(),
        "the console cannot run a meeting on read-only media"
    );
    c.wait_for("只读介质");
    let o = import(&fs.path().join("another"));
    let said = stderr(&o);
    assert!(said.contains("只读介质"), "{said}");
    assert!(!said.contains("损坏"), "{said}");
    fs.remount("rw");
}
