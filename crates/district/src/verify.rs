//! `yishi district verify`: what the district holds proven again from its own copy. Each
//! council's chain line by line; its length and last hash against the heads its laptop signed;
//! every row of the records tables derived again from the lines and compared; the log of heads
//! whole and signed; and, against what the clerk's last verify saw, no council gone and no
//! chain shorter.

use std::collections::{BTreeMap, BTreeSet};

use postgres::Client;

use super::compare::{RowFault, RowName};
use super::heads::{self, Head, LogFault};
use super::memory::{Memory, Seen};
use super::{DistrictError, compare, derive};
use yishi_domain::{MeetingNumber, MemoryRecords};
use yishi_store::{Entry, GENESIS};

/// A council as the district names it: the code the street office enrolled it under (None:
/// published before councils were enrolled) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub code: Option<String>,
    pub name: String,
}

/// One thing verify found.
#[derive(Debug)]
pub enum Finding {
    Whole {
        council: Tag,
        lines: u64,
    },
    /// Line `line` is not what its hash says, or does not follow the one before.
    LineAltered {
        council: Tag,
        line: u64,
        at: String,
        meeting: Option<MeetingNumber>,
    },
    /// The chain holds `lines` lines; its council signed `published`.
    Shorter {
        council: Tag,
        lines: u64,
        published: u64,
    },
    /// Lines past the last head the council signed.
    Unsigned {
        council: Tag,
        lines: u64,
        published: u64,
    },
    /// Lines `from` to `to` are not the lines the council signed: its chain was made again.
    Rewritten {
        council: Tag,
        from: u64,
        to: u64,
    },
    /// A line the record's rules, or the import's, refuse.
    Refused {
        council: Tag,
        error: DistrictError,
    },
    Row {
        council: Tag,
        row: RowName,
        fault: RowFault,
    },
    /// A council the clerk's last verify saw, with `lines` lines, and the district no longer
    /// holds.
    Gone {
        council: Tag,
        lines: u64,
    },
    /// The log of heads is cut short: the last verify saw `seen` entries, now `now`.
    LogCut {
        seen: u64,
        now: u64,
    },
    Log(LogFault),
}

impl Finding {
    pub fn is_whole(&self) -> bool {
        matches!(self, Finding::Whole { .. })
    }
}

struct Enrolled {
    code: String,
    name: String,
    chain: Option<String>,
    key: Option<String>,
}

fn enrolled(client: &mut Client) -> Result<Vec<Enrolled>, DistrictError> {
    Ok(client
        .query("SELECT code, name, chain, key FROM council_roles", &[])?
        .iter()
        .map(|r| Enrolled {
            code: r.get(0),
            name: r.get(1),
            chain: r.get(2),
            key: r.get(3),
        })
        .collect())
}

/// Every council's findings, by code and name, then the log's; `memory` is what the clerk's
/// last verify saw, and is brought up to what this one saw.
pub fn verify(client: &mut Client, memory: &mut Memory) -> Result<Vec<Finding>, DistrictError> {
    let roles = enrolled(client)?;
    let names: BTreeMap<String, String> = super::chains(client)?.into_iter().collect();
    let log = heads::all(client)?;
    let key_of = |chain: &str| {
        roles
            .iter()
            .find(|r| r.chain.as_deref() == Some(chain))
            .and_then(|r| r.key.clone())
    };
    let tag_of = |chain: &str| {
        let role = roles.iter().find(|r| r.chain.as_deref() == Some(chain));
        Tag {
            code: role.map(|r| r.code.clone()),
            name: names
                .get(chain)
                .cloned()
                .or_else(|| role.map(|r| r.name.clone()))
                .unwrap_or_default(),
        }
    };
    let mut chains: BTreeSet<String> = names.keys().cloned().collect();
    chains.extend(roles.iter().filter_map(|r| r.chain.clone()));
    let mut out = Vec::new();
    let mut seen = Memory::default();
    for chain in &chains {
        let tag = tag_of(chain);
        let own: Vec<&Head> = log.iter().filter(|h| &h.chain == chain).collect();
        let found = council(client, chain, &tag, &own)?;
        let lines = found.lines;
        if let Some(before) = memory.councils.get(chain)
            && before.lines > lines
            && !found
                .findings
                .iter()
                .any(|f| matches!(f, Finding::Shorter { .. }))
        {
            out.push(Finding::Shorter {
                council: tag.clone(),
                lines,
                published: before.lines,
            });
        }
        if found.findings.is_empty() {
            out.push(Finding::Whole {
                council: tag.clone(),
                lines,
            });
        }
        out.extend(found.findings);
        seen.councils.insert(
            chain.clone(),
            Seen {
                code: tag.code.clone(),
                name: tag.name.clone(),
                lines,
            },
        );
    }
    for (chain, before) in &memory.councils {
        if !chains.contains(chain) {
            out.push(Finding::Gone {
                council: Tag {
                    code: before.code.clone(),
                    name: before.name.clone(),
                },
                lines: before.lines,
            });
        }
    }
    let entries = log.last().map_or(0, |h| h.n);
    if entries < memory.log {
        out.push(Finding::LogCut {
            seen: memory.log,
            now: entries,
        });
    }
    out.extend(heads::check(&log, &key_of).into_iter().map(Finding::Log));
    seen.log = entries;
    // What was seen whole is remembered; what was seen before and is gone stays remembered.
    if out.iter().all(Finding::is_whole) {
        *memory = seen;
    }
    Ok(out)
}

/// What one chain's check found, and how many lines it holds.
struct Checked {
    lines: u64,
    findings: Vec<Finding>,
}

fn council(
    client: &mut Client,
    chain: &str,
    tag: &Tag,
    own: &[&Head],
) -> Result<Checked, DistrictError> {
    let rows = client.query(
        "SELECT seq, at, prev, change, hash FROM journal_lines WHERE chain = $1 ORDER BY seq",
        &[&chain],
    )?;
    let mut findings = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut hash = GENESIS.to_string();
    for (i, r) in rows.iter().enumerate() {
        let seq = r.get::<_, i64>(0) as u64;
        let at: String = r.get(1);
        let entry = Entry::from_parts(seq, &at, r.get(2), r.get(3), r.get(4));
        match entry {
            Ok(e)
                if e.seq == i as u64 + 1
                    && e.prev == hash
                    && e.hash_ok()
                    && (i > 0 || e.hash == chain) =>
            {
                hash = e.hash.clone();
                entries.push(e);
            }
            other => {
                let meeting = other
                    .ok()
                    .and_then(|e| e.change().ok())
                    .and_then(|c| c.meeting())
                    .map(|id| meeting_number(client, chain, id.0))
                    .transpose()?
                    .flatten();
                findings.push(Finding::LineAltered {
                    council: tag.clone(),
                    line: seq,
                    at: at.replace('T', " "),
                    meeting,
                });
                break;
            }
        }
    }
    let lines = rows.len() as u64;
    findings.extend(against_heads(tag, &rows, own));
    // The rows are derived only from a chain that holds.
    if findings.is_empty() {
        let mut records = MemoryRecords::default();
        for e in &entries {
            if let Err(error) = derive::replayed(&mut records, e) {
                findings.push(Finding::Refused {
                    council: tag.clone(),
                    error,
                });
                return Ok(Checked { lines, findings });
            }
        }
        findings.extend(
            compare::derived_rows(client, chain, &records)?
                .into_iter()
                .map(|(row, fault)| Finding::Row {
                    council: tag.clone(),
                    row,
                    fault,
                }),
        );
    }
    Ok(Checked { lines, findings })
}

/// The chain's lines against the heads its council signed: as long as the last, and leading
/// to each head's hash.
fn against_heads(tag: &Tag, rows: &[postgres::Row], own: &[&Head]) -> Vec<Finding> {
    let lines = rows.len() as u64;
    let published = own.last().map_or(0, |h| h.seq);
    let hash_at = |seq: u64| -> Option<String> {
        usize::try_from(seq)
            .ok()
            .and_then(|s| s.checked_sub(1))
            .and_then(|i| rows.get(i))
            .map(|r| r.get(4))
    };
    let mut out = Vec::new();
    if lines < published {
        out.push(Finding::Shorter {
            council: tag.clone(),
            lines,
            published,
        });
    } else if lines > published {
        out.push(Finding::Unsigned {
            council: tag.clone(),
            lines,
            published,
        });
    }
    let mut good = 0;
    for h in own {
        match hash_at(h.seq) {
            Some(hash) if hash == h.hash => good = h.seq,
            Some(_) => {
                out.push(Finding::Rewritten {
                    council: tag.clone(),
                    from: good + 1,
                    to: h.seq,
                });
                break;
            }
            None => break,
        }
    }
    out
}

/// The year and number of meeting `id` of `chain`, as the district holds it.
fn meeting_number(
    client: &mut Client,
    chain: &str,
    id: u64,
) -> Result<Option<MeetingNumber>, DistrictError> {
    let row = client.query_opt(
        "SELECT year, number FROM meetings WHERE chain = $1 AND id = $2",
        &[&chain, &(id as i64)],
    )?;
    Ok(row.map(|r| MeetingNumber {
        year: r.get(0),
        number: r.get::<_, i32>(1) as u32,
    }))
}
