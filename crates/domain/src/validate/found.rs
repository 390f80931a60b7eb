//! What a check has found so far, and the document's records by id, shared by the checks of
//! each kind of record.

use std::collections::{BTreeMap, BTreeSet};

use crate::council::Council;
use crate::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use crate::law;
use crate::matter::Matter;
use crate::meeting::Meeting;
use crate::refusal::{Issue, Problem, Refusal};
use crate::vote::Motion;

/// The problems found so far.
#[derive(Default)]
pub(super) struct Found(pub(super) Vec<Problem>);

impl Found {
    pub(super) fn add(&mut self, place: impl Into<String>, what: Issue) {
        self.0.push(Problem::new(place, what));
    }

    /// Records a broken rule at `place`.
    pub(super) fn rule(&mut self, place: impl Into<String>, r: Result<impl Sized, Refusal>) {
        if let Err(e) = r {
            self.add(place, Issue::Refused(e));
        }
    }

    pub(super) fn text(&mut self, place: String, s: &str, field: law::Field, required: bool) {
        self.rule(place, law::text(s, field, required));
    }
}

pub(super) fn unique<K: Ord + Copy>(ids: impl Iterator<Item = K>, kind: &str, found: &mut Found) {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            found.add(format!("{kind}[{i}].id"), Issue::Duplicate);
        }
    }
}

/// The document's records by id.
pub(super) struct Index<'a> {
    pub(super) councils: BTreeMap<CouncilId, &'a Council>,
    pub(super) meetings: BTreeMap<MeetingId, &'a Meeting>,
    pub(super) matters: BTreeMap<MatterId, &'a Matter>,
    pub(super) motions: BTreeMap<MotionId, &'a Motion>,
}

impl Index<'_> {
    pub(super) fn member(&self, council: CouncilId, id: MemberId) -> bool {
        self.councils
            .get(&council)
            .is_some_and(|c| c.member(id).is_some())
    }

    pub(super) fn check_member(
        &self,
        council: CouncilId,
        id: MemberId,
        place: String,
        found: &mut Found,
    ) {
        if !self.member(council, id) {
            found.add(place, Issue::Unknown("member", id.0));
        }
    }
}

impl Found {
    pub(super) fn into_result(self) -> Result<(), Vec<Problem>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
