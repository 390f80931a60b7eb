//! An export document read one record at a time, so that a document of any size is taken in
//! with one record in memory: each record is checked as `Document::parse` checks a whole
//! document (the same words for the same faults, named at the same places).

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::cell::{Cell, RefCell};
use std::fmt;

use super::council::Council;
use super::document::{self, FORMAT, SCHEMA};
use super::matter::Matter;
use super::meeting::Meeting;
use super::refusal::{Issue, Problem};
use super::vote::Motion;

/// One record of a document, with its place in its list.
#[derive(Debug, Clone)]
pub enum Record {
    Council(Council),
    Meeting(Meeting),
    Matter(Matter),
    Motion(Motion),
}

/// The kinds of record, in the order a document lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Councils,
    Meetings,
    Matters,
    Motions,
}

impl Kind {
    /// The list's name in the document.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Councils => "councils",
            Kind::Meetings => "meetings",
            Kind::Matters => "matters",
            Kind::Motions => "motions",
        }
    }
}

/// The most bytes one record may take: far above any meeting a council holds, and low enough
/// that a document that never ends (a stream of one endless record) is refused in bounded
/// memory.
pub const RECORD_LIMIT: u64 = 32 << 20;
/// The most faults named: a stream of faulty records is refused without keeping each.
const PROBLEMS_KEPT: usize = 200;

/// Why reading stopped: the document's faults, or the one the taker of the records gave.
#[derive(Debug)]
pub enum Unread<E> {
    Refused(Vec<Problem>),
    Stopped(E),
}

/// Reads the document in `input`, handing each record to `take` with its place in its list,
/// in the order written. A record with a fault is not handed on, and none after it is; reading
/// goes on to find the faults of the rest, and all are returned.
pub fn read_records<E>(
    input: impl std::io::Read,
    take: &mut dyn FnMut(Record, usize) -> Result<(), E>,
) -> Result<(), Unread<E>> {
    let state = State {
        take: RefCell::new(take),
        problems: RefCell::new(Vec::new()),
        stopped: RefCell::new(None),
        reading: Cell::new(None),
        wrong_format: Cell::new(false),
        read: Cell::new(0),
        mark: Cell::new(0),
        over: Cell::new(false),
    };
    let bounded = Bounded {
        inner: input,
        read: &state.read,
        mark: &state.mark,
        over: &state.over,
    };
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, bounded));
    let header = de::Deserializer::deserialize_map(&mut de, DocumentVisitor { state: &state })
        .and_then(|h| de.end().map(|()| h));
    if let Some(e) = state.stopped.into_inner() {
        return Err(Unread::Stopped(e));
    }
    let wrong_format = || Unread::Refused(vec![Problem::new("format", Issue::Format)]);
    if state.wrong_format.get() {
        return Err(wrong_format());
    }
    let mut problems = state.problems.into_inner();
    if state.over.get() {
        problems.push(Problem::new(
            state.reading.get().map_or("format", Kind::key),
            Issue::TooLarge(RECORD_LIMIT),
        ));
        return Err(Unread::Refused(problems));
    }
    match header {
        // Reading stopped at the most faults kept: those are the answer.
        Err(_) if problems.len() >= PROBLEMS_KEPT => {}
        // A value of the wrong kind: where a list was being read, or the document itself.
        Err(e) if e.is_data() => problems.push(Problem::new(
            state.reading.get().map_or("format", Kind::key),
            Issue::Syntax(e.to_string()),
        )),
        Err(e) => problems.push(document::syntax(&e)),
        Ok(Header { format, schema }) => {
            if format.as_deref() != Some(FORMAT) {
                return Err(wrong_format());
            }
            let schema = schema.unwrap_or(0);
            if schema > SCHEMA {
                return Err(Unread::Refused(vec![Problem::new(
                    "schema",
                    Issue::NewerSchema(schema),
                )]));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Unread::Refused(problems))
    }
}

struct State<'a, E> {
    take: RefCell<&'a mut dyn FnMut(Record, usize) -> Result<(), E>>,
    problems: RefCell<Vec<Problem>>,
    stopped: RefCell<Option<E>>,
    /// The list being read.
    reading: Cell<Option<Kind>>,
    wrong_format: Cell<bool>,
    /// Bytes read so far, and when the record being read began.
    read: Cell<u64>,
    mark: Cell<u64>,
    /// Whether a record (or the header) ran past `RECORD_LIMIT`.
    over: Cell<bool>,
}

/// The input, refused past `RECORD_LIMIT` bytes from the start of the record being read.
struct Bounded<'a, R> {
    inner: R,
    read: &'a Cell<u64>,
    mark: &'a Cell<u64>,
    over: &'a Cell<bool>,
}

impl<R: std::io::Read> std::io::Read for Bounded<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read.get().saturating_sub(self.mark.get()) > RECORD_LIMIT {
            self.over.set(true);
            return Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "a record past the limit",
            ));
        }
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

#[derive(Default)]
struct Header {
    format: Option<String>,
    schema: Option<u32>,
}

struct DocumentVisitor<'s, 'a, E> {
    state: &'s State<'a, E>,
}

impl<'de, E> Visitor<'de> for DocumentVisitor<'_, '_, E> {
    type Value = Header;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a yishi-record document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
        let mut header = Header::default();
        while let Some(key) = map.next_key::<String>()? {
            let kind = match key.as_str() {
                "format" => {
                    let format: String = map.next_value()?;
                    if format != FORMAT {
                        // Not this program's document: nothing more is read of it.
                        self.state.wrong_format.set(true);
                        return Err(de::Error::custom("not a yishi-record document"));
                    }
                    header.format = Some(format);
                    continue;
                }
                "schema" => {
                    header.schema = Some(map.next_value()?);
                    continue;
                }
                "councils" => Kind::Councils,
                "meetings" => Kind::Meetings,
                "matters" => Kind::Matters,
                "motions" => Kind::Motions,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            self.state.reading.set(Some(kind));
            map.next_value_seed(List {
                kind,
                state: self.state,
            })?;
            self.state.reading.set(None);
            if self.state.stopped.borrow().is_some() {
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(header)
    }
}

struct List<'s, 'a, E> {
    kind: Kind,
    state: &'s State<'a, E>,
}

impl<'de, E> DeserializeSeed<'de> for List<'_, '_, E> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, E> Visitor<'de> for List<'_, '_, E> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of {}", self.kind.key())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            // The bound counts from the buffered reader's edge: a record may take up to
            // RECORD_LIMIT plus one buffer.
            self.state.mark.set(self.state.read.get());
            let Some(raw) = seq.next_element::<Box<RawValue>>()? else {
                break;
            };
            let problems_before = self.state.problems.borrow().is_empty();
            match record(self.kind, i, raw.get()) {
                Ok(r) if problems_before => {
                    let taken = (self.state.take.borrow_mut())(r, i);
                    if let Err(e) = taken {
                        *self.state.stopped.borrow_mut() = Some(e);
                        return Err(de::Error::custom("stopped"));
                    }
                }
                Ok(_) => {}
                Err(p) => {
                    let mut kept = self.state.problems.borrow_mut();
                    kept.extend(p);
                    if kept.len() >= PROBLEMS_KEPT {
                        return Err(de::Error::custom("too many faults"));
                    }
                }
            }
            i += 1;
        }
        Ok(())
    }
}

/// One record's text read as `Document::parse` reads a whole document, its faults named at
/// `kind[i]`.
fn record(kind: Kind, i: usize, text: &str) -> Result<Record, Vec<Problem>> {
    let at = format!("{}[{i}]", kind.key());
    document::check_controls(text, &at)?;
    match kind {
        Kind::Councils => document::typed(text, &at).map(Record::Council),
        Kind::Meetings => document::typed(text, &at).map(Record::Meeting),
        Kind::Matters => document::typed(text, &at).map(Record::Matter),
        Kind::Motions => document::typed(text, &at).map(Record::Motion),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    const SAMPLE: &str = include_str!("../../../sample-data/huangan-lane.json");

    fn read_all(text: &str) -> Result<Vec<(Record, usize)>, Vec<Problem>> {
        let mut out = Vec::new();
        let read = read_records::<()>(text.as_bytes(), &mut |r, i| {
            out.push((r, i));
            Ok(())
        });
        match read {
            Ok(()) => Ok(out),
            Err(Unread::Refused(p)) => Err(p),
            Err(Unread::Stopped(())) => Err(Vec::new()),
        }
    }

    #[test]
    fn the_records_read_one_at_a_time_are_the_documents() {
        let doc = Document::parse(SAMPLE).expect("sample");
        let mut read = Document {
            councils: Vec::new(),
            meetings: Vec::new(),
            matters: Vec::new(),
            motions: Vec::new(),
            ..doc.clone()
        };
        for (r, i) in read_all(SAMPLE).expect("read") {
            match r {
                Record::Council(c) => {
                    assert_eq!(i, read.councils.len());
                    read.councils.push(c)
                }
                Record::Meeting(m) => {
                    assert_eq!(i, read.meetings.len());
                    read.meetings.push(m)
                }
                Record::Matter(x) => {
                    assert_eq!(i, read.matters.len());
                    read.matters.push(x)
                }
                Record::Motion(v) => {
                    assert_eq!(i, read.motions.len());
                    read.motions.push(v)
                }
            }
        }
        assert_eq!(read, doc);
    }

    #[test]
    fn faults_are_named_where_the_whole_document_names_them() {
        let mut value: serde_json::Value = serde_json::from_str(SAMPLE).expect("json");
        value["meetings"][1]["start"] = "2026-13-40T25:00:00".into();
        value["matters"][2]["title"] = "a\u{202e}b".into();
        let text = serde_json::to_string_pretty(&value).expect("encode");
        let whole: Vec<String> = match Document::parse(&text) {
            Err(p) => p.iter().map(|p| p.place.clone()).collect(),
            Ok(_) => panic!("refused whole"),
        };
        let streamed: Vec<String> = read_all(&text)
            .expect_err("refused streamed")
            .iter()
            .map(|p| p.place.clone())
            .collect();
        // The whole document stops at its first fault of either kind; the stream names each.
        assert!(
            whole.iter().all(|p| streamed.contains(p)),
            "{whole:?} in {streamed:?}"
        );
        assert!(
            streamed.contains(&"meetings[1].start".to_string()),
            "{streamed:?}"
        );
        assert!(
            streamed.contains(&"matters[2].title".to_string()),
            "{streamed:?}"
        );

        for (text, place) in [
            ("[1, 2]", "format"),
            (r#"{"format":"other","schema":1}"#, "format"),
            (r#"{"format":"yishi-record","schema":99}"#, "schema"),
            (
                r#"{"format":"yishi-record","schema":1,"meetings":5}"#,
                "meetings",
            ),
        ] {
            let problems = read_all(text).expect_err("refused");
            assert_eq!(problems[0].place, place, "{text}");
        }
        // Cut in the middle, on a character's edge.
        let half = (0..=SAMPLE.len() / 2)
            .rev()
            .find(|i| SAMPLE.is_char_boundary(*i))
            .unwrap_or(0);
        let cut = &SAMPLE[..half];
        let problems = read_all(cut).expect_err("refused");
        assert!(
            problems[0].place.contains(':'),
            "line:column {:?}",
            problems[0]
        );
    }
}
