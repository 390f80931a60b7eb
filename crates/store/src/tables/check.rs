//! The store held against what it should hold, read one record at a time: its records against
//! a replay or a checkpoint, and its indexes against its records.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

use super::{MeetingHead, Tables, corrupt};
use crate::StoreError;
use crate::findings::{Disagreement, Kind};
use crate::rows::{council_key, encode, start_key};
use yishi_domain::{CouncilId, Matter, MatterId, Meeting, MemoryRecords, Stage};

/// The indexes as the records give them, taken in one record at a time (meetings in id order)
/// and then held against the store's own.
pub(crate) struct IndexCheck<'a> {
    tables: &'a Tables,
    heads: sled::Iter,
    open: Vec<[u8; 16]>,
    by_council: Vec<[u8; 16]>,
    by_start: Vec<[u8; 16]>,
    agree: bool,
}

impl<'a> IndexCheck<'a> {
    pub(crate) fn new(tables: &'a Tables) -> IndexCheck<'a> {
        IndexCheck {
            tables,
            heads: tables.heads.iter(),
            open: Vec::new(),
            by_council: Vec::new(),
            by_start: Vec::new(),
            agree: true,
        }
    }

    /// The next meeting, by id: its head is the store's next.
    pub(crate) fn meeting(&mut self, m: &Meeting) -> Result<(), StoreError> {
        let held = self
            .heads
            .next()
            .transpose()
            .map_err(self.tables.failed())?;
        self.agree &= held.is_some_and(|(_, v)| {
            serde_json::from_slice::<MeetingHead>(&v).is_ok_and(|h| h == MeetingHead::of(m))
        });
        self.by_council.push(council_key(m.council, m.id.0));
        self.by_start.push(start_key(m.start, m.id.0));
        Ok(())
    }

    pub(crate) fn matter(&mut self, x: &Matter) {
        self.open_matter(x.council, x.id, x.stage);
    }

    /// A matter as its stored JSON, read only as far as the index needs (a matter's history
    /// is most of it). Returns whether the JSON gave those fields.
    pub(crate) fn matter_json(&mut self, json: &[u8]) -> bool {
        #[derive(serde::Deserialize)]
        struct Indexed {
            id: MatterId,
            council: CouncilId,
            stage: Stage,
        }
        let read = leading_stage(json).or_else(|| {
            serde_json::from_slice::<Indexed>(json)
                .ok()
                .map(|x| (x.id, x.council, x.stage))
        });
        match read {
            Some((id, council, stage)) => {
                self.open_matter(council, id, stage);
                true
            }
            None => false,
        }
    }

    fn open_matter(&mut self, council: CouncilId, id: MatterId, stage: Stage) {
        if stage.is_open() {
            self.open.push(council_key(council, id.0));
        }
    }

    /// Takes in what `other` was given (another kind of record, read on another core).
    pub(crate) fn join(mut self, other: IndexCheck<'a>) -> IndexCheck<'a> {
        self.agree &= other.agree;
        self.open.extend(other.open);
        self.by_council.extend(other.by_council);
        self.by_start.extend(other.by_start);
        self
    }

    /// Whether the store's indexes are exactly those the records gave.
    pub(crate) fn agrees(mut self) -> Result<bool, StoreError> {
        if self.heads.next().is_some() {
            return Ok(false);
        }
        let t = self.tables;
        Ok(self.agree
            && keys_are(t, &t.open, self.open)?
            && keys_are(t, &t.by_council, self.by_council)?
            && keys_are(t, &t.by_start, self.by_start)?)
    }
}

fn keys_are(t: &Tables, tree: &sled::Tree, mut derived: Vec<[u8; 16]>) -> Result<bool, StoreError> {
    derived.sort_unstable();
    let mut held = tree.iter().keys();
    for d in &derived {
        match held.next().transpose().map_err(t.failed())? {
            Some(k) if k.as_ref() == d.as_slice() => {}
            _ => return Ok(false),
        }
    }
    Ok(held.next().is_none())
}

impl Tables {
    /// Whether the indexes (meeting heads, open matters, meetings by council and by start) are
    /// what the records give.
    pub(crate) fn indexes_match(&self, records: &MemoryRecords) -> Result<bool, StoreError> {
        let mut check = IndexCheck::new(self);
        for m in records.meetings.values() {
            check.meeting(m)?;
        }
        for x in records.matters.values() {
            check.matter(x);
        }
        check.agrees()
    }

    /// Every stored record of `kind` as its bytes, by id, read one at a time. Each record is
    /// sought afresh after the one before: pages a sled iterator passes through stay in memory
    /// until it is dropped (sled 0.34 leaves them out of its cache's account), so one iterator
    /// over a large tree would hold the tree, where a lookup per record holds a page or two.
    pub(crate) fn rows(
        &self,
        kind: Kind,
    ) -> impl Iterator<Item = Result<(u64, sled::IVec), StoreError>> + '_ {
        let tree = match kind {
            Kind::Council => &self.councils,
            Kind::Meeting => &self.meetings,
            Kind::Matter => &self.matters,
            Kind::Motion => &self.motions,
        };
        let mut after: Option<sled::IVec> = None;
        std::iter::from_fn(move || {
            let row = match &after {
                Some(k) => tree
                    .range::<&[u8], _>((
                        std::ops::Bound::Excluded(k.as_ref()),
                        std::ops::Bound::Unbounded,
                    ))
                    .next(),
                None => tree.iter().next(),
            }?;
            Some(row.map_err(self.failed()).and_then(|(k, v)| {
                let key: [u8; 8] = k
                    .as_ref()
                    .try_into()
                    .map_err(|_| corrupt("a bad record key"))?;
                after = Some(k);
                Ok((u64::from_be_bytes(key), v))
            }))
        })
    }

    /// The first record where the store and `expected` differ, kind by kind in id order: first
    /// a record of `expected` the store lacks or holds otherwise, then one the store holds that
    /// `expected` lacks. Read one record at a time; the stored bytes are compared with the
    /// expected record's encoding, and decoded only where they differ (a record written by an
    /// earlier yishi may be encoded otherwise and still be the same).
    pub(crate) fn first_difference(
        &self,
        expected: &MemoryRecords,
    ) -> Result<Option<(Kind, u64, Disagreement)>, StoreError> {
        Ok(
            match self.differs(&self.councils, &expected.councils, Kind::Council)? {
                Some(d) => Some(d),
                None => match self.differs(&self.meetings, &expected.meetings, Kind::Meeting)? {
                    Some(d) => Some(d),
                    None => match self.differs(&self.matters, &expected.matters, Kind::Matter)? {
                        Some(d) => Some(d),
                        None => self.differs(&self.motions, &expected.motions, Kind::Motion)?,
                    },
                },
            },
        )
    }

    fn differs<K, V>(
        &self,
        tree: &sled::Tree,
        expected: &BTreeMap<K, V>,
        kind: Kind,
    ) -> Result<Option<(Kind, u64, Disagreement)>, StoreError>
    where
        K: Copy + Into<u64>,
        V: Serialize + DeserializeOwned + PartialEq,
    {
        let id_of = |key: &[u8]| -> Result<u64, StoreError> {
            let bytes: [u8; 8] = key.try_into().map_err(|_| corrupt("a bad record key"))?;
            Ok(u64::from_be_bytes(bytes))
        };
        let mut stored = tree.iter();
        let mut next = stored.next().transpose().map_err(self.failed())?;
        let mut unexpected = None;
        for (k, v) in expected {
            let id = (*k).into();
            while let Some((key, _)) = &next {
                let at = id_of(key)?;
                if at >= id {
                    break;
                }
                unexpected.get_or_insert(at);
                next = stored.next().transpose().map_err(self.failed())?;
            }
            let Some((key, bytes)) = &next else {
                return Ok(Some((kind, id, Disagreement::Missing)));
            };
            if id_of(key)? != id {
                return Ok(Some((kind, id, Disagreement::Missing)));
            }
            let same = encode(v)? == bytes.as_ref()
                || serde_json::from_slice::<V>(bytes).is_ok_and(|held| held == *v);
            if !same {
                return Ok(Some((kind, id, Disagreement::Altered)));
            }
            next = stored.next().transpose().map_err(self.failed())?;
        }
        if let Some((key, _)) = &next {
            unexpected.get_or_insert(id_of(key)?);
        }
        Ok(unexpected.map(|id| (kind, id, Disagreement::NotInJournal)))
    }
}

/// A matter's id, council and stage, read from the head of its record where it is written
/// `{"id":N,"council":N,…,"stage":…` with only plain values before the stage (the order its
/// fields are written in): a `"` inside a string is escaped, so the first `,"stage":` is the
/// record's own. Anything else is left to the full decode.
fn leading_stage(json: &[u8]) -> Option<(MatterId, CouncilId, Stage)> {
    let number = |s: &[u8]| -> Option<(u64, usize)> {
        let digits = s.iter().take_while(|b| b.is_ascii_digit()).count();
        Some((
            std::str::from_utf8(&s[..digits]).ok()?.parse().ok()?,
            digits,
        ))
    };
    let rest = json.strip_prefix(b"{\"id\":")?;
    let (id, n) = number(rest)?;
    let rest = rest[n..].strip_prefix(b",\"council\":")?;
    let (council, _) = number(rest)?;
    const KEY: &[u8] = b",\"stage\":";
    let at = memchr::memmem::find(json, KEY)?;
    // Only scalars come before it: a nested object or list would be read in full.
    if json.get(1..at)?.iter().any(|&b| b == b'{' || b == b'[') {
        return None;
    }
    let stage = serde_json::Deserializer::from_slice(&json[at + KEY.len()..])
        .into_iter::<Stage>()
        .next()?
        .ok()?;
    Some((MatterId(id), CouncilId(council), stage))
}

#[cfg(test)]
mod tests {
    use super::leading_stage;
    use yishi_domain::{CouncilId, Matter, MatterId, MeetingId, Stage, Step};

    fn matter(title: &str, stage: Stage) -> Matter {
        let opened = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(14, 30, 0))
            .expect("a time");
        serde_json::from_value(serde_json::json!({
            "id": 41, "council": 3, "title": title, "short_title": "", "opened": opened,
            "opened_in": 7, "stage": stage,
        }))
        .expect("a matter")
    }

    #[test]
    fn a_matters_stage_is_read_from_the_head_of_its_record_as_the_full_decode_reads_it() {
        let open = Stage::At(Step::Hear);
        for (title, stage) in [
            ("加装电梯", open),
            // A title that spells the key itself: escaped, so not the record's.
            ("写着 \",\"stage\": 的标题", open),
            ("[暂缓]", open),
        ] {
            let bytes = serde_json::to_vec(&matter(title, stage)).expect("encode");
            let full: Matter = serde_json::from_slice(&bytes).expect("decode");
            match leading_stage(&bytes) {
                Some(read) => assert_eq!(read, (MatterId(41), CouncilId(3), full.stage)),
                // Left to the full decode: only where a bracket comes before the stage.
                None => assert!(title.contains('[')),
            }
        }
        assert_eq!(leading_stage(br#"{"council":3,"id":41,"stage":"x"}"#), None);
        let _ = MeetingId(0);
    }
}
