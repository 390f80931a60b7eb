//! A livelihood matter (民生事项) and what each of its five steps records.

use crate::words;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use yishi_text::Lang;

/// The five steps (五步工作法).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Collect,
    Hear,
    Decide,
    Execute,
    Review,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Collect,
        Step::Hear,
        Step::Decide,
        Step::Execute,
        Step::Review,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Step::Collect => lang.say(words::COLLECT),
            Step::Hear => lang.say(words::HEAR),
            Step::Decide => lang.say(words::DECIDE),
            Step::Execute => lang.say(words::EXECUTE),
            Step::Review => lang.say(words::REVIEW),
        }
    }
}

/// How a matter ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Closure {
    /// 办结: executed and reviewed with enough satisfaction.
    Completed,
    /// 不予采纳: the motion was rejected and the chair closed the matter.
    NotAdopted,
}

/// Where a matter stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    At(Step),
    Closed(Closure),
}

impl Stage {
    pub fn step(self) -> Option<Step> {
        match self {
            Stage::At(s) => Some(s),
            Stage::Closed(_) => None,
        }
    }

    pub fn is_open(self) -> bool {
        matches!(self, Stage::At(_))
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stage::At(s) => s.label(lang),
            Stage::Closed(Closure::Completed) => lang.say(words::COMPLETED),
            Stage::Closed(Closure::NotAdopted) => lang.say(words::NOT_ADOPTED),
        }
    }
}

/// Who gave an opinion or spoke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    Member(MemberId),
    /// A resident who is not a council member, by name.
    Resident(String),
    Anonymous,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 意见簿
    Book,
    /// 上门走访
    Visit,
    /// 线上
    Online,
    /// 电话
    Phone,
    /// 议事厅
    Hall,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Book,
        Channel::Visit,
        Channel::Online,
        Channel::Phone,
        Channel::Hall,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::Book => lang.say(words::COMMENT_BOOK),
            Channel::Visit => lang.say(words::HOME_VISIT),
            Channel::Online => lang.say(words::ONLINE),
            Channel::Phone => lang.say(words::PHONE),
            Channel::Hall => lang.say(words::COUNCIL_HALL),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opinion {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub author: Author,
    pub channel: Channel,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    For,
    Against,
    Neutral,
}

impl Stance {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Stance::For => lang.say(words::FOR),
            Stance::Against => lang.say(words::AGAINST),
            Stance::Neutral => lang.say(words::NEUTRAL),
        }
    }
}

/// One turn on the hearing's speakers list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speech {
    pub meeting: MeetingId,
    pub speaker: Author,
    pub stance: Stance,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub seconds_used: u32,
    /// False while the speaker is still waiting on the list.
    #[serde(default)]
    pub done: bool,
    /// The meeting's roll position (see `Meeting::roll`) when the speech was heard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roll: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub percent: u8,
    pub note: String,
}

/// A task from the adopted motion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub meeting: MeetingId,
    pub text: String,
    /// A person or a department.
    pub owner: String,
    pub due: NaiveDate,
    /// 督办 as set when the task was given; later changes are in `supervision`.
    #[serde(default)]
    pub supervised: bool,
    #[serde(default)]
    pub progress: Vec<Progress>,
    /// Supervision turned on or off at a later meeting (the earlier minutes stay as they were).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervision: Vec<Supervision>,
}

/// 督办 turned on or off at a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    pub meeting: MeetingId,
    pub on: bool,
}

impl Task {
    pub fn percent(&self) -> u8 {
        self.progress.last().map_or(0, |p| p.percent)
    }

    /// 督办 now: under the council's supervision.
    pub fn is_supervised(&self) -> bool {
        self.supervision.last().map_or(self.supervised, |s| s.on)
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.percent() < 100 && today > self.due
    }
}

/// Residents' satisfaction, gathered at one meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub meeting: MeetingId,
    pub satisfied: u32,
    pub basically_satisfied: u32,
    pub dissatisfied: u32,
    #[serde(default)]
    pub comments: Vec<String>,
    /// Set when the review is concluded: 办结 (true) or 整改 (false).
    #[serde(default)]
    pub passed: Option<bool>,
}

impl Review {
    pub fn total(&self) -> u32 {
        self.satisfied + self.basically_satisfied + self.dissatisfied
    }

    /// The satisfaction rate in tenths of a percent, rounded down: (满意 + 基本满意) / total.
    pub fn rate_permille(&self) -> Option<u32> {
        let total = u64::from(self.total());
        if total == 0 {
            return None;
        }
        let good = u64::from(self.satisfied + self.basically_satisfied);
        u32::try_from(good * 1000 / total).ok()
    }

    /// Whether the rate reaches `threshold` percent, decided in integers.
    pub fn reaches(&self, threshold: u8) -> bool {
        let good = u64::from(self.satisfied + self.basically_satisfied);
        let total = u64::from(self.total());
        total > 0 && good * 100 >= u64::from(threshold) * total
    }
}

/// A recorded move of a matter from one stage to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    pub at: NaiveDateTime,
    pub meeting: MeetingId,
    pub from: Stage,
    pub to: Stage,
    #[serde(default)]
    pub reason: String,
    /// Why a matter was concluded 办结 with tasks not all done (empty when they all were).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub waiver: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Matter {
    pub id: MatterId,
    pub council: CouncilId,
    pub title: String,
    /// A few characters for the wall and the stepper.
    pub short_title: String,
    pub opened: NaiveDateTime,
    pub opened_in: MeetingId,
    pub stage: Stage,
    #[serde(default)]
    pub opinions: Vec<Opinion>,
    #[serde(default)]
    pub speeches: Vec<Speech>,
    #[serde(default)]
    pub motions: Vec<MotionId>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub reviews: Vec<Review>,
    #[serde(default)]
    pub history: Vec<Transition>,
    /// Entries taken back before their meeting's minutes were signed: kept, out of the lists
    /// the record counts and the minutes show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawn: Vec<Withdrawn>,
    /// The titles it read before they were put right (更正), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_titles: Vec<EarlierTitle>,
}

/// A matter's title as it read before it was put right, when, and at which meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierTitle {
    pub title: String,
    pub short_title: String,
    pub replaced: NaiveDateTime,
    pub meeting: MeetingId,
}

/// An entry taken back, when, and at which meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawn {
    pub at: NaiveDateTime,
    pub meeting: MeetingId,
    pub entry: Entry,
    /// Put right rather than taken back: the entry as it now reads took its place.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replaced: bool,
}

/// An entry of a matter's lists, whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entry {
    Opinion(Opinion),
    Speech(Speech),
    Task(Task),
}

/// Which list an entry is on, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryRef {
    Opinion(usize),
    Speech(usize),
    Task(usize),
}

impl Matter {
    /// How many times a review sent the matter back for 整改.
    pub fn rectifications(&self) -> usize {
        self.reviews
            .iter()
            .filter(|r| r.passed == Some(false))
            .count()
    }

    /// The step the matter last stood at, for a closed matter too.
    pub fn last_step(&self) -> Step {
        match self.stage {
            Stage::At(s) => s,
            Stage::Closed(Closure::Completed) => Step::Review,
            Stage::Closed(Closure::NotAdopted) => Step::Decide,
        }
    }
}
