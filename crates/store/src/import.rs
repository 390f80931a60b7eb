//! An export document taken in as a stream: its records are written as they are read, a part
//! of `PART` records to a journal line, then checked together, council by council, against
//! each other, and only then is the last part written. Memory holds one part and the ids of
//! the records; the import stays all or nothing: one refused, failed or cut short is taken
//! back whole (here, or at the next open).

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use yishi_domain::ImportPart;

use super::{Store, StoreError};
use yishi_domain::reading::{Kind, Record, Unread, read_records};
use yishi_domain::{self as domain, Change, Document, Places, Problem, Records, Refusal};

/// Records to a journal line: a part's line stays a few megabytes whatever the document.
const PART: usize = 2_000;

/// What an import took in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Imported {
    pub councils: usize,
    pub meetings: usize,
    pub matters: usize,
    pub motions: usize,
}

/// How far an import has come: bytes of the document read and written (of its size, if
/// known), then councils' records checked together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Written { bytes: u64, of: u64 },
    Checked { councils: u64, of: u64 },
}

/// Why an import took nothing in.
#[derive(Debug)]
pub enum ImportError {
    /// The file is not a document this program reads: its faults, each at its place.
    File(Vec<Problem>),
    /// The document was read but breaks the record's rules, or the database is not empty.
    Refused(Refusal),
    Store(StoreError),
}

impl From<StoreError> for ImportError {
    fn from(e: StoreError) -> Self {
        ImportError::Store(e)
    }
}

/// Each record's id and place in the document, and whose it is (a council; a matter for a
/// motion): what the parts are checked against each other with.
#[derive(Default)]
struct Seen {
    councils: Vec<(u64, usize)>,
    /// Each council's name, to be told apart from the others'.
    council_names: Vec<(domain::CouncilId, String, usize)>,
    meetings: Vec<(u64, usize, u64)>,
    matters: Vec<(u64, usize, u64)>,
    motions: Vec<(u64, usize, u64)>,
}

/// The records of one council (or of none the document holds), by id and place.
#[derive(Default)]
struct Group {
    councils: Vec<(u64, usize)>,
    meetings: Vec<(u64, usize)>,
    matters: Vec<(u64, usize)>,
    motions: Vec<(u64, usize)>,
}

fn empty_document() -> Document {
    Document {
        format: domain::FORMAT.into(),
        schema: domain::SCHEMA,
        councils: Vec::new(),
        meetings: Vec::new(),
        matters: Vec::new(),
        motions: Vec::new(),
    }
}

impl Store {
    /// Takes in the document read from `input` (of `size` bytes, if known), into an empty
    /// database, telling `progress` how far it has come.
    pub fn import(
        &mut self,
        input: impl Read,
        size: Option<u64>,
        progress: &mut dyn FnMut(Step),
    ) -> Result<Imported, ImportError> {
        if self.snapshot.is_some() {
            return Err(StoreError::ReadOnly.into());
        }
        if !self.is_empty().map_err(StoreError::from)? {
            return Err(ImportError::Refused(Refusal::NotEmpty));
        }
        let before = self.head.clone();
        self.tables.begin_import(&before)?;
        let imported = self.import_parts(input, size, progress);
        if imported.is_err() {
            self.journal.truncate(before.journal_len)?;
            self.tables.take_back_import(&before)?;
            self.head = before;
            self.recent.forget();
        } else {
            self.tables.end_import()?;
            // Readers start from the imported records, read from the store one at a time. Only
            // a shortcut: should it fail, the next close makes it from the journal.
            let _ = super::checkpoint::base_from_store(&self.dir, &self.head, &self.tables);
        }
        imported
    }

    fn import_parts(
        &mut self,
        input: impl Read,
        size: Option<u64>,
        progress: &mut dyn FnMut(Step),
    ) -> Result<Imported, ImportError> {
        let at = super::now();
        let read = std::cell::Cell::new(0u64);
        let counted = Counted {
            inner: input,
            read: &read,
        };
        let total = size.unwrap_or(0);
        let mut seen = Seen::default();
        let mut part = empty_document();
        let mut parts = 0u32;
        let mut take = |record: Record, i: usize| -> Result<(), StoreError> {
            match record {
                Record::Council(c) => {
                    seen.councils.push((c.id.0, i));
                    seen.council_names.push((c.id, c.name.clone(), i));
                    part.councils.push(c);
                }
                Record::Meeting(m) => {
                    seen.meetings.push((m.id.0, i, m.council.0));
                    part.meetings.push(m);
                }
                Record::Matter(x) => {
                    seen.matters.push((x.id.0, i, x.council.0));
                    part.matters.push(x);
                }
                Record::Motion(v) => {
                    seen.motions.push((v.id.0, i, v.matter.0));
                    part.motions.push(v);
                }
            }
            let held =
                part.councils.len() + part.meetings.len() + part.matters.len() + part.motions.len();
            if held >= PART {
                let full = std::mem::replace(&mut part, empty_document());
                self.write_part(parts, false, full, at)?;
                parts += 1;
                progress(Step::Written {
                    bytes: read.get(),
                    of: total.max(read.get()),
                });
            }
            Ok(())
        };
        match read_records(counted, &mut take) {
            Ok(()) => {}
            Err(Unread::Refused(problems)) => return Err(ImportError::File(problems)),
            Err(Unread::Stopped(e)) => return Err(e.into()),
        }
        if !part.councils.is_empty()
            || !part.meetings.is_empty()
            || !part.matters.is_empty()
            || !part.motions.is_empty()
        {
            self.write_part(parts, false, part, at)?;
            parts += 1;
        }
        let imported = Imported {
            councils: seen.councils.len(),
            meetings: seen.meetings.len(),
            matters: seen.matters.len(),
            motions: seen.motions.len(),
        };
        let problems = self.check_together(seen, progress)?;
        if !problems.is_empty() {
            return Err(ImportError::Refused(Refusal::Invalid(problems)));
        }
        self.write_part(parts, true, empty_document(), at)?;
        Ok(imported)
    }

    fn write_part(
        &mut self,
        part: u32,
        done: bool,
        document: Document,
        at: chrono::NaiveDateTime,
    ) -> Result<(), StoreError> {
        let change = Change::ImportPart(ImportPart {
            part,
            done,
            document: Box::new(document),
        });
        self.apply(&change, at).map(drop)
    }

    /// The rules a whole document is held to, held over the parts written: ids unique across
    /// the document, and each council's records checked together (`domain::validate_part`),
    /// each fault named at its place in the document.
    fn check_together(
        &self,
        seen: Seen,
        progress: &mut dyn FnMut(Step),
    ) -> Result<Vec<Problem>, StoreError> {
        let pairs = |v: &[(u64, usize, u64)]| v.iter().map(|&(id, i, _)| (id, i)).collect();
        let mut problems = domain::duplicates("councils", seen.councils.clone());
        problems.extend(domain::duplicates("meetings", pairs(&seen.meetings)));
        problems.extend(domain::duplicates("matters", pairs(&seen.matters)));
        problems.extend(domain::duplicates("motions", pairs(&seen.motions)));
        problems.extend(domain::same_names(&seen.council_names));

        let council_of: HashMap<u64, u64> =
            seen.matters.iter().map(|&(id, _, c)| (id, c)).collect();
        let mut groups: BTreeMap<Option<u64>, Group> = BTreeMap::new();
        for (id, i) in seen.councils {
            groups.entry(Some(id)).or_default().councils.push((id, i));
        }
        for (id, i, c) in seen.meetings {
            groups.entry(Some(c)).or_default().meetings.push((id, i));
        }
        for (id, i, c) in seen.matters {
            groups.entry(Some(c)).or_default().matters.push((id, i));
        }
        for (id, i, matter) in seen.motions {
            let c = council_of.get(&matter).copied();
            groups.entry(c).or_default().motions.push((id, i));
        }
        drop(council_of);
        let total = groups.len() as u64;
        for (done, group) in groups.into_values().enumerate() {
            let (doc, places) = self.read_group(group)?;
            if let Err(found) = domain::validate_part(&doc, &places) {
                problems.extend(found);
            }
            progress(Step::Checked {
                councils: done as u64 + 1,
                of: total,
            });
        }
        problems.sort_by_key(|p| order(&p.place));
        Ok(problems)
    }

    /// A group's records as the store holds them, each once (a second record of an id is
    /// already a fault), in the document's order.
    fn read_group(&self, mut g: Group) -> Result<(Document, Places), StoreError> {
        fn once(list: &mut Vec<(u64, usize)>) {
            list.sort_by_key(|&(_, i)| i);
            let mut ids = std::collections::HashSet::new();
            list.retain(|&(id, _)| ids.insert(id));
        }
        let mut doc = empty_document();
        let mut places = Places::default();
        for list in [
            &mut g.councils,
            &mut g.meetings,
            &mut g.matters,
            &mut g.motions,
        ] {
            once(list);
        }
        for &(id, i) in &g.councils {
            doc.councils.extend(
                self.council(domain::CouncilId(id))
                    .map_err(StoreError::from)?,
            );
            places.councils.push(i);
        }
        for &(id, i) in &g.meetings {
            doc.meetings.extend(
                self.meeting(domain::MeetingId(id))
                    .map_err(StoreError::from)?,
            );
            places.meetings.push(i);
        }
        for &(id, i) in &g.matters {
            doc.matters.extend(
                self.matter(domain::MatterId(id))
                    .map_err(StoreError::from)?,
            );
            places.matters.push(i);
        }
        for &(id, i) in &g.motions {
            doc.motions.extend(
                self.motion(domain::MotionId(id))
                    .map_err(StoreError::from)?,
            );
            places.motions.push(i);
        }
        Ok((doc, places))
    }
}

/// Faults in the order a reader of the document meets them: by list, then by place in it.
fn order(place: &str) -> (Option<Kind>, usize) {
    let kind = [Kind::Councils, Kind::Meetings, Kind::Matters, Kind::Motions]
        .into_iter()
        .find(|k| place.starts_with(&format!("{}[", k.key())));
    let index = place
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0);
    (kind, index)
}

/// Counts the bytes read, for progress.
struct Counted<'a, R> {
    inner: R,
    read: &'a std::cell::Cell<u64>,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}
