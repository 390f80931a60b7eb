//! 民主决策 in the minutes' words, in 简体, 繁體 and English: motions, amendments and their
//! votes, owners' votes, elections. Like `words`, each written out in all three.

use super::words::say;
use yishi_text::Lang;

// 民主决策

pub fn not_put(l: Lang) -> String {
    say!(
        l,
        "该动议未付表决。",
        "該動議未付諸表決。",
        "The motion was not put to the vote."
    )
}

pub fn not_put_no_quorum(l: Lang, present: u32, quorum: &str) -> String {
    say!(
        l,
        "因实到{present}人，不足法定人数（须{quorum}），该动议未付表决。",
        "因實到{present}人，不足法定人數（須{quorum}），該動議未付諸表決。",
        "With {present} present there was no quorum (the rule: {quorum}); the motion was not put to the vote."
    )
}

pub fn vote_open(l: Lang, mode: &str) -> String {
    let mode = super::words::sentence(l, mode);
    say!(
        l,
        "{mode}进行中，尚未计票结束。",
        "{mode}進行中，尚未計票結束。",
        "{mode} under way, not yet counted."
    )
}

pub fn withdrawn(l: Lang) -> String {
    say!(
        l,
        "表决前，动议人撤回了该动议。",
        "表決前，動議人撤回了該動議。",
        "The mover withdrew the motion before the vote."
    )
}

pub fn deferred(l: Lang) -> String {
    say!(
        l,
        "会议决定对该动议暂缓表决。",
        "會議決定對該動議暫緩表決。",
        "The meeting deferred the vote on the motion."
    )
}

pub fn adopted(l: Lang, rule: &str) -> String {
    say!(l, "{rule}，通过。", "{rule}，通過。", "{rule}: adopted.")
}

pub fn rejected(l: Lang, rule: &str) -> String {
    say!(
        l,
        "{rule}，未通过。",
        "{rule}，未通過。",
        "{rule}: not adopted."
    )
}

pub fn ballots_returned(l: Lang, n: usize) -> String {
    let ballots = yishi_text::counted(n as u64, "ballot", "ballots");
    say!(
        l,
        "，收回选票{n}张",
        "，收回選票{n}張",
        ", {ballots} returned"
    )
}

pub fn counts(l: Lang, yes: u32, no: u32, abstain: u32) -> String {
    say!(
        l,
        "，赞成{yes}票，反对{no}票，弃权{abstain}票",
        "，贊成{yes}票，反對{no}票，棄權{abstain}票",
        ": {yes} yes, {no} no, {abstain} abstaining"
    )
}

pub fn spoiled(l: Lang, n: u32) -> String {
    say!(l, "，废票{n}张", "，廢票{n}張", ", {n} spoiled")
}

pub fn not_voting(l: Lang, n: u32) -> String {
    say!(l, "，未投票{n}人", "，未投票{n}人", ", {n} not voting")
}

pub fn present_at_vote(l: Lang, present: u32, households: bool, verdict: &str) -> String {
    match (l, households) {
        (Lang::ZhHans, true) => format!("（表决时到会户代表{present}户），{verdict}"),
        (Lang::ZhHans, false) => format!("（表决时实到{present}人），{verdict}"),
        (Lang::ZhHant, true) => format!("（表決時到會戶代表{present}戶），{verdict}"),
        (Lang::ZhHant, false) => format!("（表決時實到{present}人），{verdict}"),
        (Lang::En, true) => format!(
            " ({present} households represented at the vote). {}",
            super::words::sentence(l, verdict)
        ),
        (Lang::En, false) => format!(
            " ({present} present at the vote). {}",
            super::words::sentence(l, verdict)
        ),
    }
}

pub fn named_ballots(l: Lang, yes: &str, no: &str, abstain: &str) -> String {
    say!(
        l,
        "赞成：{yes}；反对：{no}；弃权：{abstain}。",
        "贊成：{yes}；反對：{no}；棄權：{abstain}。",
        " Yes: {yes}; no: {no}; abstaining: {abstain}."
    )
}

pub fn moved(l: Lang, head: &str, text: &str, mover: &str) -> String {
    say!(
        l,
        "{head}{text}（提议人：{mover}",
        "{head}{text}（提議人：{mover}",
        "{head}{text} (moved by {mover}"
    )
}

pub fn seconded(l: Lang, by: &str) -> String {
    say!(l, "，附议人：{by}", "，附議人：{by}", ", seconded by {by}")
}

/// "，其中未到会者会前提交的书面意见2份"
pub fn written_opinions(l: Lang, n: usize) -> String {
    say!(
        l,
        "，其中未到会者会前提交的书面意见{n}份",
        "，其中未到會者會前提交的書面意見{n}份",
        ", {n} of them written opinions handed in before the meeting by members absent"
    )
}

/// "决定事项为…。": the item of the rule a motion decides, with the statute that lists it.
pub fn item(l: Lang, item: &str) -> String {
    say!(
        l,
        "决定事项为{item}。",
        "決定事項為{item}。",
        " Item decided: {item}."
    )
}

pub fn moved_end(l: Lang) -> &'static str {
    l.pick("）。", "）。", ").")
}

pub fn motion_head(l: Lang) -> String {
    say!(l, "动议：", "動議：", "Motion: ")
}

pub fn amendment_head(l: Lang, text: &str) -> String {
    say!(
        l,
        "修正案：动议修改为「{text}」",
        "修正案：動議修改為「{text}」",
        "Amendment: that the motion read “{text}”"
    )
}

pub fn amended_so(l: Lang) -> String {
    say!(
        l,
        "动议按修正案修改。",
        "動議按修正案修改。",
        " The motion was amended accordingly."
    )
}

pub fn as_amended(l: Lang, text: &str) -> String {
    say!(
        l,
        "修正后的动议：{text}。",
        "修正後的動議：{text}。",
        "The motion as amended: {text}."
    )
}

pub fn owners_vote(
    l: Lang,
    (in_person, by_proxy, written): (usize, usize, usize),
    (yes, no, abstain, owners): (u32, u32, u32, u32),
    decision: &str,
    (yes_names, no_names, abstain_names): (&str, &str, &str),
) -> String {
    let proxies = if by_proxy == 0 {
        String::new()
    } else {
        say!(
            l,
            "、委托代理人表决{by_proxy}人",
            "、委託代理人表決{by_proxy}人",
            ", {by_proxy} by proxy"
        )
    };
    say!(
        l,
        "业主记名表决，现场表决{in_person}人{proxies}、书面表决{written}人，同意{yes}人、反对{no}人、弃权{abstain}人（业主共{owners}人）。{decision}同意：{yes_names}；反对：{no_names}；弃权：{abstain_names}。",
        "業主記名表決，現場表決{in_person}人{proxies}、書面表決{written}人，同意{yes}人、反對{no}人、棄權{abstain}人（業主共{owners}人）。{decision}同意：{yes_names}；反對：{no_names}；棄權：{abstain_names}。",
        "Owners voted by name, {in_person} in the room{proxies} and {written} in writing: {yes} in favour, {no} against, {abstain} abstaining (of {owners} owners). {decision} In favour: {yes_names}; against: {no_names}; abstaining: {abstain_names}."
    )
}

pub fn sent_back(l: Lang, reason: &str) -> String {
    say!(
        l,
        "表决未通过，主持人决定重新征求意见。理由：{reason}",
        "表決未通過，主持人決定重新徵求意見。理由：{reason}",
        "The motion was not adopted; the chair sent the matter back for opinions. Reason: {reason}"
    )
}

pub fn closed_not_adopted(l: Lang, reason: &str) -> String {
    say!(
        l,
        "表决未通过，主持人决定不予采纳。理由：{reason}",
        "表決未通過，主持人決定不予採納。理由：{reason}",
        "The motion was not adopted; the chair closed the matter as not adopted. Reason: {reason}"
    )
}

// 选举

pub fn election_kind(l: Lang, contested: bool) -> String {
    if contested {
        say!(l, "差额", "差額", "contested")
    } else {
        say!(l, "等额", "等額", "uncontested")
    }
}

pub fn elected_by(l: Lang, majority: bool) -> String {
    if majority {
        say!(
            l,
            "获得有效选票过半数者当选",
            "獲得有效選票過半數者當選",
            "elected with more than half the valid ballots"
        )
    } else {
        say!(l, "得票多者当选", "得票多者當選", "the most votes elected")
    }
}

pub fn election(
    l: Lang,
    (text, kind, by): (&str, &str, &str),
    seats: u32,
    candidates: &[String],
    mover: &str,
) -> String {
    let n = candidates.len();
    let names = super::words::list(l, candidates);
    let (seat_s, candidate_s) = (
        yishi_text::counted(seats, "seat", "seats"),
        yishi_text::counted(n as u64, "candidate", "candidates"),
    );
    say!(
        l,
        "选举：{text}（{kind}选举，应选{seats}名，候选人{n}名：{names}；提名人：{mover}；{by}）。",
        "選舉：{text}（{kind}選舉，應選{seats}名，候選人{n}名：{names}；提名人：{mover}；{by}）。",
        "Election: {text} ({kind}, {seat_s}, {candidate_s}: {names}; nominated by {mover}; {by})."
    )
}

pub fn write_in(l: Lang) -> String {
    say!(l, "（另选）", "（另選）", " (write-in)")
}

pub fn votes_for(l: Lang, name: &str, write_in: &str, n: u32) -> String {
    say!(
        l,
        "{name}{write_in}{n}票",
        "{name}{write_in}{n}票",
        "{name}{write_in} {n}"
    )
}

pub fn election_count(l: Lang, returned: usize, valid: u32, spoiled: u32, votes: &str) -> String {
    let ballots = yishi_text::counted(returned as u64, "ballot", "ballots");
    say!(
        l,
        "无记名投票，收回选票{returned}张，有效{valid}张，废票{spoiled}张。得票：{votes}。",
        "無記名投票，收回選票{returned}張，有效{valid}張，廢票{spoiled}張。得票：{votes}。",
        "Secret ballot: {ballots} returned, {valid} valid, {spoiled} spoiled. Votes: {votes}."
    )
}

pub fn nobody_elected(l: Lang) -> String {
    say!(l, "无人当选。", "無人當選。", " Nobody was elected.")
}

pub fn elected(l: Lang, names: &str) -> String {
    say!(
        l,
        "当选：{names}。",
        "當選：{names}。",
        " Elected: {names}."
    )
}

pub fn tied(l: Lang, names: &str, n: u32, left: usize) -> String {
    let seats = if left == 1 {
        "the seat left".to_string()
    } else {
        format!("the {left} seats left")
    };
    say!(
        l,
        "{names}得票相同（各{n}票），须就剩余{left}个名额在他们之中另行投票。",
        "{names}得票相同（各{n}票），須就剩餘{left}個名額在他們之中另行投票。",
        " {names} tied ({n} each): a run-off among them for {seats}."
    )
}

pub fn unfilled(l: Lang, n: u32) -> String {
    let seats = if n == 1 {
        "1 seat was".to_string()
    } else {
        format!("{n} seats were")
    };
    say!(
        l,
        "另有{n}个名额无人当选，须另行选举。",
        "另有{n}個名額無人當選，須另行選舉。",
        " {seats} left unfilled, for another election."
    )
}

/// A box's totals entered again after it was counted: the first figures, and when they were
/// put right.
pub fn recounted(l: Lang, at: &str, [yes, no, abstain, spoiled]: [u32; 4]) -> String {
    say!(
        l,
        "开箱计票后重新清点：原记赞成{yes}票，反对{no}票，弃权{abstain}票，废票{spoiled}张，于{at}更正。",
        "開箱計票後重新清點：原記贊成{yes}票，反對{no}票，棄權{abstain}票，廢票{spoiled}張，於{at}更正。",
        " Recounted after the box was opened: first entered as {yes} yes, {no} no, {abstain} abstaining, {spoiled} spoiled; put right at {at}."
    )
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn english_counts_agree_with_their_number() {
        let l = Lang::En;
        assert_eq!(ballots_returned(l, 1), ", 1 ballot returned");
        assert_eq!(ballots_returned(l, 2), ", 2 ballots returned");
        assert_eq!(
            unfilled(l, 1),
            " 1 seat was left unfilled, for another election."
        );
        assert_eq!(
            unfilled(l, 2),
            " 2 seats were left unfilled, for another election."
        );
        assert!(tied(l, "A, B", 3, 1).ends_with("a run-off among them for the seat left."));
        assert!(tied(l, "A, B", 3, 2).ends_with("for the 2 seats left."));
        let one = election(
            l,
            ("Chair", "uncontested", "by secret ballot"),
            1,
            &["A".into()],
            "B",
        );
        assert!(one.contains("1 seat, 1 candidate: A"), "{one}");
        let two = election(
            l,
            ("Members", "contested", "by secret ballot"),
            2,
            &["A".into(), "B".into(), "C".into()],
            "D",
        );
        assert!(two.contains("2 seats, 3 candidates: "), "{two}");
    }
}
