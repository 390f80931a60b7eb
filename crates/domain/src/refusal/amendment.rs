//! Why an amendment (修正案) or its motion was refused, and what it says.

use yishi_text::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Amendment {
    /// An amendment to the motion is still before the meeting: it is voted on (or taken off
    /// the floor) first.
    Pending,
    /// An amendment is amended by a new one only once it is settled: one at a time.
    OfAnAmendment,
}

impl Amendment {
    pub fn describe(&self, lang: Lang) -> String {
        let said = match self {
            Amendment::Pending => lang.pick(
                "这项动议还有未表决的修正案：先对修正案表决（或撤回、暂缓），再表决动议",
                "這項動議還有未表決的修正案：先對修正案表決（或撤回、暫緩），再表決動議",
                "an amendment to this motion is still pending: vote on it (or withdraw or defer it) first",
            ),
            Amendment::OfAnAmendment => lang.pick(
                "修正案本身不能再提修正案：请先对它表决，再就修正后的动议提出新的修正案",
                "修正案本身不能再提修正案：請先對它表決，再就修正後的動議提出新的修正案",
                "an amendment is not amended itself: vote on it, then amend the motion as it then reads",
            ),
        };
        said.to_string()
    }
}
