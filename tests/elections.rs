//! An election of five from seven by secret ballot: the box counted name by name, four elected
//! outright, a tie for the fifth seat left to a run-off, and the run-off deciding it; the
//! minutes say all of it and never who voted for whom.

mod support;

use chrono::NaiveDateTime;
use yishi::domain::election::ElectedBy;
use yishi::domain::{Attendance, Change, MemberId, MotionId, Records, Refusal, Stage, Step};
use yishi::domain::{CloseVote, EnterElectionCounts, HandInBallot, OpenVote, ProposeElection};
use yishi::store::{Store, StoreError};

use support::DRAINS;

fn now() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-12-05 19:40", "%Y-%m-%d %H:%M").expect("time")
}

const CANDIDATES: [&str; 7] = [
    "赵国栋",
    "孙慧敏",
    "吴志强",
    "钱永福",
    "冯桂英",
    "杨晓东",
    "朱美华",
];

fn put(id: u64, seats: u32, candidates: &[&str], write_ins: bool, by: ElectedBy) -> Change {
    Change::ProposeElection(ProposeElection {
        id: MotionId(id),
        matter: DRAINS,
        meeting: support::live_meeting_id(),
        text: "选举雨水管道整治监督小组成员。".into(),
        mover: MemberId(2),
        seats,
        candidates: candidates.iter().map(|s| s.to_string()).collect(),
        write_ins,
        elected_by: by,
    })
}

/// Opens the vote on `id` and hands in a ballot for every voting member present.
fn ballots_in(store: &mut Store, id: u64) -> u32 {
    let motion = MotionId(id);
    store
        .apply(&Change::OpenVote(OpenVote { motion }), now())
        .expect("opened");
    let m = store
        .meeting(support::live_meeting_id())
        .ok()
        .flatten()
        .expect("meeting");
    let c = store.council(m.council).ok().flatten().expect("council");
    let mut n = 0;
    for member in c.voting_members() {
        if m.attendance_of(member.id) == Some(Attendance::Present) {
            let hand_in = Change::HandInBallot(HandInBallot {
                motion,
                member: member.id,
            });
            store.apply(&hand_in, now()).expect("a ballot in the box");
            n += 1;
        }
    }
    n
}

fn counts(id: u64, valid: u32, spoiled: u32, votes: &[(&str, u32)]) -> Change {
    Change::EnterElectionCounts(EnterElectionCounts {
        motion: MotionId(id),
        valid,
        spoiled,
        votes: votes.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
    })
}

#[test]
fn five_of_seven_with_a_tie_for_the_fifth_seat_and_a_run_off() {
    let (db, mut store, meeting, _) = support::meeting_under_way(now());
    assert_eq!(meeting, support::live_meeting_id());
    for c in support::drains_on_to(meeting, Step::Decide) {
        store.apply(&c, now()).expect("to the decision");
    }
    store
        .apply(
            &put(9401, 5, &CANDIDATES, true, ElectedBy::MajorityOfBallots),
            now(),
        )
        .expect("the election put");
    let handed_in = ballots_in(&mut store, 9401);
    assert_eq!(handed_in, 14);
    // 13 valid ballots, one spoiled; each names up to five: 65 votes at the most.
    let votes = [
        ("赵国栋", 13),
        ("孙慧敏", 12),
        ("吴志强", 11),
        ("钱永福", 10),
        ("冯桂英", 8),
        ("杨晓东", 8),
        ("朱美华", 2),
        ("路人甲", 1),
    ];
    let too_many = counts(
        9401,
        13,
        1,
        &[
            ("赵国栋", 13),
            ("孙慧敏", 13),
            ("吴志强", 13),
            ("钱永福", 13),
            ("冯桂英", 13),
            ("杨晓东", 1),
        ],
    );
    assert!(matches!(
        store.apply(&too_many, now()),
        Err(StoreError::Refused(Refusal::Invalid(_)))
    ));
    let miscounted = counts(9401, 13, 0, &votes);
    assert!(matches!(
        store.apply(&miscounted, now()),
        Err(StoreError::Refused(Refusal::BoxMiscounted { .. }))
    ));
    store
        .apply(&counts(9401, 13, 1, &votes), now())
        .expect("counted");
    store
        .apply(
            &Change::CloseVote(CloseVote {
                motion: MotionId(9401),
            }),
            now(),
        )
        .expect("closed");
    let matter = store.matter(DRAINS).ok().flatten().expect("matter");
    assert_eq!(
        matter.stage,
        Stage::At(Step::Decide),
        "a seat is still open"
    );

    // The run-off between the two tied for the fifth seat; no write-ins this time.
    let tied = ["冯桂英", "杨晓东"];
    store
        .apply(&put(9402, 1, &tied, false, ElectedBy::MostVotes), now())
        .expect("the run-off put");
    ballots_in(&mut store, 9402);
    let write_in = counts(9402, 14, 0, &[("冯桂英", 8), ("路人甲", 6)]);
    assert!(matches!(
        store.apply(&write_in, now()),
        Err(StoreError::Refused(Refusal::Invalid(_)))
    ));
    store
        .apply(&counts(9402, 14, 0, &[("冯桂英", 9), ("杨晓东", 5)]), now())
        .expect("counted");
    store
        .apply(
            &Change::CloseVote(CloseVote {
                motion: MotionId(9402),
            }),
            now(),
        )
        .expect("closed");
    let matter = store.matter(DRAINS).ok().flatten().expect("matter");
    assert_eq!(matter.stage, Stage::At(Step::Execute), "every seat filled");

    let (store, minutes) = support::minutes_after_store(store, db.path(), meeting);
    drop(store);
    for expected in [
        "（差额选举，应选5名，候选人7名：赵国栋、孙慧敏、吴志强、钱永福、冯桂英、杨晓东、朱美华；",
        "无记名投票，收回选票14张，有效13张，废票1张。",
        "路人甲（另选）1票",
        "当选：赵国栋、孙慧敏、吴志强、钱永福。冯桂英、杨晓东得票相同（各8票），须就剩余1个名额在他们之中另行投票。",
        "（差额选举，应选1名，候选人2名：冯桂英、杨晓东；",
        "当选：冯桂英。",
    ] {
        assert!(minutes.contains(expected), "{expected}\n{minutes}");
    }
    // The box never says who voted for whom: the journal holds who handed in a ballot and the
    // totals, and no line names a voter beside a candidate.
    let journal = std::fs::read_to_string(db.path().join("journal.jsonl")).expect("journal");
    for line in journal.lines().filter(|l| l.contains("hand_in_ballot")) {
        assert!(!CANDIDATES.iter().any(|c| line.contains(c)), "{line}");
    }
}
