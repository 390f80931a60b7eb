//! The rules that accept or refuse each change to a council record. Each change is checked
//! against the records it touches, by the rules in `law` that an import is held to as well,
//! and gives the records to write.

mod council;
mod election;
mod meeting;
mod subject;
mod takeback;
mod vote;

use crate::domain::words::{COUNCIL, MATTER, MEETING, MOTION};
use chrono::NaiveDateTime;

use super::change::Change;
use super::council::Council;
use super::ids::{CouncilId, MatterId, MeetingId, MotionId};
use super::matter::{Matter, Stage, Step, Transition};
use super::meeting::{Meeting, MeetingState};
use super::records::{ReadError, Records, Write};
use super::refusal::Refusal;
use super::vote::Motion;

impl From<ReadError> for Refusal {
    fn from(e: ReadError) -> Self {
        Refusal::Storage(e.0)
    }
}

/// Reads what a change needs, refusing what is missing.
struct Ctx<'a, R: Records> {
    records: &'a R,
}

impl<R: Records> Ctx<'_, R> {
    fn council(&self, id: CouncilId) -> Result<Council, Refusal> {
        self.records.council(id)?.ok_or(Refusal::Missing {
            what: COUNCIL,
            id: id.0,
        })
    }
    fn meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        self.records.meeting(id)?.ok_or(Refusal::Missing {
            what: MEETING,
            id: id.0,
        })
    }
    fn matter(&self, id: MatterId) -> Result<Matter, Refusal> {
        self.records.matter(id)?.ok_or(Refusal::Missing {
            what: MATTER,
            id: id.0,
        })
    }
    fn motion(&self, id: MotionId) -> Result<Motion, Refusal> {
        self.records.motion(id)?.ok_or(Refusal::Missing {
            what: MOTION,
            id: id.0,
        })
    }

    /// A meeting that is in progress.
    fn live_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        if m.state != MeetingState::InProgress {
            return Err(Refusal::MeetingState { state: m.state });
        }
        if m.adjourned() {
            return Err(Refusal::Adjourned);
        }
        Ok(m)
    }

    /// A meeting not yet ended: its agenda and roll may still change.
    fn open_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        if m.state == MeetingState::Ended {
            return Err(Refusal::MeetingState { state: m.state });
        }
        Ok(m)
    }

    /// A matter on the agenda of a meeting in progress, with both and the council.
    fn work(
        &self,
        matter: MatterId,
        meeting: MeetingId,
    ) -> Result<(Matter, Meeting, Council), Refusal> {
        let meeting = self.live_meeting(meeting)?;
        let matter = self.matter(matter)?;
        if !meeting.agenda.contains(&matter.id) {
            return Err(Refusal::NotOnAgenda);
        }
        let council = self.council(meeting.council)?;
        Ok((matter, meeting, council))
    }
}

fn at_step(matter: &Matter, step: Step, wanted: &'static str) -> Result<(), Refusal> {
    if matter.stage == Stage::At(step) {
        Ok(())
    } else {
        Err(Refusal::WrongStage {
            stage: matter.stage,
            wanted,
        })
    }
}

fn move_to(
    matter: &mut Matter,
    to: Stage,
    at: NaiveDateTime,
    meeting: MeetingId,
    reason: String,
    waiver: String,
) {
    matter.history.push(Transition {
        at,
        meeting,
        from: matter.stage,
        to,
        reason,
        waiver,
    });
    matter.stage = to;
}

/// A change the journal recorded, made again: as `apply`, except that a whole document (an
/// import, a restore) is taken as it was accepted when it was written, not judged again by
/// rules that came after it. The journal's hash chain vouches for it; an import that arrives
/// now is judged by `apply`.
pub fn replay<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    match change {
        // A copy of the document's records either way.
        Change::Import { .. } | Change::ImportPart { .. } | Change::Restore { .. } => {
            replay_owned(change.clone(), at, records)
        }
        // Before the ballot box, a secret ballot was keyed by name and added to the totals at
        // once; a journal of that time is replayed as it was written.
        Change::CastBallot {
            motion,
            member,
            choice,
        } => match apply(change, at, records) {
            Err(Refusal::SecretByName) => {
                vote::legacy_secret(&Ctx { records }, *motion, *member, *choice)
            }
            other => other,
        },
        _ => apply(change, at, records),
    }
}

/// As `replay`, the change given up: a whole document's records are taken over, not copied.
pub fn replay_owned<R: Records>(
    change: Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    match change {
        Change::Import { document } => {
            imports_into_nothing(records)?;
            Ok(document.into_writes())
        }
        Change::ImportPart { part, document, .. } => {
            if part == 0 {
                imports_into_nothing(records)?;
            }
            Ok(document.into_writes())
        }
        Change::Restore { document, .. } => Ok(document.into_writes()),
        other => replay(&other, at, records),
    }
}

/// A journal's import was made into an empty record, and is replayed only into one.
fn imports_into_nothing<R: Records>(records: &R) -> Result<(), Refusal> {
    if records.is_empty()? {
        Ok(())
    } else {
        Err(Refusal::NotEmpty)
    }
}

/// Validates `change` against the records it touches; returns the records to write.
pub fn apply<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    let cx = Ctx { records };
    use Change::*;
    match change {
        Import { document } => meeting::import(&cx, document),
        ImportPart { part, document, .. } => meeting::import_part(&cx, *part, document),
        Restore { document, reason } => meeting::restore(document, reason),
        CreateCouncil { council } => council::create(&cx, council),
        AddMember { council, member } => council::add_member(&cx, *council, member),
        MemberLeaves {
            council,
            member,
            on,
        } => council::member_leaves(&cx, *council, *member, *on),
        Withdraw {
            matter,
            meeting,
            entry,
        } => takeback::withdraw(&cx, *matter, *meeting, *entry, at),
        StepBack { matter, meeting } => takeback::step_back(&cx, *matter, *meeting, at),
        CorrectOpinion {
            matter,
            meeting,
            index,
            author,
            channel,
            text,
        } => {
            takeback::correct_opinion(&cx, (*matter, *meeting, *index), author, *channel, text, at)
        }
        CorrectSpeech {
            matter,
            meeting,
            index,
            speaker,
            stance,
            summary,
        } => takeback::correct_speech(
            &cx,
            (*matter, *meeting, *index),
            (speaker, *stance, summary),
            at,
        ),
        CorrectTask {
            matter,
            meeting,
            index,
            text,
            owner,
            due,
            supervised,
        } => takeback::correct_task(
            &cx,
            (*matter, *meeting, *index),
            takeback::TaskAsPut {
                text,
                owner,
                due: *due,
                supervised: *supervised,
            },
            at,
        ),
        WithdrawMotion { motion } => {
            vote::set_aside(&cx, *motion, crate::domain::VoteState::Withdrawn, at)
        }
        DeferMotion { motion } => {
            vote::set_aside(&cx, *motion, crate::domain::VoteState::Deferred, at)
        }
        CreateMeeting {
            id,
            council,
            title,
            place,
            start,
            chair,
            recorder,
            speaker_limit_secs,
        } => meeting::create(
            &cx,
            meeting::New {
                id: *id,
                council: *council,
                title,
                place,
                start: *start,
                chair: *chair,
                recorder: *recorder,
                speaker_limit_secs: *speaker_limit_secs,
            },
        ),
        StartMeeting { meeting } => meeting::start(&cx, *meeting, at),
        Adjourn { meeting } => meeting::adjourn(&cx, *meeting, at),
        Resume { meeting } => meeting::resume(&cx, *meeting, at),
        EndMeeting { meeting } => meeting::end(&cx, *meeting, at),
        MarkAttendance {
            meeting,
            member,
            attendance,
        } => meeting::mark(&cx, *meeting, *member, *attendance, at),
        GiveProxy {
            meeting,
            principal,
            holder,
            given,
            motion,
        } => council::give_proxy(
            &cx,
            *meeting,
            crate::domain::meeting::Proxy {
                principal: *principal,
                holder: holder.clone(),
                given: *given,
                motion: *motion,
            },
        ),
        CreateMatter {
            id,
            meeting,
            title,
            short_title,
        } => meeting::create_matter(&cx, *id, *meeting, title, short_title, at),
        AddToAgenda { meeting, matter } => meeting::add_to_agenda(&cx, *meeting, *matter),
        MoveOnAgenda {
            meeting,
            matter,
            position,
        } => meeting::move_on_agenda(&cx, *meeting, *matter, *position),
        SignMeeting { meeting } => meeting::sign(&cx, *meeting, at),
        Correct {
            meeting,
            by,
            matter,
            step,
            text,
            reason,
        } => meeting::correct(&cx, *meeting, *by, *matter, *step, text, reason, at),
        AddOpinion {
            matter,
            meeting,
            date,
            author,
            channel,
            text,
        } => subject::opinion(&cx, *matter, *meeting, *date, author, *channel, text),
        Advance {
            matter,
            meeting,
            to,
        } => subject::advance(&cx, *matter, *meeting, *to, at),
        AddSpeaker {
            matter,
            meeting,
            speaker,
            stance,
        } => subject::add_speaker(&cx, *matter, *meeting, speaker, *stance),
        MoveSpeaker {
            matter,
            meeting,
            index,
            position,
        } => subject::move_speaker(&cx, *matter, *meeting, *index, *position),
        RecordSpeech {
            matter,
            meeting,
            index,
            stance,
            summary,
            seconds_used,
        } => subject::speech(
            &cx,
            *matter,
            *meeting,
            *index,
            *stance,
            summary,
            *seconds_used,
        ),
        ResolveRejected {
            matter,
            meeting,
            send_back,
            reason,
        } => subject::resolve_rejected(&cx, *matter, *meeting, *send_back, reason, at),
        AddTask {
            matter,
            meeting,
            text,
            owner,
            due,
            supervised,
        } => subject::add_task(&cx, *matter, *meeting, text, owner, *due, *supervised),
        RecordProgress {
            matter,
            meeting,
            task,
            date,
            percent,
            note,
        } => subject::progress(&cx, *matter, *meeting, *task, *date, *percent, note),
        SetSupervised {
            matter,
            meeting,
            task,
            supervised,
        } => subject::supervise(&cx, *matter, *meeting, *task, *supervised),
        RecordReview {
            matter,
            meeting,
            satisfied,
            basically_satisfied,
            dissatisfied,
            comments,
        } => subject::review(
            &cx,
            *matter,
            *meeting,
            [*satisfied, *basically_satisfied, *dissatisfied],
            comments,
        ),
        ConcludeReview {
            matter,
            meeting,
            waiver,
        } => subject::conclude(&cx, *matter, *meeting, waiver, at),
        ProposeMotion {
            id,
            matter,
            meeting,
            text,
            mover,
            seconder,
            mode,
        } => vote::propose(
            &cx,
            vote::Proposal {
                id: *id,
                matter: *matter,
                meeting: *meeting,
                text,
                mover: *mover,
                seconder: *seconder,
                mode: *mode,
                amends: None,
            },
            at,
        ),
        ProposeAmendment {
            id,
            motion,
            text,
            mover,
            seconder,
            mode,
        } => {
            let v = cx.motion(*motion)?;
            let p = vote::Proposal::on(&v, *id, (text, *mover, *seconder, *mode));
            vote::propose(
                &cx,
                vote::Proposal {
                    amends: Some(*motion),
                    ..p
                },
                at,
            )
        }
        ProposeElection {
            id,
            matter,
            meeting,
            text,
            mover,
            seats,
            candidates,
            write_ins,
            elected_by,
        } => election::propose(
            &cx,
            election::Put {
                id: *id,
                matter: *matter,
                meeting: *meeting,
                text,
                mover: *mover,
                seats: *seats,
                candidates,
                write_ins: *write_ins,
                elected_by: *elected_by,
            },
            at,
        ),
        EnterElectionCounts {
            motion,
            valid,
            spoiled,
            votes,
        } => election::count(&cx, *motion, (*valid, *spoiled), votes),
        CorrectMotion {
            motion,
            text,
            mover,
            seconder,
            mode,
        } => {
            let v = cx.motion(*motion)?;
            let p = vote::Proposal::on(&v, *motion, (text, *mover, *seconder, *mode));
            vote::correct(&cx, *motion, &p, at)
        }
        OpenVote { motion } => vote::open(&cx, *motion, at),
        CastBallot {
            motion,
            member,
            choice,
        } => vote::ballot(&cx, *motion, *member, *choice, false),
        CorrectBallot {
            motion,
            member,
            choice,
        } => vote::ballot(&cx, *motion, *member, *choice, true),
        HandInBallot { motion, member } => vote::hand_in(&cx, *motion, *member),
        EnterCounts {
            motion,
            yes,
            no,
            abstain,
            spoiled,
        } => vote::counts(&cx, *motion, [*yes, *no, *abstain, *spoiled]),
        CloseVote { motion } => vote::close(&cx, *motion, at),
    }
}
