//! Reading and writing records, as `apply` sees them: the store implements [`Records`] over
//! sled; [`MemoryRecords`] holds a whole record in memory for replay, import and tests.

use std::collections::BTreeMap;

use super::council::Council;
use super::document::{Document, FORMAT, SCHEMA};
use super::ids::{CouncilId, MatterId, MeetingId, MotionId};
use super::matter::Matter;
use super::meeting::{Meeting, MeetingState};
use super::vote::Motion;
use chrono::NaiveDate;

/// A record could not be read (the store's own message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError(pub String);

pub trait Records {
    fn council(&self, id: CouncilId) -> Result<Option<Council>, ReadError>;
    fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, ReadError>;
    fn matter(&self, id: MatterId) -> Result<Option<Matter>, ReadError>;
    fn motion(&self, id: MotionId) -> Result<Option<Motion>, ReadError>;
    /// Numbers already given to the council's meetings in `year`.
    fn meeting_numbers(&self, council: CouncilId, year: i32) -> Result<Vec<u32>, ReadError>;
    fn is_empty(&self) -> Result<bool, ReadError>;
    /// Every council's id and name: a new council's name must be told apart from them.
    fn council_names(&self) -> Result<Vec<(CouncilId, String)>, ReadError>;
    /// The day of the council's latest ended meeting: the rolls up to it stand.
    fn last_held(&self, council: CouncilId) -> Result<Option<NaiveDate>, ReadError>;
}

/// One record to store, whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Council(Council),
    Meeting(Meeting),
    Matter(Matter),
    Motion(Motion),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemoryRecords {
    pub councils: BTreeMap<CouncilId, Council>,
    pub meetings: BTreeMap<MeetingId, Meeting>,
    pub matters: BTreeMap<MatterId, Matter>,
    pub motions: BTreeMap<MotionId, Motion>,
}

impl MemoryRecords {
    pub fn put(&mut self, write: Write) {
        match write {
            Write::Council(c) => {
                self.councils.insert(c.id, c);
            }
            Write::Meeting(m) => {
                self.meetings.insert(m.id, m);
            }
            Write::Matter(m) => {
                self.matters.insert(m.id, m);
            }
            Write::Motion(m) => {
                self.motions.insert(m.id, m);
            }
        }
    }

    pub fn from_document(doc: &Document) -> MemoryRecords {
        let mut r = MemoryRecords::default();
        for w in doc.writes() {
            r.put(w);
        }
        r
    }

    pub fn to_document(&self) -> Document {
        Document {
            format: FORMAT.to_string(),
            schema: SCHEMA,
            councils: self.councils.values().cloned().collect(),
            meetings: self.meetings.values().cloned().collect(),
            matters: self.matters.values().cloned().collect(),
            motions: self.motions.values().cloned().collect(),
        }
    }
}

impl Records for MemoryRecords {
    fn council(&self, id: CouncilId) -> Result<Option<Council>, ReadError> {
        Ok(self.councils.get(&id).cloned())
    }
    fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, ReadError> {
        Ok(self.meetings.get(&id).cloned())
    }
    fn matter(&self, id: MatterId) -> Result<Option<Matter>, ReadError> {
        Ok(self.matters.get(&id).cloned())
    }
    fn motion(&self, id: MotionId) -> Result<Option<Motion>, ReadError> {
        Ok(self.motions.get(&id).cloned())
    }
    fn meeting_numbers(&self, council: CouncilId, year: i32) -> Result<Vec<u32>, ReadError> {
        Ok(self
            .meetings
            .values()
            .filter(|m| m.council == council && m.year == year)
            .map(|m| m.number)
            .collect())
    }
    fn last_held(&self, council: CouncilId) -> Result<Option<NaiveDate>, ReadError> {
        Ok(self
            .meetings
            .values()
            .filter(|m| m.council == council && m.state == MeetingState::Ended)
            .map(|m| m.start.date())
            .max())
    }
    fn council_names(&self) -> Result<Vec<(CouncilId, String)>, ReadError> {
        Ok(self
            .councils
            .values()
            .map(|c| (c.id, c.name.clone()))
            .collect())
    }
    fn is_empty(&self) -> Result<bool, ReadError> {
        Ok(self.councils.is_empty()
            && self.meetings.is_empty()
            && self.matters.is_empty()
            && self.motions.is_empty())
    }
}

impl Document {
    /// Every record of the document, to write.
    /// The document's records as writes, the document given up (nothing copied).
    pub fn into_writes(self) -> Vec<Write> {
        let mut w: Vec<Write> = self.councils.into_iter().map(Write::Council).collect();
        w.extend(self.meetings.into_iter().map(Write::Meeting));
        w.extend(self.matters.into_iter().map(Write::Matter));
        w.extend(self.motions.into_iter().map(Write::Motion));
        w
    }

    pub fn writes(&self) -> Vec<Write> {
        let mut w: Vec<Write> = self.councils.iter().cloned().map(Write::Council).collect();
        w.extend(self.meetings.iter().cloned().map(Write::Meeting));
        w.extend(self.matters.iter().cloned().map(Write::Matter));
        w.extend(self.motions.iter().cloned().map(Write::Motion));
        w
    }
}
