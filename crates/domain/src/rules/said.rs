//! What a rule asks and what a vote reached, in words, in 简体, 繁體 and English: the phrases
//! the minutes, the console and `yishi rules` give a rule in. The arithmetic is in `mod.rs`
//! and `decide.rs`; only the wording is here.

use super::decide::{Check, Decision, Measure};
use super::{Base, Fraction, Rule, Unit};
use yishi_text::{Lang, chinese_number};

impl Fraction {
    /// 半数 / 三分之二 / two thirds.
    pub fn said(&self, lang: Lang) -> String {
        if self.num * 2 == self.den {
            return lang.pick("半数", "半數", "half").to_string();
        }
        match lang {
            Lang::En => {
                let den = match self.den {
                    3 => "thirds".to_string(),
                    4 => "quarters".to_string(),
                    5 => "fifths".to_string(),
                    d => format!("{d}ths"),
                };
                let den = if self.num == 1 {
                    den.trim_end_matches('s').to_string()
                } else {
                    den
                };
                let num = match self.num {
                    1 => "one".to_string(),
                    2 => "two".to_string(),
                    3 => "three".to_string(),
                    4 => "four".to_string(),
                    n => n.to_string(),
                };
                format!("{num} {den}")
            }
            _ => format!(
                "{}分之{}",
                chinese_number(self.den),
                chinese_number(self.num)
            ),
        }
    }

    /// "超过…半数" or "达到…三分之二以上", `subject` and `whole` around it.
    pub fn phrase(&self, lang: Lang, subject: &str, whole: &str) -> String {
        let share = self.said(lang);
        match (lang, self.strict) {
            (Lang::ZhHans, true) => format!("{subject}超过{whole}{share}"),
            (Lang::ZhHans, false) => format!("{subject}达到{whole}{share}以上"),
            (Lang::ZhHant, true) => format!("{subject}超過{whole}{share}"),
            (Lang::ZhHant, false) => format!("{subject}達到{whole}{share}以上"),
            (Lang::En, true) => format!("{subject} are more than {share} of {whole}"),
            (Lang::En, false) => format!("{subject} are at least {share} of {whole}"),
        }
    }

    /// "未超过…半数" or "未达到…三分之二".
    pub fn phrase_not(&self, lang: Lang, subject: &str, whole: &str) -> String {
        let share = self.said(lang);
        match (lang, self.strict) {
            (Lang::ZhHans, true) => format!("{subject}未超过{whole}{share}"),
            (Lang::ZhHans, false) => format!("{subject}未达到{whole}{share}"),
            (Lang::ZhHant, true) => format!("{subject}未超過{whole}{share}"),
            (Lang::ZhHant, false) => format!("{subject}未達到{whole}{share}"),
            (Lang::En, true) => format!("{subject} are not more than {share} of {whole}"),
            (Lang::En, false) => format!("{subject} are fewer than {share} of {whole}"),
        }
    }
}

impl Unit {
    /// The measure word after a count: 人 / 户 / people.
    pub fn measure(self, lang: Lang) -> &'static str {
        match self {
            Unit::People | Unit::Owners => lang.pick("人", "人", " people"),
            Unit::Households => lang.pick("户", "戶", " households"),
        }
    }
}

impl Base {
    /// 应到人数 / 实到户数 / 参与表决人数; in English, who they are.
    pub fn said_of(self, unit: Unit, lang: Lang) -> String {
        let (hans, hant, en) = match (self, unit) {
            (Base::Entitled, Unit::Owners) => ("业主总人数", "業主總人數", "all owners"),
            (Base::Entitled, Unit::Households) => ("应到户数", "應到戶數", "households entitled"),
            (Base::Entitled, Unit::People) => ("应到人数", "應到人數", "those entitled"),
            (Base::Present, Unit::Households) => ("实到户数", "實到戶數", "households present"),
            (Base::Present, _) => ("实到人数", "實到人數", "those present"),
            (Base::Cast, Unit::Owners) => ("参与表决人数", "參與表決人數", "owners voting"),
            (Base::Cast, Unit::Households) => ("投票户数", "投票戶數", "households voting"),
            (Base::Cast, Unit::People) => ("投票人数", "投票人數", "those voting"),
        };
        lang.pick(hans, hant, en).to_string()
    }
}

impl Rule {
    /// The item `key` as a motion names it, with where the statute lists it:
    /// （七）改建、重建建筑物及其附属设施（《中华人民共和国民法典》第二百七十八条第一款第七项）
    pub fn item_said(&self, key: &str, lang: Lang) -> Option<String> {
        let item = self.item(key)?;
        let statute = if item.statute.is_empty() {
            &self.statute
        } else {
            &item.statute
        };
        let cite = format!("{statute}{}", item.article);
        Some(match lang {
            Lang::En => format!("{} ({cite})", item.label(lang)),
            _ => format!("{}（{cite}）", item.label(lang)),
        })
    }

    /// Every passing test, for a rule that sets its line per item: the items that share a
    /// line, and the line — 第一、二、三、四、五、九项：超过…半数；第六、七、八项：达到…四分之三以上.
    /// The rule's own passing test where it lists no items.
    pub fn passing_said_by_item(&self, lang: Lang) -> String {
        let mut groups: Vec<(Rule, Vec<String>)> = Vec::new();
        for item in &self.items {
            let line = self.for_item(Some(&item.key));
            let n = item.key.parse::<u32>().unwrap_or(0);
            let name = match lang {
                Lang::En => item.key.clone(),
                _ => chinese_number(n),
            };
            match groups
                .iter_mut()
                .find(|(r, _)| r.passing == line.passing && r.area == line.area)
            {
                Some((_, names)) => names.push(name),
                None => groups.push((line, vec![name])),
            }
        }
        if groups.is_empty() {
            return self.passing_said_whole(lang);
        }
        let said: Vec<String> = groups
            .iter()
            .map(|(rule, names)| match lang {
                Lang::En => format!(
                    "items {}: {}",
                    names.join(", "),
                    rule.passing_said_whole(lang)
                ),
                _ => format!(
                    "第{}项：{}",
                    names.join("、"),
                    rule.passing_said_whole(lang)
                ),
            })
            .collect();
        said.join(lang.pick("；", "；", "; "))
    }

    /// 实到人数达到应到人数三分之二以上
    pub fn quorum_said(&self, lang: Lang) -> String {
        let subject = self.quorum_of.said_of(self.unit, lang);
        let whole = Base::Entitled.said_of(self.unit, lang);
        self.quorum.phrase(lang, &subject, &whole)
    }

    /// Every quorum test the rule asks, owners' floor area included: 参与表决人数达到业主总人数
    /// 三分之二以上，且参与表决的专有部分面积达到专有部分总面积三分之二以上
    pub fn quorum_said_whole(&self, lang: Lang) -> String {
        let area = self.area_said(lang).map(|(quorum, _)| quorum);
        and_area(self.quorum_said(lang), area, lang)
    }

    /// Every passing test, as `quorum_said_whole`.
    pub fn passing_said_whole(&self, lang: Lang) -> String {
        let area = self.area_said(lang).map(|(_, passing)| passing);
        and_area(self.passing_said(lang), area, lang)
    }

    /// 实到人数未达到应到人数三分之二
    pub fn no_quorum_said(&self, lang: Lang) -> String {
        let subject = self.quorum_of.said_of(self.unit, lang);
        let whole = Base::Entitled.said_of(self.unit, lang);
        self.quorum.phrase_not(lang, &subject, &whole)
    }

    /// 超过实到人数半数 (of the votes in favour)
    pub fn passing_said(&self, lang: Lang) -> String {
        let whole = self.passing_base.said_of(self.unit, lang);
        self.passing.phrase(lang, yes_votes(lang), &whole)
    }

    /// 未超过实到人数半数
    pub fn failing_said(&self, lang: Lang) -> String {
        let whole = self.passing_base.said_of(self.unit, lang);
        self.passing.phrase_not(lang, yes_votes(lang), &whole)
    }

    /// Owners' area tests, as the statute words them: 参与表决的专有部分面积达到专有部分总面积
    /// 三分之二以上, and 同意的专有部分面积达到参与表决的专有部分面积四分之三以上.
    pub fn area_said(&self, lang: Lang) -> Option<(String, String)> {
        let area = self.area?;
        let of = |b: Base| -> &'static str {
            match b {
                Base::Entitled => lang.pick(
                    "专有部分总面积",
                    "專有部分總面積",
                    "the whole exclusive floor area",
                ),
                Base::Present => lang.pick(
                    "到会业主的专有部分面积",
                    "到會業主的專有部分面積",
                    "the floor area of the owners present",
                ),
                Base::Cast => lang.pick(
                    "参与表决的专有部分面积",
                    "參與表決的專有部分面積",
                    "the floor area voting",
                ),
            }
        };
        let agreeing = lang.pick(
            "同意的专有部分面积",
            "同意的專有部分面積",
            "the floor area in favour",
        );
        Some((
            area.quorum
                .phrase(lang, of(self.quorum_of), of(Base::Entitled)),
            area.passing.phrase(lang, agreeing, of(self.passing_base)),
        ))
    }
}

/// A headcount test and, for owners, its floor-area test beside it.
fn and_area(heads: String, area: Option<String>, lang: Lang) -> String {
    match area {
        Some(area) => format!("{heads}{}{area}", lang.pick("，且", "，且", ", and ")),
        None => heads,
    }
}

/// Who a passing majority counts: the votes in favour (implied in Chinese).
fn yes_votes(lang: Lang) -> &'static str {
    lang.pick("", "", "votes in favour")
}

/// An area in hundredths of a square metre, as the register writes it: 405.25
fn square_metres(hundredths: u64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// "超过半数" or "达到三分之二以上": what a share asks, in words.
fn asks(share: Fraction, lang: Lang) -> String {
    match lang {
        Lang::En if share.strict => format!("more than {}", share.said(lang)),
        Lang::En => format!("at least {}", share.said(lang)),
        _ => share.phrase(lang, "", ""),
    }
}

impl Decision {
    /// Which tests failed, each by what it measures, ending so that the verdict follows:
    /// "同意的业主专有部分面积未达到四分之三以上，" — empty where none did.
    fn failed_said(&self, lang: Lang) -> String {
        let mut out = Vec::new();
        for (checks, taking_part) in [(&self.quorum, true), (&self.passing, false)] {
            // Floor area first, as the sentence before gives it.
            let mut failed: Vec<&Check> = checks.iter().filter(|c| !c.held).collect();
            failed.sort_by_key(|c| c.measure != Measure::Area);
            for c in failed {
                let what = match (c.measure, taking_part, lang) {
                    (Measure::Area, true, _) => lang.pick(
                        "参与表决的业主专有部分面积",
                        "參與表決的業主專有部分面積",
                        "the floor area voting",
                    ),
                    (Measure::Heads, true, _) => lang.pick(
                        "参与表决的业主人数",
                        "參與表決的業主人數",
                        "the owners voting",
                    ),
                    (Measure::Area, false, _) => lang.pick(
                        "同意的业主专有部分面积",
                        "同意的業主專有部分面積",
                        "the floor area in favour",
                    ),
                    (Measure::Heads, false, _) => {
                        lang.pick("同意的业主人数", "同意的業主人數", "the owners in favour")
                    }
                };
                out.push(match lang {
                    Lang::En if c.share.strict => {
                        format!("{what} was not more than {}", c.share.said(lang))
                    }
                    Lang::En => format!("{what} was below {}", c.share.said(lang)),
                    _ => c.share.phrase_not(lang, what, ""),
                });
            }
        }
        if out.is_empty() {
            return String::new();
        }
        let en = out.join("; ");
        let mut chars = en.chars();
        let en = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default();
        lang.pick_owned(
            format!("{}，", out.join("、")),
            format!("{}，", out.join("、")),
            format!("{en}: "),
        )
    }

    /// The result as the minutes word it, every share in its units:
    /// 参与表决的业主专有部分面积占比…、人数占比…；同意的…，通过。
    pub fn said(&self, lang: Lang) -> String {
        let find = |checks: &[Check], m: Measure| checks.iter().find(|c| c.measure == m).copied();
        let verdict = if self.passed() {
            lang.pick("通过", "通過", "adopted")
        } else if !self.quorate() {
            lang.pick("未形成决议", "未形成決議", "no decision was made")
        } else {
            lang.pick("未通过", "未通過", "not adopted")
        };
        let short = |c: &[Check]| {
            if c.iter().all(|c| c.held) {
                ""
            } else {
                lang.pick("，未达到", "，未達到", "; not reached")
            }
        };
        let (Some(qh), Some(ph)) = (
            find(&self.quorum, Measure::Heads),
            find(&self.passing, Measure::Heads),
        ) else {
            return verdict.to_string();
        };
        let (q, p) = (asks(qh.share, lang), asks(ph.share, lang));
        match (
            self.unit,
            find(&self.quorum, Measure::Area),
            find(&self.passing, Measure::Area),
        ) {
            (Unit::Owners, Some(qa), Some(pa)) => {
                let (qa_asks, pa_asks) = (asks(qa.share, lang), asks(pa.share, lang));
                let failed = self.failed_said(lang);
                let (qa_m, qa_of, pa_m, pa_of) = (
                    square_metres(qa.count),
                    square_metres(qa.whole),
                    square_metres(pa.count),
                    square_metres(pa.whole),
                );
                let (qh_n, qh_of, ph_n, ph_of) = (qh.count, qh.whole, ph.count, ph.whole);
                let (qa, qh, pa, ph) = (qa.percent(), qh.percent(), pa.percent(), ph.percent());
                match lang {
                    Lang::ZhHans => format!(
                        "参与表决的业主专有部分面积{qa_m}平方米，占总面积{qa_of}平方米的{qa}；人数{qh_n}人，占总人数{qh_of}人的{qh}（均须{qa_asks}）。同意的业主专有部分面积{pa_m}平方米，占参与表决面积{pa_of}平方米的{pa}；人数{ph_n}人，占参与表决人数{ph_of}人的{ph}（均须{pa_asks}）。{failed}{verdict}。"
                    ),
                    Lang::ZhHant => format!(
                        "參與表決的業主專有部分面積{qa_m}平方米，佔總面積{qa_of}平方米的{qa}；人數{qh_n}人，佔總人數{qh_of}人的{qh}（均須{qa_asks}）。同意的業主專有部分面積{pa_m}平方米，佔參與表決面積{pa_of}平方米的{pa}；人數{ph_n}人，佔參與表決人數{ph_of}人的{ph}（均須{pa_asks}）。{failed}{verdict}。"
                    ),
                    Lang::En => format!(
                        "Owners voting held {qa_m} m² of {qa_of} m², {qa} of the floor area, and were {qh_n} of {qh_of} owners, {qh} (each must be {qa_asks}). Those in favour held {pa_m} m² of the {pa_of} m² voting, {pa}, and were {ph_n} of the {ph_of} owners voting, {ph} (each must be {pa_asks}). {failed}{verdict}."
                    ),
                }
            }
            (unit, _, _) => {
                let m = unit.measure(lang);
                let held = short(&self.quorum);
                let (present, yes) = (qh.count, ph.count);
                let (qp, pp) = (qh.percent(), ph.percent());
                match lang {
                    Lang::ZhHans => format!(
                        "到会{present}{m}，占应到的{qp}（须{q}{held}）；赞成{yes}{m}，占{pp}（须{p}），{verdict}。"
                    ),
                    Lang::ZhHant => format!(
                        "到會{present}{m}，佔應到的{qp}（須{q}{held}）；贊成{yes}{m}，佔{pp}（須{p}），{verdict}。"
                    ),
                    Lang::En => format!(
                        "{present}{m} present, {qp} of those entitled (must be {q}{held}); {yes}{m} in favour, {pp} (must be {p}): {verdict}."
                    ),
                }
            }
        }
    }
}
