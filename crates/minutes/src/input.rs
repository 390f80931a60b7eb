//! What the minutes of one meeting are made from, and how people are named in them.

use std::collections::BTreeMap;

use super::words as w;
use yishi_domain::{Author, Council, Matter, Meeting, MemberId, Motion, MotionId};
use yishi_text::Lang;

/// What the minutes of one meeting are made from, and the language they are written in.
pub struct MinutesInput<'a> {
    pub council: &'a Council,
    pub meeting: &'a Meeting,
    /// The agenda's matters, in agenda order.
    pub matters: Vec<&'a Matter>,
    pub motions: BTreeMap<MotionId, &'a Motion>,
    pub lang: Lang,
}

/// A member with their affiliation, a resident by name.
pub(super) fn who(council: &Council, a: &Author, l: Lang) -> String {
    match a {
        Author::Member(id) => council.member(*id).map_or_else(
            || w::member_numbered(l, id.0),
            |m| format!("{}{}", m.name, w::aside(l, m.affiliation.label(l))),
        ),
        Author::Resident(name) => name.clone(),
        Author::Anonymous => w::anonymous(l),
    }
}

/// Members' names in a run: 、 between them (a comma in English).
pub(super) fn names(input: &MinutesInput<'_>, ids: &[MemberId]) -> String {
    let all: Vec<String> = ids.iter().map(|id| input.council.name_of(*id)).collect();
    w::list(input.lang, &all)
}
