//! What the store answers: records, heads and the indexes' views, read through the decoded
//! cache of the records last touched.

use super::tables::MeetingHead;
use super::{Store, StoreError, rows, tables};
use yishi_domain::{self as domain, Document, MemoryRecords, Records};

impl Store {
    /// Meetings, in the order they were held.
    pub fn meetings(&self) -> Result<Vec<MeetingHead>, StoreError> {
        let mut heads = self.tables.meeting_heads()?;
        heads.sort_by_key(|h| (h.start, h.id));
        Ok(heads)
    }

    /// A council's meetings, in the order they were held.
    pub fn council_meetings(
        &self,
        council: domain::CouncilId,
    ) -> Result<Vec<MeetingHead>, StoreError> {
        let mut heads = self.tables.council_meeting_heads(council)?;
        heads.sort_by_key(|h| (h.start, h.id));
        Ok(heads)
    }

    /// The meeting that began last, if any: read through the index by start, whatever the
    /// archive's size.
    pub fn latest_meeting(&self) -> Result<Option<MeetingHead>, StoreError> {
        self.tables.latest_meeting_head()
    }

    /// Up to `take` meetings, the latest first, from the one held before `after` (or from the
    /// latest): a page of the archive, read through the index by start whatever its size.
    pub fn meetings_latest_first(
        &self,
        after: Option<&MeetingHead>,
        take: usize,
    ) -> Result<Vec<MeetingHead>, StoreError> {
        let before = after.map(|h| rows::start_key(h.start, h.id.0));
        self.tables.heads_latest_first(before, take)
    }

    /// A council's name, without reading its members.
    pub fn council_name(&self, id: domain::CouncilId) -> Result<Option<String>, StoreError> {
        self.tables.council_name(id.0)
    }

    /// Whether the database holds more than one council (a street office's), without reading
    /// them.
    pub fn several_councils(&self) -> Result<bool, StoreError> {
        self.tables.several_councils()
    }

    /// What `list` shows of one meeting.
    pub fn meeting_head(&self, id: domain::MeetingId) -> Result<Option<MeetingHead>, StoreError> {
        self.tables.meeting_head(id.0)
    }

    /// The council listed first (the lowest id), if any.
    pub fn first_council(&self) -> Result<Option<domain::Council>, StoreError> {
        self.tables.first_council()
    }

    /// A council's matters not yet closed, oldest first.
    pub fn open_matters(
        &self,
        council: domain::CouncilId,
    ) -> Result<Vec<domain::Matter>, StoreError> {
        let mut out = Vec::new();
        for id in self.tables.open_matters(council)? {
            let x = self.tables.get(tables::MATTERS, id.0)?;
            out.extend(x);
        }
        Ok(out)
    }

    /// Every council, by id.
    pub fn councils(&self) -> Result<Vec<domain::Council>, StoreError> {
        self.tables.councils()
    }

    /// Every matter, by id.
    pub fn matters(&self) -> Result<Vec<domain::Matter>, StoreError> {
        self.tables.matters()
    }

    /// Every matter, by id, read as the iteration goes (an archive's matters need not all be
    /// in memory at once).
    pub fn each_matter(&self) -> impl Iterator<Item = Result<domain::Matter, StoreError>> + '_ {
        self.tables.each(tables::MATTERS)
    }

    /// Matters with ids above `after` (from the first if none), by id, read as the iteration
    /// goes: the ledger a page at a time.
    pub fn matters_after(
        &self,
        after: Option<domain::MatterId>,
    ) -> impl Iterator<Item = Result<domain::Matter, StoreError>> + '_ {
        self.tables
            .each_after(tables::MATTERS, after.map(|id| id.0))
    }

    /// Every motion, by id.
    pub fn motions(&self) -> Result<Vec<domain::Motion>, StoreError> {
        self.tables.motions()
    }

    pub fn export(&self) -> Result<Document, StoreError> {
        Ok(self.tables.load_all()?.to_document())
    }

    /// Writes the export document to `out` as its records are read, one at a time: the same
    /// bytes as `export()?.to_json()`, in memory only the record being written.
    pub fn export_to(
        &self,
        out: &mut dyn std::io::Write,
    ) -> Result<(), domain::stream::Streamed<StoreError>> {
        let records = domain::stream::Records {
            councils: self.tables.each(tables::COUNCILS),
            meetings: self.tables.each(tables::MEETINGS),
            matters: self.tables.each(tables::MATTERS),
            motions: self.tables.each(tables::MOTIONS),
        };
        domain::stream::write_json(out, records)
    }

    /// Everything in the store, in memory (for minutes and checks over small records).
    pub fn load_all(&self) -> Result<MemoryRecords, StoreError> {
        self.tables.load_all()
    }
}

impl Store {
    /// A council's meeting heads, as the rules read them.
    fn heads(
        &self,
        council: domain::CouncilId,
    ) -> Result<Vec<super::MeetingHead>, domain::ReadError> {
        self.tables
            .council_meeting_heads(council)
            .map_err(|e| domain::ReadError(e.to_string()))
    }
}

impl Records for Store {
    fn council(&self, id: domain::CouncilId) -> Result<Option<domain::Council>, domain::ReadError> {
        self.recent
            .get(id.0, || self.tables.get(tables::COUNCILS, id.0))
    }
    fn meeting(&self, id: domain::MeetingId) -> Result<Option<domain::Meeting>, domain::ReadError> {
        self.recent
            .get(id.0, || self.tables.get(tables::MEETINGS, id.0))
    }
    fn matter(&self, id: domain::MatterId) -> Result<Option<domain::Matter>, domain::ReadError> {
        self.recent
            .get(id.0, || self.tables.get(tables::MATTERS, id.0))
    }
    fn motion(&self, id: domain::MotionId) -> Result<Option<domain::Motion>, domain::ReadError> {
        self.recent
            .get(id.0, || self.tables.get(tables::MOTIONS, id.0))
    }
    fn meeting_numbers(
        &self,
        council: domain::CouncilId,
        year: i32,
    ) -> Result<Vec<u32>, domain::ReadError> {
        Ok(self
            .heads(council)?
            .into_iter()
            .filter(|h| h.year == year)
            .map(|h| h.number)
            .collect())
    }
    fn is_empty(&self) -> Result<bool, domain::ReadError> {
        Ok(self.head.seq == 0 && self.tables.is_empty())
    }
    fn council_names(&self) -> Result<Vec<(domain::CouncilId, String)>, domain::ReadError> {
        Ok(self
            .tables
            .councils()
            .map_err(|e| domain::ReadError(e.to_string()))?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect())
    }
    fn last_held(
        &self,
        council: domain::CouncilId,
    ) -> Result<Option<chrono::NaiveDate>, domain::ReadError> {
        Ok(self
            .heads(council)?
            .into_iter()
            .filter(|h| h.state == domain::MeetingState::Ended)
            .map(|h| h.start.date())
            .max())
    }
}
