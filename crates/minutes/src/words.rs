//! The minutes' fixed phrases in 简体, 繁體 and English, each written out in full in all three:
//! what the meeting record says around the names, titles and words the council typed, which
//! are printed as typed. Phrases with values are functions; `say!` picks one of the three
//! renderings, each its own `format!` with the values in scope.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

use yishi_text::{Lang, chinese_number};

pub(super) use yishi_text::say;

/// 2026年11月22日 / 22 November 2026
pub fn date(l: Lang, d: NaiveDate) -> String {
    let (y, m, day) = (d.year(), d.month(), d.day());
    match l {
        Lang::En => format!("{day} {} {y}", d.format("%B")),
        _ => format!("{y}年{m}月{day}日"),
    }
}

/// 星期日 / Sunday
pub fn weekday(l: Lang, d: NaiveDate) -> &'static str {
    let [hans, hant, en] = match d.weekday() {
        Weekday::Mon => ["星期一", "星期一", "Monday"],
        Weekday::Tue => ["星期二", "星期二", "Tuesday"],
        Weekday::Wed => ["星期三", "星期三", "Wednesday"],
        Weekday::Thu => ["星期四", "星期四", "Thursday"],
        Weekday::Fri => ["星期五", "星期五", "Friday"],
        Weekday::Sat => ["星期六", "星期六", "Saturday"],
        Weekday::Sun => ["星期日", "星期日", "Sunday"],
    };
    l.pick(hans, hant, en)
}

/// A date and time: 2026年12月5日 19:30 / 5 December 2026 19:30
pub fn date_time(l: Lang, t: NaiveDateTime) -> String {
    format!("{} {}", date(l, t.date()), t.format("%H:%M"))
}

/// 一、/ 1. — the numbers of matters and steps, as the reader counts them.
pub fn ordinal(l: Lang, n: usize) -> String {
    match l {
        Lang::En => n.to_string(),
        _ => chinese_number(n as u32),
    }
}

/// Names or items in a run: 、 between them in Chinese, a comma in English.
pub fn list(l: Lang, items: &[String]) -> String {
    items.join(l.pick("、", "、", ", "))
}

/// Clauses after one another: ， / ,
pub fn comma(l: Lang) -> &'static str {
    l.comma()
}

/// Something said in passing: （…） / (…)
pub fn aside(l: Lang, s: &str) -> String {
    say!(l, "（{s}）", "（{s}）", " ({s})")
}

/// A sentence's end, after text the council typed (a stop only where it has none).
pub fn stop(l: Lang) -> &'static str {
    l.pick("。", "。", ".")
}

/// A sentence's first word with its capital, in English.
pub fn sentence(l: Lang, s: &str) -> String {
    let mut chars = s.chars();
    match (l, chars.next()) {
        (Lang::En, Some(first)) => first.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

pub fn none(l: Lang) -> String {
    say!(l, "无", "無", "none")
}

pub fn member_numbered(l: Lang, id: u64) -> String {
    say!(l, "成员{id}", "成員{id}", "member {id}")
}

pub fn anonymous(l: Lang) -> String {
    say!(l, "匿名", "匿名", "anonymous")
}

// The heading of the minutes.

pub fn subtitle(l: Lang, year: i32, number: u32) -> String {
    say!(
        l,
        "{year}年第{number}次会议纪要",
        "{year}年第{number}次會議紀要",
        "Minutes of meeting no. {number} of {year}"
    )
}

pub fn time(l: Lang, s: &str) -> String {
    say!(l, "时间：{s}", "時間：{s}", "Time: {s}")
}

pub fn until(l: Lang, s: &str) -> String {
    say!(l, "至{s}", "至{s}", " to {s}")
}

pub fn adjourned(l: Lang, at: &str) -> String {
    say!(l, "{at}休会", "{at}休會", "adjourned {at}")
}

pub fn resumed(l: Lang, at: &str) -> String {
    say!(l, "，{at}复会", "，{at}復會", ", resumed {at}")
}

pub fn breaks(l: Lang, each: &[String]) -> String {
    let all = each.join(l.pick("；", "；", "; "));
    say!(l, "（{all}）", "（{all}）", " ({all})")
}

pub fn place(l: Lang, s: &str) -> String {
    say!(l, "地点：{s}", "地點：{s}", "Place: {s}")
}

pub fn subject(l: Lang, s: &str) -> String {
    say!(l, "主题：{s}", "主題：{s}", "Subject: {s}")
}

pub fn chair_and_recorder(l: Lang, chair: &str, recorder: &str) -> String {
    say!(
        l,
        "主持：{chair}　记录：{recorder}",
        "主持：{chair}　記錄：{recorder}",
        "Chair: {chair}    Recorder: {recorder}"
    )
}

// Attendance.

pub fn entitled_present(l: Lang, entitled: u32, present: u32, households: bool) -> String {
    if households {
        say!(
            l,
            "应到{entitled}户，到会户代表{present}户",
            "應到{entitled}戶，到會戶代表{present}戶",
            "Households entitled: {entitled}; household representatives present: {present}"
        )
    } else {
        say!(
            l,
            "应到{entitled}人，实到{present}人",
            "應到{entitled}人，實到{present}人",
            "Entitled: {entitled}; present: {present}"
        )
    }
}

pub fn by_proxy(l: Lang, n: usize, names: &str) -> String {
    say!(
        l,
        "（其中委托代理{n}人：{names}）",
        "（其中委託代理{n}人：{names}）",
        " (of whom {n} by proxy: {names})"
    )
}

pub fn excused(l: Lang, n: usize, households: bool, names: &str) -> String {
    match (l, households) {
        (Lang::ZhHans, false) => format!("，请假{n}人（{names}）"),
        (Lang::ZhHans, true) => format!("，请假{n}户（{names}）"),
        (Lang::ZhHant, false) => format!("，請假{n}人（{names}）"),
        (Lang::ZhHant, true) => format!("，請假{n}戶（{names}）"),
        (Lang::En, _) => format!("; excused: {n} ({names})"),
    }
}

pub fn absent(l: Lang, n: usize, households: bool, names: &str) -> String {
    match (l, households) {
        (Lang::ZhHans, false) => format!("，缺席{n}人（{names}）"),
        (Lang::ZhHans, true) => format!("，缺席{n}户（{names}）"),
        (Lang::ZhHant, false) => format!("，缺席{n}人（{names}）"),
        (Lang::ZhHant, true) => format!("，缺席{n}戶（{names}）"),
        (Lang::En, _) => format!("; absent: {n} ({names})"),
    }
}

pub fn observing(l: Lang, n: usize, names: &str) -> String {
    say!(
        l,
        "；列席{n}人（{names}）",
        "；列席{n}人（{names}）",
        "; observing: {n} ({names})"
    )
}

/// 出席：周立平、陈秀兰…… — after the body, as GB/T 9704 §10.3 lists who attended.
pub fn present_list(l: Lang, names: &str) -> String {
    say!(l, "出席：{names}", "出席：{names}", "Present: {names}")
}

pub fn excused_list(l: Lang, names: &str) -> String {
    say!(l, "请假：{names}", "請假：{names}", "Excused: {names}")
}

pub fn observing_list(l: Lang, names: &str) -> String {
    say!(l, "列席：{names}", "列席：{names}", "Observing: {names}")
}

pub fn arrived(l: Lang, who: &str, when: &str) -> String {
    say!(
        l,
        "{who}于{when}到会",
        "{who}於{when}到會",
        "{who} arrived at {when}"
    )
}

pub fn left(l: Lang, who: &str, when: &str) -> String {
    say!(
        l,
        "{who}于{when}离会",
        "{who}於{when}離會",
        "{who} left at {when}"
    )
}

pub fn became(l: Lang, who: &str, when: &str, what: &str) -> String {
    say!(
        l,
        "{who}于{when}改为{what}",
        "{who}於{when}改為{what}",
        "{who} was marked {what} at {when}"
    )
}

pub fn during(l: Lang, moves: &str, present: u32) -> String {
    say!(
        l,
        "会议期间，{moves}；此后实到{present}人。",
        "會議期間，{moves}；此後實到{present}人。",
        "During the meeting, {moves}; present thereafter: {present}."
    )
}

pub fn in_doubt(l: Lang, why: &str) -> String {
    say!(
        l,
        "所依条文待核对：{why}",
        "所依條文待核對：{why}",
        "The rule's statute is to be checked: {why}"
    )
}

pub fn valid(l: Lang, quorum: &str) -> String {
    say!(
        l,
        "{quorum}，会议有效。",
        "{quorum}，會議有效。",
        "As {quorum}, the meeting was valid."
    )
}

pub fn valid_later(l: Lang, no_quorum: &str, at: &str, present: u32, quorum: &str) -> String {
    say!(
        l,
        "开会时{no_quorum}；{at}起实到{present}人，{quorum}。",
        "開會時{no_quorum}；{at}起實到{present}人，{quorum}。",
        "At the opening, {no_quorum}; from {at}, {present} were present, and {quorum}."
    )
}

pub fn not_valid(l: Lang, no_quorum: &str) -> String {
    say!(
        l,
        "{no_quorum}，不足法定人数，本次会议不能进行表决。",
        "{no_quorum}，不足法定人數，本次會議不能進行表決。",
        "As {no_quorum}, there was no quorum and this meeting could not vote."
    )
}

pub fn proxy(l: Lang, principal: &str, holder: &str, given: &str, scope: &str) -> String {
    say!(
        l,
        "{principal}委托{holder}（{given}，{scope}）",
        "{principal}委託{holder}（{given}，{scope}）",
        "{principal} to {holder} ({given}, {scope})"
    )
}

pub fn proxy_for_vote(l: Lang, motion: &str) -> String {
    say!(
        l,
        "表决「{motion}」",
        "表決「{motion}」",
        "the vote on “{motion}”"
    )
}

pub fn proxy_for_meeting(l: Lang) -> String {
    say!(l, "本次会议", "本次會議", "this meeting")
}

pub fn proxies(l: Lang, each: &[String]) -> String {
    let all = each.join(l.pick("；", "；", "; "));
    say!(
        l,
        "委托表决：{all}。",
        "委託表決：{all}。",
        "Proxies: {all}."
    )
}

pub fn owners_roll(l: Lang, owners: u32, units: usize, area: &str, present: u32) -> String {
    say!(
        l,
        "业主共{owners}人（房屋{units}套，专有部分面积合计{area}平方米），到会{present}人。",
        "業主共{owners}人（房屋{units}套，專有部分面積合計{area}平方公尺），到會{present}人。",
        "Owners: {owners} ({units} units, {area} m² of exclusive floor area in all); present: {present}."
    )
}

pub fn owners_counted(l: Lang, source: &str) -> String {
    say!(
        l,
        "依{source}，业主参与表决的比例在每项表决结束时计算（现场与书面表决合计）。",
        "依{source}，業主參與表決的比例在每項表決結束時計算（現場與書面表決合計）。",
        "Under {source}, the owners' share taking part is counted as each vote closes (in the room and in writing together)."
    )
}

// Matters and steps.

pub fn matter(l: Lang, n: usize, title: &str) -> String {
    let n = ordinal(l, n);
    say!(l, "{n}、{title}", "{n}、{title}", "{n}. {title}")
}

pub fn step(l: Lang, n: usize, step: &str) -> String {
    let n = ordinal(l, n);
    say!(l, "（{n}）{step}：", "（{n}）{step}：", "({n}) {step}: ")
}

/// The steps of a matter the meeting did not take up, named once.
pub fn untouched(l: Lang, steps: &[String]) -> String {
    let steps = list(l, steps);
    say!(
        l,
        "本次会议未涉及{steps}。",
        "本次會議未涉及{steps}。",
        "Not taken up at this meeting: {steps}."
    )
}

pub fn not_this_meeting(l: Lang) -> String {
    say!(
        l,
        "本次会议未涉及。",
        "本次會議未涉及。",
        "Not taken up at this meeting."
    )
}

pub fn after_this_meeting(l: Lang, stage: &str) -> String {
    say!(
        l,
        "本次会议后，事项处于「{stage}」。",
        "本次會議後，事項處於「{stage}」。",
        "After this meeting, the matter is at “{stage}”."
    )
}

pub fn signed_at(l: Lang, at: &str) -> String {
    say!(l, "签发时间：{at}", "簽發時間：{at}", "Signed: {at}")
}

/// 主持人周立平的签名密钥：1A2B3C4D5E6F7A8B
pub fn sealed_by(l: Lang, chair: bool, name: &str, key: &str) -> String {
    if chair {
        say!(
            l,
            "主持人{name}的签名密钥：{key}",
            "主持人{name}的簽名金鑰：{key}",
            "Chair {name} signed with key {key}"
        )
    } else {
        say!(
            l,
            "记录人{name}的签名密钥：{key}",
            "記錄人{name}的簽名金鑰：{key}",
            "Recorder {name} signed with key {key}"
        )
    }
}

/// The short digests of the record and of the minutes as signed.
pub fn digests(l: Lang, record: &str, minutes: &str) -> String {
    say!(
        l,
        "记录摘要：{record}　纪要摘要：{minutes}",
        "記錄摘要：{record}　紀要摘要：{minutes}",
        "Record digest: {record}; minutes digest: {minutes}"
    )
}

pub fn signatures(l: Lang, chair: Option<&str>, recorder: Option<&str>) -> String {
    match (chair, recorder) {
        (Some(chair), Some(recorder)) => say!(
            l,
            "主持人（签字）：{chair}　　　　记录人（签字）：{recorder}",
            "主持人（簽字）：{chair}　　　　記錄人（簽字）：{recorder}",
            "Chair (signed): {chair}        Recorder (signed): {recorder}"
        ),
        _ => say!(
            l,
            "主持人（签字）：　　　　　　　　记录人（签字）：",
            "主持人（簽字）：　　　　　　　　記錄人（簽字）：",
            "Chair (signature): ________________    Recorder (signature): ________________"
        ),
    }
}

pub fn corrections(l: Lang) -> String {
    say!(l, "更正记录", "更正記錄", "Corrections")
}

pub fn basic_facts(l: Lang) -> String {
    say!(
        l,
        "会议基本情况",
        "會議基本情況",
        "the meeting's particulars"
    )
}

pub fn correction(
    l: Lang,
    n: usize,
    at: &str,
    by: &str,
    place: &str,
    text: &str,
    reason: &str,
) -> String {
    let n = ordinal(l, n);
    say!(
        l,
        "更正{n}：{at}，{by}更正「{place}」：{text}。理由：{reason}",
        "更正{n}：{at}，{by}更正「{place}」：{text}。理由：{reason}",
        "Correction {n}: {at}, {by} corrected “{place}”: {text}. Reason: {reason}"
    )
}
