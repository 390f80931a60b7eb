//! The everyday `verify`, in memory that does not grow with the archive: the journal's chain
//! read as a stream (each signature's line checked against the line before it), and the store
//! held record by record against the newest checkpoint and the journal's lines after it. The
//! checkpoint is what a replay of the journal gave when it was written (each record carries
//! its CRC), so the store is still held against the journal, without replaying it from its
//! first line. Where anything disagrees, or there is no checkpoint to hold the store against,
//! it says so by vouching for nothing: the full replay then finds where and why.

use serde::de::DeserializeOwned;
use std::path::Path;

use super::super::checkpoint::{self, Kind as Layered, Layer, merged};
use super::super::journal::{Entry, chain_whole};
use super::super::reader::Reader;
use super::super::sealing::broken_seal;
use super::super::tables::{IndexCheck, Tables};
use super::super::{JOURNAL_FILE, STORE_DIR, StoreError, lock};
use super::settle::settle_with;
use crate::findings::Report;
use yishi_domain::{Council, Matter, Meeting, MemoryRecords, Motion};

/// The report of a database the stream vouches for whole, or `None` where the full replay
/// must judge it: no checkpoint, a console holding it, or anything that disagrees.
pub(super) fn verify(
    dir: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Option<Report>, StoreError> {
    // Beside a console the store can only be read through a copy, which the replay takes.
    let Some(_lock) = lock::try_acquire(dir)? else {
        return Ok(None);
    };
    if !dir.join(STORE_DIR).exists() {
        return Ok(None);
    }
    let tables = Tables::open_to_scan(&dir.join(STORE_DIR)).and_then(|t| settle_with(t, dir));
    let Ok(tables) = tables else {
        return Ok(None);
    };
    let layers = checkpoint::chain(dir);
    if layers.is_empty() || !others_whole(dir, &layers) {
        return Ok(None);
    }
    let at = layers.first().map_or(0, |l| l.trailer.head.seq);
    let Ok(reader) = Reader::from_layers(dir, layers) else {
        return Ok(None);
    };
    if tables.head().ok().as_ref() != Some(reader.head()) {
        return Ok(None);
    }
    let seq = reader.seq();
    let (layers, overlay, _) = reader.parts();
    let paths: Vec<&Path> = layers.iter().map(Layer::path).collect();
    let total = layers.iter().map(|l| l.trailer.entries).max().unwrap_or(0) + 1;
    let journal = dir.join(JOURNAL_FILE);
    // Two cores: the matters (most of the bytes) on one; the journal's chain and the other
    // kinds on the other. Each reads the checkpoint through handles of its own.
    let (lines, agrees) = std::thread::scope(|s| {
        let matters = s.spawn(|| {
            let layers: Vec<Layer> = paths.iter().filter_map(|p| Layer::open(p).ok()).collect();
            let mut index = IndexCheck::new(&tables);
            let whole = layers.len() == paths.len();
            let same = whole
                && kind_agrees(
                    &tables,
                    &layers,
                    overlay,
                    Layered::Matter,
                    &mut index,
                    &mut || {},
                );
            same.then_some(index)
        });
        let lines = intact_lines(&journal);
        let mut index = IndexCheck::new(&tables);
        let mut done = 0;
        let mut tick = || {
            done += 1;
            if done % 4096 == 0 {
                progress(done.min(total - 1), total);
            }
        };
        let rest = [Layered::Council, Layered::Meeting, Layered::Motion]
            .into_iter()
            .all(|kind| kind_agrees(&tables, layers, overlay, kind, &mut index, &mut tick));
        let agrees = match matters.join().ok().flatten() {
            Some(matters) if rest => index.join(matters).agrees().unwrap_or(false),
            _ => false,
        };
        (lines, agrees)
    });
    progress(total, total);
    Ok((agrees && lines == Some(seq)).then(|| Report {
        changes: seq,
        through_checkpoint: Some(at),
        ..Report::default()
    }))
}

/// Whether every checkpoint file is whole: those not read by the comparison (none once a
/// writer has closed) read whole, those read checked in their frame (the records are checked
/// one by one as the comparison reads them).
fn others_whole(dir: &Path, read: &[Layer]) -> bool {
    let paths: Vec<&Path> = read.iter().map(Layer::path).collect();
    checkpoint::check_except(dir, &paths).is_empty() && read.iter().all(|l| l.check_frame().is_ok())
}

/// How many lines the journal holds, if its chain is whole and every signature's line follows
/// the record it signed.
fn intact_lines(journal: &Path) -> Option<u64> {
    let signed = &mut |entry: &Entry| {
        entry
            .change()
            .is_ok_and(|change| broken_seal(entry, &change).is_none())
    };
    chain_whole(journal, signed).ok().flatten()
}

/// Whether the store holds every record of `kind` the checkpoint and the journal's tail hold,
/// as they hold it, and no other; each is handed to `index` on the way.
fn kind_agrees(
    tables: &Tables,
    layers: &[Layer],
    overlay: &MemoryRecords,
    kind: Layered,
    index: &mut IndexCheck,
    tick: &mut dyn FnMut(),
) -> bool {
    let Ok(mut expected) = merged(layers, overlay, kind, None) else {
        return false;
    };
    let mut stored = tables.rows(kind.into());
    loop {
        let (held, want) = match (stored.next(), expected.next()) {
            (None, None) => return true,
            (Some(Ok((a, held))), Some(Ok((b, want)))) if a == b => (held, want),
            _ => return false,
        };
        let same = match kind {
            Layered::Council => same::<Council>(&held, &want, None),
            Layered::Meeting => same::<Meeting>(
                &held,
                &want,
                Some(&mut |m: &Meeting| index.meeting(m).is_ok()),
            ),
            Layered::Matter => index.matter_json(&held) && same::<Matter>(&held, &want, None),
            Layered::Motion => same::<Motion>(&held, &want, None),
        };
        if !same {
            return false;
        }
        tick();
    }
}

/// Whether the stored bytes (compact JSON) hold the checkpoint's record (the same JSON laid
/// out pretty). Where `seen` needs the record itself it is decoded from the store; bytes laid
/// out otherwise (an earlier yishi's) are decoded on both sides and compared as records.
fn same<T: DeserializeOwned + PartialEq>(
    held: &[u8],
    want: &[u8],
    seen: Option<&mut dyn FnMut(&T) -> bool>,
) -> bool {
    let alike = same_text(held, want);
    let decoded = |bytes: &[u8]| serde_json::from_slice::<T>(bytes).ok();
    match seen {
        None if alike => true,
        None => decoded(held).is_some_and(|h| decoded(want).is_some_and(|w| w == h)),
        Some(seen) => decoded(held)
            .is_some_and(|h| seen(&h) && (alike || decoded(want).is_some_and(|w| w == h))),
    }
}

/// Whether compact JSON `a` is pretty JSON `b` but for the whitespace between `b`'s tokens.
/// (Compact JSON has none, so a space in `a` outside a string is a difference.) Strings, most
/// of a record, are compared whole.
pub(super) fn same_text(a: &[u8], b: &[u8]) -> bool {
    let space = |c: u8| matches!(c, b' ' | b'\n' | b'\r' | b'\t');
    let (mut i, mut j) = (0, 0);
    loop {
        // A pretty line's indent, eight spaces at a time.
        while b.get(j..j + 8) == Some(b"        ") {
            j += 8;
        }
        while b.get(j).copied().is_some_and(space) {
            j += 1;
        }
        match (a.get(i), b.get(j)) {
            (None, None) => return true,
            (Some(b'"'), Some(b'"')) => {
                let Some(len) = quoted_len(&b[j..]) else {
                    return false;
                };
                if a.get(i..i + len) != b.get(j..j + len) {
                    return false;
                }
                i += len;
                j += len;
            }
            (Some(x), Some(y)) if x == y => {
                i += 1;
                j += 1;
            }
            _ => return false,
        }
    }
}

/// The length of the string `s` starts with, both quotes included.
fn quoted_len(s: &[u8]) -> Option<usize> {
    let mut k = 1;
    loop {
        k += memchr::memchr2(b'"', b'\\', s.get(k..)?)?;
        if s[k] == b'"' {
            return Some(k + 1);
        }
        k += 2;
    }
}

#[cfg(test)]
mod tests {
    use super::same_text;

    #[test]
    fn json_laid_out_otherwise_is_the_same_text_and_a_changed_string_is_not() {
        let value =
            serde_json::json!({"id": 7, "name": "青禾 里", "list": [1, {"a": "x\" y"}], "e": []});
        let compact = serde_json::to_vec(&value).expect("compact");
        let pretty = serde_json::to_vec_pretty(&value).expect("pretty");
        assert!(same_text(&compact, &pretty));
        // Spaces inside a string are the record's own.
        let spaced = r#"{"name":"青禾 里"}"#;
        assert!(!same_text(
            spaced.as_bytes(),
            r#"{"name":"青禾里"}"#.as_bytes()
        ));
        assert!(!same_text(br#"{"a":"x\" y"}"#, br#"{"a":"x\"y"}"#));
        assert!(!same_text(br#"{"a":1}"#, br#"{"a":1,"b":2}"#));
        assert!(!same_text(br#"{"a":1 2}"#, br#"{"a":12}"#));
        // An escaped quote does not end a string; one cut short is not the same.
        assert!(same_text(br#"{"a":"\\\"x"}"#, br#"{"a": "\\\"x"}"#));
        assert!(!same_text(br#"{"a":"x"#, br#"{"a":"x"}"#));
        assert!(!same_text(br#"{"a":"x}"#, br#"{"a":"x"#));
    }
}
