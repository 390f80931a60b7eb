//! What the screens read: a snapshot of the records they show. Loaded whole when a meeting is
//! opened; after a recorded change, the records the change wrote are taken in and only what it
//! brought into view is read (views never read the store themselves).

use std::collections::BTreeMap;

use yishi_domain::{
    Council, Matter, MatterId, Meeting, MeetingId, Motion, MotionId, Records, Write,
};
use yishi_store::{MeetingHead, Store, StoreError};

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

fn read<T>(r: Result<Option<T>, yishi_domain::ReadError>) -> Result<Option<T>, StoreError> {
    r.map_err(|e| StoreError::Damaged { detail: e.0 })
}

impl Data {
    pub fn load(store: &Store, meeting: Option<MeetingId>) -> Result<Data, StoreError> {
        let meeting = match meeting {
            Some(id) => read(store.meeting(id))?,
            None => None,
        };
        let council = match &meeting {
            Some(m) => read(store.council(m.council))?,
            None => store.first_council()?,
        };
        let Some(council) = council else {
            return Ok(Data::default());
        };
        let mut meetings = store.council_meetings(council.id)?;
        meetings.reverse();
        let latest = match meetings.first() {
            Some(h) => read(store.meeting(h.id))?,
            None => None,
        };
        let open_matters = store.open_matters(council.id)?;
        let (agenda, motions) = match &meeting {
            Some(m) => agenda_of(store, m)?,
            None => Default::default(),
        };
        Ok(Data {
            council: Some(council),
            meetings,
            latest,
            open_matters,
            meeting,
            agenda,
            motions,
        })
    }

    /// The meeting `id` as a room sees it, read from any records (the wall's, followed from
    /// the journal): its council, agenda and motions; nothing of the council's other meetings.
    pub fn of_meeting<R: Records>(records: &R, id: MeetingId) -> Result<Data, StoreError> {
        let Some(meeting) = read(records.meeting(id))? else {
            return Ok(Data::default());
        };
        let council = read(records.council(meeting.council))?;
        let (agenda, motions) = agenda_of(records, &meeting)?;
        Ok(Data {
            council,
            meeting: Some(meeting),
            agenda,
            motions,
            ..Data::default()
        })
    }

    /// Takes in the records a change wrote. Only what the change brought into view is read
    /// from the store: a matter carried onto the agenda, a meeting new to the list.
    pub fn absorb(&mut self, store: &Store, writes: &[Write]) -> Result<(), StoreError> {
        let Some(council) = self.council.as_ref().map(|c| c.id) else {
            // The first council: everything is new.
            *self = Data::load(store, self.meeting.as_ref().map(|m| m.id))?;
            return Ok(());
        };
        let mut motions = Vec::new();
        for w in writes {
            match w {
                Write::Council(c) if c.id == council => self.council = Some(c.clone()),
                Write::Meeting(m) if m.council == council => self.meeting_written(m),
                Write::Matter(x) if x.council == council => self.matter_written(x),
                Write::Motion(v) => motions.push(v),
                _ => {}
            }
        }
        self.follow_agenda(store)?;
        for v in motions {
            if self.matter(v.matter).is_some() {
                self.motions.insert(v.id, v.clone());
            }
        }
        Ok(())
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

    /// The agenda in the meeting's order, reading only matters new to it.
    fn follow_agenda(&mut self, store: &Store) -> Result<(), StoreError> {
        let Some(m) = &self.meeting else {
            return Ok(());
        };
        if m.agenda.iter().eq(self.agenda.iter().map(|x| &x.id)) {
            return Ok(());
        }
        let mut had = std::mem::take(&mut self.agenda);
        for id in &m.agenda {
            match had.iter().position(|x| x.id == *id) {
                Some(i) => self.agenda.push(had.swap_remove(i)),
                None => {
                    if let Some(matter) = read(store.matter(*id))? {
                        for v in &matter.motions {
                            if let Some(motion) = read(store.motion(*v))? {
                                self.motions.insert(*v, motion);
                            }
                        }
                        self.agenda.push(matter);
                    }
                }
            }
        }
        Ok(())
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

/// A meeting's agenda in order, and the motions of its matters.
fn agenda_of<R: Records>(
    records: &R,
    meeting: &Meeting,
) -> Result<(Vec<Matter>, BTreeMap<MotionId, Motion>), StoreError> {
    let mut agenda = Vec::new();
    let mut motions = BTreeMap::new();
    for id in &meeting.agenda {
        if let Some(matter) = read(records.matter(*id))? {
            for v in &matter.motions {
                if let Some(motion) = read(records.motion(*v))? {
                    motions.insert(*v, motion);
                }
            }
            agenda.push(matter);
        }
    }
    Ok((agenda, motions))
}
