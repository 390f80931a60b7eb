//! What the minutes of one meeting are made from, and how people are named in them.

use std::collections::BTreeMap;

use super::words as w;
use yishi_domain::{Author, Council, Matter, Meeting, MemberId, Motion, MotionId};
use yishi_text::Lang;

/// What the minutes of one meeting are made from, the language they are written in and the
/// layout they are laid out in.
#[derive(Clone)]
pub struct MinutesInput<'a> {
    pub council: &'a Council,
    pub meeting: &'a Meeting,
    /// The agenda's matters, in agenda order.
    pub matters: Vec<&'a Matter>,
    pub motions: BTreeMap<MotionId, &'a Motion>,
    pub lang: Lang,
    pub layout: Layout,
}

/// How the minutes are laid out. Signed minutes are read in the layout they were signed in:
/// the digest their signers signed is of that text, and the paper prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Every step of every matter, 本次会议未涉及 under each the meeting did not touch; a line
    /// broken wherever the rules of Chinese layout allow, inside a name too.
    EveryStep,
    /// The steps the meeting touched, and one line naming those it did not; no name parted
    /// across two lines.
    #[default]
    TouchedSteps,
}

impl Layout {
    /// Oldest first.
    pub const ALL: [Layout; 2] = [Layout::EveryStep, Layout::TouchedSteps];

    /// The layout's number as the district keeps it beside the text.
    pub fn number(self) -> i16 {
        match self {
            Layout::EveryStep => 1,
            Layout::TouchedSteps => 2,
        }
    }

    pub fn from_number(n: i16) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.number() == n)
    }
}

impl MinutesInput<'_> {
    /// Every person's name the minutes may write and keep whole on a line: the council's
    /// members, past ones too, and the residents who gave opinions or spoke, longest first.
    /// None in the layout that parted them.
    pub fn people(&self) -> Vec<String> {
        if self.layout == Layout::EveryStep {
            return Vec::new();
        }
        let mut all: Vec<String> = self
            .council
            .members
            .iter()
            .map(|m| m.name.clone())
            .collect();
        let resident = |a: &Author| match a {
            Author::Resident(name) => Some(name.clone()),
            _ => None,
        };
        for x in &self.matters {
            all.extend(x.opinions.iter().filter_map(|o| resident(&o.author)));
            all.extend(x.speeches.iter().filter_map(|s| resident(&s.speaker)));
        }
        // A resident may be written as who they are (退休教师庞阿姨); a longer description is
        // a phrase, which breaks as any other.
        all.retain(|n| (2..=8).contains(&n.chars().count()));
        all.sort();
        all.dedup();
        all.sort_by_key(|n| std::cmp::Reverse(n.len()));
        all
    }
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
