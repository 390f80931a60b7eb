//! Quorum and majority arithmetic, in integers, for rules that are data with their statute.

use serde::{Deserialize, Serialize};

use super::vote::Tally;
use crate::text::chinese_number;

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
    pub fn holds(&self, count: u32, whole: u32) -> bool {
        if whole == 0 || self.den == 0 {
            return false;
        }
        let lhs = u64::from(self.den) * u64::from(count);
        let rhs = u64::from(self.num) * u64::from(whole);
        if self.strict { lhs > rhs } else { lhs >= rhs }
    }

    /// 半数 / 三分之二 …
    pub fn zh(&self) -> String {
        if self.num * 2 == self.den {
            "半数".to_string()
        } else {
            format!(
                "{}分之{}",
                chinese_number(self.den),
                chinese_number(self.num)
            )
        }
    }

    /// "未超过…半数" or "未达到…三分之二": the phrase saying the share was not reached.
    pub fn zh_phrase_not(&self, whole: &str) -> String {
        if self.strict {
            format!("未超过{whole}{}", self.zh())
        } else {
            format!("未达到{whole}{}", self.zh())
        }
    }

    /// "超过…半数" or "达到…三分之二以上", around the name of the whole.
    pub fn zh_phrase(&self, whole: &str) -> String {
        if self.strict {
            format!("超过{whole}{}", self.zh())
        } else {
            format!("达到{whole}{}以上", self.zh())
        }
    }
}

/// What the yes votes are counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// 应到: all voting members.
    Entitled,
    /// 实到: voting members present when the vote opened.
    Present,
    /// Ballots cast, abstentions included.
    Cast,
}

impl Base {
    pub fn zh(self) -> &'static str {
        match self {
            Base::Entitled => "应到人数",
            Base::Present => "实到人数",
            Base::Cast => "投票人数",
        }
    }
}

/// A council's quorum and majority rule. Each council keeps its own copy, so a later change to
/// a preset never alters a past result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub key: String,
    pub name: String,
    pub source: String,
    /// Voting members present, against voting members entitled.
    pub quorum: Fraction,
    /// Yes votes, against `passing_base`.
    pub passing: Fraction,
    pub passing_base: Base,
}

impl Rule {
    pub fn quorum_met(&self, present: u32, entitled: u32) -> bool {
        self.quorum.holds(present, entitled)
    }

    pub fn passes(&self, tally: &Tally) -> bool {
        let whole = match self.passing_base {
            Base::Entitled => tally.entitled,
            Base::Present => tally.present,
            Base::Cast => tally.cast(),
        };
        self.passing.holds(tally.yes, whole)
    }

    /// 实到人数达到应到人数三分之二以上
    pub fn quorum_zh(&self) -> String {
        format!("实到人数{}", self.quorum.zh_phrase("应到人数"))
    }

    /// 实到人数未达到应到人数三分之二
    pub fn no_quorum_zh(&self) -> String {
        format!("实到人数{}", self.quorum.zh_phrase_not("应到人数"))
    }

    /// 未超过实到人数半数
    pub fn failing_zh(&self) -> String {
        self.passing.zh_phrase_not(self.passing_base.zh())
    }

    /// 超过实到人数半数
    pub fn passing_zh(&self) -> String {
        self.passing.zh_phrase(self.passing_base.zh())
    }
}

#[derive(Deserialize)]
struct PresetFile {
    preset: Vec<Rule>,
}

/// The rule presets shipped with the program (`presets.toml`).
pub fn presets() -> Vec<Rule> {
    // The file is part of the program and covered by a test; a parse failure is a build defect.
    toml::from_str::<PresetFile>(include_str!("presets.toml"))
        .map(|f| f.preset)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preset(key: &str) -> Rule {
        presets()
            .into_iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("preset {key}"))
    }

    fn tally(yes: u32, no: u32, abstain: u32, present: u32, entitled: u32) -> Tally {
        Tally {
            yes,
            no,
            abstain,
            spoiled: 0,
            present,
            entitled,
        }
    }

    #[test]
    fn presets_parse_with_sources() {
        let all = presets();
        assert_eq!(all.len(), 4);
        for r in &all {
            assert!(
                r.source.contains('《') || r.source.contains("程序"),
                "{}",
                r.key
            );
        }
    }

    #[test]
    fn quorum_boundaries() {
        // (preset, present, entitled, quorate)
        let cases = [
            ("residents-meeting", 8, 15, true),
            ("residents-meeting", 7, 15, false),
            ("residents-meeting", 5, 10, false), // exactly half is not more than half
            ("residents-meeting", 6, 10, true),
            ("representatives-meeting", 10, 15, true), // exactly 2/3 is enough (以上)
            ("representatives-meeting", 9, 15, false),
            ("representatives-meeting", 12, 18, true),
            ("representatives-meeting", 11, 18, false),
            ("representatives-meeting", 11, 16, true), // 33 ≥ 32
            ("representatives-meeting", 10, 16, false),
            ("villagers-meeting", 51, 100, true),
            ("villagers-meeting", 50, 100, false),
            ("party-members-meeting", 20, 30, true),
            ("party-members-meeting", 19, 30, false),
            ("representatives-meeting", 0, 0, false), // nobody entitled: no quorum
        ];
        for (key, present, entitled, want) in cases {
            assert_eq!(
                preset(key).quorum_met(present, entitled),
                want,
                "{key} {present}/{entitled}"
            );
        }
    }

    #[test]
    fn passing_boundaries() {
        // (preset, yes, no, abstain, present, entitled, passes)
        let cases = [
            ("representatives-meeting", 6, 6, 0, 12, 15, false), // exactly half of present
            ("representatives-meeting", 7, 5, 0, 12, 15, true),
            ("representatives-meeting", 6, 2, 4, 12, 15, false), // abstentions count against
            ("representatives-meeting", 7, 0, 5, 12, 15, true),
            ("representatives-meeting", 6, 0, 0, 11, 15, true), // 12 > 11
            ("representatives-meeting", 5, 0, 0, 11, 15, false),
            ("residents-meeting", 8, 7, 0, 15, 20, true),
            ("residents-meeting", 7, 7, 1, 15, 20, false),
            ("villagers-meeting", 26, 24, 0, 50, 60, true),
            ("villagers-meeting", 25, 25, 0, 50, 60, false),
            // 四议两公开: more than half of those due (应到), not of those present.
            ("party-members-meeting", 8, 0, 0, 10, 15, true),
            ("party-members-meeting", 7, 0, 0, 10, 15, false),
            ("party-members-meeting", 10, 0, 0, 10, 20, false), // exactly half of 应到
            ("party-members-meeting", 11, 0, 0, 12, 20, true),
        ];
        for (key, yes, no, abstain, present, entitled, want) in cases {
            let t = tally(yes, no, abstain, present, entitled);
            assert_eq!(preset(key).passes(&t), want, "{key} {t:?}");
        }
    }

    #[test]
    fn custom_rule_on_votes_cast() {
        let rule = Rule {
            key: "custom".into(),
            name: "自定义".into(),
            source: "本会议事规则".into(),
            quorum: Fraction {
                num: 3,
                den: 5,
                strict: false,
            },
            passing: Fraction {
                num: 2,
                den: 3,
                strict: false,
            },
            passing_base: Base::Cast,
        };
        assert!(rule.quorum_met(9, 15));
        assert!(!rule.quorum_met(8, 15));
        assert!(rule.passes(&tally(6, 3, 0, 12, 15))); // 6 of 9 cast is exactly 2/3
        assert!(!rule.passes(&tally(6, 3, 1, 12, 15))); // abstentions are cast
        assert!(!rule.passes(&tally(0, 0, 0, 12, 15)));
    }

    #[test]
    fn statements_in_chinese() {
        let r = preset("representatives-meeting");
        assert_eq!(r.quorum_zh(), "实到人数达到应到人数三分之二以上");
        assert_eq!(r.passing_zh(), "超过实到人数半数");
    }
}
