//! Signing seals a meeting: what follows is a correction kept beside the original, printed
//! after the minutes with who, when and why. Checked on a real store on disk.

mod support;

use chrono::NaiveDateTime;
use support::{stdout, yishi};
use yishi::domain::{
    AddToAgenda, Correct, CreateMeeting, MarkAttendance, RecordSpeech, SignMeeting, StartMeeting,
};
use yishi::domain::{Change, MatterId, MeetingId, MemberId, Records, Step};
use yishi::store::{Store, StoreError};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

/// The sample's last meeting (2026年第5次), ended but not yet signed.
const FIFTH: MeetingId = MeetingId(116);
const CANTEEN: MatterId = MatterId(111);

fn minutes(db: &std::path::Path) -> String {
    let o = yishi(db, &["minutes", "2026-5", "--width", "200"]);
    assert!(o.status.success());
    stdout(&o)
}

fn refusal(e: StoreError) -> String {
    match e {
        StoreError::Refused(r) => r.describe(yishi::text::Lang::ZhHans),
        other => panic!("not a refusal: {other:?}"),
    }
}

#[test]
fn a_correction_to_a_signed_meeting_is_printed_after_the_body_and_the_original_stays() {
    let db = support::sample_db();
    let before = minutes(db.path());
    assert!(before.contains("主持人（签字）：　　　　　　　　记录人（签字）："));
    let original = "七十岁以上老人每餐补贴五元";
    assert!(before.contains(original), "the sample's wording: {before}");

    let mut store = Store::open(db.path()).expect("open");
    let recorder = store
        .meeting(FIFTH)
        .expect("read")
        .expect("meeting")
        .recorder;
    store
        .apply(
            &Change::SignMeeting(SignMeeting {
                meeting: FIFTH,
                sealed: None,
            }),
            at("2026-11-23 09:40"),
        )
        .expect("sign");
    let again = store
        .apply(
            &Change::SignMeeting(SignMeeting {
                meeting: FIFTH,
                sealed: None,
            }),
            at("2026-11-23 09:45"),
        )
        .expect_err("signed twice");
    assert!(refusal(again).contains("已于2026-11-23 09:40签发"));
    store
        .apply(
            &Change::Correct(Correct {
                meeting: FIFTH,
                by: recorder,
                matter: Some(CANTEEN),
                step: Some(Step::Decide),
                text: "动议中的补贴标准应为：七十岁以上老人每餐补贴六元。".into(),
                reason: "与表决时宣读的动议文本核对有误".into(),
            }),
            at("2026-11-24 16:05"),
        )
        .expect("correct");
    let stranger = store
        .apply(
            &Change::Correct(Correct {
                meeting: FIFTH,
                by: MemberId(999),
                matter: None,
                step: None,
                text: "x".into(),
                reason: "y".into(),
            }),
            at("2026-11-24 16:06"),
        )
        .expect_err("not a member");
    assert!(refusal(stranger).contains("999"));
    drop(store);

    let after = minutes(db.path());
    let body_end = after.find("签发时间").expect("signed");
    assert_eq!(
        &after[..before.find("主持人（签字）").expect("signature line")],
        &before[..before.find("主持人（签字）").expect("signature line")],
        "the body is unchanged"
    );
    assert!(
        after[..body_end].contains(original),
        "the original entry is still there"
    );
    assert!(after.contains("签发时间：2026年11月23日 09:40"));
    let corrections = &after[after.find("更正记录").expect("section")..];
    assert!(
        body_end < after.find("更正记录").expect("section"),
        "after the body"
    );
    for words in [
        "更正一：2026年11月24日 16:05",
        "更正「一、",
        "（三）民主决策」",
        "每餐补贴六元",
        "理由：与表决时宣读的动议文本核对有误",
    ] {
        assert!(
            corrections.contains(words),
            "«{words}» missing from:\n{corrections}"
        );
    }
    let v = yishi(db.path(), &["verify"]);
    assert!(v.status.success(), "{}", support::stderr(&v));
}

#[test]
fn a_meeting_is_signed_only_once_it_has_ended_and_its_entries_stay_sealed() {
    let db = support::sample_db();
    let mut store = Store::open(db.path()).expect("open");
    let heads = store.meetings().expect("meetings");
    let council = store.councils().expect("councils").remove(0);
    let chair = council.members[0].id;
    let id = MeetingId(store.next_id().expect("id"));
    store
        .apply(
            &Change::CreateMeeting(CreateMeeting {
                id,
                council: council.id,
                title: "十二月议事".into(),
                place: "议事厅".into(),
                start: at("2026-12-12 14:30"),
                chair,
                recorder: chair,
                speaker_limit_secs: 180,
            }),
            at("2026-12-01 10:00"),
        )
        .expect("create");
    let early = store
        .apply(
            &Change::SignMeeting(SignMeeting {
                meeting: id,
                sealed: None,
            }),
            at("2026-12-01 10:01"),
        )
        .expect_err("not ended");
    assert!(refusal(early).contains("筹备"));
    assert_eq!(store.meetings().expect("meetings").len(), heads.len() + 1);
    for m in council.voting_members() {
        store
            .apply(
                &Change::MarkAttendance(MarkAttendance {
                    meeting: id,
                    member: m.id,
                    attendance: yishi::domain::Attendance::Present,
                }),
                at("2026-12-12 14:30"),
            )
            .expect("present");
    }
    store
        .apply(
            &Change::StartMeeting(StartMeeting { meeting: id }),
            at("2026-12-12 14:31"),
        )
        .expect("start");
    // The fumes matter was heard at the 2nd meeting; carried over to this one, that
    // speech cannot be rewritten here.
    let fumes = MatterId(104);
    store
        .apply(
            &Change::AddToAgenda(AddToAgenda {
                meeting: id,
                matter: fumes,
            }),
            at("2026-12-12 14:41"),
        )
        .expect("carry over");
    let speech = store.matter(fumes).expect("read").expect("matter").speeches[0].clone();
    assert!(speech.done);
    let rewrite = store
        .apply(
            &Change::RecordSpeech(RecordSpeech {
                matter: fumes,
                meeting: id,
                index: 0,
                stance: yishi::domain::Stance::Against,
                summary: "改写".into(),
                seconds_used: 1,
            }),
            at("2026-12-12 14:42"),
        )
        .expect_err("sealed");
    let why = refusal(rewrite);
    assert!(
        why.contains("往次会议") || why.contains("公开听证"),
        "{why}"
    );
    assert_eq!(
        store.matter(fumes).expect("read").expect("matter").speeches[0],
        speech
    );
}
