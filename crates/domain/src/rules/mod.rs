//! Quorum and majority arithmetic, in integers, for rules that are data with their statute:
//! who counts (people, households, or owners with their floor area), the shares a meeting
//! and a decision need, and where each rule comes from and since when.

mod decide;
mod said;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use decide::{Area, AreaTally, Check, Decision, Measure};

use crate::vote::Tally;

/// A share of a whole: `count/whole` compared with `num/den`, strictly (过半数, >) or not
/// (以上, ≥).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
    pub strict: bool,
}

impl Fraction {
    /// Whether `count` out of `whole` reaches the fraction. Nothing reaches a share of nobody.
    /// Counts are heads or hundredths of a square metre; the products cannot overflow.
    pub fn holds(&self, count: impl Into<u64>, whole: impl Into<u64>) -> bool {
        let (count, whole) = (count.into(), whole.into());
        if whole == 0 || self.den == 0 {
            return false;
        }
        let lhs = u128::from(self.den) * u128::from(count);
        let rhs = u128::from(self.num) * u128::from(whole);
        if self.strict { lhs > rhs } else { lhs >= rhs }
    }
}

/// What a share is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// 应到: all who may vote.
    Entitled,
    /// 实到: those present when the vote opened.
    Present,
    /// Those taking part in the vote (参与表决): ballots cast, abstentions included.
    Cast,
}

/// Who a rule counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// One member, one vote.
    #[default]
    People,
    /// One vote a household (户代表).
    Households,
    /// Owners (业主): by headcount and by exclusive floor area (专有部分面积), both.
    Owners,
}

impl Unit {
    fn is_people(&self) -> bool {
        *self == Unit::People
    }
}

impl Base {
    fn is_present(&self) -> bool {
        *self == Base::Present
    }
}

fn present() -> Base {
    Base::Present
}

/// A council's quorum and majority rule. Each council keeps its own copy, so a later change to
/// a preset never alters a past result. Rules kept before units and double tests existed read
/// as counting people, with their quorum taken from those present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub key: String,
    /// The rule's name in 简体, as the council's record and its minutes give it; in 繁體 and
    /// in English where the copy has them (copies made before do not: see `names`).
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_hant: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// The whole citation, as the minutes name it.
    pub source: String,
    /// The statute, its article, the words the rule carries out, and the day it applies from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statute: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub article: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_from: Option<NaiveDate>,
    /// Why the article is to be checked again (a statute revised since), where it is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review: String,
    /// The same, in 繁體 and in English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_hant: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub review_en: String,
    /// The day the revision that puts the article in doubt took effect: a meeting on or after
    /// it is held under words not yet confirmed (待核对).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Unit::is_people")]
    pub unit: Unit,
    /// Those counted for the quorum (`quorum_of`: present, or taking part in the vote), against
    /// all entitled.
    pub quorum: Fraction,
    #[serde(default = "present", skip_serializing_if = "Base::is_present")]
    pub quorum_of: Base,
    /// Yes votes, against `passing_base`.
    pub passing: Fraction,
    pub passing_base: Base,
    /// Owners: the same tests again by floor area, each with its own share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    /// Whether a member may be represented by proxy (委托), and how; none: never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxies: Option<Proxies>,
    /// Whether members not at the meeting may give their vote in writing beforehand (书面意见):
    /// counted in the votes, never among those present.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub written: bool,
    /// The kinds of matter the rule decides, where its statute sets the majority per kind
    /// (民法典 第二百七十八条第一款 (一)–(九)): each motion names the one it decides, and
    /// must reach that item's line. None: every motion is decided alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// A kind of matter a statute lists (一项), with the majority it needs where that is not the
/// rule's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// The item's number in its article: "7" for （七）.
    pub key: String,
    /// The statute's words for it, in 简体, 繁體 and English.
    pub name: String,
    pub name_hant: String,
    pub name_en: String,
    /// Where it is listed: 第二百七十八条第一款第七项; in its own statute where that is not the
    /// rule's, with the words it carries out.
    pub article: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statute: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// The share of the entitled who must be present for it, where not the rule's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Fraction>,
    /// Whether members not at the meeting may give their vote on it in writing beforehand.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub written: bool,
    /// The share of yes votes it needs, by headcount and by floor area; none: the rule's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passing: Option<Fraction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_passing: Option<Fraction>,
}

impl Item {
    /// （七）改建、重建建筑物及其附属设施
    pub fn label(&self, lang: yishi_text::Lang) -> String {
        let n = self.key.parse::<u32>().unwrap_or(0);
        let name = lang.pick(&self.name, &self.name_hant, &self.name_en);
        match lang {
            yishi_text::Lang::En => format!("({}) {name}", self.key),
            _ => format!("（{}）{name}", yishi_text::chinese_number(n)),
        }
    }
}

/// What a rule allows of proxies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proxies {
    /// How many members one person may hold proxies for at a meeting; none: no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_holder: Option<u32>,
    /// Whether a member represented for the whole meeting counts as present for the quorum.
    #[serde(default)]
    pub quorum: bool,
}

impl Rule {
    /// The headcount quorum, on those present (or taking part) against those entitled.
    pub fn quorum_met(&self, counted: u32, entitled: u32) -> bool {
        self.quorum.holds(counted, entitled)
    }

    /// Whether the quorum is taken from the roll when a vote opens (those present), rather
    /// than from those who take part in the vote, known only when it closes.
    pub fn quorum_at_opening(&self) -> bool {
        self.quorum_of != Base::Cast
    }

    /// Whether members who are not in the room vote all the same: owners in writing, or
    /// members giving written opinions beforehand where the rule admits them.
    pub fn votes_in_writing(&self) -> bool {
        !self.quorum_at_opening() || self.written
    }

    /// Whether a vote of these figures passes: every share the rule asks held (by headcount;
    /// a rule that also counts floor area decides with `decide` and the area's figures).
    pub fn passes(&self, tally: &Tally) -> bool {
        self.decide(tally, None).passed()
    }

    /// The item `key` of those the rule lists.
    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.key == key)
    }

    /// The rule as it decides a motion on `item`: with that item's passing shares where it has
    /// its own, the rule itself otherwise.
    pub fn for_item(&self, item: Option<&str>) -> Rule {
        let mut rule = self.clone();
        if let Some(i) = item.and_then(|k| self.item(k)) {
            if let Some(share) = i.passing {
                rule.passing = share;
            }
            if let (Some(share), Some(area)) = (i.area_passing, rule.area.as_mut()) {
                area.passing = share;
            }
            if let Some(share) = i.quorum {
                rule.quorum = share;
            }
            rule.written |= i.written;
        }
        rule
    }

    /// Whether the rule counts floor area too (owners'): its council is made from a register
    /// of units, not a roster of members.
    pub fn counts_area(&self) -> bool {
        self.area.is_some()
    }
}

#[derive(Deserialize)]
struct PresetFile {
    preset: Vec<Rule>,
    #[serde(default)]
    item: Vec<ListedItem>,
}

/// An item as the presets file gives it: once, with the presets that list it.
#[derive(Deserialize)]
struct ListedItem {
    presets: Vec<String>,
    #[serde(flatten)]
    item: Item,
}

/// The rule presets shipped with the program (`presets.toml`).
impl Rule {
    /// Why the words a meeting on `day` is held under are to be checked, where they are, in
    /// `lang`: asked of the preset as it now stands, since a council's copy was made before the
    /// doubt was.
    pub fn in_doubt_on(&self, day: NaiveDate, lang: yishi_text::Lang) -> Option<String> {
        presets()
            .into_iter()
            .find(|p| p.key == self.key)
            .filter(|p| !p.review.is_empty() && p.review_from.is_none_or(|from| day >= from))
            .map(|p| p.review_in(lang).to_string())
    }

    /// Why the rule's article is to be checked again, in `lang` (简体 where a wording is
    /// missing).
    pub fn review_in(&self, lang: yishi_text::Lang) -> &str {
        let said = lang.pick(&self.review, &self.review_hant, &self.review_en);
        if said.is_empty() { &self.review } else { said }
    }

    /// Whether the rule applies on `day`: on or after the day its statute took effect.
    pub fn applies_on(&self, day: NaiveDate) -> bool {
        self.applies_from.is_none_or(|from| day >= from)
    }
}

/// A rule's name in each language the program speaks: 简体, 繁體, English. (Boxed: refusals
/// carry it, and a refusal travels in every error of the store.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleName(Box<[String; 3]>);

impl RuleName {
    pub fn in_lang(&self, lang: yishi_text::Lang) -> &str {
        let [hans, hant, en] = &*self.0;
        lang.pick(hans, hant, en)
    }
}

impl Rule {
    /// The rule's name in each language. A copy made before rules carried their names in
    /// 繁體 and English takes them from the preset it was copied from, where that preset still
    /// bears its name; a rule of the council's own has its one name in every language.
    pub fn names(&self) -> RuleName {
        let preset = PRESETS
            .iter()
            .find(|p| p.key == self.key && p.name == self.name);
        let or = |own: &str, from: Option<&String>| {
            if !own.is_empty() {
                own.to_string()
            } else {
                from.filter(|n| !n.is_empty()).unwrap_or(&self.name).clone()
            }
        };
        RuleName(Box::new([
            self.name.clone(),
            or(&self.name_hant, preset.map(|p| &p.name_hant)),
            or(&self.name_en, preset.map(|p| &p.name_en)),
        ]))
    }

    /// The rule's name in `lang`.
    pub fn name_in(&self, lang: yishi_text::Lang) -> String {
        self.names().in_lang(lang).to_string()
    }
}

pub fn presets() -> Vec<Rule> {
    PRESETS.clone()
}

/// Parsed once: the minutes of every meeting and the check of every council ask for them.
static PRESETS: std::sync::LazyLock<Vec<Rule>> = std::sync::LazyLock::new(|| {
    // The file is part of the program and covered by a test; a parse failure is a build defect.
    let Ok(file) = toml::from_str::<PresetFile>(include_str!("presets.toml")) else {
        return Vec::new();
    };
    let mut rules = file.preset;
    for listed in file.item {
        for r in rules.iter_mut().filter(|r| listed.presets.contains(&r.key)) {
            r.items.push(listed.item.clone());
        }
    }
    rules
});
