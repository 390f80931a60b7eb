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
    let voters: Vec<MemberId> = council.voting_members().map(|m| m.id).collect();
    let (meeting, matter, motion) = (MeetingId(9001), MatterId(9002), MotionId(9003));
    let mut changes = vec![
        Change::CreateCouncil {
            council: council.clone(),
        },
        Change::CreateMeeting {
            id: meeting,
            council: council.id,
            title: "楼道议事".into(),
            place: "议事厅".into(),
            start: at(0),
            chair: voters[0],
            recorder: voters[0],
            speaker_limit_secs: 180,
        },
    ];
    changes.extend(voters.iter().map(|m| Change::MarkAttendance {
        meeting,
        member: *m,
        attendance: Attendance::Present,
    }));
    changes.extend([
        Change::StartMeeting { meeting },
        Change::CreateMatter {
            id: matter,
            meeting,
            title: "楼道照明".into(),
            short_title: "照明".into(),
        },
        Change::Advance {
            matter,
            meeting,
            to: Step::Hear,
        },
        Change::Advance {
            matter,
            meeting,
            to: Step::Decide,
        },
        Change::ProposeMotion {
            id: motion,
            matter,
            meeting,
            text: "更换楼道灯".into(),
            mover: voters[0],
            seconder: None,
            mode: VoteMode::RollCall,
        },
        Change::OpenVote { motion },
    ]);
    for (i, c) in changes.iter().enumerate() {
        store.apply(c, at(i as u32)).expect("prepare the vote");
    }
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

/// Puts the head and the motion back as they were before the last change, leaving that
/// change's redo record: its rows and head never reached the disk, its redo record did.
fn unwrite_rows(dir: &Path, motion: MotionId, before: &Held) {
    let db = sled::open(dir.join("store")).expect("sled");
    let meta = db.open_tree("meta").expect("meta");
    meta.insert(b"head", before.head.as_slice()).expect("head");
    db.open_tree("motions")
        .expect("motions")
        .insert(motion.0.to_be_bytes(), before.motion.as_slice())
        .expect("motion");
    assert!(meta.get(b"redo").expect("read").is_some(), "a redo record");
    db.flush().expect("flush");
}

fn cast(dir: &Path, motion: MotionId, member: MemberId) {
    let mut store = Store::open(dir).expect("open");
    let ballot = Change::CastBallot {
        motion,
        member,
        choice: Choice::No,
    };
    store.apply(&ballot, at(30)).expect("ballot");
}

fn ballot_of(store: &Store, motion: MotionId, member: MemberId) -> Option<Choice> {
    let motion = store.motion(motion).expect("read").expect("the motion");
    match motion.ballots {
        Ballots::Named(map) => map.get(&member).copied(),
        other => panic!("a roll-call vote, not {other:?}"),
    }
}

fn journal(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("journal.jsonl")).expect("journal")
}

fn last_line_len(journal: &[u8]) -> usize {
    let body = &journal[..journal.len() - 1];
    journal.len() - body.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1)
}

/// Opens the database and checks that the ballot is recorded once, in both files, and that
/// `verify` agrees.
fn assert_completed(dir: &Path, motion: MotionId, member: MemberId, journal_after: &[u8]) {
    {
        let store = Store::open(dir).expect("the next open completes the change");
        assert_eq!(ballot_of(&store, motion, member), Some(Choice::No));
    }
    assert_eq!(
        journal(dir),
        journal_after,
        "the journal holds the change's line exactly once"
    );
    let report = verify(dir, &mut |_, _| ()).expect("verify runs");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn rows_that_did_not_reach_the_disk_are_written_from_the_redo_record() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let (motion, member) = open_vote(dir);
    let before = held(dir, motion);
    cast(dir, motion, member);
    let after = journal(dir);
    unwrite_rows(dir, motion, &before);
    assert_eq!(
        held(dir, motion).motion,
        before.motion,
        "the ballot is gone"
    );
    assert_completed(dir, motion, member, &after);
}

#[test]
fn a_journal_line_lost_or_torn_is_written_back_from_the_store() {
    for keep in [0, 1, 2] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        let (motion, member) = open_vote(dir);
        cast(dir, motion, member);
        let after = journal(dir);
        let line = last_line_len(&after);
        // None of the line, half of it, all but its newline.
        let kept = [0, line / 2, line - 1][keep];
        let cut = after.len() - line + kept;
        std::fs::write(dir.join("journal.jsonl"), &after[..cut]).expect("cut the journal");
        assert_completed(dir, motion, member, &after);
    }
}

#[test]
fn a_lost_journal_line_and_unwritten_rows_both_come_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let (motion, member) = open_vote(dir);
    let before = held(dir, motion);
    cast(dir, motion, member);
    let after = journal(dir);
    unwrite_rows(dir, motion, &before);
    let cut = after.len() - last_line_len(&after);
    std::fs::write(dir.join("journal.jsonl"), &after[..cut]).expect("cut the journal");
    assert_completed(dir, motion, member, &after);
}

#[test]
fn a_journal_line_whose_store_write_never_started_is_replayed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let (motion, member) = open_vote(dir);
    let before = held(dir, motion);
    let redo_before = {
        let db = sled::open(dir.join("store")).expect("sled");
        let redo = db.open_tree("meta").expect("meta").get(b"redo");
        redo.expect("read").expect("a redo record").to_vec()
    };
    cast(dir, motion, member);
    let after = journal(dir);
    unwrite_rows(dir, motion, &before);
    {
        let db = sled::open(dir.join("store")).expect("sled");
        let meta = db.open_tree("meta").expect("meta");
        meta.insert(b"redo", redo_before).expect("redo");
        db.flush().expect("flush");
    }
    assert_completed(dir, motion, member, &after);
}

#[test]
fn a_damaged_redo_record_is_refused_and_changes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let (motion, member) = open_vote(dir);
    cast(dir, motion, member);
    let after = journal(dir);
    {
        let db = sled::open(dir.join("store")).expect("sled");
        let meta = db.open_tree("meta").expect("meta");
        meta.insert(b"redo", &b"\x05\x00\x00\x00{\"seq"[..])
            .expect("redo");
        db.flush().expect("flush");
    }
    let refused = Store::open(dir).err().expect("a damaged store is refused");
    let message = refused.describe(yishi::text::Lang::ZhHans);
    assert!(message.contains("损坏"), "{message}");
    assert_eq!(journal(dir), after, "the journal is left as it was");
}
