use crate::words;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::council::{Council, Member};
use super::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use super::seal::{Correction, Signature};
use yishi_text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    /// 出席
    Present,
    /// 缺席
    Absent,
    /// 请假: absent for quorum
    Excused,
    /// 列席: speaks, never votes, never counts
    Observing,
}

impl Attendance {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Attendance::Present => lang.say(words::PRESENT),
            Attendance::Absent => lang.say(words::ABSENT),
            Attendance::Excused => lang.say(words::EXCUSED),
            Attendance::Observing => lang.say(words::OBSERVING),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    /// 筹备
    Preparing,
    /// 进行中
    InProgress,
    /// 已结束
    Ended,
}

impl MeetingState {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MeetingState::Preparing => lang.say(words::PREPARING),
            MeetingState::InProgress => lang.say(words::IN_PROGRESS),
            MeetingState::Ended => lang.say(words::ENDED),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    pub council: CouncilId,
    /// 2026年第3次: the year and the number within it.
    pub year: i32,
    pub number: u32,
    pub title: String,
    pub place: String,
    pub start: NaiveDateTime,
    #[serde(default)]
    pub end: Option<NaiveDateTime>,
    pub chair: MemberId,
    pub recorder: MemberId,
    #[serde(default)]
    pub attendance: BTreeMap<MemberId, Attendance>,
    /// Matters in the order they are taken.
    #[serde(default)]
    pub agenda: Vec<MatterId>,
    pub state: MeetingState,
    /// Time each speaker may use in the hearing.
    pub speaker_limit_secs: u32,
    /// Set once the chair and the recorder sign the minutes; the record is sealed from then on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// Corrections made after the meeting ended, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Attendance changed once the meeting was under way (late arrivals, early departures),
    /// in the order recorded. `attendance` is the state after the last of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub movements: Vec<Movement>,
    /// Adjournments (休会), each with when the meeting resumed (复会), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjournments: Vec<Adjournment>,
    /// Proxies (委托) given for this meeting or one of its votes, in the order recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proxies: Vec<Proxy>,
}

/// 委托: a voting member represented by another, for the whole meeting or for one vote; the
/// minutes publish every one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proxy {
    pub principal: MemberId,
    /// Who holds it, as the written authorisation names them (a member or anyone).
    pub holder: String,
    /// The day the authorisation is dated.
    pub given: NaiveDate,
    /// The one vote it is for; none: the whole meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion: Option<MotionId>,
}

/// The meeting adjourned at `at`, and resumed at `resumed` (none while it stands adjourned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjournment {
    pub at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resumed: Option<NaiveDateTime>,
}

/// A member's attendance changed while the meeting was under way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement {
    pub at: NaiveDateTime,
    pub member: MemberId,
    /// Unmarked before, when `None`.
    #[serde(default)]
    pub from: Option<Attendance>,
    pub to: Attendance,
}

impl Movement {
    /// 迟到: in the room from here on, and not before.
    pub fn is_arrival(&self) -> bool {
        self.to == Attendance::Present && self.from != Some(Attendance::Present)
    }

    /// 早退: present before, gone from here on.
    pub fn is_departure(&self) -> bool {
        self.from == Some(Attendance::Present) && self.to != Attendance::Present
    }
}

/// Who came, as the quorum rule sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Turnout {
    /// 应到: voting members.
    pub entitled: u32,
    /// 实到: voting members present.
    pub present: u32,
    pub excused: Vec<MemberId>,
    /// Voting members marked absent or not marked at all.
    pub absent: Vec<MemberId>,
    /// Everyone marked 列席, observers and voting members alike.
    pub observing: Vec<MemberId>,
    /// Voting members not in the room, represented by proxy and counted present because the
    /// rule says so.
    pub by_proxy: Vec<MemberId>,
}

impl Meeting {
    /// Whether the meeting stands adjourned (休会), not yet resumed.
    pub fn adjourned(&self) -> bool {
        self.adjournments
            .last()
            .is_some_and(|a| a.resumed.is_none())
    }

    /// The proxy that lets another vote for `member` in `motion`: one for that vote, or for the
    /// whole meeting.
    pub fn proxy_for(&self, member: MemberId, motion: Option<MotionId>) -> Option<&Proxy> {
        self.proxies
            .iter()
            .rev()
            .find(|p| p.principal == member && (p.motion.is_none() || p.motion == motion))
    }

    pub fn attendance_of(&self, member: MemberId) -> Option<Attendance> {
        self.attendance.get(&member).copied()
    }

    /// Where the roll stands now: how many movements have been recorded. A vote keeps the
    /// position at which it opened, so its quorum is that moment's.
    pub fn roll(&self) -> usize {
        self.movements.len()
    }

    /// The member's attendance after the first `roll` movements (`None`: as it stands now).
    pub fn attendance_at(&self, member: MemberId, roll: Option<usize>) -> Option<Attendance> {
        let mut a = self.attendance_of(member);
        if let Some(k) = roll {
            for m in self.movements.iter().skip(k).rev() {
                if m.member == member {
                    a = m.from;
                }
            }
        }
        a
    }

    /// The members on this meeting's roll: those serving on its day, in council order.
    pub fn roll_of<'c>(&self, council: &'c Council) -> Vec<&'c Member> {
        council.members_on(self.start.date()).collect()
    }

    pub fn turnout(&self, council: &Council) -> Turnout {
        self.turnout_at(council, None)
    }

    /// Who was there after the first `roll` movements (`None`: now).
    pub fn turnout_at(&self, council: &Council, roll: Option<usize>) -> Turnout {
        let mut t = Turnout::default();
        // The roll of the meeting's day: who had joined and not yet left.
        for m in council.members_on(self.start.date()) {
            let a = self.attendance_at(m.id, roll);
            if a == Some(Attendance::Observing) {
                t.observing.push(m.id);
            }
            if !m.voting {
                continue;
            }
            t.entitled += 1;
            // Represented for the whole meeting, where the rule counts that as present.
            let represented = a != Some(Attendance::Present)
                && council.rule.proxies.is_some_and(|p| p.quorum)
                && self
                    .proxy_for(m.id, None)
                    .is_some_and(|p| p.motion.is_none());
            if represented {
                t.present += 1;
                t.by_proxy.push(m.id);
                continue;
            }
            match a {
                Some(Attendance::Present) => t.present += 1,
                Some(Attendance::Excused) => t.excused.push(m.id),
                Some(Attendance::Observing) => {}
                Some(Attendance::Absent) | None => t.absent.push(m.id),
            }
        }
        t
    }

    /// 2026年第3次会议
    pub fn label(&self, lang: Lang) -> String {
        self.numbered().label(lang)
    }

    pub fn numbered(&self) -> MeetingNumber {
        MeetingNumber {
            year: self.year,
            number: self.number,
        }
    }
}

/// A meeting's year and its number in the year: the one way each language writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingNumber {
    pub year: i32,
    pub number: u32,
}

impl MeetingNumber {
    /// 2026年第3次会议, "2026 meeting no. 3": minutes, messages and screens.
    pub fn label(self, lang: Lang) -> String {
        let (year, number) = (self.year, self.number);
        match lang {
            Lang::ZhHans => format!("{year}年第{number}次会议"),
            Lang::ZhHant => format!("{year}年第{number}次會議"),
            Lang::En => format!("{year} meeting no. {number}"),
        }
    }

    /// 2026年第3次, "2026-3" (as `yishi minutes` takes it): a column of a list.
    pub fn short(self, lang: Lang) -> String {
        let (year, number) = (self.year, self.number);
        match lang {
            Lang::ZhHans | Lang::ZhHant => format!("{year}年第{number}次"),
            Lang::En => format!("{year}-{number}"),
        }
    }
}
