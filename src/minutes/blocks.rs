use crate::domain::Step;
use crate::text::{Lang, chinese_number, sanitize_line};

use super::decide::decide;
use super::input::{MinutesInput, ZH, names};
use super::steps::{collect, execute, hear, review};
use super::{date_zh, weekday_zh};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Title(String),
    Subtitle(String),
    Line(String),
    Matter(String),
    Step(String),
    Para(String),
    /// The signature lines: the names once signed, blank lines for the pen before.
    Signatures(Option<Signed>),
    /// A section after the body (更正记录).
    Section(String),
}

/// Who signed the minutes, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub chair: String,
    pub recorder: String,
    pub at: String,
}

/// Who was there when the meeting opened, who came and went while it was under way, and
/// whether the quorum was there to vote.
fn attendance_lines(input: &MinutesInput<'_>) -> Vec<String> {
    let c = input.council;
    let m = input.meeting;
    let t = m.turnout_at(c, Some(0));
    // Owners not in the room may vote in writing: they are not absent, only not here.
    if c.rule.counts_area() {
        return owners_lines(input, &t);
    }
    // Households vote by their representatives (户代表): counted in 户.
    let households = c.rule.unit == crate::domain::Unit::Households;
    let mut s = if households {
        format!("应到{}户，到会户代表{}户", t.entitled, t.present)
    } else {
        format!("应到{}人，实到{}人", t.entitled, t.present)
    };
    let per = if households { "户" } else { "人" };
    if !t.by_proxy.is_empty() {
        s += &format!(
            "（其中委托代理{}人：{}）",
            t.by_proxy.len(),
            names(c, &t.by_proxy)
        );
    }
    if !t.excused.is_empty() {
        s += &format!("，请假{}{per}（{}）", t.excused.len(), names(c, &t.excused));
    }
    if !t.absent.is_empty() {
        s += &format!("，缺席{}{per}（{}）", t.absent.len(), names(c, &t.absent));
    }
    if !t.observing.is_empty() {
        s += &format!(
            "；列席{}人（{}）",
            t.observing.len(),
            names(c, &t.observing)
        );
    }
    s.push('。');
    let mut lines = vec![s];
    lines.extend(proxy_line(input));
    if !m.movements.is_empty() {
        let moves: Vec<String> = m
            .movements
            .iter()
            .map(|mv| {
                let (who, when) = (c.name_of(mv.member), mv.at.format("%H:%M"));
                if mv.is_arrival() {
                    format!("{who}于{when}到会")
                } else if mv.is_departure() {
                    format!("{who}于{when}离会")
                } else {
                    format!("{who}于{when}改为{}", mv.to.label(Lang::ZhHans))
                }
            })
            .collect();
        let now = m.turnout(c);
        lines.push(format!(
            "会议期间，{}；此后实到{}人。",
            moves.join("，"),
            now.present
        ));
    }
    let met = |t: &crate::domain::Turnout| c.rule.quorum_met(t.present, t.entitled);
    let later = (1..=m.movements.len()).find(|k| met(&m.turnout_at(c, Some(*k))));
    lines.push(match later {
        _ if met(&t) => format!("{}，会议有效。", c.rule.quorum_zh()),
        Some(k) => format!(
            "开会时{}；{}起实到{}人，{}。",
            c.rule.no_quorum_zh(),
            m.movements[k - 1].at.format("%H:%M"),
            m.turnout_at(c, Some(k)).present,
            c.rule.quorum_zh()
        ),
        None => format!(
            "{}，不足法定人数，本次会议不能进行表决。",
            c.rule.no_quorum_zh()
        ),
    });
    lines
}

/// 委托：王建国委托赵敏（2026年12月5日，本次会议）；… — every proxy, published.
fn proxy_line(input: &MinutesInput<'_>) -> Option<String> {
    let (c, m) = (input.council, input.meeting);
    if m.proxies.is_empty() {
        return None;
    }
    let each: Vec<String> = m
        .proxies
        .iter()
        .map(|p| {
            let scope = match p.motion.and_then(|id| input.motions.get(&id)) {
                Some(v) => format!("表决「{}」", crate::text::clause(&v.text)),
                None => "本次会议".to_string(),
            };
            format!(
                "{}委托{}（{}，{scope}）",
                c.name_of(p.principal),
                p.holder,
                date_zh(p.given)
            )
        })
        .collect();
    Some(format!("委托表决：{}。", each.join("；")))
}

/// 业主共38人（房屋40套，专有部分面积合计3,202.10平方米），到会10人；and how the shares are
/// counted.
fn owners_lines(input: &MinutesInput<'_>, t: &crate::domain::Turnout) -> Vec<String> {
    let (c, m) = (input.council, input.meeting);
    let roll = m.roll_of(c);
    let units: usize = roll.iter().map(|x| x.units.len()).sum();
    let area: u64 = roll.iter().map(|x| x.area()).sum();
    let mut lines = vec![format!(
        "业主共{}人（房屋{units}套，专有部分面积合计{}平方米），到会{}人。",
        t.entitled,
        crate::domain::owners::area_text(area),
        t.present
    )];
    lines.extend(proxy_line(input));
    lines.push(format!(
        "依{}，业主参与表决的比例在每项表决结束时计算（现场与书面表决合计）。",
        c.rule.source
    ));
    lines
}

/// The minutes of one meeting, as blocks.
pub fn blocks(input: &MinutesInput<'_>) -> Vec<Block> {
    let c = input.council;
    let m = input.meeting;
    let mut b = vec![
        Block::Title(sanitize_line(&c.name)),
        Block::Subtitle(format!("{}年第{}次会议纪要", m.year, m.number)),
    ];
    let day = m.start.date();
    let mut time = format!(
        "时间：{}（{}）{}",
        date_zh(day),
        weekday_zh(day),
        m.start.format("%H:%M")
    );
    if let Some(end) = m.end {
        if end.date() == day {
            time += &format!("至{}", end.format("%H:%M"));
        } else {
            time += &format!("至{}{}", date_zh(end.date()), end.format("%H:%M"));
        }
    }
    // Each sitting's break: 20:10休会，12月6日19:00复会 (the date where it is another day's).
    let when = |t: chrono::NaiveDateTime, after: chrono::NaiveDate| {
        if t.date() == after {
            t.format("%H:%M").to_string()
        } else {
            format!("{}{}", date_zh(t.date()), t.format("%H:%M"))
        }
    };
    let mut breaks = Vec::new();
    let mut last = day;
    for a in &m.adjournments {
        let mut s = format!("{}休会", when(a.at, last));
        last = a.at.date();
        if let Some(r) = a.resumed {
            s += &format!("，{}复会", when(r, last));
            last = r.date();
        }
        breaks.push(s);
    }
    if !breaks.is_empty() {
        time += &format!("（{}）", breaks.join("；"));
    }
    b.push(Block::Line(time));
    b.push(Block::Line(format!("地点：{}", m.place)));
    b.push(Block::Line(format!("主题：{}", m.title)));
    b.push(Block::Line(format!(
        "主持：{}　记录：{}",
        c.name_of(m.chair),
        c.name_of(m.recorder)
    )));
    for l in attendance_lines(input) {
        b.push(Block::Line(l));
    }
    for (i, x) in input.matters.iter().enumerate() {
        b.push(Block::Matter(format!(
            "{}、{}",
            chinese_number(i as u32 + 1),
            x.title
        )));
        let steps: [(Step, Vec<String>); 5] = [
            (Step::Collect, collect(input, x)),
            (Step::Hear, hear(input, x)),
            (Step::Decide, decide(input, x)),
            (Step::Execute, execute(input, x)),
            (Step::Review, review(input, x)),
        ];
        for (j, (step, paras)) in steps.into_iter().enumerate() {
            b.push(Block::Step(format!(
                "（{}）{}：",
                chinese_number(j as u32 + 1),
                step.label(ZH)
            )));
            if paras.is_empty() {
                b.push(Block::Para("本次会议未涉及。".to_string()));
            }
            for p in paras {
                b.push(Block::Para(p));
            }
        }
        if let Some(t) = x.history.iter().rev().find(|t| t.meeting == m.id) {
            b.push(Block::Para(format!(
                "本次会议后，事项处于「{}」。",
                t.to.label(ZH)
            )));
        }
    }
    b.push(Block::Signatures(m.signature.as_ref().map(|s| Signed {
        chair: c.name_of(s.chair),
        recorder: c.name_of(s.recorder),
        at: format!("{} {}", date_zh(s.at.date()), s.at.format("%H:%M")),
    })));
    if !m.corrections.is_empty() {
        b.push(Block::Section("更正记录".to_string()));
        for (i, k) in m.corrections.iter().enumerate() {
            b.push(Block::Para(correction(input, i, k)));
        }
    }
    b
}

/// 更正一：2026年11月25日10:12，李某更正「二、后街油烟（二）公开听证」：……。理由：……
fn correction(input: &MinutesInput<'_>, i: usize, k: &crate::domain::Correction) -> String {
    let mut place = String::new();
    if let Some(x) = k.matter {
        let n = input.matters.iter().position(|m| m.id == x);
        let title = input
            .matters
            .get(n.unwrap_or(usize::MAX))
            .map_or("", |m| &m.title);
        if let Some(n) = n {
            place += &format!("{}、{title}", chinese_number(n as u32 + 1));
        }
        if let Some(step) = k.step {
            let j = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
            place += &format!("（{}）{}", chinese_number(j as u32 + 1), step.label(ZH));
        }
    }
    let place = if place.is_empty() {
        "会议基本情况".to_string()
    } else {
        place
    };
    format!(
        "更正{}：{} {}，{}更正「{place}」：{}{}理由：{}",
        chinese_number(i as u32 + 1),
        date_zh(k.at.date()),
        k.at.format("%H:%M"),
        input.council.name_of(k.by),
        crate::text::clause(&k.text),
        "。",
        k.reason
    )
}
