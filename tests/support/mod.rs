//! Shared by the integration tests: the sample council built through the domain's own rules,
//! and helpers to run the real binary.
#![allow(dead_code)]

pub mod buffer;
pub mod chair;
pub mod desk;
pub mod dots;
pub mod keys;
pub mod pg;
pub mod pty;
pub mod refused;
pub mod sample;
pub mod vote;
pub mod wide_term;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use yishi::domain::{AddToAgenda, Advance};

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_yishi"))
}

pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/huangan-lane.json")
}

/// Runs `yishi --db DB ARGS…` in English unless the args say otherwise.
pub fn yishi(db: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("YISHI_DB")
        .env_remove("YISHI_LANG")
        .output()
        .expect("run yishi")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The sample's meetings as the command line names them: 2026-3.
pub fn sample_meetings() -> Vec<String> {
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sample_path()).expect("sample"))
            .expect("json");
    doc["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| format!("{}-{}", m["year"], m["number"]))
        .collect()
}

/// A fresh database with the sample imported.
pub fn sample_db() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = yishi(
        dir.path(),
        &["import", sample_path().to_str().expect("utf-8 path")],
    );
    assert!(o.status.success(), "import failed: {}", stderr(&o));
    dir
}

/// Opens a database's sled store directly, as damage or an older program would leave it. sled
/// holds its own lock for a moment after a store of this process is closed (its last write runs
/// on a thread of its own), so the open waits for that, up to a few seconds.
pub fn sled_store(db: &Path) -> sled::Db {
    let started = std::time::Instant::now();
    loop {
        match sled::open(db.join("store")) {
            Ok(s) => return s,
            Err(e)
                if e.to_string().contains("could not acquire lock")
                    && started.elapsed() < std::time::Duration::from_secs(5) =>
            {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(e) => panic!("open sled: {e}"),
        }
    }
}

/// The sample's rain-drain matter, still collecting opinions from the last meeting.
#[allow(dead_code)]
pub const DRAINS: yishi::domain::MatterId = yishi::domain::MatterId(118);

/// The sample's database with the demo's meeting under way at `now` (the roll taken, the lift
/// matter at the vote) and the rain-drain matter carried onto its agenda. Returns the open
/// store, the meeting and the lift matter.
#[allow(dead_code)]
pub fn meeting_under_way(
    now: chrono::NaiveDateTime,
) -> (
    tempfile::TempDir,
    yishi::store::Store,
    yishi::domain::MeetingId,
    yishi::domain::MatterId,
) {
    let db = sample_db();
    let mut store = yishi::store::Store::open(db.path()).expect("open");
    let (meeting, lift) = yishi::cli::demo::live_meeting(&mut store, now).expect("meeting");
    let carry = yishi::domain::Change::AddToAgenda(AddToAgenda {
        meeting,
        matter: DRAINS,
    });
    store.apply(&carry, now).expect("on the agenda");
    (db, store, meeting, lift)
}

/// The id `meeting_under_way` gives its meeting (the demo's live meeting is the sample's next).
#[allow(dead_code)]
pub fn live_meeting_id() -> yishi::domain::MeetingId {
    yishi::domain::MeetingId(119)
}

/// The changes that move the rain-drain matter on from collecting to `to` at `meeting`.
#[allow(dead_code)]
pub fn drains_on_to(
    meeting: yishi::domain::MeetingId,
    to: yishi::domain::Step,
) -> Vec<yishi::domain::Change> {
    use yishi::domain::{Change, Step};
    [Step::Hear, Step::Decide]
        .into_iter()
        .take_while(|s| *s <= to)
        .map(|to| {
            Change::Advance(Advance {
                matter: DRAINS,
                meeting,
                to,
            })
        })
        .collect()
}

/// The console on `store` at a fixed `now`, on `meeting`'s matter at `step`.
#[allow(dead_code)]
pub fn console_on(
    store: yishi::store::Store,
    now: fn() -> chrono::NaiveDateTime,
    meeting: yishi::domain::MeetingId,
    matter: yishi::domain::MatterId,
    step: yishi::domain::Step,
) -> yishi::tui::app::App {
    let theme = yishi::tui::theme::Theme::find("projector-dark").expect("theme");
    let mut app = yishi::tui::app::App::new(store, yishi::text::Lang::ZhHans, theme, Box::new(now))
        .expect("console");
    app.open_meeting(meeting);
    app.go(yishi::tui::model::Screen::Matter { id: matter, step });
    app
}

/// Types `text` into the console, one character a key.
#[allow(dead_code)]
pub fn type_in(app: &mut yishi::tui::app::App, text: &str) {
    for c in text.chars() {
        app.update(yishi::tui::action::Action::Type(c));
    }
}

/// Closes the console and reads the database in `db` again: the store, and `meeting`'s
/// minutes as text.
#[allow(dead_code)]
pub fn minutes_after(
    app: yishi::tui::app::App,
    db: &Path,
    meeting: yishi::domain::MeetingId,
) -> (yishi::store::Store, String) {
    drop(app);
    reopened_minutes(db, meeting)
}

/// As `minutes_after`, from a store rather than a console.
#[allow(dead_code)]
pub fn minutes_after_store(
    store: yishi::store::Store,
    db: &Path,
    meeting: yishi::domain::MeetingId,
) -> (yishi::store::Store, String) {
    drop(store);
    reopened_minutes(db, meeting)
}

/// The database in `db` opened again, and `meeting`'s minutes as text.
fn reopened_minutes(db: &Path, meeting: yishi::domain::MeetingId) -> (yishi::store::Store, String) {
    let store = yishi::store::Store::open(db).expect("reopen");
    let minutes = yishi::minutes::MeetingRecord::load(&store, meeting)
        .expect("minutes")
        .text(yishi::text::Lang::ZhHans, 400);
    (store, minutes)
}

/// A database with generated council number `council`, of `meetings` meetings.
pub fn generated(council: u32, meetings: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("archive.json");
    let db = dir.path().join("db");
    yishi_generate::write_file(&file, meetings as usize, council as usize).expect("generate");
    let o = yishi(&db, &["import", file.to_str().expect("utf-8")]);
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}
