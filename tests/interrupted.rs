//! Changes the process stopped in the middle of, in each state the disk can hold them. The
//! journal is the write-ahead log: a change is acknowledged once its line is durable, and sled
//! writes the store's rows when it will. So a crash leaves the journal's last line torn (never
//! acknowledged), or the store behind the journal by any number of whole lines, its last change
//! perhaps half written behind its redo record. The states are made with sled directly on a
//! real database, the way a crash leaves them; the next open must complete every acknowledged
//! change exactly once, and `verify` must then find nothing wrong.

mod support;

use chrono::NaiveDateTime;
use std::path::Path;
use yishi::domain::*;
use yishi::store::{Store, verify};

fn at(minute: u32) -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-22 14:00", "%Y-%m-%d %H:%M").expect("time")
        + chrono::Duration::minutes(minute.into())
}

/// A database with the sample's council in a meeting, everyone present, a roll-call vote open.
fn open_vote(dir: &Path) -> (MotionId, MemberId) {
    let mut store = Store::open(dir).expect("open");
    let council = support::sample::build().councils.remove(0);
    let (motion, voters) = support::vote::open_vote(&mut store, council, at(0));
    (motion, voters[1])
}

/// The bytes sled holds for the store's head and for one motion.
struct Held {
    head: Vec<u8>,
    motion: Vec<u8>,
}

fn held(dir: &Path, motion: MotionId) -> Held {
    let db = support::sled_store(dir);
    let get = |tree: &str, key: &[u8]| {
        db.open_tree(tree)
            .expect("tree")
            .get(key)
            .expect("read")
            .expect("present")
            .to_vec()
    };
    Held {
        head: get("meta", b"head"),
        motion: get("motions", &motion.0.to_be_bytes()),
    }
}

fn journal(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("journal.jsonl")).expect("journal")
}

fn redo(dir: &Path) -> Vec<u8> {
    let db = support::sled_store(dir);
    let redo = db.open_tree("meta").expect("meta").get(b"redo");
    redo.expect("read").expect("a redo record").to_vec()
}

fn set_redo(dir: &Path, bytes: &[u8]) {
    let db = support::sled_store(dir);
    db.open_tree("meta")
        .expect("meta")
        .insert(b"redo", bytes)
        .expect("redo");
    db.flush().expect("flush");
}

/// One ballot recorded on a database with a vote open, and what the disk held before it.
struct Ballot {
    tmp: tempfile::TempDir,
    motion: MotionId,
    member: MemberId,
    before: Held,
    redo_before: Vec<u8>,
    /// The journal with the ballot's line.
    after: Vec<u8>,
}

impl Ballot {
    fn cast() -> Ballot {
        let tmp = tempfile::tempdir().expect("tempdir");
        let (motion, member) = open_vote(tmp.path());
        let (before, redo_before) = (held(tmp.path(), motion), redo(tmp.path()));
        {
            let mut store = Store::open(tmp.path()).expect("open");
            let ballot = Change::CastBallot(CastBallot {
                motion,
                member,
                choice: Choice::No,
            });
            store.apply(&ballot, at(30)).expect("ballot");
        }
        let after = journal(tmp.path());
        Ballot {
            tmp,
            motion,
            member,
            before,
            redo_before,
            after,
        }
    }

    fn dir(&self) -> &Path {
        self.tmp.path()
    }

    /// Puts the head and the motion back as they were before the ballot, leaving its redo
    /// record: its rows and head never reached the disk, its redo record did.
    fn unwrite_rows(&self) {
        // Nor did the checkpoint its close wrote: no process got as far as closing.
        let newest = std::fs::read_dir(self.dir().join("checkpoints"))
            .expect("checkpoints")
            .flatten()
            .map(|e| e.path())
            .max();
        if let Some(p) = newest {
            std::fs::remove_file(p).expect("remove the checkpoint");
        }
        {
            let db = support::sled_store(self.dir());
            let meta = db.open_tree("meta").expect("meta");
            meta.insert(b"head", self.before.head.as_slice())
                .expect("head");
            db.open_tree("motions")
                .expect("motions")
                .insert(self.motion.0.to_be_bytes(), self.before.motion.as_slice())
                .expect("motion");
            db.flush().expect("flush");
        }
        assert_eq!(held(self.dir(), self.motion).motion, self.before.motion);
    }

    /// Cuts the journal inside the ballot's line, keeping `kept` bytes of it.
    fn cut_journal(&self, kept: usize) {
        let body = &self.after[..self.after.len() - 1];
        let start = body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let journal = &self.after[..start + kept];
        std::fs::write(self.dir().join("journal.jsonl"), journal).expect("cut the journal");
    }

    fn line_len(&self) -> usize {
        let body = &self.after[..self.after.len() - 1];
        self.after.len() - body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
    }

    /// Opens the database and checks that the ballot is recorded once, in both files, and that
    /// `verify` agrees.
    fn assert_completed(&self) {
        {
            let store = Store::open(self.dir()).expect("the next open completes the change");
            let motion = store.motion(self.motion).expect("read").expect("motion");
            let Ballots::Named(ballots) = motion.ballots else {
                panic!("a roll-call vote, not {:?}", motion.ballots);
            };
            assert_eq!(ballots.get(&self.member), Some(&Choice::No));
        }
        assert_eq!(
            journal(self.dir()),
            self.after,
            "the journal holds the ballot's line exactly once"
        );
        let report = verify(self.dir(), false, &mut |_, _| ()).expect("verify runs");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

#[test]
fn rows_that_did_not_reach_the_disk_are_written_from_the_redo_record() {
    let b = Ballot::cast();
    b.unwrite_rows();
    b.assert_completed();
}

#[test]
fn a_journal_line_whose_store_write_never_started_is_replayed() {
    let b = Ballot::cast();
    b.unwrite_rows();
    set_redo(b.dir(), &b.redo_before);
    b.assert_completed();
}

#[test]
fn a_torn_journal_line_was_never_recorded_and_is_cut_off() {
    for keep in [0, 1, 2, 3] {
        let b = Ballot::cast();
        let line = b.line_len();
        // The process stopped while writing the line, before its flush returned: the store
        // was not written (it is written after the journal) and the ballot not acknowledged.
        b.unwrite_rows();
        set_redo(b.dir(), &b.redo_before);
        let before = b.after[..b.after.len() - line].to_vec();
        if keep < 3 {
            // None of the line, half of it, all but its newline.
            b.cut_journal([0, line / 2, line - 1][keep]);
        } else {
            // The line written in place over the zeros made ready for it, and some of its
            // blocks not reaching the disk: zeros inside it, its newline, zeros after it.
            let mut torn = b.after.clone();
            let start = torn.len() - line;
            torn[start + line / 3..start + line / 2].fill(0);
            torn.extend_from_slice(&[0; 5000]);
            std::fs::write(b.dir().join("journal.jsonl"), torn).expect("tear the line");
        }
        {
            let store = Store::open(b.dir()).expect("open");
            let motion = store.motion(b.motion).expect("read").expect("motion");
            let Ballots::Named(ballots) = motion.ballots else {
                panic!("a roll-call vote, not {:?}", motion.ballots);
            };
            assert_eq!(ballots.get(&b.member), None, "keep {keep}");
        }
        assert_eq!(
            journal(b.dir()),
            before,
            "the torn line is cut off (keep {keep})"
        );
        let report = verify(b.dir(), false, &mut |_, _| ()).expect("verify runs");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

/// Every voter's ballot recorded, with the store's files put back as they stood before the
/// first: sled wrote none of them before the process stopped, and the journal holds them all.
/// With `half`, the first ballot's redo record reached sled's files and its rows did not.
fn store_behind_by_every_ballot(half: bool) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let council = support::sample::build().councils.remove(0);
    let (motion, voters) = {
        let mut store = Store::open(dir).expect("open");
        support::vote::open_vote(&mut store, council, at(0))
    };
    let saved = tmp.path().join("saved-store");
    copy_dir(&dir.join("store"), &saved);
    let mut first_redo = None;
    {
        let mut store = Store::open(dir).expect("open");
        for (i, member) in voters.iter().enumerate() {
            let choice = [Choice::Yes, Choice::No, Choice::Abstain][i % 3];
            let ballot = Change::CastBallot(CastBallot {
                motion,
                member: *member,
                choice,
            });
            store.apply(&ballot, at(30 + i as u32)).expect("ballot");
            if i == 0 {
                drop(store);
                first_redo = Some(redo(dir));
                store = Store::open(dir).expect("open");
            }
        }
    }
    let after = journal(dir);
    std::fs::remove_dir_all(dir.join("store")).expect("remove the store");
    copy_dir(&saved, &dir.join("store"));
    if half {
        set_redo(dir, &first_redo.expect("the first ballot's redo record"));
    }
    {
        let store = Store::open(dir).expect("the next open completes every ballot");
        let completed = store.completed().len();
        assert_eq!(
            completed,
            voters.len(),
            "every ballot was completed at open"
        );
        let motion = store.motion(motion).expect("read").expect("motion");
        let Ballots::Named(ballots) = motion.ballots else {
            panic!("a roll-call vote, not {:?}", motion.ballots);
        };
        for (i, member) in voters.iter().enumerate() {
            let choice = [Choice::Yes, Choice::No, Choice::Abstain][i % 3];
            assert_eq!(ballots.get(member), Some(&choice), "voter {i}");
        }
    }
    assert_eq!(journal(dir), after, "the journal is as it was");
    let report = verify(dir, false, &mut |_, _| ()).expect("verify runs");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

#[test]
fn many_journal_lines_the_store_never_received_are_all_replayed() {
    store_behind_by_every_ballot(false);
}

#[test]
fn a_half_written_change_and_the_lines_after_it_are_completed() {
    store_behind_by_every_ballot(true);
}

#[test]
fn a_store_ahead_of_its_journal_is_refused_and_changes_nothing() {
    // The journal is made durable before the store is written, so a store holding a change the
    // journal lacks is not a crash: something took the line away.
    let b = Ballot::cast();
    b.cut_journal(0);
    let cut = journal(b.dir());
    let refused = Store::open(b.dir()).err().expect("refused");
    let message = refused.describe(yishi::text::Lang::ZhHans);
    assert!(message.contains("不一致"), "{message}");
    assert_eq!(journal(b.dir()), cut, "the journal is left as it was");
}

#[test]
fn a_line_an_earlier_yishi_kept_only_in_the_redo_record_is_written_back() {
    // yishi 0.1 made the journal and the store durable at the same time, and its redo record
    // carried the journal line: a crash could leave the store with a change the journal lost.
    // Such a database still opens whole. The record's fields are length-prefixed (u32, little
    // endian): the head, then the line, then the rows.
    let b = Ballot::cast();
    let record = redo(b.dir());
    let head_len = u32::from_le_bytes(record[..4].try_into().expect("length")) as usize;
    let line_at = 4 + head_len;
    assert_eq!(
        &record[line_at..line_at + 4],
        &[0; 4],
        "no line in a new record"
    );
    let line = &b.after[b.after.len() - b.line_len()..];
    let mut old = record[..line_at].to_vec();
    old.extend_from_slice(&(line.len() as u32).to_le_bytes());
    old.extend_from_slice(line);
    old.extend_from_slice(&record[line_at + 4..]);
    set_redo(b.dir(), &old);
    for keep in [0, b.line_len() / 2] {
        b.cut_journal(keep);
        b.assert_completed();
    }
}

#[test]
fn a_damaged_redo_record_is_refused_and_changes_nothing() {
    let b = Ballot::cast();
    set_redo(b.dir(), b"\x05\x00\x00\x00{\"seq");
    let refused = Store::open(b.dir())
        .err()
        .expect("a damaged store is refused");
    let message = refused.describe(yishi::text::Lang::ZhHans);
    assert!(message.contains("损坏"), "{message}");
    assert_eq!(journal(b.dir()), b.after, "the journal is left as it was");
}
