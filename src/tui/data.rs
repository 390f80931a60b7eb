//! What the screens read: a snapshot of the records they show, taken from the store after
//! every recorded change (views never read the store themselves).

use std::collections::BTreeMap;

use crate::domain::{Council, Matter, MatterId, Meeting, MeetingId, Motion, MotionId, Records};
use crate::store::{MeetingHead, Store, StoreError};

#[derive(Debug, Clone, Default)]
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

fn read<T>(r: Result<Option<T>, crate::domain::ReadError>) -> Result<Option<T>, StoreError> {
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
        let mut agenda = Vec::new();
        let mut motions = BTreeMap::new();
        if let Some(m) = &meeting {
            for id in &m.agenda {
                if let Some(matter) = read(store.matter(*id))? {
                    for v in &matter.motions {
                        if let Some(motion) = read(store.motion(*v))? {
                            motions.insert(*v, motion);
                        }
                    }
                    agenda.push(matter);
                }
            }
        }
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

    pub fn matter(&self, id: MatterId) -> Option<&Matter> {
        self.agenda.iter().find(|m| m.id == id)
    }

    /// The matter's latest motion.
    pub fn last_motion(&self, matter: &Matter) -> Option<&Motion> {
        matter.motions.last().and_then(|id| self.motions.get(id))
    }
}
