//! The five-step lifecycle as a table: each illegal move is refused with its reason and changes
//! nothing; each legal one moves the matter where the method says.

mod support;

use chrono::{NaiveDate, NaiveDateTime};
use yishi::domain::*;
use yishi::text::Lang;

fn at() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-22 15:00", "%Y-%m-%d %H:%M").expect("time")
}

struct World {
    r: MemoryRecords,
    meeting: MeetingId,
    matter: MatterId,
}

impl World {
    /// A council with a meeting in progress; `present` voting members marked present.
    fn new(present: usize) -> World {
        let mut council = support::sample::build().councils.remove(0);
        council.id = CouncilId(1);
        let mut w = World {
            r: MemoryRecords::default(),
            meeting: MeetingId(500),
            matter: MatterId(600),
        };
        w.ok(Change::CreateCouncil(CreateCouncil {
            council: Box::new(council.clone()),
        }));
        let chair = council.members[0].id;
        w.ok(Change::CreateMeeting(CreateMeeting {
            id: w.meeting,
            council: council.id,
            title: "测试".into(),
            place: "议事厅".into(),
            start: at(),
            chair,
            recorder: chair,
            speaker_limit_secs: 180,
        }));
        for m in council.voting_members().take(present) {
            w.ok(Change::MarkAttendance(MarkAttendance {
                meeting: w.meeting,
                member: m.id,
                attendance: Attendance::Present,
            }));
        }
        w.ok(Change::StartMeeting(StartMeeting { meeting: w.meeting }));
        w.ok(Change::CreateMatter(CreateMatter {
            id: w.matter,
            meeting: w.meeting,
            title: "加装电梯".into(),
            short_title: "电梯".into(),
        }));
        w
    }

    fn try_apply(&mut self, c: Change) -> Result<(), Refusal> {
        let writes = apply(&c, at(), &self.r)?;
        writes.into_iter().for_each(|w| self.r.put(w));
        Ok(())
    }

    fn ok(&mut self, c: Change) {
        if let Err(r) = self.try_apply(c.clone()) {
            panic!("{c:?} refused: {}", r.describe(Lang::En));
        }
    }

    /// Asserts the change is refused, the reason mentions `words`, and nothing changed.
    fn refused(&mut self, c: Change, words: &str) {
        let before = self.r.clone();
        match self.try_apply(c.clone()) {
            Ok(()) => panic!("{c:?} was accepted"),
            Err(r) => {
                let why = r.describe(Lang::ZhHans);
                assert!(why.contains(words), "{c:?}: «{why}» lacks «{words}»");
                assert!(!r.describe(Lang::En).is_empty());
            }
        }
        assert_eq!(self.r, before, "a refused change changed the record");
    }

    fn stage(&self) -> Stage {
        self.r.matters[&self.matter].stage
    }

    fn voters(&self) -> Vec<MemberId> {
        self.r.meetings[&self.meeting]
            .attendance
            .iter()
            .filter(|(_, a)| **a == Attendance::Present)
            .map(|(id, _)| *id)
            .collect()
    }

    fn advance_to_decide(&mut self) {
        let (matter, meeting) = (self.matter, self.meeting);
        self.ok(Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Hear,
        }));
        self.ok(Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Decide,
        }));
    }

    fn motion(&mut self, id: u64, mode: VoteMode) -> MotionId {
        let mover = self.voters()[0];
        let m = MotionId(id);
        self.ok(Change::ProposeMotion(ProposeMotion {
            id: m,
            matter: self.matter,
            meeting: self.meeting,
            text: "同意".into(),
            mover,
            seconder: None,
            mode,
            item: None,
        }));
        m
    }
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

#[test]
fn moves_out_of_order_are_refused() {
    let mut w = World::new(12);
    let (matter, meeting) = (w.matter, w.meeting);
    w.refused(
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Review,
        }),
        "尚未执行",
    );
    w.refused(
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Execute,
        }),
        "须经表决通过",
    );
    w.refused(
        Change::AddTask(AddTask {
            matter,
            meeting,
            text: "施工".into(),
            owner: "物业".into(),
            due: date("2026-12-01"),
            supervised: false,
        }),
        "须经表决通过",
    );
    w.refused(
        Change::RecordReview(RecordReview {
            matter,
            meeting,
            satisfied: 1,
            basically_satisfied: 0,
            dissatisfied: 0,
            comments: vec![],
        }),
        "尚未执行",
    );
    w.refused(
        Change::AddOpinion(AddOpinion {
            matter,
            meeting,
            date: date("2026-11-01"),
            author: Author::Resident("王\u{1b}[2J".into()),
            channel: Channel::Book,
            text: "好".into(),
        }),
        "控制字符",
    );
    w.refused(
        Change::AddOpinion(AddOpinion {
            matter,
            meeting,
            date: date("2026-11-01"),
            author: Author::Anonymous,
            channel: Channel::Book,
            text: "  ".into(),
        }),
        "不能为空",
    );
    w.refused(
        Change::AddSpeaker(AddSpeaker {
            matter,
            meeting,
            speaker: Author::Anonymous,
            stance: Stance::For,
        }),
        "公开听证",
    );
}

#[test]
fn no_quorum_no_vote() {
    // 9 of 15 present: under the 2/3 rule 10 are needed.
    let mut w = World::new(9);
    w.advance_to_decide();
    let m = w.motion(700, VoteMode::ShowOfHands);
    w.refused(Change::OpenVote(OpenVote { motion: m }), "不足法定人数");
    // The tenth member arrives: exactly 2/3 is enough.
    let tenth = w.r.councils[&CouncilId(1)]
        .voting_members()
        .nth(9)
        .expect("member")
        .id;
    w.ok(Change::MarkAttendance(MarkAttendance {
        meeting: w.meeting,
        member: tenth,
        attendance: Attendance::Present,
    }));
    w.ok(Change::OpenVote(OpenVote { motion: m }));
}

#[test]
fn ballots_one_each_correctable_while_open() {
    let mut w = World::new(12);
    w.advance_to_decide();
    let m = w.motion(700, VoteMode::RollCall);
    let voters = w.voters();
    w.refused(
        Change::CastBallot(CastBallot {
            motion: m,
            member: voters[0],
            choice: Choice::Yes,
        }),
        "不在可进行此操作的状态",
    );
    w.ok(Change::OpenVote(OpenVote { motion: m }));
    w.ok(Change::CastBallot(CastBallot {
        motion: m,
        member: voters[0],
        choice: Choice::No,
    }));
    w.refused(
        Change::CastBallot(CastBallot {
            motion: m,
            member: voters[0],
            choice: Choice::Yes,
        }),
        "已经投过票",
    );
    w.ok(Change::CorrectBallot(CorrectBallot {
        motion: m,
        member: voters[0],
        choice: Choice::Yes,
    }));
    w.refused(
        Change::CorrectBallot(CorrectBallot {
            motion: m,
            member: voters[1],
            choice: Choice::Yes,
        }),
        "尚未投票",
    );
    let observer = w.r.councils[&CouncilId(1)]
        .members
        .iter()
        .find(|x| !x.voting)
        .expect("observer")
        .id;
    w.refused(
        Change::CastBallot(CastBallot {
            motion: m,
            member: observer,
            choice: Choice::Yes,
        }),
        "没有表决权",
    );
    let absent = w.r.councils[&CouncilId(1)]
        .voting_members()
        .nth(14)
        .expect("member")
        .id;
    w.refused(
        Change::CastBallot(CastBallot {
            motion: m,
            member: absent,
            choice: Choice::Yes,
        }),
        "未登记出席",
    );
    w.refused(
        Change::EnterCounts(EnterCounts {
            motion: m,
            yes: 1,
            no: 0,
            abstain: 0,
            spoiled: 0,
        }),
        "不能这样计票",
    );
    // Exactly half of the 12 present voting yes does not pass.
    for v in &voters[1..6] {
        w.ok(Change::CastBallot(CastBallot {
            motion: m,
            member: *v,
            choice: Choice::Yes,
        }));
    }
    w.ok(Change::CloseVote(CloseVote { motion: m }));
    assert_eq!(w.r.motions[&m].passed, Some(false));
    assert_eq!(w.stage(), Stage::At(Step::Decide));
    w.refused(
        Change::Advance(Advance {
            matter: w.matter,
            meeting: w.meeting,
            to: Step::Execute,
        }),
        "须经表决通过",
    );
    w.ok(Change::ResolveRejected(ResolveRejected {
        matter: w.matter,
        meeting: w.meeting,
        send_back: true,
        reason: "再议".into(),
    }));
    assert_eq!(w.stage(), Stage::At(Step::Collect));
}

#[test]
fn show_of_hands_counts_cannot_exceed_those_present() {
    let mut w = World::new(12);
    w.advance_to_decide();
    let m = w.motion(700, VoteMode::ShowOfHands);
    w.ok(Change::OpenVote(OpenVote { motion: m }));
    w.refused(
        Change::EnterCounts(EnterCounts {
            motion: m,
            yes: 10,
            no: 2,
            abstain: 1,
            spoiled: 0,
        }),
        "超过实到人数",
    );
    w.ok(Change::EnterCounts(EnterCounts {
        motion: m,
        yes: 7,
        no: 5,
        abstain: 0,
        spoiled: 0,
    }));
    w.ok(Change::CloseVote(CloseVote { motion: m }));
    assert_eq!(w.stage(), Stage::At(Step::Execute));
}

#[test]
fn secret_ballot_is_a_box_counted_once() {
    let mut w = World::new(12);
    w.advance_to_decide();
    let m = w.motion(700, VoteMode::Secret);
    w.ok(Change::OpenVote(OpenVote { motion: m }));
    let voters = w.voters();
    // No choice is ever taken by name, not even once.
    for change in [
        Change::CastBallot(CastBallot {
            motion: m,
            member: voters[0],
            choice: Choice::No,
        }),
        Change::CorrectBallot(CorrectBallot {
            motion: m,
            member: voters[0],
            choice: Choice::Yes,
        }),
    ] {
        w.refused(change, "无记名投票不按人记录选择");
    }
    for v in &voters[..10] {
        w.ok(Change::HandInBallot(HandInBallot {
            motion: m,
            member: *v,
        }));
    }
    w.refused(
        Change::HandInBallot(HandInBallot {
            motion: m,
            member: voters[0],
        }),
        "已经投过票",
    );
    // Closing before the box is counted, or a count that is not the ballots handed in.
    w.refused(Change::CloseVote(CloseVote { motion: m }), "尚未开箱计票");
    let count = |yes, no, abstain, spoiled| {
        Change::EnterCounts(EnterCounts {
            motion: m,
            yes,
            no,
            abstain,
            spoiled,
        })
    };
    w.refused(
        count(7, 2, 0, 0),
        "计票合计9张（含废票），与投票人数10人不符",
    );
    w.refused(count(7, 2, 1, 1), "计票合计11张");
    w.ok(count(7, 2, 0, 1));
    // Once counted, the box takes no more ballots.
    w.refused(
        Change::HandInBallot(HandInBallot {
            motion: m,
            member: voters[10],
        }),
        "票箱已开箱计票",
    );
    let Ballots::Secret {
        yes,
        spoiled,
        voted,
        ..
    } = &w.r.motions[&m].ballots
    else {
        panic!("secret")
    };
    assert_eq!((*yes, *spoiled, voted.len()), (7, 1, 10));
    // Counted again once opened: the new totals stand, and the first are kept and stated.
    w.ok(count(6, 3, 0, 1));
    w.ok(Change::CloseVote(CloseVote { motion: m }));
    // 6 yes of 12 present is not more than half.
    assert_eq!(w.r.motions[&m].passed, Some(false));
    let recounts = &w.r.motions[&m].recounts;
    assert_eq!(
        recounts
            .iter()
            .map(|r| (r.yes, r.no, r.abstain, r.spoiled))
            .collect::<Vec<_>>(),
        [(7, 2, 0, 1)]
    );
    let meeting = w.r.meetings[&w.meeting].clone();
    let record = yishi::minutes::MeetingRecord {
        council: w.r.councils[&meeting.council].clone(),
        matters: meeting
            .agenda
            .iter()
            .map(|x| w.r.matters[x].clone())
            .collect(),
        motions: w.r.motions.clone(),
        meeting,
        layout: yishi::minutes::Layout::default(),
    };
    let text = record.text(yishi::text::Lang::ZhHans, 1000);
    assert!(
        text.contains("赞成6票，反对3票，弃权0票，废票1张")
            && text.contains("重新清点：原记赞成7票，反对2票，弃权0票，废票1张"),
        "{text}"
    );
}

#[test]
fn show_of_hands_has_no_spoiled_ballots_and_roll_call_no_box() {
    let mut w = World::new(12);
    w.advance_to_decide();
    let hands = w.motion(700, VoteMode::ShowOfHands);
    w.ok(Change::OpenVote(OpenVote { motion: hands }));
    w.refused(
        Change::EnterCounts(EnterCounts {
            motion: hands,
            yes: 6,
            no: 0,
            abstain: 0,
            spoiled: 1,
        }),
        "举手表决没有废票",
    );
    let voter = w.voters()[0];
    w.refused(
        Change::HandInBallot(HandInBallot {
            motion: hands,
            member: voter,
        }),
        "不能这样计票",
    );
}

#[test]
fn review_below_threshold_goes_back_for_rectification_then_closes() {
    let mut w = World::new(12);
    let (matter, meeting) = (w.matter, w.meeting);
    w.advance_to_decide();
    let m = w.motion(700, VoteMode::ShowOfHands);
    w.ok(Change::OpenVote(OpenVote { motion: m }));
    w.ok(Change::EnterCounts(EnterCounts {
        motion: m,
        yes: 9,
        no: 3,
        abstain: 0,
        spoiled: 0,
    }));
    w.ok(Change::CloseVote(CloseVote { motion: m }));
    w.refused(
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Review,
        }),
        "尚无执行任务",
    );
    w.ok(Change::AddTask(AddTask {
        matter,
        meeting,
        text: "施工".into(),
        owner: "物业".into(),
        due: date("2026-12-01"),
        supervised: true,
    }));
    w.refused(
        Change::RecordProgress(RecordProgress {
            matter,
            meeting,
            task: 0,
            date: date("2026-11-30"),
            percent: 101,
            note: "完成".into(),
        }),
        "超出范围",
    );
    w.ok(Change::RecordProgress(RecordProgress {
        matter,
        meeting,
        task: 0,
        date: date("2026-11-30"),
        percent: 100,
        note: "完成".into(),
    }));
    w.ok(Change::Advance(Advance {
        matter,
        meeting,
        to: Step::Review,
    }));
    w.refused(
        Change::ConcludeReview(ConcludeReview {
            matter,
            meeting,
            waiver: String::new(),
        }),
        "尚未录入",
    );
    // 79 of 100 satisfied or basically satisfied, threshold 80%: 整改.
    w.ok(Change::RecordReview(RecordReview {
        matter,
        meeting,
        satisfied: 50,
        basically_satisfied: 29,
        dissatisfied: 21,
        comments: vec![],
    }));
    w.ok(Change::ConcludeReview(ConcludeReview {
        matter,
        meeting,
        waiver: String::new(),
    }));
    assert_eq!(w.stage(), Stage::At(Step::Execute));
    assert_eq!(w.r.matters[&matter].rectifications(), 1);
    w.ok(Change::Advance(Advance {
        matter,
        meeting,
        to: Step::Review,
    }));
    // Exactly 80%: 办结.
    w.ok(Change::RecordReview(RecordReview {
        matter,
        meeting,
        satisfied: 60,
        basically_satisfied: 20,
        dissatisfied: 20,
        comments: vec![],
    }));
    w.ok(Change::ConcludeReview(ConcludeReview {
        matter,
        meeting,
        waiver: String::new(),
    }));
    assert_eq!(w.stage(), Stage::Closed(Closure::Completed));
    w.refused(Change::AddToAgenda(AddToAgenda { matter, meeting }), "办结");
}
