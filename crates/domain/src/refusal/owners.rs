//! Why an owners' vote was refused, and what it says.

use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owners {
    /// An owners' vote counts each owner's floor area: it is taken by name, never by hands or
    /// an anonymous box.
    ByName,
    /// No owner holds the unit on the day of the sale.
    NoSuchUnit { unit: String, on: chrono::NaiveDate },
    /// The unit is sold to the owner who holds it.
    SameOwner { unit: String, name: String },
    /// Units pass between owners only on a council that counts them.
    NotAnOwnersCouncil,
}

impl Owners {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Owners::ByName => lang
                .pick(
                "业主表决按人数和专有部分面积计算，须逐户记名表决（现场或书面），不能举手或无记名投票",
                "業主表決按人數和專有部分面積計算，須逐戶記名表決（現場或書面），不能舉手或無記名投票",
                "an owners' vote counts each owner's floor area: it is taken by name (in person or in writing), not by hands or a secret box",
            )
            .to_string(),
            Owners::NoSuchUnit { unit, on } => lang.pick_owned(
                format!("{on}没有业主持有房号为{unit}的房屋（房号须与登记册一致）"),
                format!("{on}沒有業主持有房號為{unit}的房屋（房號須與登記冊一致）"),
                format!("no owner holds unit {unit} on {on} (the unit as the register writes it)"),
            ),
            Owners::SameOwner { unit, name } => lang.pick_owned(
                format!("{unit}已是{name}的房屋，不能过户给本人"),
                format!("{unit}已是{name}的房屋，不能過戶給本人"),
                format!("unit {unit} is already {name}'s"),
            ),
            Owners::NotAnOwnersCouncil => lang
                .pick(
                    "这个议事会不按房屋面积计票，没有可以过户的房屋",
                    "這個議事會不按房屋面積計票，沒有可以過戶的房屋",
                    "this council does not count units and floor area: there is no unit to pass on",
                )
                .to_string(),
        }
    }
}
