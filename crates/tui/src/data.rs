//! What the screens read: a snapshot of the records they show, plain data. `fetch` reads it
//! whole when a meeting is opened; after a recorded change the snapshot takes in the records the
//! change wrote and says what else it now needs, which `fetch` reads.

use std::collections::BTreeMap;

use yishi_domain::{Council, Matter, MatterId, Meeting, Motion, MotionId, Write};
use yishi_store::MeetingHead;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Data {
    pub council: Option<Council>,
    /// The council's meetings, latest first.
    pub meetings: Vec<MeetingHead>,
    /// The council's matters not yet closed, oldest first.
    pub open_matters: Vec<Matter>,
    /// The council's most recent meeting (a new one starts from its place and officers).
    pub latest: Option<Meeting>,
    /// The meeting being run, and its agenda in order.
    pub meeting: Option<Meeting>,
    pub agenda: Vec<Matter>,
    /// The motions of the matters on the agenda.
    pub motions: BTreeMap<MotionId, Motion>,
}

/// What taking in a change's records needs read besides them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    Nothing,
    /// Matters the agenda now names that the snapshot does not hold, with their motions.
    Matters(Vec<MatterId>),
    /// Everything: the first council was just set up.
    Whole,
}

impl Data {
    /// Takes in the records a change wrote, and says what it brought into view that must be
    /// read: a matter carried onto the agenda.
    pub fn absorb(&mut self, writes: &[Write]) -> Wanted {
        let Some(council) = self.council.as_ref().map(|c| c.id) else {
            return Wanted::Whole;
        };
        for w in writes {
            match w {
                Write::Council(c) if c.id == council => self.council = Some(c.clone()),
                Write::Meeting(m) if m.council == council => self.meeting_written(m),
                Write::Matter(x) if x.council == council => self.matter_written(x),
                Write::Motion(v) if self.matter(v.matter).is_some() => {
                    self.motions.insert(v.id, v.clone());
                }
                _ => {}
            }
        }
        let held = |id: &MatterId| self.agenda.iter().any(|x| x.id == *id);
        let missing: Vec<MatterId> = self
            .meeting
            .iter()
            .flat_map(|m| m.agenda.iter().filter(|id| !held(id)).copied())
            .collect();
        if missing.is_empty() {
            self.follow_agenda(Vec::new(), BTreeMap::new());
            Wanted::Nothing
        } else {
            Wanted::Matters(missing)
        }
    }

    /// Puts the agenda in the meeting's order, taking in `read`: the matters it newly names,
    /// with their motions.
    pub fn follow_agenda(&mut self, read: Vec<Matter>, motions: BTreeMap<MotionId, Motion>) {
        let Some(m) = &self.meeting else {
            return;
        };
        self.motions.extend(motions);
        if m.agenda.iter().eq(self.agenda.iter().map(|x| &x.id)) && read.is_empty() {
            return;
        }
        let mut had = std::mem::take(&mut self.agenda);
        had.extend(read);
        for id in &m.agenda {
            if let Some(i) = had.iter().position(|x| x.id == *id) {
                self.agenda.push(had.swap_remove(i));
            }
        }
    }

    fn meeting_written(&mut self, m: &Meeting) {
        if self.meeting.as_ref().is_some_and(|x| x.id == m.id) {
            self.meeting = Some(m.clone());
        }
        let head = MeetingHead::of(m);
        match self.meetings.iter_mut().find(|h| h.id == m.id) {
            Some(h) => *h = head,
            None => {
                self.meetings.push(head);
                // Latest first, as the store lists them.
                self.meetings
                    .sort_by_key(|h| std::cmp::Reverse((h.start, h.id)));
            }
        }
        if self.meetings.first().is_some_and(|h| h.id == m.id) {
            self.latest = Some(m.clone());
        }
    }

    fn matter_written(&mut self, x: &Matter) {
        if let Some(on) = self.agenda.iter_mut().find(|m| m.id == x.id) {
            *on = x.clone();
        }
        self.open_matters.retain(|m| m.id != x.id);
        if x.stage.is_open() {
            let at = self.open_matters.partition_point(|m| m.id < x.id);
            self.open_matters.insert(at, x.clone());
        }
    }

    pub fn matter(&self, id: MatterId) -> Option<&Matter> {
        self.agenda.iter().find(|m| m.id == id)
    }

    /// The motion before the meeting: the one being voted on; else an amendment still to be
    /// voted on (amendments come first); else a motion still to be voted on (reading as
    /// amended); else, all settled, the matter's last motion itself — after an amended motion's
    /// vote, that motion and its result, not the amendment settled before it.
    pub fn motion_on_floor(&self, matter: &Matter) -> Option<&Motion> {
        let all: Vec<&Motion> = matter
            .motions
            .iter()
            .filter_map(|id| self.motions.get(id))
            .collect();
        let open = all
            .iter()
            .find(|v| v.state == yishi_domain::VoteState::Open);
        let amendment = || all.iter().find(|v| v.amends.is_some() && v.pending());
        let main = || all.iter().rev().find(|v| v.amends.is_none() && v.pending());
        let settled = || all.iter().rev().find(|v| v.amends.is_none()).or(all.last());
        open.or_else(amendment)
            .or_else(main)
            .or_else(settled)
            .copied()
    }

    /// The amendments moved to motion `main`, in the order they were moved.
    pub fn amendments_of(&self, matter: &Matter, main: MotionId) -> Vec<&Motion> {
        matter
            .motions
            .iter()
            .filter_map(|id| self.motions.get(id))
            .filter(|v| v.amends == Some(main))
            .collect()
    }
}
