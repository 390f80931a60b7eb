//! 民主决策: motions moved and seconded by those in the room, a vote opened only with a quorum
//! (which it keeps), ballots by name or into a box, counts, and the result by the rule.

use super::ctx::{Ctx, at_step, move_to};
use super::kind::{Kind, Names};
use crate::ids::{MemberId, MotionId};
use crate::law::{self};
use crate::matter::{Stage, Step};
use crate::records::{Records, Write};
use crate::refusal::{Amendment, Refusal};
use crate::vote::{Ballots, Choice, Draft, Motion, Recount, VoteMode, VoteState};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenVote {
    pub motion: MotionId,
}

impl Kind for OpenVote {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &OpenVote { motion } = self;
        let mut v = cx.motion(motion)?;
        if v.state != VoteState::Proposed {
            return Err(Refusal::VoteState);
        }
        let (x, m, c) = cx.work(v.matter, v.meeting)?;
        at_step(&x, Step::Decide)?;
        for other in &x.motions {
            if *other != v.id && cx.motion(*other)?.state == VoteState::Open {
                return Err(Refusal::AnotherVoteOpen);
            }
        }
        if super::motion::pending_amendment(cx, &x.motions, v.id)? {
            return Err(Refusal::Amendment(Amendment::Pending));
        }
        let t = m.turnout(&c);
        law::quorum(&law::rule_for(&c, &v), &t)?;
        v.state = VoteState::Open;
        v.present = t.present;
        v.entitled = t.entitled;
        v.opened = Some(at);
        v.roll = Some(m.roll());
        Ok(vec![Write::Motion(v)])
    }
}

/// An open vote and the name of a member who may vote in it: present when it opened, and
/// still in the room.
fn open_ballot<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    member: MemberId,
) -> Result<(Motion, String), Refusal> {
    let v = cx.motion(motion)?;
    if v.state != VoteState::Open {
        return Err(Refusal::VoteState);
    }
    let m = cx.live_meeting(v.meeting)?;
    let c = cx.council(m.council)?;
    law::may_vote(&c, &m, (member, Some(&v)), v.roll)?;
    let name = law::may_vote(&c, &m, (member, Some(&v)), None)?;
    Ok((v, name))
}

/// A ballot by name (记名投票 only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CastBallot {
    pub motion: MotionId,
    pub member: MemberId,
    pub choice: Choice,
}

impl Kind for CastBallot {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let CastBallot {
            motion,
            member,
            choice,
        } = self;
        ballot(cx, *motion, *member, *choice, false)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectBallot {
    pub motion: MotionId,
    pub member: MemberId,
    pub choice: Choice,
}

impl Kind for CorrectBallot {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let CorrectBallot {
            motion,
            member,
            choice,
        } = self;
        ballot(cx, *motion, *member, *choice, true)
    }
}

/// A ballot by name (记名投票), or its correction while the vote is open.
pub(super) fn ballot<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    member: MemberId,
    choice: Choice,
    correcting: bool,
) -> Result<Vec<Write>, Refusal> {
    let (mut v, name) = open_ballot(cx, motion, member)?;
    let Ballots::Named(map) = &mut v.ballots else {
        return Err(match v.mode {
            VoteMode::Secret => Refusal::SecretByName,
            mode => Refusal::WrongMode { mode },
        });
    };
    match (correcting, map.contains_key(&member)) {
        (false, true) => return Err(Refusal::AlreadyVoted { name }),
        (true, false) => return Err(Refusal::NotVotedYet { name }),
        _ => {}
    }
    map.insert(member, choice);
    Ok(vec![Write::Motion(v)])
}

/// A secret ballot as it was recorded before the ballot box: the voter marked and the choice
/// added to the totals at once. Only a journal of that time is replayed this way.
pub(super) fn legacy_secret<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    member: MemberId,
    choice: Choice,
) -> Result<Vec<Write>, Refusal> {
    let (mut v, name) = open_ballot(cx, motion, member)?;
    let Ballots::Secret {
        yes,
        no,
        abstain,
        voted,
        ..
    } = &mut v.ballots
    else {
        return Err(Refusal::WrongMode { mode: v.mode });
    };
    if !voted.insert(member) {
        return Err(Refusal::AlreadyVoted { name });
    }
    match choice {
        Choice::Yes => *yes += 1,
        Choice::No => *no += 1,
        Choice::Abstain => *abstain += 1,
    }
    Ok(vec![Write::Motion(v)])
}

/// A member hands a secret ballot into the box: who, never how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HandInBallot {
    pub motion: MotionId,
    pub member: MemberId,
}

impl Kind for HandInBallot {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    /// A secret ballot handed into the box: who, never how.
    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &HandInBallot { motion, member } = self;
        let (mut v, name) = open_ballot(cx, motion, member)?;
        let counted = v.ballots.counted();
        let Ballots::Secret { voted, .. } = &mut v.ballots else {
            return Err(Refusal::WrongMode { mode: v.mode });
        };
        if counted {
            return Err(Refusal::BoxOpened);
        }
        if !voted.insert(member) {
            return Err(Refusal::AlreadyVoted { name });
        }
        Ok(vec![Write::Motion(v)])
    }
}

/// The totals of a show of hands, or of a secret ballot box once opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterCounts {
    pub motion: MotionId,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// 废票 (secret ballots only).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub spoiled: u32,
}

impl Kind for EnterCounts {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let EnterCounts {
            motion,
            yes,
            no,
            abstain,
            spoiled,
        } = self;
        counts(cx, *motion, [*yes, *no, *abstain, *spoiled], at)
    }
}

/// The totals of a show of hands, or of a secret ballot box once opened: yes, no, abstain,
/// spoiled.
pub(super) fn counts<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    [yes, no, abstain, spoiled]: [u32; 4],
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut v = cx.motion(motion)?;
    if v.state != VoteState::Open {
        return Err(Refusal::VoteState);
    }
    cx.live_meeting(v.meeting)?;
    // Totals entered again once the box was counted: the first figures are kept.
    if let Ballots::Secret {
        yes: y,
        no: n,
        abstain: a,
        spoiled: s,
        ..
    } = v.ballots
        && v.ballots.counted()
        && [y, n, a, s] != [yes, no, abstain, spoiled]
    {
        v.recounts.push(Recount {
            replaced: at,
            yes: y,
            no: n,
            abstain: a,
            spoiled: s,
        });
    }
    v.ballots = match &v.ballots {
        Ballots::Counts { .. } if spoiled > 0 => return Err(Refusal::SpoiledByHand),
        Ballots::Counts { .. } => Ballots::Counts { yes, no, abstain },
        Ballots::Secret { voted, .. } => {
            let in_box = u64::from(yes) + u64::from(no) + u64::from(abstain) + u64::from(spoiled);
            if in_box != voted.len() as u64 {
                return Err(Refusal::BoxMiscounted {
                    counted: u32::try_from(in_box).unwrap_or(u32::MAX),
                    handed_in: u32::try_from(voted.len()).unwrap_or(u32::MAX),
                });
            }
            Ballots::Secret {
                yes,
                no,
                abstain,
                spoiled,
                voted: voted.clone(),
            }
        }
        Ballots::Named(_) => return Err(Refusal::WrongMode { mode: v.mode }),
    };
    let c = cx.council(cx.meeting(v.meeting)?.council)?;
    law::counts(&v.ballots, law::ballot_limit(&c, &v))?;
    Ok(vec![Write::Motion(v)])
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloseVote {
    pub motion: MotionId,
}

impl Kind for CloseVote {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &CloseVote { motion } = self;
        let mut v = cx.motion(motion)?;
        if v.state != VoteState::Open {
            return Err(Refusal::VoteState);
        }
        if !v.ballots.counted() {
            return Err(Refusal::BoxNotCounted);
        }
        let (mut x, m, c) = cx.work(v.matter, v.meeting)?;
        let passed = law::passed(&c, &m, &v);
        v.state = VoteState::Closed;
        v.closed = Some(at);
        v.passed = Some(passed);
        v.no_decision = v.election.is_none() && !law::decision(&c, &m, &v).quorate();
        // An amendment adopted gives the motion it amends its text; the matter waits for that
        // motion's own vote.
        if let Some(main) = v.amends {
            let mut writes = Vec::new();
            if passed {
                let mut target = cx.motion(main)?;
                target.earlier.push(Draft {
                    replaced: at,
                    text: std::mem::replace(&mut target.text, v.text.clone()),
                    mover: target.mover,
                    seconder: target.seconder,
                    mode: target.mode,
                    item: target.item.clone(),
                    amendment: Some(v.id),
                });
                writes.push(Write::Motion(target));
            }
            writes.insert(0, Write::Motion(v));
            return Ok(writes);
        }
        let mut writes = vec![Write::Motion(v)];
        if passed {
            let to = Stage::At(Step::Execute);
            let reason = "表决通过".to_string();
            move_to(&mut x, to, at, m.id, reason, String::new());
            writes.push(Write::Matter(x));
        }
        Ok(writes)
    }
}
