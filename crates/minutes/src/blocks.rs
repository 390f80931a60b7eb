use yishi_domain::Step;
use yishi_text::{Lang, sanitize_line};

use super::decide::decide;
use super::input::{Layout, MinutesInput, names};
use super::steps::{collect, execute, hear, review};
use super::words as w;

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
    /// Who attended, after the body (GB/T 9704 §10.3): 出席：…, 请假：…, 列席：…, a line each.
    Roll(Vec<String>),
}

/// Who signed the minutes, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub chair: String,
    pub recorder: String,
    pub at: String,
    /// Where the signers signed with keys: each key's fingerprint, then the record's and the
    /// minutes' digests, a line each, so the paper can be matched with the file.
    pub sealed: Vec<String>,
}

/// Each signer's key fingerprint, and the digests of what they signed.
fn sealed_lines(input: &MinutesInput<'_>, s: &yishi_domain::Signature) -> Vec<String> {
    let (c, l) = (input.council, input.lang);
    let Some(sealed) = &s.sealed else {
        return Vec::new();
    };
    let mut out: Vec<String> = sealed
        .seals
        .iter()
        .map(|seal| {
            let chair = seal.member == s.chair;
            w::sealed_by(l, chair, &c.name_of(seal.member), &seal.key)
        })
        .collect();
    out.push(w::digests(
        l,
        &yishi_domain::short_digest(&sealed.record),
        &yishi_domain::short_digest(&sealed.minutes),
    ));
    out
}

/// Who was there when the meeting opened, who came and went while it was under way, and
/// whether the quorum was there to vote.
fn attendance_lines(input: &MinutesInput<'_>) -> Vec<String> {
    let (c, m, l) = (input.council, input.meeting, input.lang);
    let t = m.turnout_at(c, Some(0));
    // Owners not in the room may vote in writing: they are not absent, only not here.
    if c.rule.counts_area() {
        return owners_lines(input, &t);
    }
    // Households vote by their representatives (户代表): counted in 户.
    let households = c.rule.unit == yishi_domain::Unit::Households;
    let mut s = w::entitled_present(l, t.entitled, t.present, households);
    if !t.by_proxy.is_empty() {
        s += &w::by_proxy(l, t.by_proxy.len(), &names(input, &t.by_proxy));
    }
    if !t.excused.is_empty() {
        s += &w::excused(l, t.excused.len(), households, &names(input, &t.excused));
    }
    if !t.absent.is_empty() {
        s += &w::absent(l, t.absent.len(), households, &names(input, &t.absent));
    }
    if !t.observing.is_empty() {
        s += &w::observing(l, t.observing.len(), &names(input, &t.observing));
    }
    s += w::stop(l);
    let mut lines = vec![s];
    lines.extend(proxy_line(input));
    if !m.movements.is_empty() {
        let moves: Vec<String> = m
            .movements
            .iter()
            .map(|mv| {
                let (who, when) = (c.name_of(mv.member), mv.at.format("%H:%M").to_string());
                if mv.is_arrival() {
                    w::arrived(l, &who, &when)
                } else if mv.is_departure() {
                    w::left(l, &who, &when)
                } else {
                    w::became(l, &who, &when, mv.to.label(l))
                }
            })
            .collect();
        let now = m.turnout(c);
        lines.push(w::during(l, &moves.join(w::comma(l)), now.present));
    }
    let met = |t: &yishi_domain::Turnout| c.rule.quorum_met(t.present, t.entitled);
    let later = (1..=m.movements.len()).find(|k| met(&m.turnout_at(c, Some(*k))));
    lines.push(match later {
        _ if met(&t) => w::valid(l, &c.rule.quorum_said(l)),
        Some(k) => w::valid_later(
            l,
            &c.rule.no_quorum_said(l),
            &m.movements[k - 1].at.format("%H:%M").to_string(),
            m.turnout_at(c, Some(k)).present,
            &c.rule.quorum_said(l),
        ),
        None => w::not_valid(l, &c.rule.no_quorum_said(l)),
    });
    // A statute revised before the meeting, its new words not yet confirmed: said, not hidden.
    if let Some(why) = c.rule.in_doubt_on(m.start.date(), l) {
        lines.push(w::in_doubt(l, &why));
    }
    lines
}

/// Who attended, as the 纪要 lists them after its body: present at the opening or arriving
/// later, excused, observing. An owners' assembly, hundreds strong, is counted in its head only.
fn roll_lines(input: &MinutesInput<'_>) -> Vec<String> {
    let (c, m, l) = (input.council, input.meeting, input.lang);
    if c.rule.counts_area() {
        return Vec::new();
    }
    use yishi_domain::Attendance;
    let arrived = |id: yishi_domain::MemberId| {
        m.movements
            .iter()
            .any(|mv| mv.member == id && mv.is_arrival())
    };
    let mut present = Vec::new();
    let mut excused = Vec::new();
    let mut observing = Vec::new();
    for member in m.roll_of(c) {
        match m.attendance_at(member.id, Some(0)) {
            Some(Attendance::Present) => present.push(member.id),
            Some(Attendance::Observing) => observing.push(member.id),
            Some(Attendance::Excused) if arrived(member.id) => present.push(member.id),
            Some(Attendance::Excused) => excused.push(member.id),
            _ if arrived(member.id) => present.push(member.id),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if !present.is_empty() {
        out.push(w::present_list(l, &names(input, &present)));
    }
    if !excused.is_empty() {
        out.push(w::excused_list(l, &names(input, &excused)));
    }
    if !observing.is_empty() {
        out.push(w::observing_list(l, &names(input, &observing)));
    }
    out
}

/// 委托：王建国委托赵敏（2026年12月5日，本次会议）；… — every proxy, published.
fn proxy_line(input: &MinutesInput<'_>) -> Option<String> {
    let (c, m, l) = (input.council, input.meeting, input.lang);
    if m.proxies.is_empty() {
        return None;
    }
    let each: Vec<String> = m
        .proxies
        .iter()
        .map(|p| {
            let scope = match p.motion.and_then(|id| input.motions.get(&id)) {
                Some(v) => w::proxy_for_vote(l, yishi_text::clause(&v.text)),
                None => w::proxy_for_meeting(l),
            };
            let principal = c.name_of(p.principal);
            w::proxy(l, &principal, &p.holder, &w::date(l, p.given), &scope)
        })
        .collect();
    Some(w::proxies(l, &each))
}

/// 业主共38人（房屋40套，专有部分面积合计3,202.10平方米），到会10人；and how the shares are
/// counted.
fn owners_lines(input: &MinutesInput<'_>, t: &yishi_domain::Turnout) -> Vec<String> {
    let (c, m, l) = (input.council, input.meeting, input.lang);
    let roll = m.roll_of(c);
    let day = m.start.date();
    let units: usize = roll.iter().map(|x| x.units_on(day).count()).sum();
    let area: u64 = roll.iter().map(|x| x.area_on(day)).sum();
    let area = yishi_domain::owners::area_text(area);
    let mut lines = vec![w::owners_roll(l, t.entitled, units, &area, t.present)];
    lines.extend(proxy_line(input));
    lines.push(w::owners_counted(l, &c.rule.source));
    lines
}

/// The minutes of one meeting, as blocks.
pub fn blocks(input: &MinutesInput<'_>) -> Vec<Block> {
    let (c, m, l) = (input.council, input.meeting, input.lang);
    let mut b = vec![
        Block::Title(sanitize_line(&c.name)),
        Block::Subtitle(w::subtitle(l, m.year, m.number)),
    ];
    let day = m.start.date();
    let mut time = match l {
        Lang::En => format!(
            "{}, {} {}",
            w::weekday(l, day),
            w::date(l, day),
            m.start.format("%H:%M")
        ),
        _ => format!(
            "{}（{}）{}",
            w::date(l, day),
            w::weekday(l, day),
            m.start.format("%H:%M")
        ),
    };
    // A time on the meeting's day by itself, on another with its date: 20:10, 12月6日19:00.
    let when = |t: chrono::NaiveDateTime, after: chrono::NaiveDate| {
        if t.date() == after {
            t.format("%H:%M").to_string()
        } else {
            let sep = l.pick("", "", " ");
            format!("{}{sep}{}", w::date(l, t.date()), t.format("%H:%M"))
        }
    };
    if let Some(end) = m.end {
        time += &w::until(l, &when(end, day));
    }
    // Each sitting's break: 20:10休会，12月6日19:00复会.
    let mut breaks = Vec::new();
    let mut last = day;
    for a in &m.adjournments {
        let mut s = w::adjourned(l, &when(a.at, last));
        last = a.at.date();
        if let Some(r) = a.resumed {
            s += &w::resumed(l, &when(r, last));
            last = r.date();
        }
        breaks.push(s);
    }
    if !breaks.is_empty() {
        time += &w::breaks(l, &breaks);
    }
    b.push(Block::Line(w::time(l, &time)));
    b.push(Block::Line(w::place(l, &m.place)));
    b.push(Block::Line(w::subject(l, &m.title)));
    b.push(Block::Line(w::chair_and_recorder(
        l,
        &c.name_of(m.chair),
        &c.name_of(m.recorder),
    )));
    for line in attendance_lines(input) {
        b.push(Block::Line(line));
    }
    for (i, x) in input.matters.iter().enumerate() {
        b.push(Block::Matter(w::matter(l, i + 1, &x.title)));
        let steps: [(Step, Vec<String>); 5] = [
            (Step::Collect, collect(input, x)),
            (Step::Hear, hear(input, x)),
            (Step::Decide, decide(input, x)),
            (Step::Execute, execute(input, x)),
            (Step::Review, review(input, x)),
        ];
        // Said once, first: the steps the meeting did not take up (in the first layout, each
        // under its heading).
        let every = input.layout == Layout::EveryStep;
        let untouched: Vec<String> = steps
            .iter()
            .filter(|(_, paras)| paras.is_empty())
            .map(|(step, _)| step.label(l).to_string())
            .collect();
        if !every && !untouched.is_empty() {
            b.push(Block::Para(w::untouched(l, &untouched)));
        }
        for (j, (step, paras)) in steps.into_iter().enumerate() {
            if paras.is_empty() && !every {
                continue;
            }
            b.push(Block::Step(w::step(l, j + 1, step.label(l))));
            if paras.is_empty() {
                b.push(Block::Para(w::not_this_meeting(l)));
            }
            for p in paras {
                b.push(Block::Para(p));
            }
        }
        if let Some(t) = x.history.iter().rev().find(|t| t.meeting == m.id) {
            b.push(Block::Para(w::after_this_meeting(l, t.to.label(l))));
        }
    }
    let roll = roll_lines(input);
    if !roll.is_empty() {
        b.push(Block::Roll(roll));
    }
    b.push(Block::Signatures(m.signature.as_ref().map(|s| Signed {
        chair: c.name_of(s.chair),
        recorder: c.name_of(s.recorder),
        at: w::date_time(l, s.at),
        sealed: sealed_lines(input, s),
    })));
    if !m.corrections.is_empty() {
        b.push(Block::Section(w::corrections(l)));
        for (i, k) in m.corrections.iter().enumerate() {
            b.push(Block::Para(correction(input, i, k)));
        }
    }
    b
}

/// 更正一：2026年11月25日 10:12，李某更正「二、后街油烟（二）公开听证」：……。理由：……
fn correction(input: &MinutesInput<'_>, i: usize, k: &yishi_domain::Correction) -> String {
    let l = input.lang;
    let mut place = String::new();
    if let Some(x) = k.matter {
        let n = input.matters.iter().position(|m| m.id == x);
        let title = input
            .matters
            .get(n.unwrap_or(usize::MAX))
            .map_or("", |m| &m.title);
        if let Some(n) = n {
            place += &w::matter(l, n + 1, title);
        }
        if let Some(step) = k.step {
            let j = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
            if !place.is_empty() {
                place += l.pick("", "", ", ");
            }
            place += w::step(l, j + 1, step.label(l)).trim_end_matches(['：', ':', ' ']);
        }
    }
    let place = if place.is_empty() {
        w::basic_facts(l)
    } else {
        place
    };
    w::correction(
        l,
        i + 1,
        &w::date_time(l, k.at),
        &input.council.name_of(k.by),
        &place,
        yishi_text::clause(&k.text),
        &k.reason,
    )
}
