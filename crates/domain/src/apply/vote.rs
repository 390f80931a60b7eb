//! 民主决策: motions moved and seconded by those in the room, a vote opened only with a quorum
//! (which it keeps), ballots by name or into a box, counts, and the result by the rule.

use crate::words::MOTION;
use chrono::NaiveDateTime;

use super::ctx::{Ctx, at_step, move_to};
use crate::ids::{MatterId, MeetingId, MemberId, MotionId};
use crate::law::{self, TEXT};
use crate::matter::{Stage, Step};
use crate::records::{Records, Write};
use crate::refusal::{Amendment, Refusal};
use crate::vote::{Ballots, Choice, Draft, Motion, Recount, VoteMode, VoteState};

/// What a new motion is made with.
pub(super) struct Proposal<'a> {
    pub id: MotionId,
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub text: &'a str,
    pub mover: MemberId,
    pub seconder: Option<MemberId>,
    pub mode: VoteMode,
    /// The item of the council's rule it decides, where the rule lists items.
    pub item: Option<&'a str>,
    /// The motion an amendment amends.
    pub amends: Option<MotionId>,
}

impl<'a> Proposal<'a> {
    /// A motion `id` as moved on the floor of motion `v` (its matter and meeting, and the item
    /// it decides): its text, mover, seconder and mode; an amendment only where `v` is one.
    pub fn on(
        v: &'a Motion,
        id: MotionId,
        (text, mover, seconder, mode): (&'a str, MemberId, Option<MemberId>, VoteMode),
    ) -> Proposal<'a> {
        Proposal {
            id,
            matter: v.matter,
            meeting: v.meeting,
            text,
            mover,
            seconder,
            mode,
            item: v.item.as_deref(),
            amends: v.amends,
        }
    }
}

/// A new motion's id is not taken, and no vote of its matter is open.
pub(super) fn may_move_new<R: Records>(
    cx: &Ctx<R>,
    id: MotionId,
    motions: &[MotionId],
) -> Result<(), Refusal> {
    if cx.records.motion(id)?.is_some() {
        return Err(Refusal::Exists {
            what: MOTION,
            id: id.0,
        });
    }
    for other in motions {
        if cx.motion(*other)?.state == VoteState::Open {
            return Err(Refusal::AnotherVoteOpen);
        }
    }
    Ok(())
}

/// An amendment to `main` still before the meeting, if any.
fn pending_amendment<R: Records>(
    cx: &Ctx<R>,
    motions: &[MotionId],
    main: MotionId,
) -> Result<bool, Refusal> {
    for id in motions {
        let v = cx.motion(*id)?;
        if v.amends == Some(main) && v.pending() {
            return Ok(true);
        }
    }
    Ok(false)
}

pub(super) fn propose<R: Records>(
    cx: &Ctx<R>,
    p: Proposal<'_>,
    _at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let (mut x, m, c) = cx.work(p.matter, p.meeting)?;
    may_move_new(cx, p.id, &x.motions)?;
    at_step(&x, Step::Decide)?;
    law::text(p.text, TEXT, true)?;
    law::mode(&c, p.mode)?;
    if !cx.as_written {
        law::item(&c.rule, p.item)?;
    }
    if Some(p.mover) == p.seconder {
        return Err(Refusal::SameMoverAndSeconder);
    }
    for who in std::iter::once(p.mover).chain(p.seconder) {
        law::may_move(&c, &m, who, None)?;
    }
    // An amendment amends a motion of this matter still to be voted on, one at a time.
    if let Some(main) = p.amends {
        let target = cx.motion(main)?;
        if target.amends.is_some() {
            return Err(Refusal::Amendment(Amendment::OfAnAmendment));
        }
        if target.matter != x.id || target.state != VoteState::Proposed {
            return Err(Refusal::VoteState);
        }
        if pending_amendment(cx, &x.motions, main)? {
            return Err(Refusal::Amendment(Amendment::Pending));
        }
    }
    x.motions.push(p.id);
    let motion = Motion {
        amends: p.amends,
        item: p.item.map(str::to_string),
        ..Motion::moved(
            (p.id, x.id, m.id),
            p.text,
            (p.mover, p.seconder),
            p.mode,
            m.roll(),
        )
    };
    Ok(vec![Write::Matter(x), Write::Motion(motion)])
}

pub(super) fn open<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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
    if pending_amendment(cx, &x.motions, v.id)? {
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

/// A secret ballot handed into the box: who, never how.
pub(super) fn hand_in<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    member: MemberId,
) -> Result<Vec<Write>, Refusal> {
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

/// A motion not yet put to the vote put right (its text, mover, seconder, how it is voted on),
/// held to the rules a motion is moved by; as it read before is kept on it.
pub(super) fn correct(
    cx: &Ctx<impl Records>,
    motion: MotionId,
    p: &Proposal<'_>,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut v = cx.motion(motion)?;
    if v.state != VoteState::Proposed {
        return Err(Refusal::VoteState);
    }
    let (_, m, c) = cx.work(v.matter, v.meeting)?;
    law::text(p.text, TEXT, true)?;
    law::mode(&c, p.mode)?;
    if !cx.as_written {
        law::item(&c.rule, p.item)?;
    }
    if Some(p.mover) == p.seconder {
        return Err(Refusal::SameMoverAndSeconder);
    }
    for who in std::iter::once(p.mover).chain(p.seconder) {
        law::may_move(&c, &m, who, None)?;
    }
    v.earlier.push(Draft {
        replaced: at,
        text: std::mem::replace(&mut v.text, p.text.to_string()),
        mover: std::mem::replace(&mut v.mover, p.mover),
        seconder: std::mem::replace(&mut v.seconder, p.seconder),
        mode: std::mem::replace(&mut v.mode, p.mode),
        item: std::mem::replace(&mut v.item, p.item.map(str::to_string)),
        amendment: None,
    });
    v.ballots = Ballots::empty(p.mode);
    Ok(vec![Write::Motion(v)])
}

/// A motion not yet put to the vote taken off the floor: withdrawn by its mover, or deferred
/// by the meeting. Once the vote has opened, it is closed and counted instead.
pub(super) fn set_aside<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    to: VoteState,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
    let mut v = cx.motion(motion)?;
    if v.state != VoteState::Proposed {
        return Err(Refusal::VoteState);
    }
    let (x, _, _) = cx.work(v.matter, v.meeting)?;
    // Amendments are settled first, or the motion they amend would leave them hanging.
    if pending_amendment(cx, &x.motions, v.id)? {
        return Err(Refusal::Amendment(Amendment::Pending));
    }
    v.state = to;
    v.closed = Some(at);
    Ok(vec![Write::Motion(v)])
}

pub(super) fn close<R: Records>(
    cx: &Ctx<R>,
    motion: MotionId,
    at: NaiveDateTime,
) -> Result<Vec<Write>, Refusal> {
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
