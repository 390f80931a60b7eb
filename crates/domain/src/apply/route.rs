//! Each change routed to the rule that accepts or refuses it.

use chrono::NaiveDateTime;

use super::ctx::Ctx;
use super::{council, election, meeting, subject, takeback, vote};
use crate::change::Change;
use crate::records::{Records, Write};
use crate::refusal::Refusal;

/// Validates `change` against the records it touches; returns the records to write.
pub fn apply<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    apply_as(change, at, records, false)
}

/// As `apply`; `as_written`: a journal's line replayed, not held to rules made after it.
pub(super) fn apply_as<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
    as_written: bool,
) -> Result<Vec<Write>, Refusal> {
    let cx = Ctx {
        records,
        as_written,
    };
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
        SellUnit {
            council,
            unit,
            on,
            buyer,
        } => council::sell_unit(&cx, *council, unit, *on, buyer),
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
        WithdrawMotion { motion } => vote::set_aside(&cx, *motion, crate::VoteState::Withdrawn, at),
        DeferMotion { motion } => vote::set_aside(&cx, *motion, crate::VoteState::Deferred, at),
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
            crate::meeting::Proxy {
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
        SignMeeting { meeting, sealed } => meeting::sign(&cx, *meeting, sealed.as_ref(), at),
        RegisterKey {
            council,
            member,
            public,
        } => council::register_key(&cx, *council, *member, public, at),
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
            item,
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
                item: item.as_deref(),
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
            item,
        } => {
            let v = cx.motion(*motion)?;
            let p = vote::Proposal {
                item: item.as_deref(),
                ..vote::Proposal::on(&v, *motion, (text, *mover, *seconder, *mode))
            };
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
        } => vote::counts(&cx, *motion, [*yes, *no, *abstain, *spoiled], at),
        CloseVote { motion } => vote::close(&cx, *motion, at),
    }
}
