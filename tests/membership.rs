//! Who sits on a council, and from when: members join and leave on a day; the roll of each
//! meeting is the members of its day; the roll of a meeting already held never changes.

use chrono::{NaiveDate, NaiveDateTime};
use yishi::domain::{
    AddMember, CreateCouncil, CreateMeeting, EndMeeting, MarkAttendance, MemberLeaves, StartMeeting,
};
use yishi::domain::{
    Affiliation, Attendance, Change, Council, CouncilId, MeetingId, Member, MemberId, Membership,
    MemoryRecords, Records, Refusal, apply, presets,
};

const COUNCIL: CouncilId = CouncilId(1);
const HELD: MeetingId = MeetingId(20);
const NEXT: MeetingId = MeetingId(21);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn at(s: &str) -> NaiveDateTime {
    day(s).and_hms_opt(19, 0, 0).expect("time")
}

fn record(records: &mut MemoryRecords, change: Change, when: &str) -> Result<(), Refusal> {
    for w in apply(&change, at(when), records)? {
        records.put(w);
    }
    Ok(())
}

fn meeting(id: MeetingId, start: &str) -> Change {
    Change::CreateMeeting(CreateMeeting {
        id,
        council: COUNCIL,
        title: "议事".into(),
        place: "议事厅".into(),
        start: at(start),
        chair: MemberId(2),
        recorder: MemberId(3),
        speaker_limit_secs: 180,
    })
}

/// Three founding members; a meeting held on 1 March, another prepared for 10 April.
fn council() -> MemoryRecords {
    let mut r = MemoryRecords::default();
    let founding = |id, name| {
        Member::founding(
            MemberId(id),
            name,
            Affiliation::ResidentRepresentative,
            true,
        )
    };
    let council = Council {
        id: COUNCIL,
        name: "青禾里议事会".into(),
        members: vec![
            founding(2, "周立平"),
            founding(3, "陈秀兰"),
            founding(4, "王建国"),
        ],
        rule: presets().into_iter().next().expect("a preset"),
        satisfaction_threshold: 80,
        keys: Vec::new(),
    };
    for (c, when) in [
        (
            Change::CreateCouncil(CreateCouncil {
                council: Box::new(council),
            }),
            "2026-02-01",
        ),
        (meeting(HELD, "2026-03-01"), "2026-02-20"),
        (
            Change::StartMeeting(StartMeeting { meeting: HELD }),
            "2026-03-01",
        ),
        (
            Change::EndMeeting(EndMeeting { meeting: HELD }),
            "2026-03-01",
        ),
        (meeting(NEXT, "2026-04-10"), "2026-03-20"),
    ] {
        record(&mut r, c, when).expect("the council and its meetings");
    }
    r
}

fn joins(id: u64, name: &str, since: &str) -> Change {
    let mut member = Member::founding(
        MemberId(id),
        name,
        Affiliation::ResidentRepresentative,
        true,
    );
    member.since = Some(day(since));
    Change::AddMember(AddMember {
        council: COUNCIL,
        member,
    })
}

fn leaves(id: u64, on: &str) -> Change {
    Change::MemberLeaves(MemberLeaves {
        council: COUNCIL,
        member: MemberId(id),
        on: day(on),
    })
}

/// 应到 of a meeting, by its roll.
fn entitled(r: &MemoryRecords, id: MeetingId) -> u32 {
    let m = r.meeting(id).ok().flatten().expect("meeting");
    let c = r.council(COUNCIL).ok().flatten().expect("council");
    m.turnout(&c).entitled
}

fn membership(result: Result<(), Refusal>) -> Membership {
    match result {
        Err(Refusal::Membership(m)) => m,
        other => panic!("expected a refusal about membership, got {other:?}"),
    }
}

#[test]
fn a_member_who_joins_is_on_the_roll_of_meetings_from_that_day_only() {
    let mut r = council();
    assert_eq!(entitled(&r, NEXT), 3);
    record(&mut r, joins(30, "李梅", "2026-04-01"), "2026-03-25").expect("joins");
    assert_eq!(entitled(&r, NEXT), 4, "on the roll of 10 April");
    assert_eq!(
        entitled(&r, HELD),
        3,
        "the meeting held in March keeps its roll"
    );
    let mark = Change::MarkAttendance(MarkAttendance {
        meeting: NEXT,
        member: MemberId(30),
        attendance: Attendance::Present,
    });
    record(&mut r, mark, "2026-04-10").expect("called on the roll");
}

#[test]
fn a_member_who_leaves_is_off_the_roll_from_that_day_and_cannot_be_called() {
    let mut r = council();
    record(&mut r, leaves(2, "2026-04-10"), "2026-03-25").expect("leaves");
    assert_eq!(entitled(&r, NEXT), 2);
    assert_eq!(
        entitled(&r, HELD),
        3,
        "still on the roll of the meeting held"
    );
    let mark = Change::MarkAttendance(MarkAttendance {
        meeting: NEXT,
        member: MemberId(2),
        attendance: Attendance::Present,
    });
    assert_eq!(
        membership(record(&mut r, mark, "2026-04-10")),
        Membership::NotServing {
            name: "周立平".into(),
            on: day("2026-04-10")
        }
    );
    assert_eq!(
        membership(record(&mut r, leaves(2, "2026-05-01"), "2026-04-20")),
        Membership::AlreadyLeft {
            name: "周立平".into(),
            on: day("2026-04-10")
        }
    );
    // Once gone, the name may be someone else's.
    record(&mut r, joins(31, "周立平", "2026-04-10"), "2026-03-26").expect("a namesake");
}

#[test]
fn the_roll_of_a_meeting_held_is_never_rewritten_and_names_stay_apart() {
    let mut r = council();
    let before = r.clone();
    for (change, expected) in [
        (
            joins(30, "李梅", "2026-03-01"),
            Membership::RollClosed {
                on: day("2026-03-01"),
                held: day("2026-03-01"),
            },
        ),
        (
            leaves(3, "2026-02-15"),
            Membership::RollClosed {
                on: day("2026-02-15"),
                held: day("2026-03-01"),
            },
        ),
        (
            joins(30, "陈秀兰", "2026-04-01"),
            Membership::SameName {
                name: "陈秀兰".into(),
                other: "陈秀兰".into(),
            },
        ),
        // Names that differ only by what the eye cannot see are one name on the roll.
        (
            joins(30, "陈\u{00AD}秀兰", "2026-04-01"),
            Membership::SameName {
                name: "陈\u{00AD}秀兰".into(),
                other: "陈秀兰".into(),
            },
        ),
        (
            joins(30, "陈秀兰\u{E0041}", "2026-04-01"),
            Membership::SameName {
                name: "陈秀兰\u{E0041}".into(),
                other: "陈秀兰".into(),
            },
        ),
    ] {
        assert_eq!(membership(record(&mut r, change, "2026-03-25")), expected);
    }
    record(&mut r, joins(30, "李梅", "2026-04-01"), "2026-03-25").expect("joins");
    assert_eq!(
        membership(record(&mut r, leaves(30, "2026-03-20"), "2026-03-25")),
        Membership::LeavesBeforeJoining {
            name: "李梅".into(),
            since: day("2026-04-01")
        }
    );
    assert_eq!(entitled(&r, HELD), entitled(&before, HELD));
}

#[test]
fn a_refusal_about_membership_says_why_in_each_language() {
    let m = Membership::RollClosed {
        on: day("2026-03-01"),
        held: day("2026-03-01"),
    };
    let said = [
        yishi::text::Lang::ZhHans,
        yishi::text::Lang::ZhHant,
        yishi::text::Lang::En,
    ]
    .map(|l| m.describe(l));
    assert!(said[0].contains("名单已经确定"), "{}", said[0]);
    assert!(said[1].contains("名單已經確定"), "{}", said[1]);
    assert!(said[2].contains("roll stands"), "{}", said[2]);
}
