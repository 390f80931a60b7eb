//! What a form is for: the records it concerns, or the search or file it makes.

use yishi_domain::{CouncilId, MatterId, MeetingId, MemberId, MotionId, Step};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Minutes(MeetingId),
    Ledger,
}

/// What a form is for, with the records it concerns.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    /// A council set up in the console: its name, rule and threshold (members follow).
    NewCouncil,
    /// A member joining `council` on a day; on an owners' council (`owners`), one who holds
    /// no unit on the register, and so sits in (列席) without a vote.
    Member { council: CouncilId, owners: bool },
    /// A member leaving `council` on a day.
    MemberLeaves {
        council: CouncilId,
        member: MemberId,
    },
    /// A unit of an owner passing to another owner, or to a new one (a sale): the units the
    /// seller holds, and the owners it may pass to.
    SellUnit {
        council: CouncilId,
        units: Vec<String>,
        buyers: Vec<MemberId>,
    },
    /// A member represented by another for the meeting (委托).
    Proxy {
        meeting: MeetingId,
        members: Vec<MemberId>,
    },
    NewMeeting {
        council: CouncilId,
        members: Vec<MemberId>,
    },
    NewMatter {
        meeting: MeetingId,
        /// The matter whose title is put right, rather than a new one.
        replacing: Option<MatterId>,
    },
    Opinion {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
        /// The opinion at this place put right, rather than a new one.
        replacing: Option<usize>,
    },
    Speaker {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
        /// The speaker at this place put right (with the summary field), rather than a new one.
        replacing: Option<usize>,
    },
    Speech {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        seconds: u32,
    },
    Motion {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
        /// The motion put right, rather than a new one.
        replacing: Option<MotionId>,
        /// The motion a new amendment (修正案) amends.
        amends: Option<MotionId>,
        /// The items of the council's rule, where it sets its line per item: the form asks
        /// which one the motion decides (an amendment decides its motion's).
        items: Vec<String>,
    },
    /// An election put at the decision.
    Election {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
    },
    /// An election's box counted: the candidates in list order, then write-ins if allowed.
    ElectionCounts {
        motion: MotionId,
        candidates: Vec<String>,
        write_ins: bool,
    },
    Counts {
        motion: MotionId,
        /// A secret ballot box: the form also asks for 废票.
        secret: bool,
    },
    Resolve {
        matter: MatterId,
        meeting: MeetingId,
    },
    /// 办结 with tasks not all done: the reason, for the record.
    Conclude {
        matter: MatterId,
        meeting: MeetingId,
    },
    Task {
        matter: MatterId,
        meeting: MeetingId,
        /// The task at this place put right, rather than a new one.
        replacing: Option<usize>,
    },
    Progress {
        matter: MatterId,
        meeting: MeetingId,
        task: usize,
    },
    Review {
        matter: MatterId,
        meeting: MeetingId,
    },
    /// Words to look for in all minutes.
    Search,
    /// A file to write: the shown minutes or ledger, with a proposed name per format.
    Export { target: Target, names: Vec<String> },
    /// 签发 with keys: each keyed signer's password, in order.
    Seal {
        meeting: MeetingId,
        signers: Vec<MemberId>,
    },
    /// A correction to an ended meeting: where, by whom.
    Correction {
        meeting: MeetingId,
        places: Vec<(Option<MatterId>, Option<Step>)>,
        members: Vec<MemberId>,
    },
}

impl FormKind {
    /// Whether submitting the form records changes (others search or write a file).
    pub fn records(&self) -> bool {
        !matches!(
            self,
            FormKind::Search | FormKind::Export { .. } | FormKind::Seal { .. }
        )
    }
}
