//! The ledger's words in 简体, 繁體 and English: the CSV's headings and the text ledger's lines.

use super::words::say;
use yishi_text::{Lang, Words};

pub const HEADERS: [Words; 24] = [
    ["编号", "編號", "No."],
    ["事项", "事項", "Matter"],
    ["简称", "簡稱", "Short title"],
    ["当前状态", "當前狀態", "Stage"],
    ["意见收集", "意見收集", "Collection"],
    ["公开听证", "公開聽證", "Hearing"],
    ["民主决策", "民主決策", "Decision"],
    ["执行督办", "執行督辦", "Execution"],
    ["群众评议", "群眾評議", "Review"],
    ["结束", "結束", "Closed"],
    ["意见数", "意見數", "Opinions"],
    ["发言数", "發言數", "Speeches"],
    ["表决次数", "表決次數", "Motions"],
    ["最近表决", "最近表決", "Latest vote"],
    ["赞成", "贊成", "Yes"],
    ["反对", "反對", "No"],
    ["弃权", "棄權", "Abstain"],
    ["任务数", "任務數", "Tasks"],
    ["已完成任务", "已完成任務", "Tasks done"],
    ["逾期任务", "逾期任務", "Tasks overdue"],
    ["督办任务", "督辦任務", "Tasks supervised"],
    ["满意率", "滿意率", "Satisfaction"],
    ["整改次数", "整改次數", "Rectifications"],
    ["是否逾期", "是否逾期", "Overdue"],
];

pub const COUNCIL: Words = ["议事会", "議事會", "Council"];
pub const ADOPTED: Words = ["通过", "通過", "adopted"];
pub const REJECTED: Words = ["未通过", "未通過", "not adopted"];
pub const NO_DECISION: Words = ["未形成决议", "未形成決議", "no decision"];
pub const NOT_VOTED: Words = ["未表决", "未表決", "not voted"];
pub const OVERDUE: Words = ["逾期", "逾期", "overdue"];
pub const RECTIFYING: Words = ["（整改）", "（整改）", " (rectifying)"];

/// 2026年第3次 / 2026 meeting no. 3: the short form in Chinese, where the column says it is a
/// meeting; the label in English, where "2026-3" beside a date would read as another date.
pub fn meeting(l: Lang, year: i32, number: u32) -> String {
    let n = yishi_domain::MeetingNumber { year, number };
    match l {
        Lang::En => n.label(l),
        Lang::ZhHans | Lang::ZhHant => n.short(l),
    }
}

/// 记名投票 赞成12 反对0 弃权2 通过
pub fn vote(l: Lang, mode: &str, yes: u32, no: u32, abstain: u32, result: &str) -> String {
    say!(
        l,
        "{mode} 赞成{yes} 反对{no} 弃权{abstain} {result}",
        "{mode} 贊成{yes} 反對{no} 棄權{abstain} {result}",
        "{mode}: {yes} yes, {no} no, {abstain} abstaining; {result}"
    )
}

pub fn opinions(l: Lang, n: usize) -> String {
    let opinions = yishi_text::counted(n as u64, "opinion", "opinions");
    say!(l, "意见{n}条", "意見{n}條", "{opinions}")
}

pub fn speeches(l: Lang, n: usize) -> String {
    let speakers = yishi_text::counted(n as u64, "speaker", "speakers");
    say!(l, "发言{n}人", "發言{n}人", "{speakers}")
}

pub fn latest_vote(l: Lang, vote: &str) -> String {
    say!(
        l,
        "最近表决：{vote}",
        "最近表決：{vote}",
        "latest vote: {vote}"
    )
}

pub fn tasks(l: Lang, n: usize, done: usize, overdue: usize, supervised: usize) -> String {
    let tasks = yishi_text::counted(n as u64, "task", "tasks");
    say!(
        l,
        "任务{n}项（完成{done}，逾期{overdue}，督办{supervised}）",
        "任務{n}項（完成{done}，逾期{overdue}，督辦{supervised}）",
        "{tasks} ({done} done, {overdue} overdue, {supervised} supervised)"
    )
}

pub fn rate(l: Lang, rate: &str) -> String {
    say!(l, "满意率{rate}", "滿意率{rate}", "satisfaction {rate}")
}

pub fn rectifications(l: Lang, n: usize) -> String {
    let times = yishi_text::times(n as u64);
    say!(l, "整改{n}次", "整改{n}次", "rectified {times}")
}

/// A heading and its value on a line of the text ledger.
pub fn field(l: Lang, heading: &str, value: &str) -> String {
    say!(
        l,
        "{heading}：{value}",
        "{heading}：{value}",
        "{heading}: {value}"
    )
}

/// The facts of one matter, one after another.
pub fn facts(l: Lang, all: &[String]) -> String {
    all.join(l.pick("；", "；", "; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each English count as a reader writes it, for one and for two.
    #[test]
    fn english_counts_agree_with_their_number() {
        let l = Lang::En;
        assert_eq!(opinions(l, 1), "1 opinion");
        assert_eq!(opinions(l, 2), "2 opinions");
        assert_eq!(speeches(l, 1), "1 speaker");
        assert_eq!(speeches(l, 2), "2 speakers");
        assert_eq!(
            tasks(l, 1, 1, 0, 0),
            "1 task (1 done, 0 overdue, 0 supervised)"
        );
        assert_eq!(
            tasks(l, 2, 1, 1, 0),
            "2 tasks (1 done, 1 overdue, 0 supervised)"
        );
        assert_eq!(rectifications(l, 1), "rectified once");
        assert_eq!(rectifications(l, 2), "rectified twice");
        assert_eq!(rectifications(Lang::ZhHans, 1), "整改1次");
    }
}
