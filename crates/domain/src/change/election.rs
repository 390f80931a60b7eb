//! Elections at the decision: put with their candidates and seats, voted by secret ballot
//! (the box's counting shows who handed in a ballot, never how), and counted name by name.

use super::ctx::{Ctx, at_step};
use super::kind::{Kind, Names};
use crate::election::{ElectedBy, Election, ElectionCount};
use crate::ids::{MatterId, MeetingId, MemberId, MotionId};
use crate::law::{self, NAME, TEXT};
use crate::matter::Step;
use crate::records::{Records, Write};
use crate::refusal::{Issue, Problem, Refusal};
use crate::vote::{Ballots, Motion, VoteMode, VoteState};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// An election (选举) put to the meeting at the decision: `seats` to fill from
/// `candidates` (as many: 等额; more: 差额), by secret ballot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposeElection {
    pub id: MotionId,
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub text: String,
    /// Who puts the candidates forward (提名), a member in the room.
    pub mover: MemberId,
    pub seats: u32,
    pub candidates: Vec<String>,
    pub write_ins: bool,
    pub elected_by: ElectedBy,
}

impl Kind for ProposeElection {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        propose(cx, self, at)
    }
}

/// A fault in the list or the count, named like an import's.
fn fault(place: &str, what: &'static str) -> Refusal {
    Refusal::Invalid(vec![Problem::new(place, Issue::Inconsistent(what))])
}

pub(super) fn propose<R: Records>(
    cx: &Ctx<R>,
    e: &ProposeElection,
    _at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let (mut x, m, c) = cx.work(e.matter, e.meeting)?;
    super::motion::may_move_new(cx, e.id, &x.motions)?;
    at_step(&x, Step::Decide)?;
    law::text(&e.text, TEXT, true)?;
    law::may_move(&c, &m, e.mover, None)?;
    if e.seats == 0 {
        return Err(fault("seats", "no seat to fill"));
    }
    if e.candidates.len() < e.seats as usize {
        return Err(fault("candidates", "fewer candidates than seats"));
    }
    for (i, name) in e.candidates.iter().enumerate() {
        law::text(name, NAME, true)?;
        if e.candidates[..i].contains(name) {
            return Err(fault("candidates", "a candidate listed twice"));
        }
    }
    x.motions.push(e.id);
    let motion = Motion {
        election: Some(Election {
            seats: e.seats,
            candidates: e.candidates.to_vec(),
            write_ins: e.write_ins,
            elected_by: e.elected_by,
            count: None,
        }),
        ..Motion::moved(
            (e.id, x.id, m.id),
            &e.text,
            (e.mover, None),
            VoteMode::Secret,
            m.roll(),
        )
    };
    Ok(vec![Write::Matter(x), Write::Motion(motion)])
}

/// The election's ballot box counted: valid and spoiled ballots, and each name's votes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnterElectionCounts {
    pub motion: MotionId,
    pub valid: u32,
    pub spoiled: u32,
    pub votes: Vec<(String, u32)>,
}

impl Kind for EnterElectionCounts {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    /// The box opened and counted: valid and spoiled ballots as many as were handed in, each
    /// name a candidate (or a write-in where allowed) once, none with more votes than valid
    /// ballots, and no more votes in all than each ballot naming every seat.
    fn rule<R: Records>(&self, cx: &Ctx<R>, _at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let &EnterElectionCounts {
            motion,
            valid,
            spoiled,
            ref votes,
        } = self;
        let mut v = cx.motion(motion)?;
        if v.state != VoteState::Open {
            return Err(Refusal::VoteState);
        }
        cx.live_meeting(v.meeting)?;
        let Some(election) = v.election.as_mut() else {
            return Err(fault("election", "not an election"));
        };
        let Ballots::Secret { voted, .. } = &v.ballots else {
            return Err(Refusal::WrongMode { mode: v.mode });
        };
        let handed_in = u64::try_from(voted.len()).unwrap_or(u64::MAX);
        if u64::from(valid) + u64::from(spoiled) != handed_in {
            return Err(Refusal::BoxMiscounted {
                counted: valid.saturating_add(spoiled),
                handed_in: u32::try_from(handed_in).unwrap_or(u32::MAX),
            });
        }
        let mut total = 0u64;
        for (i, (name, n)) in votes.iter().enumerate() {
            law::text(name, NAME, true)?;
            if votes[..i].iter().any(|(other, _)| other == name) {
                return Err(fault("votes", "a name counted twice"));
            }
            if !election.write_ins && !election.candidates.contains(name) {
                return Err(fault(
                    "votes",
                    "a name not on the list, where write-ins are not allowed",
                ));
            }
            if *n > valid {
                return Err(fault("votes", "more votes for a name than valid ballots"));
            }
            total += u64::from(*n);
        }
        if total > u64::from(election.seats) * u64::from(valid) {
            return Err(fault("votes", "more votes than the ballots could hold"));
        }
        election.count = Some(ElectionCount {
            valid,
            spoiled,
            votes: votes.to_vec(),
        });
        // The box's figures: the valid ballots stand as cast, for the count of the room.
        let voted = voted.clone();
        v.ballots = Ballots::Secret {
            yes: valid,
            no: 0,
            abstain: 0,
            spoiled,
            voted,
        };
        Ok(vec![Write::Motion(v)])
    }
}
