//! A council in a meeting with everyone present and a roll-call vote open: where the tests and
//! the benchmarks record ballots.

use chrono::NaiveDateTime;
use yishi::domain::*;
use yishi::store::Store;

/// Records the changes that bring `council` to an open roll-call vote, from `at` on a minute
/// apart. Returns the motion and the council's voting members.
pub fn open_vote(
    store: &mut Store,
    council: Council,
    at: NaiveDateTime,
) -> (MotionId, Vec<MemberId>) {
    open_vote_by(store, council, at, VoteMode::RollCall)
}

/// As `open_vote`, the vote taken by `mode`.
pub fn open_vote_by(
    store: &mut Store,
    council: Council,
    at: NaiveDateTime,
    mode: VoteMode,
) -> (MotionId, Vec<MemberId>) {
    let voters: Vec<MemberId> = council.voting_members().map(|m| m.id).collect();
    let (meeting, matter, motion) = (MeetingId(9001), MatterId(9002), MotionId(9003));
    let mut changes = vec![Change::CreateMeeting(CreateMeeting {
        id: meeting,
        council: council.id,
        title: "楼道议事".into(),
        place: "议事厅".into(),
        start: at,
        chair: voters[0],
        recorder: voters[0],
        speaker_limit_secs: 180,
    })];
    changes.extend(voters.iter().map(|m| {
        Change::MarkAttendance(MarkAttendance {
            meeting,
            member: *m,
            attendance: Attendance::Present,
        })
    }));
    changes.push(Change::StartMeeting(StartMeeting { meeting }));
    changes.push(Change::CreateMatter(CreateMatter {
        id: matter,
        meeting,
        title: "楼道照明".into(),
        short_title: "照明".into(),
    }));
    changes.extend([Step::Hear, Step::Decide].map(|to| {
        Change::Advance(Advance {
            matter,
            meeting,
            to,
        })
    }));
    changes.push(Change::ProposeMotion(ProposeMotion {
        id: motion,
        matter,
        meeting,
        text: "更换楼道灯".into(),
        mover: voters[0],
        seconder: None,
        mode,
        item: None,
    }));
    changes.push(Change::OpenVote(OpenVote { motion }));
    store
        .apply(
            &Change::CreateCouncil(CreateCouncil {
                council: Box::new(council),
            }),
            at,
        )
        .expect("the council");
    for (i, c) in changes.iter().enumerate() {
        let when = at + chrono::Duration::minutes(i as i64);
        store.apply(c, when).expect("prepare the vote");
    }
    (motion, voters)
}
