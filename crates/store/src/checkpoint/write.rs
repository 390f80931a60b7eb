//! Writing checkpoints: by the process that holds the database, after it has changed it.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::layer::{Entry, Kind, MAGIC, Trailer};
use super::{DIR, listed, merged, name};
use crate::reader::Reader;
use crate::tables::{Head, MeetingHead};
use crate::{StoreError, private};
use yishi_domain::{Meeting, MemoryRecords};

/// A delta is folded into a new base once it would be this fraction of the base or more.
const DELTA_SHARE: u64 = 4;

/// Brings the checkpoints up to the journal's end: nothing if they are there already, else a
/// delta of the records changed since the base, or a new base once the delta grows large. The
/// caller holds the database's lock.
pub(crate) fn advance(dir: &Path) -> Result<(), StoreError> {
    let reader = Reader::open(dir)?;
    let (layers, overlay, head) = reader.parts();
    let at = layers.first().map_or(0, |l| l.trailer.head.seq);
    if head.seq == at {
        return Ok(());
    }
    let size = |l: &super::Layer| l.size();
    let fold = match layers {
        [] => true,
        [base] => grows_past(0, overlay, base),
        [delta, base, ..] => grows_past(size(delta), overlay, base),
    };
    let (from, sources) = if fold {
        (0, layers)
    } else {
        let base = layers.last().map_or(0, |b| b.trailer.head.seq);
        (base, &layers[..layers.len() - 1])
    };
    let kept: Vec<PathBuf> = layers.iter().map(|l| l.path().to_path_buf()).collect();
    let mut records = Vec::new();
    for kind in Kind::ALL {
        records.push(
            merged(sources, overlay, kind, None)
                .map(|blobs| blobs.map(move |b| b.map(|(id, blob)| (kind, id, blob))))?,
        );
    }
    let written = write(dir, from, head, records.into_iter().flatten())?;
    let base = if fold { None } else { kept.last() };
    remove_all_but(dir, &written, base);
    Ok(())
}

/// Writes a base of every record the store holds, as of `head`, read one at a time: after an
/// import, whose records a replay would have to hold in memory all at once.
pub(crate) fn base_from_store(
    dir: &Path,
    head: &Head,
    tables: &crate::tables::Tables,
) -> Result<(), StoreError> {
    use crate::tables::{COUNCILS, MATTERS, MEETINGS, MOTIONS};
    fn of<'a, T: serde::de::DeserializeOwned + serde::Serialize + 'a>(
        kind: Kind,
        id: impl Fn(&T) -> u64 + 'a,
        rows: impl Iterator<Item = Result<T, StoreError>> + 'a,
    ) -> Box<dyn Iterator<Item = Record> + 'a> {
        Box::new(rows.map(move |r| {
            let v = r?;
            Ok((kind, id(&v), super::merge::encode(&v)?))
        }))
    }
    let records = of(
        Kind::Council,
        |c: &yishi_domain::Council| c.id.0,
        tables.each(COUNCILS),
    )
    .chain(of(
        Kind::Meeting,
        |m: &Meeting| m.id.0,
        tables.each(MEETINGS),
    ))
    .chain(of(
        Kind::Matter,
        |x: &yishi_domain::Matter| x.id.0,
        tables.each(MATTERS),
    ))
    .chain(of(
        Kind::Motion,
        |v: &yishi_domain::Motion| v.id.0,
        tables.each(MOTIONS),
    ));
    let written = write(dir, 0, head, records)?;
    remove_all_but(dir, &written, None);
    Ok(())
}

/// What a new file replaces is removed; a reader that has it open reads on.
fn remove_all_but(dir: &Path, written: &Path, base: Option<&PathBuf>) {
    for (_, _, path) in listed(dir) {
        if path != written && Some(&path) != base {
            let _ = std::fs::remove_file(&path);
        }
    }
}

type Record = Result<(Kind, u64, Vec<u8>), StoreError>;

/// Whether a delta of `delta` bytes plus the records in `overlay` would be a large part of
/// `base`.
fn grows_past(delta: u64, overlay: &MemoryRecords, base: &super::Layer) -> bool {
    let records = overlay.councils.len()
        + overlay.meetings.len()
        + overlay.matters.len()
        + overlay.motions.len();
    let per_record = base.size() / base.trailer.entries.max(1);
    (delta + records as u64 * per_record) * DELTA_SHARE > base.size()
}

/// Writes `records`, in (kind, id) order, as one file continuing change `from`, up to `head`;
/// returns its path once it is durable and in place.
fn write(
    dir: &Path,
    from: u64,
    head: &Head,
    records: impl Iterator<Item = Record>,
) -> Result<PathBuf, StoreError> {
    let folder = dir.join(DIR);
    private::create_dir_all(&folder).map_err(|e| StoreError::io("create", &folder, e))?;
    let path = folder.join(name(from, head.seq));
    let temp = folder.join(format!("{}.tmp", name(from, head.seq)));
    let io = |e| StoreError::io("write", &temp, e);
    let file = private::create(&temp).map_err(io)?;
    let mut out = std::io::BufWriter::with_capacity(256 * 1024, file);
    let mut entries = Vec::new();
    let mut heads = Vec::new();
    let mut offset = 0u64;
    {
        for record in records {
            let (kind, id, blob) = record?;
            if kind == Kind::Meeting {
                let m: Meeting =
                    serde_json::from_slice(&blob).map_err(|e| StoreError::Damaged {
                        detail: format!("checkpoint meeting {id}: {e}"),
                    })?;
                heads.push(MeetingHead::of(&m));
            }
            out.write_all(&blob).map_err(io)?;
            let len = u32::try_from(blob.len()).map_err(|_| StoreError::Damaged {
                detail: format!("record {id} too large"),
            })?;
            entries.push(Entry {
                kind,
                id,
                offset,
                len,
                crc: crc32fast::hash(&blob),
            });
            offset += u64::from(len);
        }
    }
    let index_at = offset;
    for e in &entries {
        out.write_all(&e.encode()).map_err(io)?;
    }
    let heads_at = index_at + entries.len() as u64 * super::layer::ENTRY;
    // By when they were held, each on a line with its own CRC: `list` prints them as it reads.
    heads.sort_by_key(|h| (h.start, h.id));
    let mut heads_text = Vec::new();
    for h in &heads {
        let json = serde_json::to_vec(h).map_err(|e| StoreError::Damaged {
            detail: e.to_string(),
        })?;
        heads_text.extend_from_slice(format!("{:08x} ", crc32fast::hash(&json)).as_bytes());
        heads_text.extend_from_slice(&json);
        heads_text.push(b'\n');
    }
    out.write_all(&heads_text).map_err(io)?;
    let trailer = Trailer {
        layout: super::layer::LAYOUT,
        from,
        head: head.clone(),
        index_at,
        entries: entries.len() as u64,
        heads_at,
        heads_len: heads_text.len() as u64,
        heads_crc: crc32fast::hash(&heads_text),
        latest: heads.iter().max_by_key(|h| (h.start, h.id)).cloned(),
        under_way: heads
            .iter()
            .filter(|h| h.state == yishi_domain::MeetingState::InProgress)
            .map(|h| h.id)
            .collect(),
    };
    let trailer_text = serde_json::to_vec(&trailer).map_err(|e| StoreError::Damaged {
        detail: e.to_string(),
    })?;
    out.write_all(&trailer_text).map_err(io)?;
    out.write_all(&(trailer_text.len() as u64).to_be_bytes())
        .map_err(io)?;
    out.write_all(&crc32fast::hash(&trailer_text).to_be_bytes())
        .map_err(io)?;
    out.write_all(MAGIC).map_err(io)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(io)?;
    drop(file);
    std::fs::rename(&temp, &path).map_err(|e| StoreError::io("rename", &path, e))?;
    if let Ok(d) = std::fs::File::open(&folder) {
        d.sync_all()
            .map_err(|e| StoreError::io("sync", &folder, e))?;
    }
    Ok(path)
}
