//! The steps' phrases in the minutes, in 简体, 繁體 and English: opinions, speakers, tasks and
//! reviews (民主决策's are in `decide_words`). Like `words`, each written out in all three.

use super::words::say;
use yishi_text::Lang;

// 意见收集

pub fn by_channel(l: Lang, channel: &str, n: usize) -> String {
    say!(l, "{channel}{n}条", "{channel}{n}條", "{channel} {n}")
}

pub fn opinions(l: Lang, n: usize, channels: &str) -> String {
    let opinions = if n == 1 { "opinion" } else { "opinions" };
    say!(
        l,
        "共收集意见{n}条（{channels}）。",
        "共收集意見{n}條（{channels}）。",
        "{n} {opinions} collected ({channels})."
    )
}

pub fn opinion(l: Lang, i: usize, who: &str, channel: &str, date: &str, text: &str) -> String {
    say!(
        l,
        "{i}．{who}，{channel}，{date}：{text}",
        "{i}．{who}，{channel}，{date}：{text}",
        "{i}. {who}, {channel}, {date}: {text}"
    )
}

// 公开听证

pub fn minutes_limit(l: Lang, minutes: u32) -> String {
    say!(l, "{minutes}分钟", "{minutes}分鐘", "{minutes} minutes")
}

pub fn seconds_limit(l: Lang, seconds: u32) -> String {
    say!(l, "{seconds}秒", "{seconds}秒", "{seconds} seconds")
}

pub fn speakers(
    l: Lang,
    n: usize,
    for_: usize,
    against: usize,
    neutral: usize,
    limit: &str,
) -> String {
    say!(
        l,
        "{n}人发言（支持{for_}人，反对{against}人，中立{neutral}人），每人限时{limit}。",
        "{n}人發言（支持{for_}人，反對{against}人，中立{neutral}人），每人限時{limit}。",
        "{n} spoke ({for_} for, {against} against, {neutral} neutral), {limit} each."
    )
}

pub fn used(l: Lang, seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    say!(l, "{m}分{s:02}秒", "{m}分{s:02}秒", "{m}:{s:02}")
}

pub fn speech(l: Lang, i: usize, who: &str, stance: &str, used: &str, summary: &str) -> String {
    say!(
        l,
        "{i}．{who}（{stance}，用时{used}）：{summary}",
        "{i}．{who}（{stance}，用時{used}）：{summary}",
        "{i}. {who} ({stance}, {used}): {summary}"
    )
}

// 执行督办

pub fn task(l: Lang, n: &str, text: &str, owner: &str, due: &str) -> String {
    say!(
        l,
        "任务{n}：{text}；责任人：{owner}；完成时限：{due}",
        "任務{n}：{text}；責任人：{owner}；完成時限：{due}",
        "Task {n}: {text}; responsible: {owner}; due: {due}"
    )
}

pub fn supervised(l: Lang) -> String {
    say!(l, "；列入督办", "；列入督辦", "; under supervision")
}

pub fn supervision(l: Lang, on: bool) -> String {
    if on {
        say!(
            l,
            "本次会议决定列入督办。",
            "本次會議決定列入督辦。",
            "The meeting put it under supervision."
        )
    } else {
        say!(
            l,
            "本次会议决定取消督办。",
            "本次會議決定取消督辦。",
            "The meeting took it off supervision."
        )
    }
}

pub fn progress(l: Lang, date: &str, percent: u8, note: &str) -> String {
    say!(
        l,
        "{date}进度{percent}%：{note}",
        "{date}進度{percent}%：{note}",
        "{date}, {percent}% done: {note}"
    )
}

pub fn late(l: Lang) -> String {
    say!(l, "（已逾期）", "（已逾期）", " (overdue)")
}

pub fn overdue(l: Lang, percent: u8) -> String {
    say!(
        l,
        "截至本次会议，该任务已逾期，完成{percent}%。",
        "截至本次會議，該任務已逾期，完成{percent}%。",
        "As of this meeting the task is overdue, {percent}% done."
    )
}

// 群众评议

pub fn review(
    l: Lang,
    (total, satisfied, basically, dissatisfied): (u32, u32, u32, u32),
    rate: &str,
    threshold: u8,
) -> String {
    say!(
        l,
        "参加评议{total}人：满意{satisfied}人，基本满意{basically}人，不满意{dissatisfied}人，满意率{rate}（办结标准{threshold}%）",
        "參加評議{total}人：滿意{satisfied}人，基本滿意{basically}人，不滿意{dissatisfied}人，滿意率{rate}（辦結標準{threshold}%）",
        "{total} took part in the review: {satisfied} satisfied, {basically} basically satisfied, {dissatisfied} dissatisfied; satisfaction {rate} (completed at {threshold}%)"
    )
}

pub fn review_verdict(l: Lang, passed: Option<bool>) -> String {
    match passed {
        Some(true) => say!(l, "，予以办结。", "，予以辦結。", "; completed."),
        Some(false) => say!(
            l,
            "，未达标准，退回整改。",
            "，未達標準，退回整改。",
            "; below the mark, sent back to be rectified."
        ),
        None => say!(
            l,
            "，评议尚未结论。",
            "，評議尚無結論。",
            "; not yet concluded."
        ),
    }
}

pub fn review_comment(l: Lang, i: usize, text: &str) -> String {
    say!(
        l,
        "评议意见{i}：{text}",
        "評議意見{i}：{text}",
        "Comment {i}: {text}"
    )
}

pub fn completed_anyway(l: Lang, done: usize, all: usize, reason: &str) -> String {
    say!(
        l,
        "任务完成{done}项（共{all}项），仍予办结，理由：{reason}",
        "任務完成{done}項（共{all}項），仍予辦結，理由：{reason}",
        "{done} of {all} tasks done; completed all the same. Reason: {reason}"
    )
}

pub fn nobody_heard(l: Lang) -> String {
    say!(
        l,
        "无人登记发言。",
        "無人登記發言。",
        "Nobody asked to speak."
    )
}
