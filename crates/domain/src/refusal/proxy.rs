//! Why a proxy (委托) was refused, and what it says.

use crate::rules::RuleName;
use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proxying {
    /// The council's rule admits no proxies (a representative cannot hand on a mandate).
    NotAllowed { rule: RuleName },
    /// The holder already holds as many as the rule allows.
    TooMany { holder: String, limit: u32 },
    /// The member already has a proxy for this meeting or this vote.
    AlreadyGiven { name: String },
    /// Nobody holds a proxy for themselves.
    ForThemselves { name: String },
}

impl Proxying {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Proxying::NotAllowed { rule } => {
                let rule = rule.in_lang(lang);
                lang.pick_owned(
                    format!("按“{rule}”不能委托他人表决"),
                    format!("按「{rule}」不能委託他人表決"),
                    format!("under the {rule} rule nobody may vote by proxy"),
                )
            }
            Proxying::TooMany { holder, limit } => lang.pick_owned(
                format!("{holder}已接受{limit}人委托，按规则不能再多"),
                format!("{holder}已接受{limit}人委託，按規則不能再多"),
                format!("{holder} already holds {limit} proxies, as many as the rule allows"),
            ),
            Proxying::AlreadyGiven { name } => lang.pick_owned(
                format!("{name}已有委托"),
                format!("{name}已有委託"),
                format!("{name} has already given a proxy"),
            ),
            Proxying::ForThemselves { name } => lang.pick_owned(
                format!("{name}不能委托自己"),
                format!("{name}不能委託自己"),
                format!("{name} cannot hold their own proxy"),
            ),
        }
    }
}
