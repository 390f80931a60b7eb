//! `yishi demo`: the console on a throwaway copy of the sample council, with a meeting under way
//! (the roll call taken, a matter at the vote), so that a newcomer sees the real console at once.

use crate::domain::{
    AddOpinion, AddSpeaker, Advance, CreateMatter, CreateMeeting, MarkAttendance, OpenVote,
    ProposeMotion, RecordSpeech, StartMeeting,
};
use chrono::{Duration, Local, NaiveDateTime, Timelike};
use std::path::PathBuf;

use super::Failure;
use super::import::{SAMPLE, import_into};
use super::progress::Progress;
use crate::domain::{
    Attendance, Author, Change, Channel, MatterId, MeetingId, MemberId, MotionId, Records, Stance,
    Step, VoteMode,
};
use crate::store::{Store, StoreError};
use crate::text::Lang;

pub fn demo(lang: Lang, look: crate::tui::Look<'_>) -> Result<(), Failure> {
    let stamp = Local::now().format("%Y%m%d%H%M%S%f");
    let dir: PathBuf =
        std::env::temp_dir().join(format!("yishi-demo-{}-{stamp}", std::process::id()));
    let result = (|| {
        let mut store = Store::open(&dir)?;
        let size = Some(SAMPLE.len() as u64);
        import_into(
            &mut store,
            SAMPLE.as_bytes(),
            size,
            lang,
            &mut Progress::new(lang),
        )?;
        let at = live_meeting(&mut store, crate::store::now())?;
        crate::tui::run_at(store, lang, look, Some(at)).map_err(Failure::Said)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// A meeting of the sample's council begun half an hour before `now`: the roll call taken,
/// one matter heard and moved, its roll-call vote open. Returns the meeting and the matter.
pub fn live_meeting(
    store: &mut Store,
    now: NaiveDateTime,
) -> Result<(MeetingId, MatterId), StoreError> {
    let last = store
        .latest_meeting()?
        .and_then(|h| store.meeting(h.id).transpose())
        .transpose()
        .map_err(StoreError::from)?
        .ok_or_else(|| StoreError::Damaged {
            detail: "the sample holds no meeting".into(),
        })?;
    let council = store
        .council(last.council)
        .map_err(StoreError::from)?
        .ok_or_else(|| StoreError::Damaged {
            detail: "the sample holds no council".into(),
        })?;
    let start = now.with_second(0).unwrap_or(now) - Duration::minutes(30);
    let minute = |m: i64| start + Duration::minutes(m);
    let first = store.next_id()?;
    let meeting = MeetingId(first);
    let matter = MatterId(first + 1);
    let motion = MotionId(first + 2);
    let voting: Vec<MemberId> = council.voting_members().map(|m| m.id).collect();
    // One voting member sent apologies; the rest came, observers observe.
    let excused = voting.get(3).copied();
    let mut changes = vec![(
        Change::CreateMeeting(CreateMeeting {
            id: meeting,
            council: council.id,
            title: format!("{}月议事：五号楼加装电梯", start.format("%-m")),
            place: last.place.clone(),
            start,
            chair: last.chair,
            recorder: last.recorder,
            speaker_limit_secs: last.speaker_limit_secs,
        }),
        minute(-10),
    )];
    for m in &council.members {
        let attendance = if !m.voting {
            Attendance::Observing
        } else if Some(m.id) == excused {
            Attendance::Excused
        } else {
            Attendance::Present
        };
        changes.push((
            Change::MarkAttendance(MarkAttendance {
                meeting,
                member: m.id,
                attendance,
            }),
            minute(-5),
        ));
    }
    changes.push((Change::StartMeeting(StartMeeting { meeting }), minute(0)));
    changes.push((
        Change::CreateMatter(CreateMatter {
            id: matter,
            meeting,
            title: "老旧公房加装电梯（5号楼）".into(),
            short_title: "5号楼加装电梯".into(),
        }),
        minute(1),
    ));
    let speaker = |i: usize| voting.get(i).copied().unwrap_or(last.chair);
    for (author, channel, text) in [
        (
            Author::Member(speaker(5)),
            Channel::Visit,
            "五号楼住户多为老人，爬六楼很吃力，已征得大部分住户同意。",
        ),
        (
            Author::Resident("一楼住户".into()),
            Channel::Book,
            "担心电梯井挡住一楼采光，希望给予适当补偿。",
        ),
    ] {
        changes.push((
            Change::AddOpinion(AddOpinion {
                matter,
                meeting,
                date: start.date(),
                author,
                channel,
                text: text.into(),
            }),
            minute(4),
        ));
    }
    changes.push((
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Hear,
        }),
        minute(8),
    ));
    for (i, (who, stance, summary)) in [
        (
            Author::Member(speaker(6)),
            Stance::For,
            "加装电梯是老年住户的迫切需要，建议尽快表决。",
        ),
        (
            Author::Resident("一楼住户".into()),
            Stance::Against,
            "采光补偿方案要先落实。",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        changes.push((
            Change::AddSpeaker(AddSpeaker {
                matter,
                meeting,
                speaker: who,
                stance,
            }),
            minute(10),
        ));
        changes.push((
            Change::RecordSpeech(RecordSpeech {
                matter,
                meeting,
                index: i,
                stance,
                summary: summary.into(),
                seconds_used: 150 + 20 * i as u32,
            }),
            minute(14 + 4 * i as i64),
        ));
    }
    changes.push((
        Change::Advance(Advance {
            matter,
            meeting,
            to: Step::Decide,
        }),
        minute(24),
    ));
    changes.push((
        Change::ProposeMotion(ProposeMotion {
            id: motion,
            matter,
            meeting,
            text: "同意5号楼加装电梯，一楼住户按协议获得采光补偿。".into(),
            mover: last.chair,
            seconder: Some(speaker(6)),
            mode: VoteMode::RollCall,
            item: None,
        }),
        minute(26),
    ));
    changes.push((Change::OpenVote(OpenVote { motion }), minute(28)));
    for (change, at) in changes {
        store.apply(&change, at)?;
    }
    Ok((meeting, matter))
}
