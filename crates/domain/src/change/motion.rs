//! Motions and amendments moved at the decision, and put right, withdrawn (撤回) or deferred
//! (暂缓表决) before they are put to the vote.

use super::ctx::{Ctx, at_step};
use super::kind::{Kind, Names};
use crate::ids::{MatterId, MeetingId, MemberId, MotionId};
use crate::law::{self, TEXT};
use crate::matter::Step;
use crate::records::{Records, Write};
use crate::refusal::{Amendment, Refusal};
use crate::vote::{Ballots, Draft, Motion, VoteMode, VoteState};
use crate::words::MOTION;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposeMotion {
    pub id: MotionId,
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub text: String,
    pub mover: MemberId,
    pub seconder: Option<MemberId>,
    pub mode: VoteMode,
    /// The item of the council's rule the motion decides, where the rule lists items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

impl Kind for ProposeMotion {
    fn names(&self) -> Names {
        Names::meeting(self.meeting)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let ProposeMotion {
            id,
            matter,
            meeting,
            text,
            mover,
            seconder,
            mode,
            item,
        } = self;
        propose(
            cx,
            Proposal {
                id: *id,
                matter: *matter,
                meeting: *meeting,
                text,
                mover: *mover,
                seconder: *seconder,
                mode: *mode,
                item: item.as_deref(),
                amends: None,
            },
            at,
        )
    }
}

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
    /// A motion `id` moved on the floor of motion `v`: its matter and meeting, the item it
    /// decides, and (until the caller says otherwise) its words, mover, seconder and mode; an
    /// amendment only where `v` is one.
    pub fn on(v: &'a Motion, id: MotionId) -> Proposal<'a> {
        Proposal {
            id,
            matter: v.matter,
            meeting: v.meeting,
            text: &v.text,
            mover: v.mover,
            seconder: v.seconder,
            mode: v.mode,
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
pub(super) fn pending_amendment<R: Records>(
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

/// An amendment (修正案) to a motion not yet put to the vote: the motion's whole text as
/// the amendment would have it. Voted on first; adopted, it becomes the motion's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposeAmendment {
    pub id: MotionId,
    pub motion: MotionId,
    pub text: String,
    pub mover: MemberId,
    pub seconder: Option<MemberId>,
    pub mode: VoteMode,
}

impl Kind for ProposeAmendment {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let ProposeAmendment {
            id,
            motion,
            text,
            mover,
            seconder,
            mode,
        } = self;
        let v = cx.motion(*motion)?;
        let p = Proposal {
            text,
            mover: *mover,
            seconder: *seconder,
            mode: *mode,
            amends: Some(*motion),
            ..Proposal::on(&v, *id)
        };
        propose(cx, p, at)
    }
}

/// A motion not yet put to the vote put right: its text, mover, seconder or how it is voted
/// on as they should have been recorded (as it read before is kept on it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectMotion {
    pub motion: MotionId,
    pub text: String,
    pub mover: MemberId,
    pub seconder: Option<MemberId>,
    pub mode: VoteMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
}

impl Kind for CorrectMotion {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let CorrectMotion {
            motion,
            text,
            mover,
            seconder,
            mode,
            item,
        } = self;
        let v = cx.motion(*motion)?;
        let p = Proposal {
            text,
            mover: *mover,
            seconder: *seconder,
            mode: *mode,
            item: item.as_deref(),
            ..Proposal::on(&v, *motion)
        };
        correct(cx, *motion, &p, at)
    }
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

/// A motion not yet put to the vote taken back by its mover (撤回).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WithdrawMotion {
    pub motion: MotionId,
}

impl Kind for WithdrawMotion {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let WithdrawMotion { motion } = self;
        set_aside(cx, *motion, crate::VoteState::Withdrawn, at)
    }
}

/// A motion not yet put to the vote put off by the meeting (暂缓表决).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeferMotion {
    pub motion: MotionId,
}

impl Kind for DeferMotion {
    fn names(&self) -> Names {
        Names::motion(self.motion)
    }

    fn rule<R: Records>(&self, cx: &Ctx<R>, at: NaiveDateTime) -> Result<Vec<Write>, Refusal> {
        let DeferMotion { motion } = self;
        set_aside(cx, *motion, crate::VoteState::Deferred, at)
    }
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
