//! `yishi verify` on a database changed behind the program's back: one byte of a sealed
//! ballot rewritten in sled directly. It must name that record, its meeting and its time,
//! and exit 1; an untouched database passes with exit 0.

mod support;

use support::{stderr, stdout, yishi};
use yishi::domain::SignMeeting;
use yishi::domain::{Ballots, Motion};

/// Rewrites one byte of the first show-of-hands motion's yes count, in sled, not through
/// yishi; returns the motion as it was.
fn tamper(db: &std::path::Path) -> Motion {
    let sled = support::sled_store(db);
    let motions = sled.open_tree("motions").expect("tree");
    for kv in motions.iter() {
        let (key, value) = kv.expect("read");
        let motion: Motion = serde_json::from_slice(&value).expect("motion");
        let Ballots::Counts { yes, .. } = motion.ballots else {
            continue;
        };
        let needle = format!("\"yes\":{yes}");
        let text = std::str::from_utf8(&value).expect("utf-8");
        let at = text.find(&needle).expect("yes count") + needle.len() - 1;
        let mut bytes = value.to_vec();
        bytes[at] = if bytes[at] == b'9' {
            b'8'
        } else {
            bytes[at] + 1
        };
        motions.insert(key, bytes).expect("write");
        sled.flush().expect("flush");
        return motion;
    }
    panic!("the sample has no show-of-hands motion");
}

#[test]
fn a_byte_changed_in_a_sealed_ballot_is_named_with_its_meeting_and_time() {
    let db = support::sample_db();
    let clean = yishi(db.path(), &["--lang", "en", "verify"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert!(stdout(&clean).contains("store matches the journal"));

    let motion = tamper(db.path());
    let doc: yishi::domain::Document = yishi::domain::Document::parse(
        &std::fs::read_to_string(support::sample_path()).expect("sample"),
    )
    .expect("sample");
    let meeting = doc
        .meetings
        .iter()
        .find(|m| m.id == motion.meeting)
        .expect("meeting");
    assert!(
        meeting.signature.is_some(),
        "the ballot is in a signed meeting"
    );
    let closed = motion
        .closed
        .expect("closed")
        .format("%Y-%m-%d %H:%M:%S")
        .to_string();

    let en = yishi(db.path(), &["--lang", "en", "verify"]);
    assert_eq!(en.status.code(), Some(1));
    let said = stderr(&en);
    for words in [
        format!("motion {}", motion.id),
        format!("{} meeting no. {}", meeting.year, meeting.number),
        format!("last recorded {closed}"),
        "altered".to_string(),
    ] {
        assert!(said.contains(&words), "«{words}» missing from: {said}");
    }

    let zh = yishi(db.path(), &["--lang", "zh-Hans", "verify"]);
    assert_eq!(zh.status.code(), Some(1));
    let said = stderr(&zh);
    assert!(said.contains(&format!("表决 #{}", motion.id)), "{said}");
    assert!(
        said.contains(&format!("{}年第{}次会议", meeting.year, meeting.number)),
        "{said}"
    );
    assert!(said.contains("被改动过"), "{said}");
}

#[test]
fn an_altered_journal_line_is_named_with_its_meeting_and_time() {
    let db = support::sample_db();
    let journal = db.path().join("journal.jsonl");
    // The sample arrives as an import of two lines (its records, and the last part that
    // closes it); record one more change so there is a line naming a meeting, then alter that
    // line's content.
    let o = yishi(db.path(), &["verify"]);
    assert!(o.status.success());
    let mut store = yishi::store::Store::open(db.path()).expect("open");
    let at =
        chrono::NaiveDateTime::parse_from_str("2026-11-23 09:40", "%Y-%m-%d %H:%M").expect("t");
    store
        .apply(
            &yishi::domain::Change::SignMeeting(SignMeeting {
                meeting: yishi::domain::MeetingId(116),
                sealed: None,
            }),
            at,
        )
        .expect("sign");
    drop(store);
    let text = std::fs::read_to_string(&journal).expect("journal");
    let altered = text.replacen(
        "\"sign_meeting\":{\"meeting\":116}",
        "\"sign_meeting\":{\"meeting\":112}",
        1,
    );
    assert_ne!(text, altered);
    std::fs::write(&journal, altered).expect("write");
    let o = yishi(db.path(), &["--lang", "en", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(said.contains("journal line 3"), "{said}");
    assert!(said.contains("2026-11-23 09:40:00"), "{said}");
    assert!(said.contains("2026 meeting no. 4"), "{said}");
}

#[test]
fn an_index_entry_removed_behind_the_program_is_found_and_rebuilt_by_repair() {
    for index in [
        "open_matters",
        "council_meetings",
        "meetings_by_start",
        "meeting_heads",
    ] {
        let db = support::sample_db();
        {
            let sled = support::sled_store(db.path());
            let tree = sled.open_tree(index).expect("index");
            let (first, _) = tree.first().expect("read").expect("an entry");
            tree.remove(first).expect("remove");
            sled.flush().expect("flush");
        }
        let found = yishi(db.path(), &["--lang", "en", "verify"]);
        assert_eq!(found.status.code(), Some(1), "{index}: {}", stdout(&found));
        let said = stdout(&found) + &stderr(&found);
        assert!(said.contains("an index"), "{index}: {said}");

        let repaired = yishi(db.path(), &["repair"]);
        assert!(repaired.status.success(), "{index}: {}", stderr(&repaired));
        let again = yishi(db.path(), &["verify"]);
        assert!(again.status.success(), "{index}: {}", stdout(&again));
    }
}
