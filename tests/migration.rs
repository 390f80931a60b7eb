//! A store written by an earlier yishi (store layout 1: heads without signatures, no index of
//! open matters, of meetings by council or by when they began) is brought up to date when it
//! is opened, and then verifies.

mod support;

use serde_json::Value;
use yishi::domain::{
    Advance, CastBallot, CloseVote, CreateMatter, CreateMeeting, Import, MarkAttendance, OpenVote,
    ProposeMotion, StartMeeting,
};

#[test]
fn layout_1_store_is_migrated_on_open() {
    let db = support::sample_db();
    {
        // Make the store what the earlier program wrote.
        let sled = support::sled_store(db.path());
        let meta = sled.open_tree("meta").expect("meta");
        meta.insert(b"schema", b"1".as_slice()).expect("schema");
        for index in ["open_matters", "council_meetings", "meetings_by_start"] {
            sled.drop_tree(index).expect("drop index");
        }
        let heads = sled.open_tree("meeting_heads").expect("heads");
        for kv in heads.iter() {
            let (k, v) = kv.expect("head");
            let mut h: Value = serde_json::from_slice(&v).expect("json");
            let o = h.as_object_mut().expect("object");
            assert!(o.remove("signed").is_some() && o.remove("corrections").is_some());
            heads
                .insert(k, serde_json::to_vec(&h).expect("encode"))
                .expect("write head");
        }
        sled.flush().expect("flush");
    }

    // The store is brought up to date when it is opened to be written.
    drop(yishi::store::Store::open(db.path()).expect("open"));
    let list = support::yishi(db.path(), &["list"]);
    assert!(list.status.success(), "list: {}", support::stderr(&list));

    let sled = support::sled_store(db.path());
    let schema = sled
        .open_tree("meta")
        .expect("meta")
        .get(b"schema")
        .expect("read");
    assert_eq!(schema.as_deref(), Some(b"5".as_slice()));
    let signed: Vec<bool> = sled
        .open_tree("meeting_heads")
        .expect("heads")
        .iter()
        .values()
        .map(|v| {
            let h: Value = serde_json::from_slice(&v.expect("head")).expect("json");
            h["signed"].as_bool().expect("signed is set")
        })
        .collect();
    assert_eq!(
        signed,
        [true, true, true, true, false],
        "meetings 1–4 are signed"
    );
    let open = sled.open_tree("open_matters").expect("index").len();
    let by_council = sled.open_tree("council_meetings").expect("index").len();
    let by_start = sled.open_tree("meetings_by_start").expect("index").len();
    drop(sled);
    assert_eq!(
        by_start, 5,
        "the sample's five meetings are indexed by start"
    );
    assert!(open > 0, "the open matters are indexed again");
    assert_eq!(
        by_council, 5,
        "the sample's five meetings are indexed by council"
    );

    let verify = support::yishi(db.path(), &["verify"]);
    assert!(
        verify.status.success(),
        "verify: {}",
        support::stderr(&verify)
    );
}

/// A journal written under earlier rules is history: its import is taken as it was accepted
/// then, so it still verifies and repairs, while the same document arriving now is refused.
#[test]
fn a_journal_written_under_earlier_rules_still_verifies_and_repairs() {
    use yishi::domain::{Change, Document};
    use yishi::store::{Entry, GENESIS};
    let mut doc =
        Document::parse(&std::fs::read_to_string(support::sample_path()).expect("sample"))
            .expect("sample");
    // 孙慧敏 was excused when the motion was moved: today's rules refuse her as its mover.
    doc.motions[6].mover = yishi::domain::MemberId(7);
    let file = tempfile::tempdir().expect("tempdir");
    let path = file.path().join("doc.json");
    std::fs::write(&path, doc.to_json()).expect("write");
    let fresh = file.path().join("fresh");
    let o = support::yishi(
        &fresh,
        &["--lang", "en", "import", path.to_str().expect("path")],
    );
    assert!(!o.status.success(), "arriving now, it is refused");
    assert!(support::stderr(&o).contains("motions[6].mover"));

    let db = tempfile::tempdir().expect("tempdir");
    let at = chrono::NaiveDate::from_ymd_opt(2026, 6, 1)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("time");
    let entry = Entry::new(
        1,
        at,
        GENESIS,
        &Change::Import(Import {
            document: Box::new(doc),
        }),
    )
    .expect("entry");
    let line = serde_json::to_string(&entry).expect("line") + "\n";
    std::fs::write(db.path().join("journal.jsonl"), line).expect("journal");
    let export = repaired_export(db.path());
    assert_eq!(export["motions"][6]["mover"], 7);
}

/// Before the ballot box, a secret ballot was keyed by name: a journal of that time still
/// replays, verifies and repairs, while such a ballot keyed now is refused.
#[test]
fn secret_ballots_keyed_by_name_in_an_old_journal_still_replay() {
    use yishi::domain::{Change, Choice, VoteMode};
    use yishi::store::{Entry, Store};
    let db = support::sample_db();
    let at = |m: u32| {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 6)
            .and_then(|d| d.and_hms_opt(15, m, 0))
            .expect("time")
    };
    let (motion, voters) = {
        let mut store = Store::open(db.path()).expect("open");
        let mut council = store.first_council().expect("council").expect("one");
        council.id = yishi::domain::CouncilId(9000);
        council.name = "青禾里社区第二议事会".into();
        let (motion, voters) =
            support::vote::open_vote_by(&mut store, council, at(0), VoteMode::Secret);
        let keyed = Change::CastBallot(CastBallot {
            motion,
            member: voters[1],
            choice: Choice::Yes,
        });
        assert!(
            store.apply(&keyed, at(55)).is_err(),
            "refused when keyed now"
        );
        (motion, voters)
    };
    // The lines an earlier yishi wrote: each ballot by name.
    let journal = db.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&journal).expect("journal");
    let last: Entry = serde_json::from_str(text.lines().last().expect("a line")).expect("entry");
    let (mut seq, mut prev, mut lines) = (last.seq, last.hash, text);
    for (i, m) in voters.iter().enumerate() {
        let choice = [Choice::Yes, Choice::Yes, Choice::No][i % 3];
        let ballot = Change::CastBallot(CastBallot {
            motion,
            member: *m,
            choice,
        });
        let e = Entry::new(seq + 1, at(56), &prev, &ballot).expect("entry");
        lines += &(serde_json::to_string(&e).expect("line") + "\n");
        (seq, prev) = (e.seq, e.hash);
    }
    std::fs::write(&journal, lines).expect("write");

    let export = repaired_export(db.path());
    let v = export["motions"]
        .as_array()
        .expect("motions")
        .iter()
        .find(|v| v["id"] == motion.0)
        .expect("the motion")
        .clone();
    assert_eq!(v["ballots"]["secret"]["yes"], 10);
    assert_eq!(v["ballots"]["secret"]["no"], 5);
    assert_eq!(
        v["ballots"]["secret"]["voted"].as_array().map(Vec::len),
        Some(15)
    );
}

/// Repairs the database, checks that it then verifies, and returns its export.
fn repaired_export(db: &std::path::Path) -> Value {
    let repair = support::yishi(db, &["repair"]);
    assert!(repair.status.success(), "{}", support::stderr(&repair));
    let verify = support::yishi(db, &["verify"]);
    assert!(verify.status.success(), "{}", support::stderr(&verify));
    serde_json::from_str(&support::stdout(&support::yishi(db, &["export"]))).expect("export")
}

/// An owners' vote that too few took part in, closed by a yishi that knew no 未形成决议 (store
/// layout 4): its record said only 未通过. Opened now, it is marked as deciding nothing, as a
/// replay of its journal marks it, and the store still verifies against the journal.
#[test]
fn a_vote_too_few_took_part_in_is_marked_as_deciding_nothing_on_open() {
    use yishi::domain::{
        Attendance, Change, Choice, MatterId, MeetingId, MotionId, Step, VoteMode,
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let csv = dir.path().join("登记册.csv");
    std::fs::write(
        &csv,
        "\u{feff}房号,业主,专有部分面积（㎡）\r\n1-101,王大成,100.00\r\n1-102,李春华,100.00\r\n\
         1-201,张秋实,100.00\r\n1-202,刘冬生,100.00\r\n",
    )
    .expect("register");
    let made = support::yishi(
        &db,
        &[
            "council",
            "import",
            csv.to_str().expect("utf-8"),
            "--name",
            "青禾里1号楼业主大会",
            "--rule",
            "owners",
        ],
    );
    assert!(made.status.success(), "{}", support::stderr(&made));
    let motion = MotionId(502);
    {
        let mut store = yishi::store::Store::open(&db).expect("open");
        let council = store.first_council().expect("read").expect("a council");
        let first = council.members[0].id;
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
            .and_then(|d| d.and_hms_opt(19, 0, 0))
            .expect("a time");
        let (meeting, matter) = (MeetingId(500), MatterId(501));
        let mut changes = vec![
            Change::CreateMeeting(CreateMeeting {
                id: meeting,
                council: council.id,
                title: "业主大会".into(),
                place: "1号楼".into(),
                start: at,
                chair: first,
                recorder: first,
                speaker_limit_secs: 180,
            }),
            Change::MarkAttendance(MarkAttendance {
                meeting,
                member: first,
                attendance: Attendance::Present,
            }),
            Change::StartMeeting(StartMeeting { meeting }),
            Change::CreateMatter(CreateMatter {
                id: matter,
                meeting,
                title: "更换单元门".into(),
                short_title: "单元门".into(),
            }),
        ];
        for to in [Step::Hear, Step::Decide] {
            changes.push(Change::Advance(Advance {
                matter,
                meeting,
                to,
            }));
        }
        changes.push(Change::ProposeMotion(ProposeMotion {
            id: motion,
            matter,
            meeting,
            text: "同意更换单元门。".into(),
            mover: first,
            seconder: None,
            mode: VoteMode::RollCall,
            item: Some("5".into()),
        }));
        changes.push(Change::OpenVote(OpenVote { motion }));
        // Two of four owners take part: short of two thirds.
        for m in &council.members[..2] {
            changes.push(Change::CastBallot(CastBallot {
                motion,
                member: m.id,
                choice: Choice::Yes,
            }));
        }
        changes.push(Change::CloseVote(CloseVote { motion }));
        for c in changes {
            store
                .apply(&c, at)
                .unwrap_or_else(|e| panic!("{c:?}: {e:?}"));
        }
    }
    let key = motion.0.to_be_bytes();
    {
        // Make the store what the earlier program wrote.
        let sled = support::sled_store(&db);
        let motions = sled.open_tree("motions").expect("motions");
        let mut v: Value =
            serde_json::from_slice(&motions.get(key).expect("read").expect("the motion"))
                .expect("json");
        assert_eq!(v["no_decision"], true, "closed now, it is marked");
        v.as_object_mut().expect("object").remove("no_decision");
        motions
            .insert(key, serde_json::to_vec(&v).expect("encode"))
            .expect("write");
        let meta = sled.open_tree("meta").expect("meta");
        meta.insert(b"schema", b"4".as_slice()).expect("schema");
        sled.flush().expect("flush");
    }
    drop(yishi::store::Store::open(&db).expect("open"));
    let sled = support::sled_store(&db);
    let v: Value = serde_json::from_slice(
        &sled
            .open_tree("motions")
            .expect("motions")
            .get(key)
            .expect("read")
            .expect("the motion"),
    )
    .expect("json");
    drop(sled);
    assert_eq!(v["no_decision"], true, "marked when the store was opened");
    let verify = support::yishi(&db, &["verify"]);
    assert!(
        verify.status.success(),
        "verify: {}",
        support::stderr(&verify)
    );
}
