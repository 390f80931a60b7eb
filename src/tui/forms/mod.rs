//! The forms the chair fills in, and the changes each becomes. A form that cannot become a
//! change (an empty field, a date that does not exist) says why and stays open.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::data::Data;
use super::form::{Field, Form, Words};
use crate::domain::{Channel, MatterId, MeetingId, MemberId, MotionId, Stance, VoteMode};
use crate::text::{Lang, chinese_number};

mod changes;
pub mod kind;
pub use changes::changes;
pub use kind::{FormKind, Target};

const STANCES: [Stance; 3] = [Stance::For, Stance::Against, Stance::Neutral];
const MODES: [VoteMode; 3] = [VoteMode::RollCall, VoteMode::ShowOfHands, VoteMode::Secret];

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

pub fn counts(motion: MotionId, secret: bool) -> Form {
    let mut fields = vec![
        Field::text(["赞成", "贊成", "Yes"], "0"),
        Field::text(["反对", "反對", "No"], "0"),
        Field::text(["弃权", "棄權", "Abstain"], "0"),
    ];
    let title = if secret {
        fields.push(Field::text(["废票", "廢票", "Spoiled"], "0"));
        [
            "开箱计票：录入票数",
            "開箱計票：錄入票數",
            "Count the ballot box",
        ]
    } else {
        ["录入票数", "錄入票數", "Enter the counts"]
    };
    Form::new(FormKind::Counts { motion, secret }, title, fields)
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

/// Concluding 办结 while tasks are still open: why, all the same.
pub fn conclude(matter: MatterId, meeting: MeetingId) -> Form {
    Form::new(
        FormKind::Conclude { matter, meeting },
        [
            "办结：任务未全部完成，请写明理由",
            "辦結：任務未全部完成，請寫明理由",
            "Completed with tasks still open: the reason",
        ],
        vec![Field::text(["理由", "理由", "Reason"], "")],
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
