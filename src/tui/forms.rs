//! The forms the chair fills in, and the changes each becomes. A form that cannot become a
//! change (an empty field, a date that does not exist) says why and stays open.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::data::Data;
use super::form::{Field, Form, Words, say};
use crate::domain::{
    Author, Change, Channel, CouncilId, MatterId, MeetingId, MemberId, MotionId, Stance, VoteMode,
};
use crate::text::{Lang, chinese_number};

const STANCES: [Stance; 3] = [Stance::For, Stance::Against, Stance::Neutral];
const MODES: [VoteMode; 3] = [VoteMode::RollCall, VoteMode::ShowOfHands, VoteMode::Secret];

/// What a form is for, with the records it concerns.
#[derive(Debug, Clone, PartialEq)]
pub enum FormKind {
    NewMeeting {
        council: CouncilId,
        members: Vec<MemberId>,
    },
    NewMatter {
        meeting: MeetingId,
    },
    Opinion {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
    },
    Speaker {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
    },
    Speech {
        matter: MatterId,
        meeting: MeetingId,
        index: usize,
        seconds: u32,
    },
    Motion {
        matter: MatterId,
        meeting: MeetingId,
        members: Vec<MemberId>,
    },
    Counts {
        motion: MotionId,
    },
    Resolve {
        matter: MatterId,
        meeting: MeetingId,
    },
    Task {
        matter: MatterId,
        meeting: MeetingId,
    },
    Progress {
        matter: MatterId,
        meeting: MeetingId,
        task: usize,
    },
    Review {
        matter: MatterId,
        meeting: MeetingId,
    },
    /// Words to look for in all minutes.
    Search,
    /// A file to write: the shown minutes or ledger, with a proposed name per format.
    Export {
        target: super::archive_forms::Target,
        names: Vec<String>,
    },
    /// A correction to an ended meeting: where, by whom.
    Correction {
        meeting: MeetingId,
        places: Vec<(Option<MatterId>, Option<crate::domain::Step>)>,
        members: Vec<MemberId>,
    },
}

impl FormKind {
    /// Whether submitting the form records changes (others search or write a file).
    pub fn records(&self) -> bool {
        !matches!(self, FormKind::Search | FormKind::Export { .. })
    }
}

const TITLE: Words = ["标题", "標題", "Title"];

fn names(data: &Data, ids: &[MemberId]) -> Vec<String> {
    let Some(c) = &data.council else {
        return Vec::new();
    };
    ids.iter().map(|id| c.name_of(*id)).collect()
}

fn labels<T: Copy>(all: &[T], label: impl Fn(T, Lang) -> &'static str, lang: Lang) -> Vec<String> {
    all.iter().map(|x| label(*x, lang).to_string()).collect()
}

/// Members in council order; voting members first where only they may act.
fn members(data: &Data, voting_only: bool) -> Vec<MemberId> {
    data.council
        .as_ref()
        .map(|c| {
            c.members
                .iter()
                .filter(|m| m.voting || !voting_only)
                .map(|m| m.id)
                .collect()
        })
        .unwrap_or_default()
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
        ["新建会议", "新建會議", "New meeting"],
        vec![
            Field::text(TITLE, &title),
            Field::text(["地点", "地點", "Place"], &place),
            Field::text(
                [
                    "开始时间（年-月-日 时:分）",
                    "開始時間（年-月-日 時:分）",
                    "Starts (YYYY-MM-DD HH:MM)",
                ],
                &start,
            ),
            Field::choice(["主持人", "主持人", "Chair"], names(data, &ids), chair),
            Field::choice(
                ["记录人", "記錄人", "Recorder"],
                names(data, &ids),
                recorder,
            ),
            Field::text(
                [
                    "每人发言限时（分钟）",
                    "每人發言限時（分鐘）",
                    "Speaking time each (minutes)",
                ],
                "3",
            ),
        ],
    ))
}

pub fn new_matter(meeting: MeetingId) -> Form {
    Form::new(
        FormKind::NewMatter { meeting },
        ["新增事项", "新增事項", "New matter"],
        vec![
            Field::text(["事项名称", "事項名稱", "Title"], ""),
            Field::text(
                [
                    "投影用简称（可留空，8字以内为宜）",
                    "投影用簡稱（可留空，8字以內為宜）",
                    "Short title for the wall (optional, up to 8 characters)",
                ],
                "",
            ),
        ],
    )
}

fn author_choices(data: &Data, ids: &[MemberId], lang: Lang) -> Vec<String> {
    let mut v = vec![lang.pick("匿名", "匿名", "anonymous").to_string()];
    v.extend(names(data, ids));
    v
}

const RESIDENT: Words = [
    "或：居民姓名（填写则以此为准）",
    "或：居民姓名（填寫則以此為準）",
    "or: a resident's name (used when filled in)",
];

pub fn opinion(data: &Data, matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    let ids = members(data, false);
    Form::new(
        FormKind::Opinion {
            matter,
            meeting,
            members: ids.clone(),
        },
        ["记录意见", "記錄意見", "Record an opinion"],
        vec![
            Field::choice(
                ["提出人", "提出人", "From"],
                author_choices(data, &ids, lang),
                0,
            ),
            Field::text(RESIDENT, ""),
            Field::choice(
                ["渠道", "渠道", "Channel"],
                labels(&Channel::ALL, Channel::label, lang),
                0,
            ),
            Field::text(["意见内容", "意見內容", "The opinion"], ""),
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
        },
        ["登记发言人", "登記發言人", "Add a speaker"],
        vec![
            Field::choice(
                ["发言人", "發言人", "Speaker"],
                author_choices(data, &ids, lang),
                1.min(ids.len()),
            ),
            Field::text(RESIDENT, ""),
            Field::choice(
                ["立场", "立場", "Stance"],
                labels(&STANCES, Stance::label, lang),
                0,
            ),
        ],
    )
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
        ["记录发言", "記錄發言", "Record the speech"],
        vec![
            Field::choice(
                ["立场", "立場", "Stance"],
                labels(&STANCES, Stance::label, lang),
                at,
            ),
            Field::text(["发言要点", "發言要點", "Summary"], ""),
        ],
    )
}

pub fn motion(data: &Data, matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    let ids = members(data, true);
    let mut seconders = vec![lang.pick("（无）", "（無）", "(none)").to_string()];
    seconders.extend(names(data, &ids));
    Form::new(
        FormKind::Motion {
            matter,
            meeting,
            members: ids.clone(),
        },
        ["提出动议", "提出動議", "Propose a motion"],
        vec![
            Field::text(["动议内容", "動議內容", "The motion"], ""),
            Field::choice(["提议人", "提議人", "Moved by"], names(data, &ids), 0),
            Field::choice(["附议人", "附議人", "Seconded by"], seconders, 0),
            Field::choice(
                ["表决方式", "表決方式", "Vote by"],
                labels(&MODES, VoteMode::label, lang),
                0,
            ),
        ],
    )
}

pub fn counts(motion: MotionId) -> Form {
    Form::new(
        FormKind::Counts { motion },
        ["录入票数", "錄入票數", "Enter the counts"],
        vec![
            Field::text(["赞成", "贊成", "Yes"], "0"),
            Field::text(["反对", "反對", "No"], "0"),
            Field::text(["弃权", "棄權", "Abstain"], "0"),
        ],
    )
}

pub fn resolve(matter: MatterId, meeting: MeetingId, lang: Lang) -> Form {
    Form::new(
        FormKind::Resolve { matter, meeting },
        [
            "动议未通过：如何处理",
            "動議未通過：如何處理",
            "The motion failed: what now",
        ],
        vec![
            Field::choice(
                ["处理", "處理", "Decision"],
                vec![
                    lang.pick(
                        "退回意见收集，重新征求意见",
                        "退回意見收集，重新徵求意見",
                        "back to collection for new opinions",
                    )
                    .to_string(),
                    lang.pick(
                        "不予采纳，事项关闭",
                        "不予採納，事項關閉",
                        "not adopted: close the matter",
                    )
                    .to_string(),
                ],
                0,
            ),
            Field::text(["理由", "理由", "Reason"], ""),
        ],
    )
}

pub fn task(matter: MatterId, meeting: MeetingId, today: NaiveDate) -> Form {
    let due = today.checked_add_days(Days::new(30)).unwrap_or(today);
    Form::new(
        FormKind::Task { matter, meeting },
        ["新增任务", "新增任務", "Add a task"],
        vec![
            Field::text(["任务", "任務", "Task"], ""),
            Field::text(
                [
                    "责任人或部门",
                    "責任人或部門",
                    "Owner (person or department)",
                ],
                "",
            ),
            Field::text(
                [
                    "完成期限（年-月-日）",
                    "完成期限（年-月-日）",
                    "Due (YYYY-MM-DD)",
                ],
                &due.to_string(),
            ),
            Field::choice(
                ["督办", "督辦", "Supervised"],
                vec!["否 / no".into(), "是 / yes".into()],
                0,
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
        ["记录进度", "記錄進度", "Record progress"],
        vec![
            Field::text(
                [
                    "完成百分比（0—100）",
                    "完成百分比（0—100）",
                    "Percent done (0-100)",
                ],
                &percent.to_string(),
            ),
            Field::text(["进展说明", "進展說明", "Note"], ""),
        ],
    )
}

pub fn review(matter: MatterId, meeting: MeetingId) -> Form {
    Form::new(
        FormKind::Review { matter, meeting },
        ["群众评议", "群眾評議", "Residents' review"],
        vec![
            Field::text(["满意", "滿意", "Satisfied"], "0"),
            Field::text(["基本满意", "基本滿意", "Basically satisfied"], "0"),
            Field::text(["不满意", "不滿意", "Dissatisfied"], "0"),
            Field::text(
                [
                    "评议意见（多条用；分隔）",
                    "評議意見（多條用；分隔）",
                    "Comments (separate with ；)",
                ],
                "",
            ),
        ],
    )
}

fn number(form: &Form, i: usize, lang: Lang, max: u32) -> Result<u32, String> {
    let field = form.fields.get(i).map_or(["", "", ""], |f| f.label);
    let s = form.text(i);
    match s.parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(match lang {
            Lang::En => format!("{}: {s:?} is not a whole number from 0 to {max}", field[2]),
            _ => format!(
                "{}：“{s}”{}{max}{}",
                say(lang, field),
                lang.pick("不是0到", "不是0到", ""),
                lang.pick("之间的整数", "之間的整數", "")
            ),
        }),
    }
}

fn date(s: &str, lang: Lang) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| match lang {
        Lang::En => format!("{s:?} is not a real date (write YYYY-MM-DD, e.g. 2026-12-31)"),
        _ => format!(
            "“{s}”{}",
            lang.pick(
                "不是一个存在的日期（格式：年-月-日，如 2026-12-31）",
                "不是一個存在的日期（格式：年-月-日，如 2026-12-31）",
                ""
            )
        ),
    })
}

fn author(form: &Form, ids: &[MemberId]) -> Author {
    let resident = form.text(1);
    if !resident.is_empty() {
        return Author::Resident(resident.to_string());
    }
    match form.choice(0) {
        0 => Author::Anonymous,
        i => ids
            .get(i - 1)
            .map_or(Author::Anonymous, |id| Author::Member(*id)),
    }
}

/// The changes a submitted form asks for. `new_id` gives ids for new records.
pub fn changes(
    form: &Form,
    now: NaiveDateTime,
    lang: Lang,
    new_id: &mut dyn FnMut() -> u64,
) -> Result<Vec<Change>, String> {
    let today = now.date();
    Ok(match &form.kind {
        FormKind::NewMeeting { council, members } => {
            let start =
                NaiveDateTime::parse_from_str(form.text(2), "%Y-%m-%d %H:%M").map_err(|_| {
                    format!(
                        "“{}”{}",
                        form.text(2),
                        lang.pick(
                            "不是一个存在的时间（格式：2026-11-22 14:30）",
                            "不是一個存在的時間（格式：2026-11-22 14:30）",
                            " is not a real time (write 2026-11-22 14:30)"
                        )
                    )
                })?;
            let minutes = number(form, 5, lang, 60)?.max(1);
            let pick = |i: usize| members.get(form.choice(i)).copied().unwrap_or(MemberId(0));
            vec![Change::CreateMeeting {
                id: MeetingId(new_id()),
                council: *council,
                title: form.text(0).to_string(),
                place: form.text(1).to_string(),
                start,
                chair: pick(3),
                recorder: pick(4),
                speaker_limit_secs: minutes * 60,
            }]
        }
        FormKind::NewMatter { meeting } => {
            let title = form.text(0).to_string();
            let short = match form.text(1) {
                "" => title.chars().take(8).collect(),
                s => s.to_string(),
            };
            vec![Change::CreateMatter {
                id: MatterId(new_id()),
                meeting: *meeting,
                title,
                short_title: short,
            }]
        }
        FormKind::Opinion {
            matter,
            meeting,
            members,
        } => vec![Change::AddOpinion {
            matter: *matter,
            meeting: *meeting,
            date: today,
            author: author(form, members),
            channel: Channel::ALL[form.choice(2).min(Channel::ALL.len() - 1)],
            text: form.text(3).to_string(),
        }],
        FormKind::Speaker {
            matter,
            meeting,
            members,
        } => vec![Change::AddSpeaker {
            matter: *matter,
            meeting: *meeting,
            speaker: author(form, members),
            stance: STANCES[form.choice(2).min(2)],
        }],
        FormKind::Speech {
            matter,
            meeting,
            index,
            seconds,
        } => vec![Change::RecordSpeech {
            matter: *matter,
            meeting: *meeting,
            index: *index,
            stance: STANCES[form.choice(0).min(2)],
            summary: form.text(1).to_string(),
            seconds_used: *seconds,
        }],
        FormKind::Motion {
            matter,
            meeting,
            members,
        } => vec![Change::ProposeMotion {
            id: MotionId(new_id()),
            matter: *matter,
            meeting: *meeting,
            text: form.text(0).to_string(),
            mover: members.get(form.choice(1)).copied().unwrap_or(MemberId(0)),
            seconder: match form.choice(2) {
                0 => None,
                i => members.get(i - 1).copied(),
            },
            mode: MODES[form.choice(3).min(2)],
        }],
        FormKind::Counts { motion } => vec![Change::EnterCounts {
            motion: *motion,
            yes: number(form, 0, lang, 100_000)?,
            no: number(form, 1, lang, 100_000)?,
            abstain: number(form, 2, lang, 100_000)?,
        }],
        FormKind::Resolve { matter, meeting } => vec![Change::ResolveRejected {
            matter: *matter,
            meeting: *meeting,
            send_back: form.choice(0) == 0,
            reason: form.text(1).to_string(),
        }],
        FormKind::Task { matter, meeting } => vec![Change::AddTask {
            matter: *matter,
            meeting: *meeting,
            text: form.text(0).to_string(),
            owner: form.text(1).to_string(),
            due: date(form.text(2), lang)?,
            supervised: form.choice(3) == 1,
        }],
        FormKind::Progress {
            matter,
            meeting,
            task,
        } => vec![Change::RecordProgress {
            matter: *matter,
            meeting: *meeting,
            task: *task,
            date: today,
            percent: number(form, 0, lang, 100)? as u8,
            note: form.text(1).to_string(),
        }],
        FormKind::Search | FormKind::Export { .. } => Vec::new(),
        FormKind::Correction {
            meeting,
            places,
            members,
        } => {
            let (matter, step) = places.get(form.choice(0)).copied().unwrap_or((None, None));
            vec![Change::Correct {
                meeting: *meeting,
                by: members.get(form.choice(1)).copied().unwrap_or(MemberId(0)),
                matter,
                step,
                text: form.text(2).to_string(),
                reason: form.text(3).to_string(),
            }]
        }
        FormKind::Review { matter, meeting } => vec![Change::RecordReview {
            matter: *matter,
            meeting: *meeting,
            satisfied: number(form, 0, lang, 100_000)?,
            basically_satisfied: number(form, 1, lang, 100_000)?,
            dissatisfied: number(form, 2, lang, 100_000)?,
            comments: form
                .text(3)
                .split(['；', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        }],
    })
}
