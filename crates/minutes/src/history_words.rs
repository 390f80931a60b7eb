//! A matter's history in 简体, 繁體 and English: one line for each thing that happened to it.

use super::words::say;
use yishi_text::Lang;

pub fn opened(l: Lang, title: &str) -> String {
    say!(l, "立项：{title}", "立項：{title}", "Opened: {title}")
}

pub fn opinion(l: Lang, who: &str, channel: &str, text: &str) -> String {
    say!(
        l,
        "意见（{who}，{channel}）：{text}",
        "意見（{who}，{channel}）：{text}",
        "Opinion ({who}, {channel}): {text}"
    )
}

pub fn speech(l: Lang, who: &str, stance: &str, summary: &str) -> String {
    say!(
        l,
        "发言（{who}，{stance}）：{summary}",
        "發言（{who}，{stance}）：{summary}",
        "Speech ({who}, {stance}): {summary}"
    )
}

pub fn counted(l: Lang, yes: u32, no: u32, abstain: u32, passed: bool) -> String {
    match (l, passed) {
        (Lang::ZhHans, true) => format!("赞成{yes}，反对{no}，弃权{abstain}，通过"),
        (Lang::ZhHans, false) => format!("赞成{yes}，反对{no}，弃权{abstain}，未通过"),
        (Lang::ZhHant, true) => format!("贊成{yes}，反對{no}，棄權{abstain}，通過"),
        (Lang::ZhHant, false) => format!("贊成{yes}，反對{no}，棄權{abstain}，未通過"),
        (Lang::En, true) => format!("{yes} yes, {no} no, {abstain} abstaining: adopted"),
        (Lang::En, false) => format!("{yes} yes, {no} no, {abstain} abstaining: not adopted"),
    }
}

pub fn not_put(l: Lang) -> String {
    say!(l, "未付表决", "未付諸表決", "not put to the vote")
}

pub fn motion(l: Lang, amendment: bool, mode: &str, text: &str, result: &str) -> String {
    match (l, amendment) {
        (Lang::ZhHans, false) => format!("动议（{mode}）：{text}。{result}"),
        (Lang::ZhHans, true) => format!("修正案（{mode}）：{text}。{result}"),
        (Lang::ZhHant, false) => format!("動議（{mode}）：{text}。{result}"),
        (Lang::ZhHant, true) => format!("修正案（{mode}）：{text}。{result}"),
        (Lang::En, false) => format!("Motion ({mode}): {text}. {result}"),
        (Lang::En, true) => format!("Amendment ({mode}): {text}. {result}"),
    }
}

pub fn task(l: Lang, n: &str, text: &str, owner: &str, due: &str) -> String {
    say!(
        l,
        "任务{n}：{text}；责任人：{owner}；期限：{due}",
        "任務{n}：{text}；責任人：{owner}；期限：{due}",
        "Task {n}: {text}; responsible: {owner}; due {due}"
    )
}

pub fn progress(l: Lang, n: &str, percent: u8, note: &str) -> String {
    say!(
        l,
        "任务{n}进度{percent}%：{note}",
        "任務{n}進度{percent}%：{note}",
        "Task {n} {percent}% done: {note}"
    )
}

pub fn review(l: Lang, satisfied: u32, basically: u32, dissatisfied: u32, rate: &str) -> String {
    say!(
        l,
        "评议：满意{satisfied}，基本满意{basically}，不满意{dissatisfied}，满意率{rate}",
        "評議：滿意{satisfied}，基本滿意{basically}，不滿意{dissatisfied}，滿意率{rate}",
        "Review: {satisfied} satisfied, {basically} basically, {dissatisfied} dissatisfied; satisfaction {rate}"
    )
}

pub fn why(l: Lang, reason: &str) -> String {
    say!(l, "（{reason}）", "（{reason}）", " ({reason})")
}
