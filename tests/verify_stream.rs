//! `verify` holds the store against the newest checkpoint and the journal's lines after it,
//! record by record, in memory that does not grow with the archive; whatever that cannot vouch
//! for is judged by a replay of the whole journal, which names it as it always has.
//! `verify --replay` asks for the replay outright.

mod support;

use chrono::NaiveDateTime;
use std::path::Path;
use support::{stderr, stdout, yishi};
use yishi::domain::CreateMeeting;
use yishi::domain::{Change, MeetingId, Records};
use yishi::store::Store;

fn verdict(db: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["verify", "--json"];
    all.extend_from_slice(args);
    let o = yishi(db, &all);
    serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&o)))
}

fn checkpoints(db: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(db.join("checkpoints"))
        .expect("checkpoints")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn verify_goes_through_the_checkpoint_and_the_journal_after_it_as_the_replay_does() {
    let db = support::sample_db();
    let whole = verdict(db.path(), &[]);
    assert_eq!(whole["ok"], true, "{whole}");
    assert_eq!(whole["through_checkpoint"], whole["changes"], "{whole}");

    // One more meeting called; the file its close wrote taken away, as if the process had
    // stopped before writing it: the checkpoint is now a line behind the journal.
    let before = checkpoints(db.path());
    {
        let mut store = Store::open(db.path()).expect("open");
        let council = store.first_council().expect("read").expect("a council");
        let chair = council.voting_members().next().expect("a member").id;
        let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
        let change = Change::CreateMeeting(CreateMeeting {
            id: MeetingId(9_001),
            council: council.id,
            title: "补开一次会议".into(),
            place: "议事厅".into(),
            start: at("2026-12-01 14:30"),
            chair,
            recorder: chair,
            speaker_limit_secs: 180,
        });
        store.apply(&change, at("2026-11-30 09:00")).expect("apply");
        assert!(store.meeting(MeetingId(9_001)).expect("read").is_some());
    }
    for file in checkpoints(db.path()) {
        if !before.contains(&file) {
            std::fs::remove_file(file).expect("remove");
        }
    }

    let tail = verdict(db.path(), &[]);
    assert_eq!(tail["ok"], true, "{tail}");
    let (changes, through) = (&tail["changes"], &tail["through_checkpoint"]);
    assert_eq!(
        through.as_u64().map(|t| t + 1),
        changes.as_u64(),
        "one line after the checkpoint: {tail}"
    );
    let replayed = verdict(db.path(), &["--replay"]);
    assert_eq!(replayed["ok"], true, "{replayed}");
    assert_eq!(replayed["changes"], tail["changes"]);
    assert_eq!(replayed["through_checkpoint"], serde_json::Value::Null);
}

#[test]
fn a_record_the_journal_never_wrote_is_named_by_the_replay_behind_the_checkpoint() {
    let db = support::sample_db();
    let id = {
        let sled = support::sled_store(db.path());
        let motions = sled.open_tree("motions").expect("tree");
        let (key, value) = motions.last().expect("read").expect("a motion");
        let last = u64::from_be_bytes(key.as_ref().try_into().expect("an id"));
        let mut copy: serde_json::Value = serde_json::from_slice(&value).expect("motion");
        copy["id"] = serde_json::json!(last + 1_000);
        let bytes = serde_json::to_vec(&copy).expect("encode");
        motions
            .insert((last + 1_000).to_be_bytes(), bytes)
            .expect("write");
        sled.flush().expect("flush");
        last + 1_000
    };
    for lang in ["en", "zh-Hans"] {
        let o = yishi(db.path(), &["--lang", lang, "verify"]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        let said = stderr(&o);
        assert!(said.contains(&id.to_string()), "{said}");
        let words = if lang == "en" {
            "is in the store but not in the journal"
        } else {
            "在数据库中存在，日志中却没有"
        };
        assert!(said.contains(words), "{said}");
    }
}

#[test]
fn a_checkpoint_with_a_byte_changed_is_named_and_the_replay_still_checks_the_store() {
    let db = support::sample_db();
    let file = checkpoints(db.path()).pop().expect("a checkpoint");
    let mut bytes = std::fs::read(&file).expect("read");
    // The first record's opening brace: the file begins with the records.
    let at = bytes.iter().position(|&b| b == b'"').expect("a string");
    bytes[at + 1] ^= 0x01;
    std::fs::write(&file, bytes).expect("write");

    let o = yishi(db.path(), &["--lang", "en", "verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let said = stderr(&o);
    assert!(said.contains("a checkpoint file is damaged"), "{said}");
    assert!(
        !said.contains("altered") && !said.contains("not in the journal"),
        "the store itself is whole: {said}"
    );
}
