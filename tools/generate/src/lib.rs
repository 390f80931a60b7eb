//! A realistic archive at any scale, for benchmarks: councils that meet monthly, each meeting
//! taking up new matters and carrying older ones through the five steps, with opinions,
//! speeches, roll-call ballots, tasks and reviews in proportions like the sample. Every record
//! is made by applying real changes, so the result is a valid export document. A tool of the
//! tests and benchmarks, not part of the yishi program; from the command line:
//! `cargo run --release -p yishi-generate --example generate -- --meetings N -o FILE`.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;
use yishi_domain::{
    AddOpinion, AddToAgenda, CreateCouncil, CreateMatter, CreateMeeting, EndMeeting,
    MarkAttendance, SignMeeting, StartMeeting,
};

mod step;
mod words;

use words::{Dice, GIVEN, PLACES, SUBJECTS, SURNAMES, WHERE, sentence};

use yishi_domain::{
    Affiliation, Attendance, Author, Change, Channel, Council, CouncilId, Document, Matter,
    MatterId, Meeting, MeetingId, Member, MemberId, MemoryRecords, Motion, MotionId, ReadError,
    Records, Write, apply, presets,
};

/// The records made so far, with the numbers each council has given its meetings in each year
/// kept beside them: the records alone would be walked whole for every new meeting.
#[derive(Default)]
struct Built {
    all: MemoryRecords,
    numbers: BTreeMap<(CouncilId, i32), Vec<u32>>,
}

impl Built {
    fn put(&mut self, w: Write) {
        if let Write::Meeting(m) = &w {
            let used = self.numbers.entry((m.council, m.year)).or_default();
            if !used.contains(&m.number) {
                used.push(m.number);
            }
        }
        self.all.put(w);
    }
}

impl Records for Built {
    fn council(&self, id: CouncilId) -> Result<Option<Council>, ReadError> {
        self.all.council(id)
    }
    fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, ReadError> {
        self.all.meeting(id)
    }
    fn matter(&self, id: MatterId) -> Result<Option<Matter>, ReadError> {
        self.all.matter(id)
    }
    fn motion(&self, id: MotionId) -> Result<Option<Motion>, ReadError> {
        self.all.motion(id)
    }
    fn meeting_numbers(&self, council: CouncilId, year: i32) -> Result<Vec<u32>, ReadError> {
        Ok(self
            .numbers
            .get(&(council, year))
            .cloned()
            .unwrap_or_default())
    }
    fn last_held(&self, council: CouncilId) -> Result<Option<chrono::NaiveDate>, ReadError> {
        self.all.last_held(council)
    }
    fn is_empty(&self) -> Result<bool, ReadError> {
        self.all.is_empty()
    }
    fn council_names(&self) -> Result<Vec<(CouncilId, String)>, ReadError> {
        self.all.council_names()
    }
}

struct Builder {
    records: Built,
    next: u64,
    /// Councils meet one after another, so the matters of the council meeting now all have
    /// ids from here on: its open matters are found without walking every earlier council's.
    council_matters: MatterId,
    dice: Dice,
}

impl Builder {
    fn id(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    fn apply(&mut self, change: Change, at: NaiveDateTime) -> Result<(), String> {
        let writes = apply(&change, at, &self.records)
            .map_err(|r| format!("{change:?}: {}", r.describe(yishi_text::Lang::En)))?;
        for w in writes {
            self.records.put(w);
        }
        Ok(())
    }

    fn council(&mut self, n: usize) -> Result<Council, String> {
        let id = CouncilId(self.id());
        let mut members = Vec::new();
        for i in 0..17 {
            // Names on one roll differ, as the console requires.
            let mut name = String::new();
            for _ in 0..20 {
                name = format!("{}{}", self.dice.pick(SURNAMES), self.dice.pick(GIVEN));
                if !members.iter().any(|m: &Member| m.name == name) {
                    break;
                }
            }
            if members.iter().any(|m: &Member| m.name == name) {
                name = format!("{name}（{}）", i + 1);
            }
            let affiliation = match i {
                0..=2 => Affiliation::PartyCommittee,
                3..=4 => Affiliation::PartyBranch,
                5..=7 => Affiliation::OwnersCommittee,
                8..=9 => Affiliation::PropertyCompany,
                _ => Affiliation::ResidentRepresentative,
            };
            members.push(Member::founding(
                MemberId(self.id()),
                &name,
                affiliation,
                i < 15,
            ));
        }
        let rule = presets()
            .into_iter()
            .find(|r| r.key == "representatives-meeting")
            .ok_or("no representatives-meeting preset")?;
        let council = Council {
            id,
            name: format!("{}社区居民议事会（{}）", PLACES[n % PLACES.len()], n + 1),
            members,
            rule,
            satisfaction_threshold: 80,
            keys: Vec::new(),
        };
        self.apply(
            Change::CreateCouncil(CreateCouncil {
                council: Box::new(council.clone()),
            }),
            NaiveDateTime::default(),
        )?;
        Ok(council)
    }

    /// One meeting of `council` on `day`: roll call, then each open matter one step further,
    /// then two new matters.
    fn meeting(&mut self, council: &Council, day: NaiveDate) -> Result<(), String> {
        let start = day.and_hms_opt(14, 30, 0).ok_or("time")?;
        let mut at = start;
        let mut tick = |m: i64| {
            at += Duration::minutes(m);
            at
        };
        let id = MeetingId(self.id());
        let voters: Vec<MemberId> = council.voting_members().map(|m| m.id).collect();
        self.apply(
            Change::CreateMeeting(CreateMeeting {
                id,
                council: council.id,
                title: format!("{}月议事", day.month()),
                place: format!(
                    "{}党群服务中心议事厅",
                    &council.name[..council.name.find('社').unwrap_or(0)]
                ),
                start,
                chair: voters[0],
                recorder: voters[3],
                speaker_limit_secs: 180,
            }),
            start - Duration::minutes(30),
        )?;
        let away = self.dice.below(3);
        for (i, m) in council.members.iter().enumerate() {
            let attendance = if !m.voting {
                Attendance::Observing
            } else if i >= 15 - away {
                Attendance::Excused
            } else {
                Attendance::Present
            };
            self.apply(
                Change::MarkAttendance(MarkAttendance {
                    meeting: id,
                    member: m.id,
                    attendance,
                }),
                start,
            )?;
        }
        self.apply(Change::StartMeeting(StartMeeting { meeting: id }), start)?;
        let open: Vec<MatterId> = self
            .records
            .all
            .matters
            .range(self.council_matters..)
            .map(|(_, x)| x)
            .filter(|x| x.council == council.id && x.stage.is_open())
            .map(|x| x.id)
            .take(10)
            .collect();
        for x in open {
            self.apply(
                Change::AddToAgenda(AddToAgenda {
                    meeting: id,
                    matter: x,
                }),
                tick(1),
            )?;
            self.step(id, x, &voters, &mut tick)?;
        }
        for _ in 0..6 {
            let x = MatterId(self.id());
            let subject = format!("{}{}", self.dice.pick(WHERE), self.dice.pick(SUBJECTS));
            self.apply(
                Change::CreateMatter(CreateMatter {
                    id: x,
                    meeting: id,
                    title: format!("{subject}问题"),
                    short_title: subject,
                }),
                tick(2),
            )?;
            for _ in 0..2 + self.dice.below(3) {
                let who = Author::Member(voters[self.dice.below(voters.len())]);
                let channel = Channel::ALL[self.dice.below(Channel::ALL.len())];
                let clauses = 2 + self.dice.below(3);
                let text = sentence(&mut self.dice, clauses);
                self.apply(
                    Change::AddOpinion(AddOpinion {
                        matter: x,
                        meeting: id,
                        date: day,
                        author: who,
                        channel,
                        text,
                    }),
                    tick(1),
                )?;
            }
            // Half the new matters are heard and decided at once, as an urgent matter is.
            if self.dice.below(2) == 0 {
                self.step(id, x, &voters, &mut tick)?;
            }
        }
        self.apply(Change::EndMeeting(EndMeeting { meeting: id }), tick(10))?;
        self.apply(
            Change::SignMeeting(SignMeeting {
                meeting: id,
                sealed: None,
            }),
            tick(60 * 24 * 3),
        )?;
        Ok(())
    }
}

/// An archive of `meetings` meetings: councils of 17 members meeting monthly from 2016 on,
/// 120 meetings each, numbered from `first` (another first council, another archive: the
/// district's benchmarks publish many councils, each its own).
pub fn archive(
    meetings: usize,
    first: usize,
    progress: &mut dyn FnMut(usize),
) -> Result<Document, String> {
    let mut b = Builder {
        records: Built::default(),
        next: 0,
        council_matters: MatterId(0),
        dice: Dice(0x9E37_79B9_7F4A_7C15 ^ first as u64),
    };
    let per_council = 120;
    let mut councils = Vec::new();
    for n in 0..meetings.div_ceil(per_council) {
        councils.push(b.council(first + n)?);
    }
    let first = NaiveDate::from_ymd_opt(2016, 1, 9).ok_or("date")?;
    for i in 0..meetings {
        let council = &councils[i / per_council];
        if i % per_council == 0 {
            b.council_matters = MatterId(b.next + 1);
        }
        let day = first
            .checked_add_months(chrono::Months::new((i % per_council) as u32))
            .ok_or("date")?;
        b.meeting(&council.clone(), day)?;
        progress(i + 1);
    }
    Ok(b.records.all.to_document())
}

/// The archive of `archive(meetings, first, …)` written to `path` as an export document,
/// replaced whole once complete.
pub fn write_file(path: &std::path::Path, meetings: usize, first: usize) -> Result<(), String> {
    let json = archive(meetings, first, &mut |_| {})?.to_json();
    let partial = path.with_extension("partial");
    std::fs::write(&partial, json)
        .and_then(|()| std::fs::rename(&partial, path))
        .map_err(|e| format!("{}: {e}", path.display()))
}
