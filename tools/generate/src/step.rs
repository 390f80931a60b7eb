//! One matter carried one step on at a meeting, as a council would: opinions heard, a motion
//! voted, tasks given and reported on, a review taken.

use chrono::{Duration, NaiveDateTime};

use super::Builder;
use super::words::sentence;
use yishi_domain::*;

impl Builder {
    /// Carries a matter one step on at meeting `id`.
    pub(super) fn step(
        &mut self,
        id: MeetingId,
        x: MatterId,
        voters: &[MemberId],
        tick: &mut impl FnMut(i64) -> NaiveDateTime,
    ) -> Result<(), String> {
        let stage = self
            .records
            .all
            .matters
            .get(&x)
            .map(|m| m.stage)
            .ok_or("matter")?;
        match stage {
            Stage::At(Step::Collect) => {
                self.apply(
                    Change::Advance(Advance {
                        matter: x,
                        meeting: id,
                        to: Step::Hear,
                    }),
                    tick(1),
                )?;
                let heard = self
                    .records
                    .all
                    .matters
                    .get(&x)
                    .map_or(0, |m| m.speeches.len());
                // Speakers, mover and seconder are among those in the room.
                let present: Vec<MemberId> = {
                    let m = self.records.all.meetings.get(&id).ok_or("meeting")?;
                    voters
                        .iter()
                        .copied()
                        .filter(|v| m.attendance_of(*v) == Some(Attendance::Present))
                        .collect()
                };
                for i in heard..heard + 2 + self.dice.below(2) {
                    let speaker = Author::Member(present[self.dice.below(present.len())]);
                    let stance =
                        [Stance::For, Stance::Against, Stance::Neutral][self.dice.below(3)];
                    self.apply(
                        Change::AddSpeaker(AddSpeaker {
                            matter: x,
                            meeting: id,
                            speaker,
                            stance,
                        }),
                        tick(1),
                    )?;
                    let summary = sentence(&mut self.dice, 2);
                    let seconds = 60 + self.dice.below(150) as u32;
                    self.apply(
                        Change::RecordSpeech(RecordSpeech {
                            matter: x,
                            meeting: id,
                            index: i,
                            stance,
                            summary,
                            seconds_used: seconds,
                        }),
                        tick(3),
                    )?;
                }
                self.apply(
                    Change::Advance(Advance {
                        matter: x,
                        meeting: id,
                        to: Step::Decide,
                    }),
                    tick(1),
                )?;
                let motion = MotionId(self.id());
                let text = format!("同意{}", sentence(&mut self.dice, 1));
                let mode = if self.dice.below(5) < 3 {
                    VoteMode::RollCall
                } else {
                    VoteMode::ShowOfHands
                };
                self.apply(
                    Change::ProposeMotion(ProposeMotion {
                        id: motion,
                        matter: x,
                        meeting: id,
                        text,
                        mover: present[1],
                        seconder: Some(present[2]),
                        mode,
                        item: None,
                    }),
                    tick(2),
                )?;
                self.apply(Change::OpenVote(OpenVote { motion }), tick(1))?;
                let against = self.dice.below(8);
                if mode == VoteMode::ShowOfHands {
                    let yes = (present.len() - against - 1) as u32;
                    let counts = Change::EnterCounts(EnterCounts {
                        motion,
                        yes,
                        no: against as u32,
                        abstain: 1,
                        spoiled: 0,
                    });
                    self.apply(counts, tick(1))?;
                }
                let roll_call = if mode == VoteMode::RollCall {
                    present
                } else {
                    Vec::new()
                };
                for (i, member) in roll_call.into_iter().enumerate() {
                    let choice = if i < against {
                        Choice::No
                    } else if i == against {
                        Choice::Abstain
                    } else {
                        Choice::Yes
                    };
                    self.apply(
                        Change::CastBallot(CastBallot {
                            motion,
                            member,
                            choice,
                        }),
                        tick(0),
                    )?;
                }
                self.apply(Change::CloseVote(CloseVote { motion }), tick(1))?;
                let passed =
                    self.records.all.motions.get(&motion).and_then(|v| v.passed) == Some(true);
                if !passed {
                    let reason = "需要进一步征求意见".to_string();
                    let send_back = self.dice.below(2) == 0;
                    self.apply(
                        Change::ResolveRejected(ResolveRejected {
                            matter: x,
                            meeting: id,
                            send_back,
                            reason,
                        }),
                        tick(1),
                    )?;
                }
            }
            Stage::At(Step::Execute) => {
                let tasks = self
                    .records
                    .all
                    .matters
                    .get(&x)
                    .map_or(0, |m| m.tasks.len());
                let today = tick(0).date();
                if tasks == 0 {
                    for _ in 0..1 + self.dice.below(2) {
                        let text = sentence(&mut self.dice, 1);
                        let due = today + Duration::days(20 + self.dice.below(60) as i64);
                        let supervised = self.dice.below(3) == 0;
                        self.apply(
                            Change::AddTask(AddTask {
                                matter: x,
                                meeting: id,
                                text,
                                owner: "物业公司".into(),
                                due,
                                supervised,
                            }),
                            tick(1),
                        )?;
                    }
                    return Ok(());
                }
                for task in 0..tasks {
                    let note = sentence(&mut self.dice, 1);
                    self.apply(
                        Change::RecordProgress(RecordProgress {
                            matter: x,
                            meeting: id,
                            task,
                            date: today,
                            percent: 100,
                            note,
                        }),
                        tick(1),
                    )?;
                }
                self.apply(
                    Change::Advance(Advance {
                        matter: x,
                        meeting: id,
                        to: Step::Review,
                    }),
                    tick(1),
                )?;
            }
            Stage::At(Step::Review) => {
                let dissatisfied = self.dice.below(12) as u32;
                let comments = vec![sentence(&mut self.dice, 1)];
                self.apply(
                    Change::RecordReview(RecordReview {
                        matter: x,
                        meeting: id,
                        satisfied: 25,
                        basically_satisfied: 10,
                        dissatisfied,
                        comments,
                    }),
                    tick(2),
                )?;
                self.apply(
                    Change::ConcludeReview(ConcludeReview {
                        matter: x,
                        meeting: id,
                        waiver: String::new(),
                    }),
                    tick(1),
                )?;
            }
            Stage::At(Step::Hear | Step::Decide) | Stage::Closed(_) => {}
        }
        Ok(())
    }
}
