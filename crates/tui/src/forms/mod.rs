//! The forms the chair fills in, and the changes each becomes. A form that cannot become a
//! change (an empty field, a date that does not exist) says why and stays open.

use crate::words;
use crate::words::TITLE;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::data::Data;
use super::form::{Field, Form};
use yishi_domain::{
    Author, Channel, Matter, MatterId, MeetingId, MemberId, MotionId, Stance, VoteMode,
};
use yishi_text::{Lang, chinese_number};

mod changes;
pub mod council;
pub mod election;
pub mod kind;
mod motions;
pub use changes::changes;
pub use council::{member, member_leaves, new_council, proxy, sell_unit};
pub use kind::{FormKind, Target};
pub use motions::{amendment, motion, motion_correction};

const STANCES: [Stance; 3] = [Stance::For, Stance::Against, Stance::Neutral];
const MODES: [VoteMode; 3] = [VoteMode::RollCall, VoteMode::ShowOfHands, VoteMode::Secret];

pub(crate) fn names(data: &Data, ids: &[MemberId]) -> Vec<String> {
    let Some(c) = &data.council else {
        return Vec::new();
    };
    ids.iter().map(|id| c.name_of(*id)).collect()
}

fn labels<T: Copy>(all: &[T], label: impl Fn(T, Lang) -> &'static str, lang: Lang) -> Vec<String> {
    all.iter().map(|x| label(*x, lang).to_string()).collect()
}

/// Members in council order (only the voting ones where only they may act): those on the
/// roll of the meeting open, or with none open, those who have not left.
pub(crate) fn members(data: &Data, voting_only: bool) -> Vec<MemberId> {
    let Some(c) = &data.council else {
        return Vec::new();
    };
    let day = data.meeting.as_ref().map(|m| m.start.date());
    c.members
        .iter()
        .filter(|m| m.voting || !voting_only)
        .filter(|m| day.map_or(m.until.is_none(), |d| m.serves_on(d)))
        .map(|m| m.id)
        .collect()
}

/// The voting members in the room now: those who may move or second a motion, offered
/// alone so that nobody absent or sitting in is offered and refused only on Enter.
pub(crate) fn in_the_room(data: &Data) -> Vec<MemberId> {
    let here = |id: &MemberId| {
        data.meeting
            .as_ref()
            .is_none_or(|m| m.attendance_of(*id) == Some(yishi_domain::Attendance::Present))
    };
    members(data, true).into_iter().filter(here).collect()
}

pub fn new_meeting(data: &Data, now: NaiveDateTime) -> Option<Form> {
    let council = data.council.as_ref()?;
    let ids = members(data, false);
    // The last meeting's place, chair and recorder are the likeliest.
    let last = data.latest.as_ref();
    let place = last.map(|m| m.place.clone()).unwrap_or_default();
    let at = |who: Option<MemberId>, or: usize| {
        who.and_then(|w| ids.iter().position(|id| *id == w))
            .unwrap_or(or.min(ids.len().saturating_sub(1)))
    };
    let chair = at(last.map(|m| m.chair), 0);
    let recorder = at(last.map(|m| m.recorder), 1);
    let title = format!("{}月议事", chinese_number(now.month()));
    let start = now.format("%Y-%m-%d %H:%M").to_string();
    Some(Form::new(
        FormKind::NewMeeting {
            council: council.id,
            members: ids.clone(),
        },
        words::NEW_MEETING,
        vec![
            Field::text(TITLE, &title),
            Field::text(words::PLACE, &place),
            Field::text(words::STARTS_YYYY_MM_DD_HH, &start),
            Field::choice(words::CHAIR, names(data, &ids), chair),
            Field::choice(words::RECORDER, names(data, &ids), recorder),
            Field::text(words::SPEAKING_TIME_EACH_MINUTES, "3"),
        ],
    ))
}

pub fn new_matter(meeting: MeetingId) -> Form {
    Form::new(
        FormKind::NewMatter {
            meeting,
            replacing: None,
        },
        words::NEW_MATTER,
        vec![
            Field::text(words::MATTER_TITLE, ""),
            Field::text(words::SHORT_TITLE_FOR_THE_WALL, ""),
        ],
    )
}

/// A matter's title and short title to put right, as they read now.
pub fn matter_title(meeting: MeetingId, matter: &Matter) -> Form {
    Form::new(
        FormKind::NewMatter {
            meeting,
            replacing: Some(matter.id),
        },
        words::RETITLE_MATTER,
        vec![
            Field::text(words::MATTER_TITLE, &matter.title),
            Field::text(words::SHORT_TITLE_FOR_THE_WALL, &matter.short_title),
        ],
    )
}

fn author_choices(data: &Data, ids: &[MemberId], lang: Lang) -> Vec<String> {
    let mut v = vec![lang.say(words::ANONYMOUS).to_string()];
    v.extend(names(data, ids));
    v
}

/// Where `author` stands in `author_choices` (anonymous first), and a resident's name.
fn author_at<'a>(ids: &[MemberId], author: &'a Author) -> (usize, &'a str) {
    match author {
        Author::Member(id) => (ids.iter().position(|m| m == id).map_or(0, |i| i + 1), ""),
        Author::Resident(name) => (0, name.as_str()),
        Author::Anonymous => (0, ""),
    }
}

pub fn opinion(data: &Data, matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    opinion_form(data, matter, meeting, None, lang)
}

/// The opinion at `index` to put right, its fields as recorded.
pub fn opinion_correction(
    data: &Data,
    matter: MatterId,
    meeting: MeetingId,
    index: usize,
    lang: Lang,
) -> Option<Form> {
    let o = data.matter(matter)?.opinions.get(index)?.clone();
    let mut form = opinion_form(data, matter, meeting, Some(index), lang);
    let ids = members(data, false);
    let (from, resident) = author_at(&ids, &o.author);
    let channel = Channel::ALL
        .iter()
        .position(|c| *c == o.channel)
        .unwrap_or(0);
    form.fields = vec![
        Field::choice(words::FROM, author_choices(data, &ids, lang), from),
        Field::text(words::RESIDENT_NAME, resident),
        Field::choice(
            words::CHANNEL,
            labels(&Channel::ALL, Channel::label, lang),
            channel,
        ),
        Field::text(words::THE_OPINION, &o.text),
    ];
    form.focus = 3;
    Some(form)
}

fn opinion_form(
    data: &Data,
    matter: MatterId,
    meeting: MeetingId,
    replacing: Option<usize>,
    lang: Lang,
) -> Form {
    let ids = members(data, false);
    let title = if replacing.is_some() {
        words::CORRECT_THE_OPINION
    } else {
        words::RECORD_AN_OPINION
    };
    Form::new(
        FormKind::Opinion {
            matter,
            meeting,
            members: ids.clone(),
            replacing,
        },
        title,
        vec![
            Field::choice(words::FROM, author_choices(data, &ids, lang), 0),
            Field::text(words::RESIDENT_NAME, ""),
            Field::choice(
                words::CHANNEL,
                labels(&Channel::ALL, Channel::label, lang),
                0,
            ),
            Field::text(words::THE_OPINION, ""),
        ],
    )
}

pub fn speaker(data: &Data, matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    let ids = members(data, false);
    Form::new(
        FormKind::Speaker {
            matter,
            meeting,
            members: ids.clone(),
            replacing: None,
        },
        words::ADD_A_SPEAKER,
        vec![
            Field::choice(
                words::SPEAKER,
                author_choices(data, &ids, lang),
                1.min(ids.len()),
            ),
            Field::text(words::RESIDENT_NAME, ""),
            Field::choice(words::STANCE, labels(&STANCES, Stance::label, lang), 0),
        ],
    )
}

/// The speaker at `index`, listed at this meeting, to put right: who, the stance and, once
/// heard, the summary.
pub fn speaker_correction(
    data: &Data,
    matter: MatterId,
    meeting: MeetingId,
    index: usize,
    lang: Lang,
) -> Option<Form> {
    let s = data.matter(matter)?.speeches.get(index)?.clone();
    let mut form = speaker(data, matter, meeting, lang);
    let ids = members(data, false);
    let (who, resident) = author_at(&ids, &s.speaker);
    let stance = STANCES.iter().position(|x| *x == s.stance).unwrap_or(0);
    form.kind = FormKind::Speaker {
        matter,
        meeting,
        members: ids.clone(),
        replacing: Some(index),
    };
    form.title = words::CORRECT_THE_SPEAKER;
    form.fields = vec![
        Field::choice(words::SPEAKER, author_choices(data, &ids, lang), who),
        Field::text(words::RESIDENT_NAME, resident),
        Field::choice(words::STANCE, labels(&STANCES, Stance::label, lang), stance),
    ];
    if s.done {
        form.fields.push(Field::text(words::SUMMARY, &s.summary));
        form.focus = 3;
    }
    Some(form)
}

pub fn speech(
    matter: MatterId,
    meeting: MeetingId,
    index: usize,
    seconds: u32,
    stance: Stance,
    lang: Lang,
) -> Form {
    let at = STANCES.iter().position(|s| *s == stance).unwrap_or(0);
    Form::new(
        FormKind::Speech {
            matter,
            meeting,
            index,
            seconds,
        },
        words::RECORD_THE_SPEECH,
        vec![
            Field::choice(words::STANCE, labels(&STANCES, Stance::label, lang), at),
            Field::text(words::SUMMARY, ""),
        ],
    )
}

pub fn counts(motion: MotionId, secret: bool) -> Form {
    let mut fields = vec![
        Field::text(words::YES, ""),
        Field::text(words::NO_HEADING, ""),
        Field::text(words::ABSTAIN, ""),
    ];
    let title = if secret {
        fields.push(Field::text(words::SPOILED, ""));
        words::COUNT_THE_BALLOT_BOX
    } else {
        words::ENTER_THE_COUNTS
    };
    Form::new(FormKind::Counts { motion, secret }, title, fields)
}

pub fn resolve(matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    Form::new(
        FormKind::Resolve { matter, meeting },
        words::THE_MOTION_FAILED_WHAT_NOW,
        vec![
            Field::choice(
                words::DECISION,
                vec![
                    lang.say(words::BACK_TO_COLLECTION_FOR_NEW).to_string(),
                    lang.say(words::NOT_ADOPTED_CLOSE_THE_MATTER).to_string(),
                ],
                0,
            ),
            Field::text(words::REASON, ""),
        ],
    )
}

/// Concluding 办结 while tasks are still open: why, all the same.
pub fn conclude(matter: MatterId, meeting: MeetingId) -> Form {
    Form::new(
        FormKind::Conclude { matter, meeting },
        words::COMPLETED_WITH_TASKS_STILL_OPEN,
        vec![Field::text(words::REASON, "")],
    )
}

pub fn task(matter: MatterId, meeting: MeetingId, today: NaiveDate, lang: Lang) -> Form {
    let due = today.checked_add_days(Days::new(30)).unwrap_or(today);
    let fields = ["", "", &due.to_string()];
    task_form((matter, meeting, None), fields, false, lang)
}

/// The task at `index` to put right, its fields as given.
pub fn task_correction(
    data: &Data,
    matter: MatterId,
    meeting: MeetingId,
    index: usize,
    lang: Lang,
) -> Option<Form> {
    let t = data.matter(matter)?.tasks.get(index)?;
    let due = t.due.to_string();
    Some(task_form(
        (matter, meeting, Some(index)),
        [&t.text, &t.owner, &due],
        t.supervised,
        lang,
    ))
}

fn task_form(
    (matter, meeting, replacing): (MatterId, MeetingId, Option<usize>),
    [text, owner, due]: [&str; 3],
    supervised: bool,
    lang: Lang,
) -> Form {
    let title = if replacing.is_some() {
        words::CORRECT_THE_TASK
    } else {
        words::ADD_A_TASK
    };
    Form::new(
        FormKind::Task {
            matter,
            meeting,
            replacing,
        },
        title,
        vec![
            Field::text(words::TASK, text),
            Field::text(words::OWNER_PERSON_OR_DEPARTMENT, owner),
            Field::text(words::DUE_YYYY_MM_DD, due),
            Field::choice(
                words::SUPERVISED_FIELD,
                vec![
                    lang.say(words::NO_CHOICE).to_string(),
                    lang.say(words::YES_CHOICE).to_string(),
                ],
                usize::from(supervised),
            ),
        ],
    )
}

pub fn progress(matter: MatterId, meeting: MeetingId, task: usize, percent: u8) -> Form {
    Form::new(
        FormKind::Progress {
            matter,
            meeting,
            task,
        },
        words::RECORD_PROGRESS,
        vec![
            Field::text(words::PERCENT_DONE_0_100, &percent.to_string()),
            Field::text(words::NOTE, ""),
        ],
    )
}

pub fn review(matter: MatterId, meeting: MeetingId) -> Form {
    Form::new(
        FormKind::Review { matter, meeting },
        words::RESIDENTS_REVIEW,
        vec![
            Field::text(words::SATISFIED, ""),
            Field::text(words::BASICALLY_SATISFIED, ""),
            Field::text(words::DISSATISFIED, ""),
            Field::text(words::COMMENTS_SEPARATE_WITH, ""),
        ],
    )
}
