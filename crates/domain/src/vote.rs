//! Motions and votes in the three modes.

use crate::words;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::ids::{MatterId, MeetingId, MemberId, MotionId};
use yishi_text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    /// 举手表决: the chair enters counts.
    ShowOfHands,
    /// 记名投票: one ballot per member, by name.
    RollCall,
    /// 无记名投票: a ballot box. Who has handed in a ballot is recorded as it happens; the
    /// totals once, when the box is opened; never who voted how.
    Secret,
}

impl VoteMode {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            VoteMode::ShowOfHands => lang.say(words::SHOW_OF_HANDS),
            VoteMode::RollCall => lang.say(words::ROLL_CALL),
            VoteMode::Secret => lang.say(words::SECRET_BALLOT),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Yes,
    No,
    Abstain,
}

impl Choice {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Choice::Yes => lang.say(words::YES),
            Choice::No => lang.say(words::NO),
            Choice::Abstain => lang.say(words::ABSTAIN),
        }
    }
}

/// What a vote holds, by mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ballots {
    Counts {
        yes: u32,
        no: u32,
        abstain: u32,
    },
    Named(BTreeMap<MemberId, Choice>),
    /// The totals stay at zero until the box is opened and counted (唱票、计票); then they are
    /// entered at once, so no stored version pairs a voter with a choice.
    Secret {
        yes: u32,
        no: u32,
        abstain: u32,
        /// 废票: ballots in the box that count for no choice.
        #[serde(default)]
        spoiled: u32,
        /// Who has handed in a ballot.
        voted: BTreeSet<MemberId>,
    },
}

impl Ballots {
    pub fn empty(mode: VoteMode) -> Ballots {
        match mode {
            VoteMode::ShowOfHands => Ballots::Counts {
                yes: 0,
                no: 0,
                abstain: 0,
            },
            VoteMode::RollCall => Ballots::Named(BTreeMap::new()),
            VoteMode::Secret => Ballots::Secret {
                yes: 0,
                no: 0,
                abstain: 0,
                spoiled: 0,
                voted: BTreeSet::new(),
            },
        }
    }

    /// 废票 in a secret ballot; none in the other modes.
    pub fn spoiled(&self) -> u32 {
        match self {
            Ballots::Secret { spoiled, .. } => *spoiled,
            _ => 0,
        }
    }

    /// Whether a secret ballot box has been opened and counted.
    pub fn counted(&self) -> bool {
        match self {
            Ballots::Secret {
                yes,
                no,
                abstain,
                spoiled,
                ..
            } => u64::from(*yes) + u64::from(*no) + u64::from(*abstain) + u64::from(*spoiled) > 0,
            _ => true,
        }
    }

    /// (yes, no, abstain)
    pub fn counts(&self) -> (u32, u32, u32) {
        match self {
            Ballots::Counts { yes, no, abstain }
            | Ballots::Secret {
                yes, no, abstain, ..
            } => (*yes, *no, *abstain),
            Ballots::Named(map) => {
                let count = |c: Choice| {
                    u32::try_from(map.values().filter(|&&v| v == c).count()).unwrap_or(u32::MAX)
                };
                (
                    count(Choice::Yes),
                    count(Choice::No),
                    count(Choice::Abstain),
                )
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteState {
    /// Moved, not yet put to the vote.
    Proposed,
    Open,
    Closed,
    /// Taken back by its mover before the vote (撤回); `closed` is when.
    Withdrawn,
    /// Put off by the meeting before the vote (暂缓表决); `closed` is when. The matter stays at
    /// the decision, for a motion at this meeting or a later one.
    Deferred,
}

/// A vote's figures as the rule sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// 废票 (secret ballots only).
    #[serde(default)]
    pub spoiled: u32,
    /// 实到 when the vote opened.
    pub present: u32,
    /// 应到 when the vote opened.
    pub entitled: u32,
}

impl Tally {
    /// Ballots cast: abstentions and spoiled ballots included.
    pub fn cast(&self) -> u32 {
        self.yes
            .saturating_add(self.no)
            .saturating_add(self.abstain)
            .saturating_add(self.spoiled)
    }

    /// Present but not voting.
    pub fn not_voting(&self) -> u32 {
        self.present.saturating_sub(self.cast())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Motion {
    pub id: MotionId,
    pub matter: MatterId,
    pub meeting: MeetingId,
    pub text: String,
    pub mover: MemberId,
    #[serde(default)]
    pub seconder: Option<MemberId>,
    pub mode: VoteMode,
    /// The item of its rule the motion decides (see `Rule::items`), where the rule lists
    /// items; an amendment decides its motion's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub state: VoteState,
    pub ballots: Ballots,
    /// 实到 and 应到, fixed when the vote opened.
    #[serde(default)]
    pub present: u32,
    #[serde(default)]
    pub entitled: u32,
    #[serde(default)]
    pub opened: Option<NaiveDateTime>,
    #[serde(default)]
    pub closed: Option<NaiveDateTime>,
    /// Set when the vote closes.
    #[serde(default)]
    pub passed: Option<bool>,
    /// Set with `passed` false where too few took part for the vote to decide anything
    /// (未形成决议: the quorum of those taking part was not reached). The matter stays open
    /// for another vote; it cannot be sent back or closed on this one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_decision: bool,
    /// The meeting's roll position (see `Meeting::roll`) when the motion was moved, and when
    /// the vote opened: who was in the room then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_roll: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<usize>,
    /// The motion as first moved, where it was put right before the vote (a wrong mover, a
    /// word typed wrong), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Draft>,
    /// An amendment (修正案): the motion it amends, whose whole text it would replace. Voted
    /// on before that motion; once adopted, that motion reads as its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amends: Option<MotionId>,
    /// An election (选举) put to the meeting rather than a motion: its candidates, seats and
    /// count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub election: Option<super::election::Election>,
    /// The totals of an opened box as first entered, where they were entered again: a
    /// recount is a correction the minutes state, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recounts: Vec<Recount>,
}

/// Totals of a secret ballot box as entered before a recount, and when they were replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recount {
    pub replaced: NaiveDateTime,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub spoiled: u32,
}

/// A motion as it read before it was put right, and when it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub replaced: NaiveDateTime,
    pub text: String,
    pub mover: MemberId,
    #[serde(default)]
    pub seconder: Option<MemberId>,
    pub mode: VoteMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The amendment whose adoption replaced this text; none where the motion was put right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amendment: Option<MotionId>,
}

impl Motion {
    /// A motion just moved at `meeting`'s roll position `roll`: not yet put to the vote.
    pub fn moved(
        (id, matter, meeting): (MotionId, MatterId, MeetingId),
        text: &str,
        (mover, seconder): (MemberId, Option<MemberId>),
        mode: VoteMode,
        roll: usize,
    ) -> Motion {
        Motion {
            id,
            matter,
            meeting,
            text: text.to_string(),
            mover,
            seconder,
            mode,
            item: None,
            state: VoteState::Proposed,
            ballots: Ballots::empty(mode),
            present: 0,
            entitled: 0,
            opened: None,
            closed: None,
            passed: None,
            no_decision: false,
            moved_roll: Some(roll),
            roll: None,
            earlier: Vec::new(),
            amends: None,
            election: None,
            recounts: Vec::new(),
        }
    }

    /// Whether the vote is still to come: moved, or being voted on.
    pub fn pending(&self) -> bool {
        matches!(self.state, VoteState::Proposed | VoteState::Open)
    }

    /// The text as first moved, before any amendment was adopted (corrections before the vote
    /// put right what was moved, so they are not told apart from it).
    pub fn moved_text(&self) -> &str {
        self.earlier
            .iter()
            .find(|d| d.amendment.is_some())
            .map_or(self.text.as_str(), |d| d.text.as_str())
    }

    pub fn tally(&self) -> Tally {
        let (yes, no, abstain) = self.ballots.counts();
        Tally {
            yes,
            no,
            abstain,
            spoiled: self.ballots.spoiled(),
            present: self.present,
            entitled: self.entitled,
        }
    }
}
