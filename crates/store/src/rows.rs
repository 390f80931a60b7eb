//! What a change writes, as sled rows (tree, key, value or removal), and the redo record that
//! makes those plain inserts one atomic step.
//!
//! A change's rows are written as plain inserts: first the redo record (the rows, the head
//! they lead to and the change's journal line, in one key, so it lands whole or not at all),
//! then the rows, then the head. sled recovers a prefix of its log, so after a crash either
//! nothing of the change is there, or the redo record is, and the next open writes the rows
//! again from it, and the journal line too if the journal lost it. Rows are whole records, so
//! writing them twice is harmless. This costs one key more than sled's own transactions, which
//! write and wait for two extra log buffers per commit.

use serde::Serialize;

use super::StoreError;
use super::tables::heads::{Head, MeetingHead};
use super::trees::{BY_COUNCIL, BY_START, COUNCILS, HEADS, MATTERS, MEETINGS, MOTIONS, OPEN};
use yishi_domain::{CouncilId, Write};

/// One key of one tree, set to a value or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Row {
    pub tree: &'static str,
    pub key: Vec<u8>,
    pub value: Option<Vec<u8>>,
}

/// A value that cannot be written or read back as what it is.
pub(super) fn corrupt(e: impl std::fmt::Display) -> StoreError {
    StoreError::Damaged {
        detail: e.to_string(),
    }
}

pub(super) fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(v).map_err(corrupt)
}

/// A key of the indexes by council (open matters, meetings): the council's id, then the
/// record's, so that a prefix scan reads one council's records in id order.
pub(super) fn council_key(council: CouncilId, record: u64) -> [u8; 16] {
    let mut k = [0; 16];
    k[..8].copy_from_slice(&council.0.to_be_bytes());
    k[8..].copy_from_slice(&record.to_be_bytes());
    k
}

/// A key of the index by start: when the meeting began (seconds, ordered as unsigned), then
/// its id.
pub(super) fn start_key(start: chrono::NaiveDateTime, meeting: u64) -> [u8; 16] {
    let seconds = start.and_utc().timestamp() as u64 ^ (1 << 63);
    let mut k = [0; 16];
    k[..8].copy_from_slice(&seconds.to_be_bytes());
    k[8..].copy_from_slice(&meeting.to_be_bytes());
    k
}

/// The meeting a key of the index by start names.
pub(super) fn meeting_of_start_key(key: &[u8]) -> Option<u64> {
    Some(u64::from_be_bytes(key.get(8..16)?.try_into().ok()?))
}

/// The rows that store `writes`: each record under its id, and the indexes derived from it
/// (a meeting's head; whether a matter is open).
pub(super) fn rows_of(writes: &[Write]) -> Result<Vec<Row>, StoreError> {
    let mut rows = Vec::with_capacity(writes.len() + 1);
    let id = |n: u64| n.to_be_bytes().to_vec();
    let set = |tree, key, value| Row {
        tree,
        key,
        value: Some(value),
    };
    for w in writes {
        match w {
            Write::Council(c) => rows.push(set(COUNCILS, id(c.id.0), encode(c)?)),
            Write::Meeting(m) => {
                rows.push(set(MEETINGS, id(m.id.0), encode(m)?));
                rows.push(set(HEADS, id(m.id.0), encode(&MeetingHead::of(m))?));
                rows.push(set(
                    BY_COUNCIL,
                    council_key(m.council, m.id.0).to_vec(),
                    Vec::new(),
                ));
                rows.push(set(
                    BY_START,
                    start_key(m.start, m.id.0).to_vec(),
                    Vec::new(),
                ));
            }
            Write::Matter(m) => {
                rows.push(set(MATTERS, id(m.id.0), encode(m)?));
                rows.push(Row {
                    tree: OPEN,
                    key: council_key(m.council, m.id.0).to_vec(),
                    value: m.stage.is_open().then(Vec::new),
                });
            }
            Write::Motion(m) => rows.push(set(MOTIONS, id(m.id.0), encode(m)?)),
        }
    }
    Ok(rows)
}

const TREES: [&str; 8] = [
    COUNCILS, MEETINGS, HEADS, OPEN, BY_COUNCIL, BY_START, MATTERS, MOTIONS,
];

/// What a redo record holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Redo {
    pub head: Head,
    /// The change's journal line (empty when the journal was written first, as in a rebuild).
    pub line: Vec<u8>,
    pub rows: Vec<Row>,
}

/// The redo record: the head's JSON, the journal line, then each row as tree name, key and
/// value, each length-prefixed (u32, little-endian; a value's length is `u32::MAX` for a
/// removal).
pub(super) fn redo(head: &Head, line: &[u8], rows: &[Row]) -> Result<Vec<u8>, StoreError> {
    let head = encode(head)?;
    let size: usize = rows
        .iter()
        .map(|r| 12 + r.tree.len() + r.key.len() + r.value.as_ref().map_or(0, Vec::len))
        .sum();
    let mut out = Vec::with_capacity(8 + head.len() + line.len() + size);
    field(&mut out, Some(&head))?;
    field(&mut out, Some(line))?;
    for r in rows {
        field(&mut out, Some(r.tree.as_bytes()))?;
        field(&mut out, Some(&r.key))?;
        field(&mut out, r.value.as_deref())?;
    }
    Ok(out)
}

fn field(out: &mut Vec<u8>, bytes: Option<&[u8]>) -> Result<(), StoreError> {
    let Some(bytes) = bytes else {
        out.extend_from_slice(&u32::MAX.to_le_bytes());
        return Ok(());
    };
    let len = u32::try_from(bytes.len())
        .ok()
        .filter(|&n| n != u32::MAX)
        .ok_or_else(|| corrupt("a record too large to store"))?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(bytes);
    Ok(())
}

/// Reads a redo record back; anything cut short or naming an unknown tree is damage.
pub(super) fn parse_redo(bytes: &[u8]) -> Result<Redo, StoreError> {
    let mut fields = Fields(bytes);
    let head = fields
        .next()?
        .ok_or_else(|| corrupt("redo record without a head"))?;
    let head: Head = serde_json::from_slice(head).map_err(corrupt)?;
    let line = fields
        .next()?
        .ok_or_else(|| corrupt("redo record without a journal line"))?
        .to_vec();
    let mut rows = Vec::new();
    while !fields.0.is_empty() {
        let name = fields.next()?.unwrap_or_default();
        let tree = TREES
            .into_iter()
            .find(|t| t.as_bytes() == name)
            .ok_or_else(|| corrupt("redo record names an unknown tree"))?;
        let key = fields
            .next()?
            .ok_or_else(|| corrupt("redo record with a row without a key"))?
            .to_vec();
        let value = fields.next()?.map(<[u8]>::to_vec);
        rows.push(Row { tree, key, value });
    }
    Ok(Redo { head, line, rows })
}

/// The length-prefixed fields of a redo record, read in turn.
struct Fields<'a>(&'a [u8]);

impl<'a> Fields<'a> {
    fn next(&mut self) -> Result<Option<&'a [u8]>, StoreError> {
        let cut = || corrupt("redo record cut short");
        let (len, rest) = self.0.split_first_chunk::<4>().ok_or_else(cut)?;
        let len = u32::from_le_bytes(*len);
        if len == u32::MAX {
            self.0 = rest;
            return Ok(None);
        }
        let len = len as usize;
        if rest.len() < len {
            return Err(cut());
        }
        let (field, rest) = rest.split_at(len);
        self.0 = rest;
        Ok(Some(field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Row> {
        vec![
            Row {
                tree: MOTIONS,
                key: 7u64.to_be_bytes().to_vec(),
                value: Some(br#"{"id":7}"#.to_vec()),
            },
            Row {
                tree: OPEN,
                key: council_key(CouncilId(1), 2).to_vec(),
                value: None,
            },
            Row {
                tree: OPEN,
                key: council_key(CouncilId(1), 3).to_vec(),
                value: Some(Vec::new()),
            },
        ]
    }

    fn head() -> Head {
        Head {
            seq: 12,
            hash: "ab".repeat(32),
            journal_len: 4096,
        }
    }

    const LINE: &[u8] = b"{\"seq\":12}\n";

    #[test]
    fn a_redo_record_reads_back_as_written() {
        let bytes = redo(&head(), LINE, &rows()).expect("encode");
        let expected = Redo {
            head: head(),
            line: LINE.to_vec(),
            rows: rows(),
        };
        assert_eq!(parse_redo(&bytes).expect("parse"), expected);
        let empty = redo(&head(), &[], &[]).expect("encode");
        let expected = Redo {
            head: head(),
            line: Vec::new(),
            rows: Vec::new(),
        };
        assert_eq!(parse_redo(&empty).expect("parse"), expected);
    }

    #[test]
    fn a_redo_record_cut_short_or_altered_is_damage() {
        let bytes = redo(&head(), LINE, &rows()).expect("encode");
        for cut in [0, 3, 10, bytes.len() - 1] {
            assert!(
                parse_redo(&bytes[..cut]).is_err(),
                "cut at {cut} of {} should be refused",
                bytes.len()
            );
        }
        let mut renamed = bytes.clone();
        let at = renamed
            .windows(MOTIONS.len())
            .position(|w| w == MOTIONS.as_bytes())
            .expect("the tree's name");
        renamed[at] = b'n';
        assert!(parse_redo(&renamed).is_err());
    }

    #[test]
    fn a_closed_matter_leaves_the_open_index() {
        let doc =
            yishi_domain::Document::parse(include_str!("../../../sample-data/huangan-lane.json"))
                .expect("sample");
        let writes = doc.writes();
        let rows = rows_of(&writes).expect("rows");
        let open: Vec<_> = rows.iter().filter(|r| r.tree == OPEN).collect();
        let matters = writes
            .iter()
            .filter(|w| matches!(w, Write::Matter(_)))
            .count();
        assert_eq!(open.len(), matters, "one index row per matter");
        assert!(open.iter().any(|r| r.value.is_none()), "a closed matter");
        assert!(open.iter().any(|r| r.value.is_some()), "an open matter");
        let meetings = rows.iter().filter(|r| r.tree == MEETINGS).count();
        for index in [HEADS, BY_COUNCIL, BY_START] {
            assert_eq!(rows.iter().filter(|r| r.tree == index).count(), meetings);
        }
    }
}
