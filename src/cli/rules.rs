//! `yishi rules`: the quorum and majority presets, each with the statute, article and day it
//! comes from; `yishi rules show KEY` explains one in plain words.

use super::Failure;
use crate::domain::{Base, Fraction, Rule, Unit, presets};
use crate::text::Lang;

/// One line a preset: its key, name, statute and article, and the day it applies from.
pub fn list(lang: Lang) -> Result<(), Failure> {
    for r in presets() {
        let from = r
            .applies_from
            .map(|d| {
                lang.pick_owned(
                    format!("，{d}起"),
                    format!("，{d}起"),
                    format!(", from {d}"),
                )
            })
            .unwrap_or_default();
        let review = if r.review.is_empty() {
            ""
        } else {
            lang.pick("（待核对）", "（待核對）", " (to be checked)")
        };
        outln!(
            "{:<24}{}{}{}{}{from}{review}",
            r.key,
            r.name_in(lang),
            lang.gap(),
            r.statute,
            r.article
        );
    }
    Ok(())
}

/// A preset in plain words, or which presets there are.
pub fn show(key: &str, lang: Lang) -> Result<(), Failure> {
    let all = presets();
    let Some(r) = all.iter().find(|r| r.key == key) else {
        let keys: Vec<&str> = all.iter().map(|r| r.key.as_str()).collect();
        return Err(Failure::Said(lang.pick_owned(
            format!("没有这个表决规则：{key}\n可选：{}", keys.join("、")),
            format!("沒有這個表決規則：{key}\n可選：{}", keys.join("、")),
            format!("no such rule: {key}\nthe rules are: {}", keys.join(", ")),
        )));
    };
    outln!("{}", explain(r, lang));
    Ok(())
}

/// "more than half", "at least two thirds" — of what.
fn share_en(f: Fraction, of: &str) -> String {
    let part = if f.num * 2 == f.den {
        "half".to_string()
    } else {
        format!("{}/{}", f.num, f.den)
    };
    let how = if f.strict { "more than" } else { "at least" };
    format!("{how} {part} of {of}")
}

fn base_en(b: Base, unit: Unit) -> &'static str {
    match (b, unit) {
        (Base::Entitled, Unit::Owners) => "all owners",
        (Base::Entitled, Unit::Households) => "all households",
        (Base::Entitled, Unit::People) => "all entitled",
        (Base::Present, _) => "those present",
        (Base::Cast, _) => "those taking part in the vote",
    }
}

/// The rule in plain words: where it comes from, who counts, what a meeting and a decision
/// need, the statute's words.
pub fn explain(r: &Rule, lang: Lang) -> String {
    let mut out = vec![format!("{}{}{}", r.name_in(lang), lang.gap(), r.key)];
    out.push(match r.applies_from {
        Some(from) => lang.pick_owned(
            format!("依据：{}{}　{from}起适用", r.statute, r.article),
            format!("依據：{}{}　{from}起適用", r.statute, r.article),
            format!("Source: {}{}, applying from {from}", r.statute, r.article),
        ),
        // Local rules (各地规定) have no one day of their own.
        None => lang.pick_owned(
            format!("依据：{}{}　无全国统一的施行日期", r.statute, r.article),
            format!("依據：{}{}　無全國統一的施行日期", r.statute, r.article),
            format!(
                "Source: {}{}, with no one national start date",
                r.statute, r.article
            ),
        ),
    });
    out.push(match (r.unit, lang) {
        (Unit::People, Lang::En) => "Counts: people, one vote each.".to_string(),
        (Unit::People, _) => lang.pick("计票：按人，一人一票。", "計票：按人，一人一票。", "").to_string(),
        (Unit::Households, Lang::En) => "Counts: households, one representative each.".to_string(),
        (Unit::Households, _) => lang
            .pick("计票：按户，每户一名代表。", "計票：按戶，每戶一名代表。", "")
            .to_string(),
        (Unit::Owners, Lang::En) => "Counts: owners, twice — by headcount (an owner of several units counts once) and by exclusive floor area (added up); both must hold.".to_string(),
        (Unit::Owners, _) => lang
            .pick(
                "计票：按业主，人数和专有部分面积双重计算（一人多套按一人计，面积累加），两者都须达到。",
                "計票：按業主，人數和專有部分面積雙重計算（一人多套按一人計，面積累加），兩者都須達到。",
                "",
            )
            .to_string(),
    });
    let (area_quorum, area_passing) = r.area_said(lang).unwrap_or_default();
    let and = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!("，且{s}")
        }
    };
    match lang {
        Lang::En => {
            let who = if r.quorum_at_opening() {
                base_en(Base::Present, r.unit)
            } else {
                base_en(Base::Cast, r.unit)
            };
            let area = if r.area.is_some() {
                ", by headcount and by area"
            } else {
                ""
            };
            out.push(format!(
                "Valid: {who} are {}{area}.",
                share_en(r.quorum, base_en(Base::Entitled, r.unit))
            ));
            out.push(format!(
                "Passes: yes from {}{area}; abstentions count against.",
                share_en(r.passing, base_en(r.passing_base, r.unit))
            ));
        }
        _ => {
            out.push(lang.pick_owned(
                format!("会议有效：{}{}。", r.quorum_said(lang), and(&area_quorum)),
                format!("會議有效：{}{}。", r.quorum_said(lang), and(&area_quorum)),
                String::new(),
            ));
            out.push(lang.pick_owned(
                format!(
                    "通过：赞成{}{}；弃权不计为赞成。",
                    r.passing_said(lang),
                    and(&area_passing)
                ),
                format!(
                    "通過：贊成{}{}；棄權不計為贊成。",
                    r.passing_said(lang),
                    and(&area_passing)
                ),
                String::new(),
            ));
        }
    }
    if !r.items.is_empty() {
        out.push(
            lang.pick(
                "按事项表决（每项动议须选定所决定的事项）：",
                "按事項表決（每項動議須選定所決定的事項）：",
                "Decided item by item (each motion names the item it decides):",
            )
            .to_string(),
        );
        for item in &r.items {
            let line = r.for_item(Some(&item.key));
            out.push(lang.pick_owned(
                format!(
                    "　{}：通过须{}",
                    item.label(lang),
                    line.passing_said_whole(lang)
                ),
                format!(
                    "　{}：通過須{}",
                    item.label(lang),
                    line.passing_said_whole(lang)
                ),
                format!(
                    "  {}: passes when yes {}{}",
                    item.label(lang),
                    share_en(line.passing, base_en(line.passing_base, line.unit)),
                    if line.area.is_some() {
                        ", by headcount and by area"
                    } else {
                        ""
                    }
                ),
            ));
            // An item under a statute of its own: its quorum, written opinions, its words.
            if item.quorum.is_some() {
                out.push(lang.pick_owned(
                    format!("　　会议有效须{}", line.quorum_said(lang)),
                    format!("　　會議有效須{}", line.quorum_said(lang)),
                    format!("    valid when {}", line.quorum_said(lang)),
                ));
            }
            if item.written {
                out.push(lang.pick("　　未到会者会前提交的书面意见计入票数", "　　未到會者會前提交的書面意見計入票數", "    written opinions handed in before the meeting by those absent count as votes").to_string());
            }
            if !item.text.is_empty() {
                out.push(lang.pick_owned(
                    format!(
                        "　　依据：{}{}　原文：{}",
                        item.statute, item.article, item.text
                    ),
                    format!(
                        "　　依據：{}{}　原文：{}",
                        item.statute, item.article, item.text
                    ),
                    format!(
                        "    source: {}{}; the statute's words: {}",
                        item.statute, item.article, item.text
                    ),
                ));
            }
        }
    }
    if !r.quorum_at_opening() {
        out.push(
            lang.pick(
                "参与表决的比例在表决结束时计算（可书面征求意见，历时数日）。",
                "參與表決的比例在表決結束時計算（可書面徵求意見，歷時數日）。",
                "Taking part is counted when the vote closes (written votes may run over days).",
            )
            .to_string(),
        );
    }
    out.push(lang.pick_owned(
        format!("原文：{}", r.text),
        format!("原文：{}", r.text),
        format!("The statute's words: {}", r.text),
    ));
    if !r.review.is_empty() {
        out.push(lang.pick_owned(
            format!("待核对：{}", r.review_in(lang)),
            format!("待核對：{}", r.review_in(lang)),
            format!("To be checked: {}", r.review_in(lang)),
        ));
    }
    if r.counts_area() {
        out.push(lang.pick(
            "用于业主共同决定：成员来自房屋登记册（yishi council template --owners；yishi council import 登记册.csv --rule 本规则）。",
            "用於業主共同決定：成員來自房屋登記冊（yishi council template --owners；yishi council import 登記冊.csv --rule 本規則）。",
            "For owners' decisions: the members come from a register of units (yishi council template --owners; yishi council import register.csv --rule KEY).",
        ).to_string());
    }
    out.join("\n")
}
