//! Reading the records back: one, all, a council's, and the indexes checked against them.

use serde::de::DeserializeOwned;

use super::{MeetingHead, Tables, corrupt};
use crate::StoreError;
use crate::rows::meeting_of_start_key;
use yishi_domain::{CouncilId, MatterId, MemoryRecords, Write};

impl Tables {
    pub(crate) fn is_empty(&self) -> bool {
        [&self.councils, &self.meetings, &self.matters, &self.motions]
            .iter()
            .all(|t| t.is_empty())
    }

    /// The largest id in use, members included.
    pub(crate) fn max_id(&self) -> Result<u64, StoreError> {
        let mut max = 0;
        for t in [&self.councils, &self.meetings, &self.matters, &self.motions] {
            if let Some((k, _)) = t.last().map_err(self.failed())? {
                let key: [u8; 8] = k.as_ref().try_into().map_err(corrupt)?;
                max = max.max(u64::from_be_bytes(key));
            }
        }
        for c in self.values::<yishi_domain::Council>(&self.councils)? {
            for m in c.members {
                max = max.max(m.id.0);
            }
        }
        Ok(max)
    }

    pub(super) fn values<T: DeserializeOwned>(
        &self,
        tree: &sled::Tree,
    ) -> Result<Vec<T>, StoreError> {
        tree.iter()
            .values()
            .map(|v| {
                v.map_err(self.failed())
                    .and_then(|b| serde_json::from_slice(&b).map_err(corrupt))
            })
            .collect()
    }

    /// Every record of one tree, by id, read one at a time.
    pub(crate) fn each<T: DeserializeOwned>(
        &self,
        tree: &str,
    ) -> impl Iterator<Item = Result<T, StoreError>> + '_ {
        self.tree(tree).iter().values().map(|v| {
            v.map_err(self.failed())
                .and_then(|b| serde_json::from_slice(&b).map_err(corrupt))
        })
    }

    /// Records of one tree with ids above `after` (from the first if none), by id, read one
    /// at a time.
    pub(crate) fn each_after<T: DeserializeOwned>(
        &self,
        tree: &str,
        after: Option<u64>,
    ) -> impl Iterator<Item = Result<T, StoreError>> + '_ {
        let from = after.map_or(0, |id| id.saturating_add(1)).to_be_bytes();
        self.tree(tree).range(from..).values().map(|v| {
            v.map_err(self.failed())
                .and_then(|b| serde_json::from_slice(&b).map_err(corrupt))
        })
    }

    pub(crate) fn first_council(&self) -> Result<Option<yishi_domain::Council>, StoreError> {
        let first = self.councils.first().map_err(self.failed())?;
        first
            .map(|(_, v)| serde_json::from_slice(&v).map_err(corrupt))
            .transpose()
    }

    pub(crate) fn councils(&self) -> Result<Vec<yishi_domain::Council>, StoreError> {
        self.values(&self.councils)
    }

    pub(crate) fn matters(&self) -> Result<Vec<yishi_domain::Matter>, StoreError> {
        self.values(&self.matters)
    }

    pub(crate) fn motions(&self) -> Result<Vec<yishi_domain::Motion>, StoreError> {
        self.values(&self.motions)
    }

    /// The ids of a council's matters not yet closed, oldest first.
    pub(crate) fn open_matters(&self, council: CouncilId) -> Result<Vec<MatterId>, StoreError> {
        Ok(self
            .of_council(&self.open, council)?
            .into_iter()
            .map(MatterId)
            .collect())
    }

    /// The heads of a council's meetings, by id.
    pub(crate) fn council_meeting_heads(
        &self,
        council: CouncilId,
    ) -> Result<Vec<MeetingHead>, StoreError> {
        let mut heads = Vec::new();
        for id in self.of_council(&self.by_council, council)? {
            let head = self.heads.get(id.to_be_bytes()).map_err(self.failed())?;
            let head = head.ok_or_else(|| corrupt(format!("no head for meeting {id}")))?;
            heads.push(serde_json::from_slice(&head).map_err(corrupt)?);
        }
        Ok(heads)
    }

    /// The ids a council index (`open`, `by_council`) holds for `council`, in order.
    fn of_council(&self, index: &sled::Tree, council: CouncilId) -> Result<Vec<u64>, StoreError> {
        index
            .scan_prefix(council.0.to_be_bytes())
            .keys()
            .map(|k| {
                let k = k.map_err(self.failed())?;
                let id: [u8; 8] = k
                    .get(8..16)
                    .and_then(|b| b.try_into().ok())
                    .ok_or_else(|| corrupt("index key"))?;
                Ok(u64::from_be_bytes(id))
            })
            .collect()
    }

    /// The head of the meeting that began last (of two at once, the one made last).
    pub(crate) fn latest_meeting_head(&self) -> Result<Option<MeetingHead>, StoreError> {
        let Some((key, _)) = self.by_start.last().map_err(self.failed())? else {
            return Ok(None);
        };
        let id = meeting_of_start_key(&key).ok_or_else(|| corrupt("a bad key by start"))?;
        self.meeting_head(id)?
            .map(Some)
            .ok_or_else(|| corrupt(format!("no head for meeting {id}")))
    }

    /// Up to `take` meetings' heads, the latest first, from the one before `before` (a key of
    /// the index by start) or from the latest: what a page of the archive shows.
    pub(crate) fn heads_latest_first(
        &self,
        before: Option<[u8; 16]>,
        take: usize,
    ) -> Result<Vec<MeetingHead>, StoreError> {
        let keys = match before {
            Some(k) => self.by_start.range(..k.to_vec()),
            None => self.by_start.range::<&[u8], _>(..),
        };
        let mut heads = Vec::with_capacity(take);
        for kv in keys.rev().take(take) {
            let (key, _) = kv.map_err(self.failed())?;
            let id = meeting_of_start_key(&key).ok_or_else(|| corrupt("a bad key by start"))?;
            let head = self.meeting_head(id)?;
            heads.push(head.ok_or_else(|| corrupt(format!("no head for meeting {id}")))?);
        }
        Ok(heads)
    }

    /// A council's name, read without the rest of its record.
    pub(crate) fn council_name(&self, id: u64) -> Result<Option<String>, StoreError> {
        #[derive(serde::Deserialize)]
        struct Named {
            name: String,
        }
        let bytes = self.councils.get(id.to_be_bytes()).map_err(self.failed())?;
        bytes
            .map(|b| match leading_name(&b) {
                Some(name) => Ok(name),
                None => serde_json::from_slice::<Named>(&b)
                    .map(|n| n.name)
                    .map_err(corrupt),
            })
            .transpose()
    }

    /// Whether the store holds more than one council, without reading them.
    pub(crate) fn several_councils(&self) -> Result<bool, StoreError> {
        let first = self.councils.first().map_err(self.failed())?;
        let last = self.councils.last().map_err(self.failed())?;
        Ok(first.map(|kv| kv.0) != last.map(|kv| kv.0))
    }

    pub(crate) fn meeting_head(&self, id: u64) -> Result<Option<MeetingHead>, StoreError> {
        let head = self.heads.get(id.to_be_bytes()).map_err(self.failed())?;
        head.map(|h| serde_json::from_slice(&h).map_err(corrupt))
            .transpose()
    }

    pub(crate) fn meeting_heads(&self) -> Result<Vec<MeetingHead>, StoreError> {
        self.values(&self.heads)
    }

    pub(crate) fn load_all(&self) -> Result<MemoryRecords, StoreError> {
        let mut r = MemoryRecords::default();
        for c in self.values(&self.councils)? {
            r.put(Write::Council(c));
        }
        for m in self.values(&self.meetings)? {
            r.put(Write::Meeting(m));
        }
        for m in self.values(&self.matters)? {
            r.put(Write::Matter(m));
        }
        for m in self.values(&self.motions)? {
            r.put(Write::Motion(m));
        }
        Ok(r)
    }
}

/// The name of a council record written as `{"id":N,"name":"…",…}` (the order its fields are
/// written in), read without going through its members: the archive names a council per
/// meeting listed. Anything else is left to the full decode.
fn leading_name(bytes: &[u8]) -> Option<String> {
    let rest = bytes.strip_prefix(b"{\"id\":")?;
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let rest = rest[digits..].strip_prefix(b",\"name\":")?;
    // A string is a value complete in itself: the stream stops at its closing quote.
    serde_json::Deserializer::from_slice(rest)
        .into_iter::<String>()
        .next()?
        .ok()
}

#[cfg(test)]
mod tests {
    use super::leading_name;

    #[test]
    fn a_councils_name_is_read_from_the_head_of_its_record() {
        let council = yishi_domain::Council {
            id: yishi_domain::CouncilId(42),
            name: "青禾里\"社区\"\\议事会\u{1F600}".into(),
            members: Vec::new(),
            rule: yishi_domain::presets().remove(0),
            satisfaction_threshold: 80,
            keys: Vec::new(),
        };
        let bytes = serde_json::to_vec(&council).expect("encode");
        assert_eq!(leading_name(&bytes).as_deref(), Some(council.name.as_str()));
        // Written otherwise, it is left to the full decode.
        assert_eq!(leading_name(br#"{"name":"x","id":1}"#), None);
        assert_eq!(leading_name(br#"{"id":1,"name":7}"#), None);
    }
}
