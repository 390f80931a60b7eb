//! The rules that accept or refuse each change to a council record.

use chrono::{Datelike, NaiveDateTime};

use super::change::Change;
use super::council::Council;
use super::document::validate;
use super::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use super::matter::{
    Author, Closure, Matter, Opinion, Progress, Review, Speech, Stage, Step, Supervision, Task,
    Transition,
};
use super::meeting::{Attendance, Meeting, MeetingState};
use super::records::{ReadError, Records, Write};
use super::refusal::{COUNCIL, Label, MATTER, MEETING, MOTION, Refusal};
use super::seal::{self, Correction};
use super::vote::{Ballots, Motion, VoteMode, VoteState};
use crate::text::has_control;

const TITLE: Label = ["标题", "標題", "title"];
const NAME: Label = ["名称", "名稱", "name"];
const PLACE: Label = ["地点", "地點", "place"];
const TEXT: Label = ["内容", "內容", "text"];
const OWNER: Label = ["责任人", "責任人", "owner"];
const REASON: Label = ["理由", "理由", "reason"];
const PERCENT: Label = ["进度百分比", "進度百分比", "percent"];
const SPEAKER: Label = ["发言人", "發言人", "speaker"];
const TASK: Label = ["任务", "任務", "task"];

impl From<ReadError> for Refusal {
    fn from(e: ReadError) -> Self {
        Refusal::Storage(e.0)
    }
}

/// Refuses empty text and text carrying control characters.
fn text_ok(s: &str, field: Label, multiline: bool) -> Result<(), Refusal> {
    if s.trim().is_empty() {
        return Err(Refusal::Empty { field });
    }
    if has_control(s, multiline) {
        return Err(Refusal::Control { field });
    }
    Ok(())
}

fn author_ok(a: &Author, council: &Council) -> Result<(), Refusal> {
    match a {
        Author::Member(id) => council
            .member(*id)
            .map(|_| ())
            .ok_or(Refusal::NotAMember { id: id.0 }),
        Author::Resident(name) => text_ok(name, SPEAKER, false),
        Author::Anonymous => Ok(()),
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

    /// An open vote and the name of a member who may vote in it now.
    fn open_ballot(&self, motion: MotionId, member: MemberId) -> Result<(Motion, String), Refusal> {
        let v = self.motion(motion)?;
        if v.state != VoteState::Open {
            return Err(Refusal::VoteState);
        }
        let m = self.live_meeting(v.meeting)?;
        let c = self.council(m.council)?;
        let name = voter_ok(&c, &m, member)?;
        Ok((v, name))
    }

    /// A meeting that is in progress.
    fn live_meeting(&self, id: MeetingId) -> Result<Meeting, Refusal> {
        let m = self.meeting(id)?;
        if m.state != MeetingState::InProgress {
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

fn move_to(matter: &mut Matter, to: Stage, at: NaiveDateTime, meeting: MeetingId, reason: String) {
    matter.history.push(Transition {
        at,
        meeting,
        from: matter.stage,
        to,
        reason,
    });
    matter.stage = to;
}

fn voter_ok(council: &Council, meeting: &Meeting, member: MemberId) -> Result<String, Refusal> {
    let m = council
        .member(member)
        .ok_or(Refusal::NotAMember { id: member.0 })?;
    if !m.voting {
        return Err(Refusal::NotVoting {
            name: m.name.clone(),
        });
    }
    if meeting.attendance_of(member) != Some(Attendance::Present) {
        return Err(Refusal::NotPresent {
            name: m.name.clone(),
        });
    }
    Ok(m.name.clone())
}

/// Validates `change` against the records it touches; returns the records to write.
pub fn apply<R: Records>(
    change: &Change,
    at: NaiveDateTime,
    records: &R,
) -> Result<Vec<Write>, Refusal> {
    let cx = Ctx { records };
    match change {
        Change::Import { document } => {
            validate(document).map_err(Refusal::Invalid)?;
            if !records.is_empty()? {
                return Err(Refusal::NotEmpty);
            }
            Ok(document.writes())
        }
        Change::CreateCouncil { council } => {
            if records.council(council.id)?.is_some() {
                return Err(Refusal::Exists {
                    what: COUNCIL,
                    id: council.id.0,
                });
            }
            text_ok(&council.name, NAME, false)?;
            for m in &council.members {
                text_ok(&m.name, NAME, false)?;
            }
            Ok(vec![Write::Council(council.clone())])
        }
        Change::CreateMeeting {
            id,
            council,
            title,
            place,
            start,
            chair,
            recorder,
            speaker_limit_secs,
        } => {
            if records.meeting(*id)?.is_some() {
                return Err(Refusal::Exists {
                    what: MEETING,
                    id: id.0,
                });
            }
            let c = cx.council(*council)?;
            text_ok(title, TITLE, false)?;
            text_ok(place, PLACE, false)?;
            for who in [chair, recorder] {
                c.member(*who).ok_or(Refusal::NotAMember { id: who.0 })?;
            }
            let number = records
                .meeting_numbers(*council, start.year())?
                .into_iter()
                .max()
                .unwrap_or(0)
                + 1;
            Ok(vec![Write::Meeting(Meeting {
                id: *id,
                council: *council,
                year: start.year(),
                number,
                title: title.clone(),
                place: place.clone(),
                start: *start,
                end: None,
                chair: *chair,
                recorder: *recorder,
                attendance: Default::default(),
                agenda: Vec::new(),
                state: MeetingState::Preparing,
                speaker_limit_secs: *speaker_limit_secs,
                signature: None,
                corrections: Vec::new(),
            })])
        }
        Change::StartMeeting { meeting } => {
            let mut m = cx.meeting(*meeting)?;
            if m.state != MeetingState::Preparing {
                return Err(Refusal::MeetingState { state: m.state });
            }
            m.state = MeetingState::InProgress;
            Ok(vec![Write::Meeting(m)])
        }
        Change::EndMeeting { meeting } => {
            let mut m = cx.live_meeting(*meeting)?;
            m.state = MeetingState::Ended;
            m.end = Some(at);
            Ok(vec![Write::Meeting(m)])
        }
        Change::MarkAttendance {
            meeting,
            member,
            attendance,
        } => {
            let mut m = cx.meeting(*meeting)?;
            if m.state == MeetingState::Ended {
                return Err(Refusal::MeetingState { state: m.state });
            }
            let c = cx.council(m.council)?;
            let who = c
                .member(*member)
                .ok_or(Refusal::NotAMember { id: member.0 })?;
            if !who.voting && *attendance == Attendance::Present {
                return Err(Refusal::NotVoting {
                    name: who.name.clone(),
                });
            }
            m.attendance.insert(*member, *attendance);
            Ok(vec![Write::Meeting(m)])
        }
        Change::CreateMatter {
            id,
            meeting,
            title,
            short_title,
        } => {
            if records.matter(*id)?.is_some() {
                return Err(Refusal::Exists {
                    what: MATTER,
                    id: id.0,
                });
            }
            let mut m = cx.meeting(*meeting)?;
            if m.state == MeetingState::Ended {
                return Err(Refusal::MeetingState { state: m.state });
            }
            text_ok(title, TITLE, false)?;
            text_ok(short_title, TITLE, false)?;
            m.agenda.push(*id);
            let matter = Matter {
                id: *id,
                council: m.council,
                title: title.clone(),
                short_title: short_title.clone(),
                opened: at,
                opened_in: m.id,
                stage: Stage::At(Step::Collect),
                opinions: Vec::new(),
                speeches: Vec::new(),
                motions: Vec::new(),
                tasks: Vec::new(),
                reviews: Vec::new(),
                history: Vec::new(),
            };
            Ok(vec![Write::Meeting(m), Write::Matter(matter)])
        }
        Change::AddToAgenda { meeting, matter } => {
            let mut m = cx.meeting(*meeting)?;
            if m.state == MeetingState::Ended {
                return Err(Refusal::MeetingState { state: m.state });
            }
            let x = cx.matter(*matter)?;
            if x.council != m.council {
                return Err(Refusal::WrongCouncil);
            }
            if !x.stage.is_open() {
                return Err(Refusal::WrongStage {
                    stage: x.stage,
                    wanted: "意见收集—群众评议",
                });
            }
            if m.agenda.contains(matter) {
                return Err(Refusal::AlreadyOnAgenda);
            }
            m.agenda.push(*matter);
            Ok(vec![Write::Meeting(m)])
        }
        Change::MoveOnAgenda {
            meeting,
            matter,
            position,
        } => {
            let mut m = cx.meeting(*meeting)?;
            if m.state == MeetingState::Ended {
                return Err(Refusal::MeetingState { state: m.state });
            }
            let from = m
                .agenda
                .iter()
                .position(|x| x == matter)
                .ok_or(Refusal::NotOnAgenda)?;
            let item = m.agenda.remove(from);
            let to = (*position).min(m.agenda.len());
            m.agenda.insert(to, item);
            Ok(vec![Write::Meeting(m)])
        }
        Change::AddOpinion {
            matter,
            meeting,
            date,
            author,
            channel,
            text,
        } => {
            let (mut x, m, c) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Collect, "意见收集")?;
            author_ok(author, &c)?;
            text_ok(text, TEXT, true)?;
            x.opinions.push(Opinion {
                meeting: m.id,
                date: *date,
                author: author.clone(),
                channel: *channel,
                text: text.clone(),
            });
            Ok(vec![Write::Matter(x)])
        }
        Change::Advance {
            matter,
            meeting,
            to,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            let from = x.stage.step();
            match (from, to) {
                (Some(Step::Collect), Step::Hear) | (Some(Step::Hear), Step::Decide) => {}
                (Some(Step::Execute), Step::Review) => {
                    if x.tasks.is_empty() {
                        return Err(Refusal::NoTasks);
                    }
                }
                (_, Step::Review) => return Err(Refusal::ReviewBeforeExecution),
                (_, Step::Execute) => return Err(Refusal::NeedsAdoptedMotion),
                _ => {
                    return Err(Refusal::WrongStage {
                        stage: x.stage,
                        wanted: "意见收集、公开听证或执行督办",
                    });
                }
            }
            move_to(&mut x, Stage::At(*to), at, m.id, String::new());
            Ok(vec![Write::Matter(x)])
        }
        Change::AddSpeaker {
            matter,
            meeting,
            speaker,
            stance,
        } => {
            let (mut x, m, c) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Hear, "公开听证")?;
            author_ok(speaker, &c)?;
            x.speeches.push(Speech {
                meeting: m.id,
                speaker: speaker.clone(),
                stance: *stance,
                summary: String::new(),
                seconds_used: 0,
                done: false,
            });
            Ok(vec![Write::Matter(x)])
        }
        Change::RecordSpeech {
            matter,
            meeting,
            index,
            stance,
            summary,
            seconds_used,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Hear, "公开听证")?;
            if has_control(summary, true) {
                return Err(Refusal::Control { field: TEXT });
            }
            let s = x
                .speeches
                .get_mut(*index)
                .ok_or(Refusal::OutOfRange { field: SPEAKER })?;
            if s.done && s.meeting != m.id {
                // Heard at an earlier meeting: that record is closed.
                return Err(Refusal::Sealed);
            }
            // A speaker listed at an earlier meeting and heard at this one speaks at this one.
            s.meeting = m.id;
            s.stance = *stance;
            s.summary = summary.clone();
            s.seconds_used = *seconds_used;
            s.done = true;
            Ok(vec![Write::Matter(x)])
        }
        Change::ProposeMotion {
            id,
            matter,
            meeting,
            text,
            mover,
            seconder,
            mode,
        } => {
            if records.motion(*id)?.is_some() {
                return Err(Refusal::Exists {
                    what: MOTION,
                    id: id.0,
                });
            }
            let (mut x, m, c) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Decide, "民主决策")?;
            text_ok(text, TEXT, true)?;
            for who in std::iter::once(mover).chain(seconder.iter()) {
                c.member(*who).ok_or(Refusal::NotAMember { id: who.0 })?;
            }
            if Some(*mover) == *seconder {
                return Err(Refusal::SameMoverAndSeconder);
            }
            for other in &x.motions {
                if cx.motion(*other)?.state == VoteState::Open {
                    return Err(Refusal::AnotherVoteOpen);
                }
            }
            x.motions.push(*id);
            let motion = Motion {
                id: *id,
                matter: x.id,
                meeting: m.id,
                text: text.clone(),
                mover: *mover,
                seconder: *seconder,
                mode: *mode,
                state: VoteState::Proposed,
                ballots: Ballots::empty(*mode),
                present: 0,
                entitled: 0,
                opened: None,
                closed: None,
                passed: None,
            };
            Ok(vec![Write::Matter(x), Write::Motion(motion)])
        }
        Change::OpenVote { motion } => {
            let mut v = cx.motion(*motion)?;
            if v.state != VoteState::Proposed {
                return Err(Refusal::VoteState);
            }
            let (x, m, c) = cx.work(v.matter, v.meeting)?;
            at_step(&x, Step::Decide, "民主决策")?;
            for other in &x.motions {
                if *other != v.id && cx.motion(*other)?.state == VoteState::Open {
                    return Err(Refusal::AnotherVoteOpen);
                }
            }
            let t = m.turnout(&c);
            if !c.rule.quorum_met(t.present, t.entitled) {
                return Err(Refusal::NoQuorum {
                    present: t.present,
                    entitled: t.entitled,
                    needed: c.rule.quorum_zh(),
                });
            }
            v.state = VoteState::Open;
            v.present = t.present;
            v.entitled = t.entitled;
            v.opened = Some(at);
            Ok(vec![Write::Motion(v)])
        }
        Change::CastBallot {
            motion,
            member,
            choice,
        }
        | Change::CorrectBallot {
            motion,
            member,
            choice,
        } => {
            let correcting = matches!(change, Change::CorrectBallot { .. });
            let (mut v, name) = cx.open_ballot(*motion, *member)?;
            let Ballots::Named(map) = &mut v.ballots else {
                return Err(match v.mode {
                    VoteMode::Secret => Refusal::SecretByName,
                    mode => Refusal::WrongMode { mode },
                });
            };
            match (correcting, map.contains_key(member)) {
                (false, true) => return Err(Refusal::AlreadyVoted { name }),
                (true, false) => return Err(Refusal::NotVotedYet { name }),
                _ => {}
            }
            map.insert(*member, *choice);
            Ok(vec![Write::Motion(v)])
        }
        Change::HandInBallot { motion, member } => {
            let (mut v, name) = cx.open_ballot(*motion, *member)?;
            let counted = v.ballots.counted();
            let Ballots::Secret { voted, .. } = &mut v.ballots else {
                return Err(Refusal::WrongMode { mode: v.mode });
            };
            if counted {
                return Err(Refusal::BoxOpened);
            }
            if !voted.insert(*member) {
                return Err(Refusal::AlreadyVoted { name });
            }
            Ok(vec![Write::Motion(v)])
        }
        Change::EnterCounts {
            motion,
            yes,
            no,
            abstain,
            spoiled,
        } => {
            let mut v = cx.motion(*motion)?;
            if v.state != VoteState::Open {
                return Err(Refusal::VoteState);
            }
            cx.live_meeting(v.meeting)?;
            let total = u64::from(*yes) + u64::from(*no) + u64::from(*abstain);
            v.ballots = match &v.ballots {
                Ballots::Counts { .. } => {
                    if *spoiled > 0 {
                        return Err(Refusal::SpoiledByHand);
                    }
                    if total > u64::from(v.present) {
                        return Err(Refusal::CountAboveAttendance {
                            total: u32::try_from(total).unwrap_or(u32::MAX),
                            present: v.present,
                        });
                    }
                    Ballots::Counts {
                        yes: *yes,
                        no: *no,
                        abstain: *abstain,
                    }
                }
                Ballots::Secret { voted, .. } => {
                    let in_box = total + u64::from(*spoiled);
                    if in_box != voted.len() as u64 {
                        return Err(Refusal::BoxMiscounted {
                            counted: u32::try_from(in_box).unwrap_or(u32::MAX),
                            handed_in: u32::try_from(voted.len()).unwrap_or(u32::MAX),
                        });
                    }
                    Ballots::Secret {
                        yes: *yes,
                        no: *no,
                        abstain: *abstain,
                        spoiled: *spoiled,
                        voted: voted.clone(),
                    }
                }
                Ballots::Named(_) => return Err(Refusal::WrongMode { mode: v.mode }),
            };
            Ok(vec![Write::Motion(v)])
        }
        Change::CloseVote { motion } => {
            let mut v = cx.motion(*motion)?;
            if v.state != VoteState::Open {
                return Err(Refusal::VoteState);
            }
            if !v.ballots.counted() {
                return Err(Refusal::BoxNotCounted);
            }
            let (mut x, m, c) = cx.work(v.matter, v.meeting)?;
            let passed = c.rule.passes(&v.tally());
            v.state = VoteState::Closed;
            v.closed = Some(at);
            v.passed = Some(passed);
            let mut writes = vec![Write::Motion(v)];
            if passed {
                move_to(
                    &mut x,
                    Stage::At(Step::Execute),
                    at,
                    m.id,
                    "表决通过".to_string(),
                );
                writes.push(Write::Matter(x));
            }
            Ok(writes)
        }
        Change::ResolveRejected {
            matter,
            meeting,
            send_back,
            reason,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Decide, "民主决策")?;
            text_ok(reason, REASON, true)?;
            let last = match x.motions.last() {
                Some(id) => Some(cx.motion(*id)?),
                None => None,
            };
            if last.is_none_or(|v| v.passed != Some(false)) {
                return Err(Refusal::NoRejectedMotion);
            }
            let to = if *send_back {
                Stage::At(Step::Collect)
            } else {
                Stage::Closed(Closure::NotAdopted)
            };
            move_to(&mut x, to, at, m.id, reason.clone());
            Ok(vec![Write::Matter(x)])
        }
        Change::AddTask {
            matter,
            meeting,
            text,
            owner,
            due,
            supervised,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            if x.stage != Stage::At(Step::Execute) {
                return Err(Refusal::NeedsAdoptedMotion);
            }
            text_ok(text, TASK, true)?;
            text_ok(owner, OWNER, false)?;
            x.tasks.push(Task {
                meeting: m.id,
                text: text.clone(),
                owner: owner.clone(),
                due: *due,
                supervised: *supervised,
                progress: Vec::new(),
                supervision: Vec::new(),
            });
            Ok(vec![Write::Matter(x)])
        }
        Change::RecordProgress {
            matter,
            meeting,
            task,
            date,
            percent,
            note,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Execute, "执行督办")?;
            if *percent > 100 {
                return Err(Refusal::OutOfRange { field: PERCENT });
            }
            text_ok(note, TEXT, true)?;
            let t = x
                .tasks
                .get_mut(*task)
                .ok_or(Refusal::OutOfRange { field: TASK })?;
            t.progress.push(Progress {
                meeting: m.id,
                date: *date,
                percent: *percent,
                note: note.clone(),
            });
            Ok(vec![Write::Matter(x)])
        }
        Change::SetSupervised {
            matter,
            meeting,
            task,
            supervised,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Execute, "执行督办")?;
            let t = x
                .tasks
                .get_mut(*task)
                .ok_or(Refusal::OutOfRange { field: TASK })?;
            if t.is_supervised() == *supervised {
                return Ok(vec![]);
            }
            if t.meeting == m.id && t.supervision.is_empty() {
                // Still the meeting that gave the task: its minutes are not yet written.
                t.supervised = *supervised;
            } else {
                t.supervision.push(Supervision {
                    meeting: m.id,
                    on: *supervised,
                });
            }
            Ok(vec![Write::Matter(x)])
        }
        Change::RecordReview {
            matter,
            meeting,
            satisfied,
            basically_satisfied,
            dissatisfied,
            comments,
        } => {
            let (mut x, m, _) = cx.work(*matter, *meeting)?;
            match x.stage {
                Stage::At(Step::Review) => {}
                Stage::At(Step::Collect | Step::Hear | Step::Decide | Step::Execute) => {
                    return Err(Refusal::ReviewBeforeExecution);
                }
                Stage::Closed(_) => {
                    return Err(Refusal::WrongStage {
                        stage: x.stage,
                        wanted: "群众评议",
                    });
                }
            }
            for c in comments {
                if has_control(c, true) {
                    return Err(Refusal::Control { field: TEXT });
                }
            }
            let review = Review {
                meeting: m.id,
                satisfied: *satisfied,
                basically_satisfied: *basically_satisfied,
                dissatisfied: *dissatisfied,
                comments: comments.clone(),
                passed: None,
            };
            // An unconcluded review of this meeting is replaced: entering the counts again
            // corrects them. One left from an earlier meeting stays in that meeting's record.
            match x.reviews.last_mut() {
                Some(last) if last.passed.is_none() && last.meeting == m.id => *last = review,
                _ => x.reviews.push(review),
            }
            Ok(vec![Write::Matter(x)])
        }
        Change::SignMeeting { meeting } => {
            let m = seal::sign(cx.meeting(*meeting)?, at)?;
            Ok(vec![Write::Meeting(m)])
        }
        Change::Correct {
            meeting,
            by,
            matter,
            step,
            text,
            reason,
        } => {
            let m = cx.meeting(*meeting)?;
            let c = cx.council(m.council)?;
            c.member(*by).ok_or(Refusal::NotAMember { id: by.0 })?;
            text_ok(text, TEXT, true)?;
            text_ok(reason, REASON, true)?;
            let correction = Correction {
                at,
                by: *by,
                matter: *matter,
                step: *step,
                text: text.clone(),
                reason: reason.clone(),
            };
            Ok(vec![Write::Meeting(seal::correct(m, correction)?)])
        }
        Change::ConcludeReview { matter, meeting } => {
            let (mut x, m, c) = cx.work(*matter, *meeting)?;
            at_step(&x, Step::Review, "群众评议")?;
            let review = match x.reviews.last_mut() {
                Some(r) if r.passed.is_none() && r.total() > 0 && r.meeting == m.id => r,
                _ => return Err(Refusal::NoReview),
            };
            let passed = review.reaches(c.satisfaction_threshold);
            review.passed = Some(passed);
            let rate = review.rate_permille().unwrap_or(0);
            let rate = format!("{}.{}%", rate / 10, rate % 10);
            if passed {
                let reason = format!("满意率{rate}，办结");
                move_to(&mut x, Stage::Closed(Closure::Completed), at, m.id, reason);
            } else {
                let reason = format!("满意率{rate}，低于{}%，整改", c.satisfaction_threshold);
                move_to(&mut x, Stage::At(Step::Execute), at, m.id, reason);
            }
            Ok(vec![Write::Matter(x)])
        }
    }
}
