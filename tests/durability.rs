//! The store on a real disk: killed mid-write, damaged on disk, held by another process.

mod support;

use chrono::NaiveDateTime;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;
use yishi::domain::*;
use yishi::store::Store;

fn at(i: u64) -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-22 14:30", "%Y-%m-%d %H:%M").expect("time")
        + chrono::Duration::seconds(i as i64)
}

fn sample_council() -> Council {
    support::sample::build().councils.remove(0)
}

/// A council with a meeting in progress and every voting member present.
fn open_meeting(store: &mut Store) -> (MeetingId, Vec<MemberId>) {
    let council = sample_council();
    let voters: Vec<MemberId> = council.voting_members().map(|m| m.id).collect();
    let chair = voters[0];
    store
        .apply(
            &Change::CreateCouncil(CreateCouncil {
                council: Box::new(council.clone()),
            }),
            at(0),
        )
        .expect("council");
    let meeting = MeetingId(store.next_id().expect("id"));
    let create = Change::CreateMeeting(CreateMeeting {
        id: meeting,
        council: council.id,
        title: "压力测试会议".into(),
        place: "议事厅".into(),
        start: at(1),
        chair,
        recorder: chair,
        speaker_limit_secs: 180,
    });
    store.apply(&create, at(1)).expect("meeting");
    for m in &voters {
        store
            .apply(
                &Change::MarkAttendance(MarkAttendance {
                    meeting,
                    member: *m,
                    attendance: Attendance::Present,
                }),
                at(2),
            )
            .expect("attendance");
    }
    store
        .apply(&Change::StartMeeting(StartMeeting { meeting }), at(3))
        .expect("start");
    (meeting, voters)
}

/// Child side of the crash test (the test itself, started again by it with `YISHI_CRASH_CHILD`
/// set): records roll-call ballots until killed, printing one line per ballot only after
/// `apply` has returned (the ballot is durable).
fn record_ballots_until_killed(dir: &std::ffi::OsStr) -> ! {
    let mut store = Store::open(Path::new(&dir)).expect("child opens the store");
    let export = store.export().expect("export");
    let meeting = export.meetings[0].id;
    let voters: Vec<MemberId> = export.councils[0].voting_members().map(|m| m.id).collect();
    let mut n = store.seq();
    loop {
        n += 1;
        let matter = MatterId(store.next_id().expect("id"));
        let steps = [
            Change::CreateMatter(CreateMatter {
                id: matter,
                meeting,
                title: format!("第{n}号事项"),
                short_title: "事项".into(),
            }),
            Change::Advance(Advance {
                matter,
                meeting,
                to: Step::Hear,
            }),
            Change::Advance(Advance {
                matter,
                meeting,
                to: Step::Decide,
            }),
        ];
        for c in &steps {
            store.apply(c, at(n)).expect("prepare");
        }
        let motion = MotionId(store.next_id().expect("id"));
        let propose = Change::ProposeMotion(ProposeMotion {
            id: motion,
            matter,
            meeting,
            text: "表决".into(),
            mover: voters[0],
            seconder: None,
            mode: VoteMode::RollCall,
            item: None,
        });
        store.apply(&propose, at(n)).expect("propose");
        store
            .apply(&Change::OpenVote(OpenVote { motion }), at(n))
            .expect("open");
        for (i, m) in voters.iter().enumerate() {
            let choice = [Choice::Yes, Choice::No, Choice::Abstain][i % 3];
            store
                .apply(
                    &Change::CastBallot(CastBallot {
                        motion,
                        member: *m,
                        choice,
                    }),
                    at(n),
                )
                .expect("ballot");
            println!("ACK {} {} {:?}", motion.0, m.0, choice);
        }
    }
}

fn xorshift(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn every_acknowledged_ballot_survives_sigkill() {
    if let Some(dir) = std::env::var_os("YISHI_CRASH_CHILD") {
        record_ballots_until_killed(&dir);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut store = Store::open(dir.path()).expect("open");
        open_meeting(&mut store);
    }
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    eprintln!("seed {seed}");
    let mut acked: Vec<(u64, u64, String)> = Vec::new();
    for round in 0..60 {
        let mut child = Command::new(std::env::current_exe().expect("exe"))
            .args([
                "--exact",
                "every_acknowledged_ballot_survives_sigkill",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("YISHI_CRASH_CHILD", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let stdout = child.stdout.take().expect("stdout");
        let reader = std::thread::spawn(move || {
            let mut lines = Vec::new();
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => lines.push(l),
                    Err(_) => break,
                }
            }
            lines
        });
        std::thread::sleep(Duration::from_millis(20 + xorshift(&mut seed) % 200));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        for line in reader.join().expect("reader") {
            let parts: Vec<&str> = line.split_whitespace().collect();
            if let ["ACK", motion, member, choice] = parts[..] {
                acked.push((
                    motion.parse().expect("id"),
                    member.parse().expect("id"),
                    choice.to_string(),
                ));
            }
        }
        // Reopen after every kill: it must open cleanly and hold every acknowledged ballot.
        let store =
            Store::open(dir.path()).unwrap_or_else(|e| panic!("round {round}: reopen failed: {e}"));
        let records = store.load_all().expect("load");
        for (motion, member, choice) in &acked {
            let v = records
                .motions
                .get(&MotionId(*motion))
                .unwrap_or_else(|| panic!("round {round}: motion {motion} lost"));
            let Ballots::Named(map) = &v.ballots else {
                panic!("roll call")
            };
            let got = map.get(&MemberId(*member)).map(|c| format!("{c:?}"));
            assert_eq!(
                got.as_deref(),
                Some(choice.as_str()),
                "round {round}: ballot {motion}/{member} lost"
            );
        }
    }
    assert!(
        acked.len() > 50,
        "the child acknowledged only {} ballots",
        acked.len()
    );
    let verify = support::yishi(dir.path(), &["verify"]);
    assert!(
        verify.status.success(),
        "verify after the crashes: {}",
        support::stderr(&verify)
    );
}

/// sled writes a snapshot of its page table each time it opens, first as `snap.N.generating`
/// and then renamed. A kill before the rename leaves the part written, which sled itself would
/// take for the newest snapshot and refuse as corrupt: the database must open regardless.
#[test]
fn a_snapshot_cut_off_by_a_kill_does_not_stop_the_next_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let before = {
        let mut store = Store::open(dir.path()).expect("open");
        open_meeting(&mut store);
        store.load_all().expect("load")
    };
    let store_dir = dir.path().join("store");
    // Cut off mid-write: the start of a snapshot with no length or checksum after it.
    std::fs::write(store_dir.join("snap.FFFFFFFFFFFFFFF0.generating"), [7u8; 9]).expect("plant");
    let store = Store::open(dir.path()).unwrap_or_else(|e| panic!("reopen: {e}"));
    let after = store.load_all().expect("load");
    assert_eq!(after.meetings, before.meetings);
    assert_eq!(after.councils, before.councils);
}

/// A database with the sample and a few dozen further changes.
fn busy_db() -> tempfile::TempDir {
    let dir = support::sample_db();
    let mut store = Store::open(dir.path()).expect("open");
    let export = store.export().expect("export");
    let council = export.councils[0].clone();
    for i in 0..3u64 {
        let meeting = MeetingId(store.next_id().expect("id"));
        let create = Change::CreateMeeting(CreateMeeting {
            id: meeting,
            council: council.id,
            title: format!("补充会议{i}"),
            place: "议事厅".into(),
            start: at(i * 1000),
            chair: council.members[0].id,
            recorder: council.members[1].id,
            speaker_limit_secs: 120,
        });
        store.apply(&create, at(i)).expect("meeting");
        for m in council.voting_members() {
            store
                .apply(
                    &Change::MarkAttendance(MarkAttendance {
                        meeting,
                        member: m.id,
                        attendance: Attendance::Present,
                    }),
                    at(i),
                )
                .expect("attendance");
        }
    }
    dir
}

fn export(dir: &Path) -> String {
    let o = support::yishi(dir, &["export"]);
    assert!(o.status.success(), "export: {}", support::stderr(&o));
    support::stdout(&o)
}

fn damage_then_repair(damage: impl Fn(&Path)) {
    let dir = busy_db();
    let before = export(dir.path());
    damage(&dir.path().join("store/db"));
    // A reader reads the checkpoint and the journal, never sled's files: the record is whole.
    assert_eq!(export(dir.path()), before, "a reader is not misled");
    // The writer builds on sled's files: it refuses them, pointing to repair, or (sled's rows
    // being behind the journal, which is the write-ahead log) completes them from the journal.
    match Store::open(dir.path()) {
        Err(e) => {
            let refused = e.describe(yishi::text::Lang::En);
            assert!(
                refused.contains("repair"),
                "the message points to repair: {refused}"
            );
        }
        Ok(store) => {
            let mut json = Vec::new();
            yishi::store::Archive::export_to(&store, &mut json).expect("export");
            assert_eq!(
                String::from_utf8_lossy(&json),
                before,
                "opened, the store holds the whole record"
            );
        }
    }
    let repair = support::yishi(dir.path(), &["repair"]);
    assert!(
        repair.status.success(),
        "repair: {}",
        support::stderr(&repair)
    );
    assert_eq!(
        export(dir.path()),
        before,
        "repair brings back every record"
    );
    let verify = support::yishi(dir.path(), &["verify"]);
    assert!(
        verify.status.success(),
        "verify after repair: {}",
        support::stderr(&verify)
    );
}

/// Where sled's log holds data: it preallocates segments, so the file's tail is zeros.
fn live_end(db: &Path) -> usize {
    let bytes = std::fs::read(db).expect("read db");
    bytes
        .iter()
        .rposition(|&b| b != 0)
        .expect("data in the store")
}

#[test]
fn overwritten_bytes_are_never_a_silent_loss_and_are_repaired() {
    damage_then_repair(|db| {
        let mut bytes = std::fs::read(db).expect("read db");
        // A third of the live log, from its middle on: records sled still reads.
        let end = live_end(db);
        for b in &mut bytes[end / 3..end * 2 / 3] {
            *b = 0x5a;
        }
        std::fs::write(db, bytes).expect("write db");
    });
}

#[test]
fn truncated_store_is_never_a_silent_loss_and_is_repaired() {
    damage_then_repair(|db| {
        let f = std::fs::OpenOptions::new()
            .write(true)
            .open(db)
            .expect("open db");
        f.set_len(live_end(db) as u64 / 2).expect("truncate");
    });
}

#[test]
fn a_second_writer_is_told_who_holds_the_database() {
    let dir = support::sample_db();
    let before = export(dir.path());
    let holder = Store::open(dir.path()).expect("hold the database");
    let sample = support::sample_path();
    let sample = sample.to_str().expect("path");
    let o = support::yishi(dir.path(), &["import", sample]);
    assert_eq!(o.status.code(), Some(1));
    let msg = support::stderr(&o);
    assert!(msg.contains("正被占用"), "{msg}");
    assert!(
        msg.contains(&format!("进程 {}", std::process::id())),
        "names the holder: {msg}"
    );
    let en = support::yishi(dir.path(), &["--lang", "en", "import", sample]);
    assert!(
        support::stderr(&en).contains("in use by process"),
        "{}",
        support::stderr(&en)
    );
    drop(holder);
    assert_eq!(export(dir.path()), before, "nothing changed");
}

/// A lock belongs to the open file, and a program this process starts shares the open files
/// from its fork until it runs: a store closed in that moment is opened again once the
/// program has started, not refused as held by another (the floor tests hit this when a
/// neighbouring test ran `yishi`).
#[cfg(unix)]
#[test]
fn a_store_closed_while_a_program_starts_opens_again() {
    use std::io::Read;
    use std::os::fd::AsRawFd;
    use std::os::unix::process::CommandExt;
    let dir = support::sample_db();
    let store = Store::open(dir.path()).expect("open");
    let (mut forked, told) = std::io::pipe().expect("pipe");
    let told = told.as_raw_fd();
    let mut program = Command::new("true");
    // SAFETY: write and nanosleep are async-signal-safe; nothing is allocated in the child.
    unsafe {
        program.pre_exec(move || {
            libc::write(told, b"f".as_ptr().cast(), 1);
            let pause = libc::timespec {
                tv_sec: 0,
                tv_nsec: 500_000_000,
            };
            libc::nanosleep(&pause, std::ptr::null_mut());
            Ok(())
        });
    }
    let started = std::thread::spawn(move || program.status());
    let mut byte = [0u8];
    forked.read_exact(&mut byte).expect("the program forked");
    // The program now shares the lock's open file, until it runs.
    drop(store);
    let reopened = Store::open(dir.path());
    assert!(reopened.is_ok(), "{:?}", reopened.err());
    assert!(started.join().expect("thread").expect("true").success());
}
