//! What the minutes of one meeting are made from, and how people are named in them.

use std::collections::BTreeMap;

use crate::domain::{Author, Council, Matter, Meeting, MemberId, Motion, MotionId};
use crate::text::Lang;

/// What the minutes of one meeting are made from.
pub struct MinutesInput<'a> {
    pub council: &'a Council,
    pub meeting: &'a Meeting,
    /// The agenda's matters, in agenda order.
    pub matters: Vec<&'a Matter>,
    pub motions: BTreeMap<MotionId, &'a Motion>,
}

pub(super) const ZH: Lang = Lang::ZhHans;

/// A member with their affiliation, a resident by name.
pub(super) fn who(council: &Council, a: &Author) -> String {
    match a {
        Author::Member(id) => council.member(*id).map_or_else(
            || format!("成员{id}"),
            |m| format!("{}（{}）", m.name, m.affiliation.label(ZH)),
        ),
        Author::Resident(name) => name.clone(),
        Author::Anonymous => "匿名".to_string(),
    }
}

/// Members' names joined with 、.
pub(super) fn names(council: &Council, ids: &[MemberId]) -> String {
    ids.iter()
        .map(|id| council.name_of(*id))
        .collect::<Vec<_>>()
        .join("、")
}
