//! A realistic archive at any scale, for benchmarks: councils that meet monthly, each meeting
//! taking up new matters and carrying older ones through the five steps, with opinions,
//! speeches, roll-call ballots, tasks and reviews in proportions like the sample. Every record
//! is made by applying real changes, so the result is a valid export document.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

use crate::domain::{
    Affiliation, Attendance, Author, Change, Channel, Choice, Council, CouncilId, Document, Matter,
    MatterId, Meeting, MeetingId, Member, MemberId, MemoryRecords, Motion, MotionId, ReadError,
    Records, Stage, Stance, Step, VoteMode, Write, apply, presets,
};

/// A small deterministic generator (xorshift), so the same size gives the same archive.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高",
];
const GIVEN: &[&str] = &[
    "建国", "秀英", "志强", "丽娟", "海峰", "春燕", "国栋", "美华", "永福", "桂英", "晓东", "慧敏",
    "文涛", "佳", "雪梅", "志远", "立平", "红梅", "建新", "玉兰",
];
const PLACES: &[&str] = &[
    "锦绣里",
    "青禾里",
    "湟岸巷",
    "梧桐苑",
    "春晖坊",
    "石桥社区",
    "临河新村",
    "枫林小区",
];
const SUBJECTS: &[&str] = &[
    "加装电梯",
    "餐馆油烟",
    "垃圾分类",
    "停车收费",
    "雨水管道",
    "夜间噪音",
    "老年食堂",
    "物业交接",
    "楼道照明",
    "电动车充电",
    "绿化补种",
    "外墙渗水",
];
const WHERE: &[&str] = &[
    "1号楼",
    "3号楼",
    "5号楼",
    "南门",
    "后街",
    "东区",
    "地下车库",
    "中心广场",
];
const CLAUSES: &[&str] = &[
    "居民反映问题已持续半年以上",
    "晚上十点后影响老人和孩子休息",
    "希望社区尽快协调物业和相关部门",
    "建议先摸清情况再定方案",
    "费用分摊需要逐户征求意见",
    "一楼住户担心采光和噪音",
    "施工期间要保证出行安全",
    "希望每月在公告栏公示进度",
    "资金可申请街道专项补贴",
    "部分住户表示愿意出资",
];

fn sentence(d: &mut Dice, clauses: usize) -> String {
    let parts: Vec<&str> = (0..clauses).map(|_| d.pick(CLAUSES)).collect();
    format!("{}。", parts.join("，"))
}

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
    fn is_empty(&self) -> Result<bool, ReadError> {
        self.all.is_empty()
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
            .map_err(|r| format!("{change:?}: {}", r.describe(crate::text::Lang::En)))?;
        for w in writes {
            self.records.put(w);
        }
        Ok(())
    }

    fn council(&mut self, n: usize) -> Result<Council, String> {
        let id = CouncilId(self.id());
        let mut members = Vec::new();
        for i in 0..17 {
            let name = format!("{}{}", self.dice.pick(SURNAMES), self.dice.pick(GIVEN));
            let affiliation = match i {
                0..=2 => Affiliation::PartyCommittee,
                3..=4 => Affiliation::PartyBranch,
                5..=7 => Affiliation::OwnersCommittee,
                8..=9 => Affiliation::PropertyCompany,
                _ => Affiliation::ResidentRepresentative,
            };
            members.push(Member {
                id: MemberId(self.id()),
                name,
                affiliation,
                voting: i < 15,
            });
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
        };
        self.apply(
            Change::CreateCouncil {
                council: council.clone(),
            },
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
            Change::CreateMeeting {
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
            },
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
                Change::MarkAttendance {
                    meeting: id,
                    member: m.id,
                    attendance,
                },
                start,
            )?;
        }
        self.apply(Change::StartMeeting { meeting: id }, start)?;
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
                Change::AddToAgenda {
                    meeting: id,
                    matter: x,
                },
                tick(1),
            )?;
            self.step(id, x, &voters, &mut tick)?;
        }
        for _ in 0..6 {
            let x = MatterId(self.id());
            let subject = format!("{}{}", self.dice.pick(WHERE), self.dice.pick(SUBJECTS));
            self.apply(
                Change::CreateMatter {
                    id: x,
                    meeting: id,
                    title: format!("{subject}问题"),
                    short_title: subject,
                },
                tick(2),
            )?;
            for _ in 0..2 + self.dice.below(3) {
                let who = Author::Member(voters[self.dice.below(voters.len())]);
                let channel = Channel::ALL[self.dice.below(Channel::ALL.len())];
                let clauses = 2 + self.dice.below(3);
                let text = sentence(&mut self.dice, clauses);
                self.apply(
                    Change::AddOpinion {
                        matter: x,
                        meeting: id,
                        date: day,
                        author: who,
                        channel,
                        text,
                    },
                    tick(1),
                )?;
            }
            // Half the new matters are heard and decided at once, as an urgent matter is.
            if self.dice.below(2) == 0 {
                self.step(id, x, &voters, &mut tick)?;
            }
        }
        self.apply(Change::EndMeeting { meeting: id }, tick(10))?;
        self.apply(Change::SignMeeting { meeting: id }, tick(60 * 24 * 3))?;
        Ok(())
    }

    /// Carries a matter one step on at meeting `id`.
    fn step(
        &mut self,
        id: MeetingId,
        x: MatterId,
        voters: &[MemberId],
        tick: &mut impl FnMut(i64) -> NaiveDateTime,
    ) -> Result<(), String> {
        let stage = self
            .records
            .all
            .matters
            .get(&x)
            .map(|m| m.stage)
            .ok_or("matter")?;
        match stage {
            Stage::At(Step::Collect) => {
                self.apply(
                    Change::Advance {
                        matter: x,
                        meeting: id,
                        to: Step::Hear,
                    },
                    tick(1),
                )?;
                let heard = self
                    .records
                    .all
                    .matters
                    .get(&x)
                    .map_or(0, |m| m.speeches.len());
                // Speakers, mover and seconder are among those in the room.
                let present: Vec<MemberId> = {
                    let m = self.records.all.meetings.get(&id).ok_or("meeting")?;
                    voters
                        .iter()
                        .copied()
                        .filter(|v| m.attendance_of(*v) == Some(Attendance::Present))
                        .collect()
                };
                for i in heard..heard + 2 + self.dice.below(2) {
                    let speaker = Author::Member(present[self.dice.below(present.len())]);
                    let stance =
                        [Stance::For, Stance::Against, Stance::Neutral][self.dice.below(3)];
                    self.apply(
                        Change::AddSpeaker {
                            matter: x,
                            meeting: id,
                            speaker,
                            stance,
                        },
                        tick(1),
                    )?;
                    let summary = sentence(&mut self.dice, 2);
                    let seconds = 60 + self.dice.below(150) as u32;
                    self.apply(
                        Change::RecordSpeech {
                            matter: x,
                            meeting: id,
                            index: i,
                            stance,
                            summary,
                            seconds_used: seconds,
                        },
                        tick(3),
                    )?;
                }
                self.apply(
                    Change::Advance {
                        matter: x,
                        meeting: id,
                        to: Step::Decide,
                    },
                    tick(1),
                )?;
                let motion = MotionId(self.id());
                let text = format!("同意{}", sentence(&mut self.dice, 1));
                let mode = if self.dice.below(5) < 3 {
                    VoteMode::RollCall
                } else {
                    VoteMode::ShowOfHands
                };
                self.apply(
                    Change::ProposeMotion {
                        id: motion,
                        matter: x,
                        meeting: id,
                        text,
                        mover: present[1],
                        seconder: Some(present[2]),
                        mode,
                    },
                    tick(2),
                )?;
                self.apply(Change::OpenVote { motion }, tick(1))?;
                let against = self.dice.below(8);
                if mode == VoteMode::ShowOfHands {
                    let yes = (present.len() - against - 1) as u32;
                    let counts = Change::EnterCounts {
                        motion,
                        yes,
                        no: against as u32,
                        abstain: 1,
                        spoiled: 0,
                    };
                    self.apply(counts, tick(1))?;
                }
                let roll_call = if mode == VoteMode::RollCall {
                    present
                } else {
                    Vec::new()
                };
                for (i, member) in roll_call.into_iter().enumerate() {
                    let choice = if i < against {
                        Choice::No
                    } else if i == against {
                        Choice::Abstain
                    } else {
                        Choice::Yes
                    };
                    self.apply(
                        Change::CastBallot {
                            motion,
                            member,
                            choice,
                        },
                        tick(0),
                    )?;
                }
                self.apply(Change::CloseVote { motion }, tick(1))?;
                let passed =
                    self.records.all.motions.get(&motion).and_then(|v| v.passed) == Some(true);
                if !passed {
                    let reason = "需要进一步征求意见".to_string();
                    let send_back = self.dice.below(2) == 0;
                    self.apply(
                        Change::ResolveRejected {
                            matter: x,
                            meeting: id,
                            send_back,
                            reason,
                        },
                        tick(1),
                    )?;
                }
            }
            Stage::At(Step::Execute) => {
                let tasks = self
                    .records
                    .all
                    .matters
                    .get(&x)
                    .map_or(0, |m| m.tasks.len());
                let today = tick(0).date();
                if tasks == 0 {
                    for _ in 0..1 + self.dice.below(2) {
                        let text = sentence(&mut self.dice, 1);
                        let due = today + Duration::days(20 + self.dice.below(60) as i64);
                        let supervised = self.dice.below(3) == 0;
                        self.apply(
                            Change::AddTask {
                                matter: x,
                                meeting: id,
                                text,
                                owner: "物业公司".into(),
                                due,
                                supervised,
                            },
                            tick(1),
                        )?;
                    }
                    return Ok(());
                }
                for task in 0..tasks {
                    let note = sentence(&mut self.dice, 1);
                    self.apply(
                        Change::RecordProgress {
                            matter: x,
                            meeting: id,
                            task,
                            date: today,
                            percent: 100,
                            note,
                        },
                        tick(1),
                    )?;
                }
                self.apply(
                    Change::Advance {
                        matter: x,
                        meeting: id,
                        to: Step::Review,
                    },
                    tick(1),
                )?;
            }
            Stage::At(Step::Review) => {
                let dissatisfied = self.dice.below(12) as u32;
                let comments = vec![sentence(&mut self.dice, 1)];
                self.apply(
                    Change::RecordReview {
                        matter: x,
                        meeting: id,
                        satisfied: 25,
                        basically_satisfied: 10,
                        dissatisfied,
                        comments,
                    },
                    tick(2),
                )?;
                self.apply(
                    Change::ConcludeReview {
                        matter: x,
                        meeting: id,
                        waiver: String::new(),
                    },
                    tick(1),
                )?;
            }
            Stage::At(Step::Hear | Step::Decide) | Stage::Closed(_) => {}
        }
        Ok(())
    }
}

/// An archive of `meetings` meetings: councils of 17 members meeting monthly from 2016 on,
/// 120 meetings each.
pub fn archive(meetings: usize, progress: &mut dyn FnMut(usize)) -> Result<Document, String> {
    let mut b = Builder {
        records: Built::default(),
        next: 0,
        council_matters: MatterId(0),
        dice: Dice(0x9E37_79B9_7F4A_7C15),
    };
    let per_council = 120;
    let mut councils = Vec::new();
    for n in 0..meetings.div_ceil(per_council) {
        councils.push(b.council(n)?);
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
