//! The records of one kind from several sources in id order, the newest source's version of
//! each: the journal's tail replayed in memory over the checkpoint files, newest first.

use std::iter::Peekable;

use super::layer::{Kind, Layer};
use crate::StoreError;
use yishi_domain::MemoryRecords;

type Blobs<'a> = Box<dyn Iterator<Item = Result<(u64, Vec<u8>), StoreError>> + 'a>;

/// A record's JSON as it stands in an export document: pretty, each line after the first
/// indented to the depth of the document's lists. A checkpoint keeps records this way so that
/// an export is its records copied between the document's own lines.
pub(super) fn encode(v: &impl serde::Serialize) -> Result<Vec<u8>, StoreError> {
    let pretty = serde_json::to_vec_pretty(v).map_err(|e| StoreError::Damaged {
        detail: e.to_string(),
    })?;
    let mut out = Vec::with_capacity(pretty.len() + pretty.len() / 4);
    for (i, line) in pretty.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(INDENT_NEWLINE);
        }
        out.extend_from_slice(line);
    }
    Ok(out)
}

/// A newline inside a record of an export document's list.
const INDENT_NEWLINE: &[u8] = b"\n    ";

type Json = Result<(u64, Vec<u8>), StoreError>;

/// The records of one map from `from` on, as JSON.
fn json_from<K: Ord, V: serde::Serialize>(
    map: &std::collections::BTreeMap<K, V>,
    from: K,
    id: impl Fn(&K) -> u64,
) -> Vec<Json> {
    map.range(from..)
        .map(|(k, v)| Ok((id(k), encode(v)?)))
        .collect()
}

/// The records of `kind` in memory with ids above `after`, as JSON.
fn in_memory(records: &MemoryRecords, kind: Kind, after: Option<u64>) -> Vec<Json> {
    use yishi_domain::{CouncilId, MatterId, MeetingId, MotionId};
    let from = after.map_or(0, |a| a.saturating_add(1));
    match kind {
        Kind::Council => json_from(&records.councils, CouncilId(from), |k| k.0),
        Kind::Meeting => json_from(&records.meetings, MeetingId(from), |k| k.0),
        Kind::Matter => json_from(&records.matters, MatterId(from), |k| k.0),
        Kind::Motion => json_from(&records.motions, MotionId(from), |k| k.0),
    }
}

/// Every record of `kind` after `after`, by id, from `overlay` before `layers` and each layer
/// before those after it.
pub(crate) fn merged<'a>(
    layers: &'a [Layer],
    overlay: &MemoryRecords,
    kind: Kind,
    after: Option<u64>,
) -> Result<Blobs<'a>, StoreError> {
    let mut sources: Vec<Peekable<Blobs<'a>>> = Vec::new();
    let own: Blobs<'a> = Box::new(in_memory(overlay, kind, after).into_iter());
    sources.push(own.peekable());
    for layer in layers {
        let scan: Blobs<'a> = Box::new(layer.scan(kind, after)?);
        sources.push(scan.peekable());
    }
    Ok(Box::new(std::iter::from_fn(move || {
        // The lowest id any source offers next; an error is passed on as soon as it is met.
        let mut lowest: Option<u64> = None;
        for s in sources.iter_mut() {
            match s.peek() {
                Some(Ok((id, _))) => lowest = Some(lowest.map_or(*id, |l| l.min(*id))),
                Some(Err(_)) => return s.next(),
                None => {}
            }
        }
        let lowest = lowest?;
        let mut taken = None;
        for s in sources.iter_mut() {
            if matches!(s.peek(), Some(Ok((id, _))) if *id == lowest) {
                let next = s.next();
                if taken.is_none() {
                    taken = next;
                }
            }
        }
        taken
    })))
}
