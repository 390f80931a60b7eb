//! A change the process stopped in the middle of, in each state the disk can hold it: the
//! store's rows not written, the journal's line lost or torn, both, or neither. The states are
//! made with sled directly on a real database, the way a crash leaves them; the next open must
//! complete the change in both files, and `verify` must then find nothing wrong.

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
    let db = sled::open(dir.join("store")).expect("sled");
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
    let db = sled::open(dir.join("store")).expect("sled");
    let redo = db.open_tree("meta").expect("meta").get(b"redo");
    redo.expect("read").expect("a redo record").to_vec()
}

fn set_redo(dir: &Path, bytes: &[u8]) {
    let db = sled::open(dir.join("store")).expect("sled");
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
            let ballot = Change::CastBallot {
                motion,
                member,
                choice: Choice::No,
            };
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
        {
            let db = sled::open(self.dir().join("store")).expect("sled");
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
        let report = verify(self.dir(), &mut |_, _| ()).expect("verify runs");
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
fn a_journal_line_lost_or_torn_is_written_back_from_the_store() {
    for keep in [0, 1, 2] {
        let b = Ballot::cast();
        let line = b.line_len();
        // None of the line, half of it, all but its newline.
        b.cut_journal([0, line / 2, line - 1][keep]);
        b.assert_completed();
    }
}

#[test]
fn a_lost_journal_line_and_unwritten_rows_both_come_back() {
    let b = Ballot::cast();
    b.unwrite_rows();
    b.cut_journal(0);
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
