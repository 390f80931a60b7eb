//! Each of the five steps of a matter as the minutes give it for one meeting: （一）意见收集 to
//! （五）群众评议.

use std::collections::BTreeMap;

use super::date_zh;
use super::input::{MinutesInput, who};
use crate::domain::{Closure, Matter, Stage};
use crate::text::{Lang, chinese_number};

const ZH: Lang = Lang::ZhHans;

pub(super) fn collect(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let mine: Vec<_> = x
        .opinions
        .iter()
        .filter(|o| o.meeting == input.meeting.id)
        .collect();
    if mine.is_empty() {
        return vec![];
    }
    let mut by_channel: BTreeMap<_, usize> = BTreeMap::new();
    for o in &mine {
        *by_channel.entry(o.channel).or_default() += 1;
    }
    let channels: Vec<String> = by_channel
        .iter()
        .map(|(ch, n)| format!("{}{n}条", ch.label(ZH)))
        .collect();
    let mut out = vec![format!(
        "共收集意见{}条（{}）。",
        mine.len(),
        channels.join("、")
    )];
    for (i, o) in mine.iter().enumerate() {
        out.push(format!(
            "{}．{}，{}，{}：{}",
            i + 1,
            who(input.council, &o.author),
            o.channel.label(ZH),
            date_zh(o.date),
            o.text
        ));
    }
    out
}

pub(super) fn hear(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let mine: Vec<_> = x
        .speeches
        .iter()
        .filter(|s| s.meeting == input.meeting.id && s.done)
        .collect();
    if mine.is_empty() {
        return vec![];
    }
    let count = |st| mine.iter().filter(|s| s.stance == st).count();
    let limit = input.meeting.speaker_limit_secs;
    let limit = if limit.is_multiple_of(60) {
        format!("{}分钟", limit / 60)
    } else {
        format!("{limit}秒")
    };
    let mut out = vec![format!(
        "{}人发言（支持{}人，反对{}人，中立{}人），每人限时{limit}。",
        mine.len(),
        count(crate::domain::Stance::For),
        count(crate::domain::Stance::Against),
        count(crate::domain::Stance::Neutral)
    )];
    for (i, s) in mine.iter().enumerate() {
        let used = format!("{}分{:02}秒", s.seconds_used / 60, s.seconds_used % 60);
        out.push(format!(
            "{}．{}（{}，用时{used}）：{}",
            i + 1,
            who(input.council, &s.speaker),
            s.stance.label(ZH),
            s.summary
        ));
    }
    out
}

pub(super) fn execute(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let today = input.meeting.start.date();
    let mut out = Vec::new();
    for (i, t) in x.tasks.iter().enumerate() {
        let new = t.meeting == input.meeting.id;
        let notes: Vec<_> = t
            .progress
            .iter()
            .filter(|p| p.meeting == input.meeting.id)
            .collect();
        let supervision: Vec<_> = t
            .supervision
            .iter()
            .filter(|s| s.meeting == input.meeting.id)
            .collect();
        if !new && notes.is_empty() && supervision.is_empty() {
            continue;
        }
        let mut s = format!(
            "任务{}：{}；责任人：{}；完成时限：{}",
            chinese_number(i as u32 + 1),
            crate::text::clause(&t.text),
            crate::text::clause(&t.owner),
            date_zh(t.due)
        );
        if new && t.supervised {
            s += "；列入督办";
        }
        s.push('。');
        out.push(s);
        for sv in supervision {
            out.push(
                if sv.on {
                    "本次会议决定列入督办。"
                } else {
                    "本次会议决定取消督办。"
                }
                .to_string(),
            );
        }
        for p in notes {
            let mut line = format!("{}进度{}%：{}", date_zh(p.date), p.percent, p.note);
            if p.percent < 100 && p.date > t.due {
                line += "（已逾期）";
            }
            out.push(line);
        }
        let percent = t
            .progress
            .iter()
            .filter(|p| p.date <= today || p.meeting == input.meeting.id)
            .map(|p| p.percent)
            .next_back()
            .unwrap_or(0);
        if percent < 100 && today > t.due {
            out.push(format!("截至本次会议，该任务已逾期，完成{percent}%。"));
        }
    }
    out
}

pub(super) fn review(input: &MinutesInput<'_>, x: &Matter) -> Vec<String> {
    let threshold = input.council.satisfaction_threshold;
    let mut out = Vec::new();
    for r in x.reviews.iter().filter(|r| r.meeting == input.meeting.id) {
        let rate = r.rate_permille().unwrap_or(0);
        let mut s = format!(
            "参加评议{}人：满意{}人，基本满意{}人，不满意{}人，满意率{}.{}%（办结标准{threshold}%）",
            r.total(),
            r.satisfied,
            r.basically_satisfied,
            r.dissatisfied,
            rate / 10,
            rate % 10
        );
        s += match r.passed {
            Some(true) => "，予以办结。",
            Some(false) => "，未达标准，退回整改。",
            None => "，评议尚未结论。",
        };
        out.push(s);
        for (i, c) in r.comments.iter().enumerate() {
            out.push(format!("评议意见{}：{c}", i + 1));
        }
    }
    // 办结 with tasks still open: the reason it was concluded all the same.
    for t in x.history.iter().filter(|t| {
        t.meeting == input.meeting.id
            && t.to == Stage::Closed(Closure::Completed)
            && !t.waiver.is_empty()
    }) {
        let done = x.tasks.iter().filter(|k| k.percent() >= 100).count();
        out.push(format!(
            "任务完成{done}项（共{}项），仍予办结，理由：{}",
            x.tasks.len(),
            t.waiver
        ));
    }
    out
}
