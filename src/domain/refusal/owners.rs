//! Why an owners' vote was refused, and what it says.

use crate::text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owners {
    /// An owners' vote counts each owner's floor area: it is taken by name, never by hands or
    /// an anonymous box.
    ByName,
}

impl Owners {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Owners::ByName => lang.pick(
                "业主表决按人数和专有部分面积计算，须逐户记名表决（现场或书面），不能举手或无记名投票",
                "業主表決按人數和專有部分面積計算，須逐戶記名表決（現場或書面），不能舉手或無記名投票",
                "an owners' vote counts each owner's floor area: it is taken by name (in person or in writing), not by hands or a secret box",
            ),
        }
        .to_string()
    }
}
