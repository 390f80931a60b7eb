//! The export document written out as its records are read, one at a time: the same bytes as
//! `Document::to_json`, in memory only the record being written.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::cell::RefCell;

use super::council::Council;
use super::document::{FORMAT, SCHEMA};
use super::matter::Matter;
use super::meeting::Meeting;
use super::vote::Motion;

/// The records of a document, each kind in id order, read as they are written.
pub struct Records<C, M, X, V> {
    pub councils: C,
    pub meetings: M,
    pub matters: X,
    pub motions: V,
}

/// Why a document could not be written whole.
#[derive(Debug)]
pub enum Streamed<E> {
    /// A record could not be read.
    Read(E),
    /// The output refused the bytes.
    Write(std::io::Error),
}

/// Writes the document of `records` to `out` as pretty JSON and a final newline.
pub fn write_json<E, C, M, X, V>(
    out: &mut dyn std::io::Write,
    records: Records<C, M, X, V>,
) -> Result<(), Streamed<E>>
where
    C: Iterator<Item = Result<Council, E>>,
    M: Iterator<Item = Result<Meeting, E>>,
    X: Iterator<Item = Result<Matter, E>>,
    V: Iterator<Item = Result<Motion, E>>,
{
    let failed = RefCell::new(None);
    let document = Doc {
        councils: Seq::new(records.councils, &failed),
        meetings: Seq::new(records.meetings, &failed),
        matters: Seq::new(records.matters, &failed),
        motions: Seq::new(records.motions, &failed),
    };
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, out);
    let written = document
        .serialize(&mut serde_json::Serializer::pretty(&mut writer))
        .map_err(std::io::Error::from)
        .and_then(|()| std::io::Write::write_all(&mut writer, b"\n"))
        .and_then(|()| std::io::Write::flush(&mut writer));
    if let Some(e) = failed.into_inner() {
        return Err(Streamed::Read(e));
    }
    written.map_err(Streamed::Write)
}

/// The document's fields in `Document`'s order, its record lists drawn from iterators.
struct Doc<'a, C, M, X, V, E> {
    councils: Seq<'a, C, E>,
    meetings: Seq<'a, M, E>,
    matters: Seq<'a, X, E>,
    motions: Seq<'a, V, E>,
}

impl<C, M, X, V, E> Serialize for Doc<'_, C, M, X, V, E>
where
    C: Iterator<Item = Result<Council, E>>,
    M: Iterator<Item = Result<Meeting, E>>,
    X: Iterator<Item = Result<Matter, E>>,
    V: Iterator<Item = Result<Motion, E>>,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut doc = s.serialize_struct("Document", 6)?;
        doc.serialize_field("format", FORMAT)?;
        doc.serialize_field("schema", &SCHEMA)?;
        doc.serialize_field("councils", &self.councils)?;
        doc.serialize_field("meetings", &self.meetings)?;
        doc.serialize_field("matters", &self.matters)?;
        doc.serialize_field("motions", &self.motions)?;
        doc.end()
    }
}

/// A list drawn from an iterator the first time it is written; a read that fails ends the list
/// and is kept in `failed`.
struct Seq<'a, I, E> {
    items: RefCell<Option<I>>,
    failed: &'a RefCell<Option<E>>,
}

impl<'a, I, E> Seq<'a, I, E> {
    fn new(items: I, failed: &'a RefCell<Option<E>>) -> Self {
        Seq {
            items: RefCell::new(Some(items)),
            failed,
        }
    }
}

impl<I, T, E> Serialize for Seq<'_, I, E>
where
    I: Iterator<Item = Result<T, E>>,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self.items.borrow_mut().take();
        let read = items.into_iter().flatten().map_while(|r| match r {
            Ok(v) => Some(v),
            Err(e) => {
                *self.failed.borrow_mut() = Some(e);
                None
            }
        });
        // The length is not known ahead: serde_json writes the same bytes either way.
        let written = s.collect_seq(NoLength(read))?;
        if self.failed.borrow().is_some() {
            // Nothing more is written after a record that could not be read.
            return Err(serde::ser::Error::custom("a record could not be read"));
        }
        Ok(written)
    }
}

/// An iterator that does not say its length, so that a list is never announced as empty.
struct NoLength<I>(I);

impl<I: Iterator> Iterator for NoLength<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        self.0.next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn ok<T: Clone>(v: &[T]) -> impl Iterator<Item = Result<T, ()>> + '_ {
        v.iter().cloned().map(Ok)
    }

    #[test]
    fn the_streamed_document_is_byte_for_byte_the_documents_json() {
        let doc = Document::parse(include_str!("../../../sample-data/huangan-lane.json"))
            .expect("sample");
        let mut out = Vec::new();
        let records = Records {
            councils: ok(&doc.councils),
            meetings: ok(&doc.meetings),
            matters: ok(&doc.matters),
            motions: ok(&doc.motions),
        };
        write_json(&mut out, records).expect("written");
        assert_eq!(String::from_utf8(out).expect("utf-8"), doc.to_json());

        let empty = Document {
            councils: Vec::new(),
            meetings: Vec::new(),
            matters: Vec::new(),
            motions: Vec::new(),
            ..doc.clone()
        };
        let mut out = Vec::new();
        let records = Records {
            councils: ok(&empty.councils),
            meetings: ok(&empty.meetings),
            matters: ok(&empty.matters),
            motions: ok(&empty.motions),
        };
        write_json(&mut out, records).expect("written");
        assert_eq!(String::from_utf8(out).expect("utf-8"), empty.to_json());
    }

    #[test]
    fn a_record_that_cannot_be_read_stops_the_document_and_says_why() {
        let doc = Document::parse(include_str!("../../../sample-data/huangan-lane.json"))
            .expect("sample");
        let mut out = Vec::new();
        let broken = doc
            .meetings
            .clone()
            .into_iter()
            .map(Ok)
            .chain(std::iter::once(Err("damaged")));
        let records = Records {
            councils: doc.councils.clone().into_iter().map(Ok),
            meetings: broken,
            matters: doc.matters.clone().into_iter().map(Ok),
            motions: doc.motions.clone().into_iter().map(Ok),
        };
        match write_json(&mut out, records) {
            Err(Streamed::Read(e)) => assert_eq!(e, "damaged"),
            other => panic!("a read failure, not {other:?}"),
        }
    }
}
