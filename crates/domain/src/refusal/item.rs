//! Why a motion's item was refused: where a rule sets the majority per item, each motion names
//! one of the rule's, and only there.

use crate::rules::RuleName;
use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Items {
    /// The rule sets its line per item, and the motion names none.
    Needed { rule: RuleName },
    /// The item is not among those the council's rule decides: `needs` is the preset that
    /// does, where one does.
    NotDecided {
        item: String,
        rule: RuleName,
        needs: Option<RuleName>,
    },
    /// The rule decides every motion alike: a motion names no item under it.
    NotListed { rule: RuleName },
}

impl Items {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Items::Needed { rule } => {
                let rule = rule.in_lang(lang);
                lang.pick_owned(
                format!("{rule}的通过比例按所决定的事项而定：请选择本动议决定的事项"),
                format!("{rule}的通過比例按所決定的事項而定：請選擇本動議決定的事項"),
                format!("under the {rule} rule the majority depends on the item decided: choose the item this motion decides"),
            )
            }
            Items::NotDecided { item, rule, needs } => {
                let rule = rule.in_lang(lang);
                let elsewhere = needs
                    .as_ref()
                    .map(|n| {
                        let n = n.in_lang(lang);
                        lang.pick_owned(
                            format!("，须由规则为{n}的会议表决"),
                            format!("，須由規則為{n}的會議表決"),
                            format!("; it is for a meeting under the {n} rule"),
                        )
                    })
                    .unwrap_or_default();
                lang.pick_owned(
                    format!("{rule}不决定第{item}项事项{elsewhere}"),
                    format!("{rule}不決定第{item}項事項{elsewhere}"),
                    format!("the {rule} rule does not decide item {item}{elsewhere}"),
                )
            }
            Items::NotListed { rule } => {
                let rule = rule.in_lang(lang);
                lang.pick_owned(
                format!("{rule}对所有动议适用同一通过比例，动议不标明事项"),
                format!("{rule}對所有動議適用同一通過比例，動議不標明事項"),
                format!("the {rule} rule decides every motion alike: a motion names no item under it"),
            )
            }
        }
    }
}
