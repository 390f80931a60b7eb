//! The changes a council record accepts, as the user asked for them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::council::{Council, Member};
use super::document::Document;
use super::election::ElectedBy;
use super::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use super::matter::{Author, Channel, EntryRef, Stance, Step};
use super::meeting::Attendance;
use super::vote::{Choice, VoteMode};

/// One change to the record, as the user asked for it. Ids of new records come with the change
/// so that replaying the journal rebuilds the same record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Import {
        document: Box<Document>,
    },
    /// One part of an import written as several journal lines (a document too large for one):
    /// numbered from 0, each holding some of the document's records, the last one `done` and
    /// holding none. Until the last part is written the import may be taken back whole: the
    /// records are checked together, against each other, before it is.
    ImportPart {
        part: u32,
        done: bool,
        document: Box<Document>,
    },
    /// The record as the store held it, written by `yishi repair` in place of journal lines
    /// that were damaged: every record, whole, and why.
    Restore {
        document: Box<Document>,
        reason: String,
    },
    CreateCouncil {
        council: Box<Council>,
    },
    /// A member joins the council from `member.since`: on the roll of meetings from that day.
    AddMember {
        council: CouncilId,
        member: Member,
    },
    /// A member leaves the council on `on`: off the roll of meetings from that day, still named
    /// in the record of the meetings before.
    MemberLeaves {
        council: CouncilId,
        member: MemberId,
        on: NaiveDate,
    },
    /// A unit on an owners' council passes to another owner on `on` (a sale, an inheritance):
    /// from that day its area counts for the buyer. A buyer not yet on the council joins with
    /// it; an owner left with no unit leaves.
    SellUnit {
        council: CouncilId,
        unit: String,
        on: NaiveDate,
        buyer: Buyer,
    },
    /// An opinion, a speaker or a task recorded at this meeting taken back before its minutes
    /// are signed (kept on the matter as withdrawn).
    Withdraw {
        matter: MatterId,
        meeting: MeetingId,
        entry: EntryRef,
    },
    /// An opinion recorded at this meeting put right before its minutes are signed: it now
    /// reads so, and the one it replaces is kept on the matter, marked replaced.
    CorrectOpinion {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        author: Author,
        channel: Channel,
        text: String,
    },
    /// A speaker listed at this meeting put right before the minutes are signed: who, the
    /// stance, and (once heard) the summary; the time used stays, and the entry it replaces is
    /// kept, marked replaced.
    CorrectSpeech {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        speaker: Author,
        stance: Stance,
        summary: String,
    },
    /// A task given at this meeting put right (its text, owner, due date, 督办) before the
    /// minutes are signed; the one it replaces is kept, marked replaced.
    CorrectTask {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        text: String,
        owner: String,
        due: NaiveDate,
        supervised: bool,
    },
    /// A matter moved on by mistake at this meeting returned to the step it left, before
    /// anything was recorded at the new one.
    StepBack {
        matter: MatterId,
        meeting: MeetingId,
    },
    /// A speaker still waiting moved on the list (called later, or sooner), among those still
    /// waiting.
    MoveSpeaker {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        position: usize,
    },
    /// A motion not yet put to the vote put right: its text, mover, seconder or how it is voted
    /// on as they should have been recorded (as it read before is kept on it).
    CorrectMotion {
        motion: MotionId,
        text: String,
        mover: MemberId,
        seconder: Option<MemberId>,
        mode: VoteMode,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<String>,
    },
    /// An amendment (修正案) to a motion not yet put to the vote: the motion's whole text as
    /// the amendment would have it. Voted on first; adopted, it becomes the motion's text.
    ProposeAmendment {
        id: MotionId,
        motion: MotionId,
        text: String,
        mover: MemberId,
        seconder: Option<MemberId>,
        mode: VoteMode,
    },
    /// An election (选举) put to the meeting at the decision: `seats` to fill from
    /// `candidates` (as many: 等额; more: 差额), by secret ballot.
    ProposeElection {
        id: MotionId,
        matter: MatterId,
        meeting: MeetingId,
        text: String,
        /// Who puts the candidates forward (提名), a member in the room.
        mover: MemberId,
        seats: u32,
        candidates: Vec<String>,
        write_ins: bool,
        elected_by: ElectedBy,
    },
    /// The election's ballot box counted: valid and spoiled ballots, and each name's votes.
    EnterElectionCounts {
        motion: MotionId,
        valid: u32,
        spoiled: u32,
        votes: Vec<(String, u32)>,
    },
    /// A motion not yet put to the vote taken back by its mover (撤回).
    WithdrawMotion {
        motion: MotionId,
    },
    /// A motion not yet put to the vote put off by the meeting (暂缓表决).
    DeferMotion {
        motion: MotionId,
    },
    CreateMeeting {
        id: MeetingId,
        council: CouncilId,
        title: String,
        place: String,
        start: NaiveDateTime,
        chair: MemberId,
        recorder: MemberId,
        speaker_limit_secs: u32,
    },
    StartMeeting {
        meeting: MeetingId,
    },
    EndMeeting {
        meeting: MeetingId,
    },
    /// 休会: the meeting under way adjourned, to resume later that day or on another.
    Adjourn {
        meeting: MeetingId,
    },
    /// 复会: an adjourned meeting resumed.
    Resume {
        meeting: MeetingId,
    },
    MarkAttendance {
        meeting: MeetingId,
        member: MemberId,
        attendance: Attendance,
    },
    /// 委托: `principal` represented by `holder` for the whole meeting or one vote, by a
    /// written authorisation dated `given`.
    GiveProxy {
        meeting: MeetingId,
        principal: MemberId,
        holder: String,
        given: NaiveDate,
        motion: Option<MotionId>,
    },
    CreateMatter {
        id: MatterId,
        meeting: MeetingId,
        title: String,
        short_title: String,
    },
    AddToAgenda {
        meeting: MeetingId,
        matter: MatterId,
    },
    MoveOnAgenda {
        meeting: MeetingId,
        matter: MatterId,
        position: usize,
    },
    AddOpinion {
        matter: MatterId,
        meeting: MeetingId,
        date: NaiveDate,
        author: Author,
        channel: Channel,
        text: String,
    },
    Advance {
        matter: MatterId,
        meeting: MeetingId,
        to: Step,
    },
    AddSpeaker {
        matter: MatterId,
        meeting: MeetingId,
        speaker: Author,
        stance: Stance,
    },
    RecordSpeech {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        stance: Stance,
        summary: String,
        seconds_used: u32,
    },
    ProposeMotion {
        id: MotionId,
        matter: MatterId,
        meeting: MeetingId,
        text: String,
        mover: MemberId,
        seconder: Option<MemberId>,
        mode: VoteMode,
        /// The item of the council's rule the motion decides, where the rule lists items.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<String>,
    },
    OpenVote {
        motion: MotionId,
    },
    /// A ballot by name (记名投票 only).
    CastBallot {
        motion: MotionId,
        member: MemberId,
        choice: Choice,
    },
    /// A member hands a secret ballot into the box: who, never how.
    HandInBallot {
        motion: MotionId,
        member: MemberId,
    },
    CorrectBallot {
        motion: MotionId,
        member: MemberId,
        choice: Choice,
    },
    /// The totals of a show of hands, or of a secret ballot box once opened.
    EnterCounts {
        motion: MotionId,
        yes: u32,
        no: u32,
        abstain: u32,
        /// 废票 (secret ballots only).
        #[serde(default, skip_serializing_if = "is_zero")]
        spoiled: u32,
    },
    CloseVote {
        motion: MotionId,
    },
    ResolveRejected {
        matter: MatterId,
        meeting: MeetingId,
        send_back: bool,
        reason: String,
    },
    AddTask {
        matter: MatterId,
        meeting: MeetingId,
        text: String,
        owner: String,
        due: NaiveDate,
        supervised: bool,
    },
    RecordProgress {
        matter: MatterId,
        meeting: MeetingId,
        task: usize,
        date: NaiveDate,
        percent: u8,
        note: String,
    },
    SetSupervised {
        matter: MatterId,
        meeting: MeetingId,
        task: usize,
        supervised: bool,
    },
    RecordReview {
        matter: MatterId,
        meeting: MeetingId,
        satisfied: u32,
        basically_satisfied: u32,
        dissatisfied: u32,
        comments: Vec<String>,
    },
    /// 办结 or 整改 by the satisfaction rate. Concluding 办结 with tasks not all done needs
    /// the reason, given here.
    ConcludeReview {
        matter: MatterId,
        meeting: MeetingId,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        waiver: String,
    },
    /// 签发: the chair and the recorder sign an ended meeting's minutes, sealing its record.
    SignMeeting {
        meeting: MeetingId,
        /// The signers' own signatures, where they hold keys (see `seal`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sealed: Option<crate::seal::Sealed>,
    },
    /// A member's public key registered with the council, for signing minutes with.
    RegisterKey {
        council: CouncilId,
        member: MemberId,
        /// The minisign public key, base64.
        public: String,
    },
    /// 更正: a correction to an ended meeting's record, kept beside the original.
    Correct {
        meeting: MeetingId,
        by: MemberId,
        matter: Option<MatterId>,
        step: Option<Step>,
        text: String,
        reason: String,
    },
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Who a unit passes to: an owner already on the council, or a new one, who joins with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Buyer {
    Member(MemberId),
    New { id: MemberId, name: String },
}
