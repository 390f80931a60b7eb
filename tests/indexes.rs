//! The store's indexes answer what the screens and commands ask (the latest meeting, one
//! meeting's head) as a read of every meeting's head would, as meetings are made and started,
//! and `verify` finds them exact.

mod support;

use chrono::NaiveDateTime;
use yishi::domain::{Change, MeetingId, Records};
use yishi::domain::{CreateMeeting, StartMeeting};
use yishi::store::{Store, verify};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

/// The latest meeting and every head, through the indexes, against a read of all heads.
fn assert_indexes_agree(store: &Store) {
    let heads = store.meetings().expect("meetings");
    let latest = store.latest_meeting().expect("latest");
    assert_eq!(latest.as_ref(), heads.last(), "the latest meeting");
    for h in &heads {
        assert_eq!(store.meeting_head(h.id).expect("head").as_ref(), Some(h));
    }
    assert_eq!(store.meeting_head(MeetingId(999_999)).expect("head"), None);
}

fn create(store: &mut Store, id: u64, start: &str) {
    let council = store.first_council().expect("council").expect("a council");
    let chair = council.voting_members().next().expect("a member").id;
    let change = Change::CreateMeeting(CreateMeeting {
        id: MeetingId(id),
        council: council.id,
        title: format!("会议{id}"),
        place: "议事厅".into(),
        start: at(start),
        chair,
        recorder: chair,
        speaker_limit_secs: 180,
    });
    store
        .apply(&change, at("2026-11-22 09:00"))
        .expect("create");
}

#[test]
fn the_latest_meeting_and_each_head_are_read_through_the_indexes() {
    let db = support::sample_db();
    {
        let mut store = Store::open(db.path()).expect("open");
        assert_indexes_agree(&store);

        // Called for the 30th at 14:30; a meeting called for earlier does not displace it.
        create(&mut store, 9001, "2026-11-30 14:30");
        assert_indexes_agree(&store);
        create(&mut store, 9002, "2026-11-29 09:00");
        assert_indexes_agree(&store);
        assert_eq!(
            store.latest_meeting().expect("latest").map(|h| h.id),
            Some(MeetingId(9001))
        );

        // Opened before the time it was called for, it began earlier: now the other is later.
        let start = Change::StartMeeting(StartMeeting {
            meeting: MeetingId(9001),
        });
        store.apply(&start, at("2026-11-28 14:10")).expect("start");
        let began = store
            .meeting(MeetingId(9001))
            .expect("read")
            .expect("meeting");
        assert_eq!(
            began.start,
            at("2026-11-28 14:10"),
            "the meeting began when opened"
        );
        assert_indexes_agree(&store);
        assert_eq!(
            store.latest_meeting().expect("latest").map(|h| h.id),
            Some(MeetingId(9002))
        );
    }
    // Through the checkpoint the console left, and by a replay of the whole journal.
    for replay in [false, true] {
        let report = verify(db.path(), replay, &mut |_, _| ()).expect("verify runs");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.through_checkpoint.is_some(), !replay);
    }

    let shown = support::yishi(db.path(), &["show", "latest"]);
    assert!(shown.status.success(), "{}", support::stderr(&shown));
    assert!(
        support::stdout(&shown).contains("会议9002"),
        "{}",
        support::stdout(&shown)
    );
}
