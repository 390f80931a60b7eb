//! Why a record offered whole (an import, a publish) was refused where the console would never
//! have made it, and what it says.

use crate::rules::RuleName;
use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    /// A rule under a key no preset has: the console sets a council's rule from the presets.
    NotAPreset { key: String },
    /// A rule under a preset's key that counts otherwise than the preset.
    NotThePreset { key: String, name: RuleName },
    /// Something recorded at a meeting for a matter its agenda does not hold.
    OffTheAgenda { matter: String },
    /// A motion its matter does not list.
    NotListed { matter: String },
    /// A council whose name is already another's: lists and minutes could not tell them apart.
    CouncilExists { name: String },
    /// A unit of the register with no floor area: it could not count in an owners' vote.
    NoArea { unit: String },
    /// One unit held by two owners on the same day: its area would count twice.
    UnitHeldTwice { unit: String },
    /// A meeting held before the council's rule applied: its statute was not yet in force.
    BeforeTheRule {
        day: chrono::NaiveDate,
        rule: RuleName,
        from: chrono::NaiveDate,
    },
}

impl Record {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Record::BeforeTheRule { day, rule, from } => {
                let rule = rule.in_lang(lang);
                lang.pick_owned(
                format!("{day}的会议不能依“{rule}”表决：它所依的条文{from}起才施行，此前适用的是当时的规定"),
                format!("{day}的會議不能依「{rule}」表決：它所依的條文{from}起才施行，此前適用的是當時的規定"),
                format!("a meeting on {day} cannot vote under \"{rule}\": its statute took effect on {from}, and the rules of the time applied before"),
            )
            }
            Record::NotAPreset { key } => lang.pick_owned(
                format!("议事规则“{key}”不是本程序的预设规则（见 yishi rules）；议事会的规则只能从预设中选定"),
                format!("議事規則「{key}」不是本程式的預設規則（見 yishi rules）；議事會的規則只能從預設中選定"),
                format!("rule \"{key}\" is not one of the presets (see yishi rules); a council's rule is chosen from them"),
            ),
            Record::NotThePreset { key, name } => {
                let name = name.in_lang(lang);
                lang.pick_owned(
                format!("议事规则“{name}”（{key}）的计数方式（法定人数、表决比例、计票基数或委托）与预设不同；规则只能按预设设立"),
                format!("議事規則「{name}」（{key}）的計數方式（法定人數、表決比例、計票基數或委託）與預設不同；規則只能按預設設立"),
                format!("rule \"{name}\" ({key}) counts otherwise than the preset (quorum, majority, base or proxies); a rule is set only as a preset has it"),
            )
            }
            Record::OffTheAgenda { matter } => lang.pick_owned(
                format!("议题“{matter}”不在这次会议的议程上，会上不会为它记录任何内容"),
                format!("議題「{matter}」不在這次會議的議程上，會上不會為它記錄任何內容"),
                format!("the matter \"{matter}\" is not on this meeting's agenda, so nothing could be recorded for it there"),
            ),
            Record::NotListed { matter } => lang.pick_owned(
                format!("议题“{matter}”的动议列表里没有这项动议"),
                format!("議題「{matter}」的動議列表裡沒有這項動議"),
                format!("the matter \"{matter}\" does not list this motion"),
            ),
            Record::CouncilExists { name } => lang.pick_owned(
                format!("已有名为“{name}”的议事会，名称不能重复；要更改它的成员，请在控制台的成员页办理加入和离任，变更会记入记录"),
                format!("已有名為「{name}」的議事會，名稱不能重複；要更改它的成員，請在控制台的成員頁辦理加入和離任，變更會記入記錄"),
                format!("a council named \"{name}\" already exists, and names must differ; to change its members, record who joins and leaves on the console's members screen, so the record keeps each change"),
            ),
            Record::NoArea { unit } => lang.pick_owned(
                format!("房屋{unit}的专有部分面积为0，须是正数（如 89.50）"),
                format!("房屋{unit}的專有部分面積為0，須是正數（如 89.50）"),
                format!("unit {unit} has no floor area: it must be a positive number of square metres (e.g. 89.50)"),
            ),
            Record::UnitHeldTwice { unit } => lang.pick_owned(
                format!("房屋{unit}同一天登记在两位业主名下，面积会计算两次"),
                format!("房屋{unit}同一天登記在兩位業主名下，面積會計算兩次"),
                format!("unit {unit} is held by two owners on the same day: its area would count twice"),
            ),
        }
    }
}
