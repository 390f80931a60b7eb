//! What every reader of the record asks, answered alike by the writer's store (sled) and by a
//! `Reader` (checkpoint and journal, nothing written): `list`, `show`, `minutes`, `ledger`,
//! `export` and the console's archive are written once against it.

use super::reader::Reader;
use super::tables::MeetingHead;
use super::{Store, StoreError};
use yishi_domain::stream::Streamed;
use yishi_domain::{
    self as domain, Council, CouncilId, Matter, MatterId, Meeting, MeetingId, MemoryRecords,
    Motion, MotionId, ReadError, Records,
};

use super::checkpoint::{self, Kind};

/// Records and the views of them a reader needs.
pub trait Archive: Records {
    /// Meetings, in the order they were held.
    fn meetings(&self) -> Result<Vec<MeetingHead>, StoreError>;
    /// The meeting that began last, if any.
    fn latest_meeting(&self) -> Result<Option<MeetingHead>, StoreError>;
    /// What `list` shows of one meeting.
    fn meeting_head(&self, id: MeetingId) -> Result<Option<MeetingHead>, StoreError>;
    /// Every council, by id.
    fn councils(&self) -> Result<Vec<Council>, StoreError>;
    /// Matters with ids above `after` (from the first if none), by id, read as the iteration
    /// goes.
    fn matters_after(
        &self,
        after: Option<MatterId>,
    ) -> Box<dyn Iterator<Item = Result<Matter, StoreError>> + '_>;
    /// The export document, written to `out` as its records are read.
    fn export_to(&self, out: &mut dyn std::io::Write) -> Result<(), Streamed<StoreError>>;
    /// Everything, in memory (for checks over small records).
    fn load_all(&self) -> Result<MemoryRecords, StoreError>;
}

impl Archive for Store {
    fn meetings(&self) -> Result<Vec<MeetingHead>, StoreError> {
        Store::meetings(self)
    }
    fn latest_meeting(&self) -> Result<Option<MeetingHead>, StoreError> {
        Store::latest_meeting(self)
    }
    fn meeting_head(&self, id: MeetingId) -> Result<Option<MeetingHead>, StoreError> {
        Store::meeting_head(self, id)
    }
    fn councils(&self) -> Result<Vec<Council>, StoreError> {
        Store::councils(self)
    }
    fn matters_after(
        &self,
        after: Option<MatterId>,
    ) -> Box<dyn Iterator<Item = Result<Matter, StoreError>> + '_> {
        Box::new(Store::matters_after(self, after))
    }
    fn export_to(&self, out: &mut dyn std::io::Write) -> Result<(), Streamed<StoreError>> {
        Store::export_to(self, out)
    }
    fn load_all(&self) -> Result<MemoryRecords, StoreError> {
        Store::load_all(self)
    }
}

impl Archive for Reader {
    fn meetings(&self) -> Result<Vec<MeetingHead>, StoreError> {
        self.meetings_in_order()?.collect()
    }

    /// Each source's latest meeting, where no newer source changed it, and every meeting the
    /// journal's tail changed: the latest of these is the latest of all, read in a few looks.
    fn latest_meeting(&self) -> Result<Option<MeetingHead>, StoreError> {
        let (layers, overlay, _) = self.parts();
        let mut candidates: Vec<MeetingHead> =
            overlay.meetings.values().map(MeetingHead::of).collect();
        for (i, layer) in layers.iter().enumerate() {
            let Some(latest) = &layer.trailer.latest else {
                continue;
            };
            let mut changed_since = overlay.meetings.contains_key(&latest.id);
            for newer in &layers[..i] {
                changed_since |= newer.get(Kind::Meeting, latest.id.0)?.is_some();
            }
            if changed_since {
                return Ok(Archive::meetings(self)?.pop());
            }
            candidates.push(latest.clone());
        }
        Ok(candidates.into_iter().max_by_key(|h| (h.start, h.id)))
    }

    fn meeting_head(&self, id: MeetingId) -> Result<Option<MeetingHead>, StoreError> {
        let m = Records::meeting(self, id)?;
        Ok(m.as_ref().map(MeetingHead::of))
    }

    fn councils(&self) -> Result<Vec<Council>, StoreError> {
        self.each(Kind::Council, None).collect()
    }

    fn matters_after(
        &self,
        after: Option<MatterId>,
    ) -> Box<dyn Iterator<Item = Result<Matter, StoreError>> + '_> {
        self.each(Kind::Matter, after.map(|a| a.0))
    }

    /// The records' JSON copied as the checkpoint holds it (already as the document lays it
    /// out) between the document's own lines: the same bytes as `domain::stream::write_json`.
    fn export_to(&self, out: &mut dyn std::io::Write) -> Result<(), Streamed<StoreError>> {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
        let put = |out: &mut std::io::BufWriter<_>, b: &[u8]| {
            std::io::Write::write_all(out, b).map_err(Streamed::Write)
        };
        let format = serde_json::to_string(domain::FORMAT).unwrap_or_default();
        let head = format!(
            "{{\n  \"format\": {format},\n  \"schema\": {},",
            domain::SCHEMA
        );
        put(&mut out, head.as_bytes())?;
        let lists = [
            ("councils", Kind::Council),
            ("meetings", Kind::Meeting),
            ("matters", Kind::Matter),
            ("motions", Kind::Motion),
        ];
        for (i, (name, kind)) in lists.into_iter().enumerate() {
            put(&mut out, format!("\n  \"{name}\": [").as_bytes())?;
            let (layers, overlay, _) = self.parts();
            let blobs = checkpoint::merged(layers, overlay, kind, None).map_err(Streamed::Read)?;
            let mut any = false;
            for blob in blobs {
                let (_, blob) = blob.map_err(Streamed::Read)?;
                put(&mut out, if any { b",\n    " } else { b"\n    " })?;
                put(&mut out, &blob)?;
                any = true;
            }
            put(&mut out, if any { b"\n  ]" } else { b"]" })?;
            if i + 1 < lists.len() {
                put(&mut out, b",")?;
            }
        }
        put(&mut out, b"\n}\n")?;
        std::io::Write::flush(&mut out).map_err(Streamed::Write)
    }

    fn load_all(&self) -> Result<MemoryRecords, StoreError> {
        let mut all = MemoryRecords::default();
        for c in self.each::<Council>(Kind::Council, None) {
            all.put(domain::Write::Council(c?));
        }
        for m in self.each::<Meeting>(Kind::Meeting, None) {
            all.put(domain::Write::Meeting(m?));
        }
        for x in self.each::<Matter>(Kind::Matter, None) {
            all.put(domain::Write::Matter(x?));
        }
        for v in self.each::<Motion>(Kind::Motion, None) {
            all.put(domain::Write::Motion(v?));
        }
        Ok(all)
    }
}

fn read_error(e: StoreError) -> ReadError {
    ReadError(e.to_string())
}

impl Records for Reader {
    fn council(&self, id: CouncilId) -> Result<Option<Council>, ReadError> {
        match self.parts().1.councils.get(&id) {
            Some(c) => Ok(Some(c.clone())),
            None => self.layered(Kind::Council, id.0).map_err(read_error),
        }
    }
    fn meeting(&self, id: MeetingId) -> Result<Option<Meeting>, ReadError> {
        match self.parts().1.meetings.get(&id) {
            Some(m) => Ok(Some(m.clone())),
            None => self.layered(Kind::Meeting, id.0).map_err(read_error),
        }
    }
    fn matter(&self, id: MatterId) -> Result<Option<Matter>, ReadError> {
        match self.parts().1.matters.get(&id) {
            Some(x) => Ok(Some(x.clone())),
            None => self.layered(Kind::Matter, id.0).map_err(read_error),
        }
    }
    fn motion(&self, id: MotionId) -> Result<Option<Motion>, ReadError> {
        match self.parts().1.motions.get(&id) {
            Some(v) => Ok(Some(v.clone())),
            None => self.layered(Kind::Motion, id.0).map_err(read_error),
        }
    }
    fn meeting_numbers(&self, council: CouncilId, year: i32) -> Result<Vec<u32>, ReadError> {
        let mut numbers = Vec::new();
        for h in self.meetings_in_order().map_err(read_error)? {
            let h = h.map_err(read_error)?;
            if h.council == council && h.year == year {
                numbers.push(h.number);
            }
        }
        Ok(numbers)
    }
    fn is_empty(&self) -> Result<bool, ReadError> {
        let (layers, overlay, _) = self.parts();
        Ok(overlay.is_empty()? && layers.iter().all(|l| l.trailer.entries == 0))
    }
    fn council_names(&self) -> Result<Vec<(CouncilId, String)>, ReadError> {
        Ok(Archive::councils(self)
            .map_err(read_error)?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect())
    }
    fn last_held(&self, council: CouncilId) -> Result<Option<chrono::NaiveDate>, ReadError> {
        let mut last = None;
        for h in self.meetings_in_order().map_err(read_error)? {
            let h = h.map_err(read_error)?;
            if h.council == council && h.state == domain::MeetingState::Ended {
                last = last.max(Some(h.start.date()));
            }
        }
        Ok(last)
    }
}
