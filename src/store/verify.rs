//! `verify`: the journal's chain, and the store against a replay of the journal.
//! `repair`: a new store rebuilt from the journal, the damaged one kept aside.

use chrono::NaiveDateTime;
use std::collections::BTreeMap;
use std::path::Path;

use super::journal::{Break, BrokenLine, Entry, Journal, read_all};
use super::tables::{Head, Tables};
use super::{JOURNAL_FILE, STORE_DIR, StoreError, lock, snapshot};
use crate::domain::{self, MeetingId, MemoryRecords, Write};
use crate::text::Lang;

/// What a check found.
#[derive(Debug, Default)]
pub struct Report {
    pub changes: u64,
    /// Problems, the first found first; empty when all is well.
    pub problems: Vec<Finding>,
    /// For repair: where the damaged files were moved.
    pub kept_aside: Vec<String>,
}

/// The kinds of record the store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Council,
    Meeting,
    Matter,
    Motion,
}

impl Kind {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Council => lang.pick("议事会", "議事會", "council"),
            Kind::Meeting => lang.pick("会议", "會議", "meeting"),
            Kind::Matter => lang.pick("事项", "事項", "matter"),
            Kind::Motion => lang.pick("表决", "表決", "motion"),
        }
    }
}

/// How a stored record disagrees with the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disagreement {
    Altered,
    Missing,
    NotInJournal,
}

/// Where a record belongs: its meeting (id, year, number) and when the journal last wrote it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Whereabouts {
    pub meeting: Option<(MeetingId, i32, u32)>,
    pub written: Option<NaiveDateTime>,
}

/// One problem `verify` found.
#[derive(Debug)]
pub enum Finding {
    /// A journal line whose hash does not match its content or the line before.
    Journal {
        line: u64,
        at: Whereabouts,
        why: Break,
    },
    /// A stored record that is not what the journal's changes make.
    Record {
        kind: Kind,
        id: u64,
        how: Disagreement,
        at: Whereabouts,
    },
    Count {
        store: u64,
        journal: u64,
    },
    Index,
    Store(StoreError),
}

impl Finding {
    pub fn describe(&self, lang: Lang) -> String {
        let place = |w: &Whereabouts, last: bool| {
            let mut parts = Vec::new();
            if let Some((id, year, number)) = w.meeting {
                parts.push(match lang {
                    Lang::En => format!("{year} meeting no. {number} (#{id})"),
                    Lang::ZhHant => format!("{year}年第{number}次會議"),
                    Lang::ZhHans => format!("{year}年第{number}次会议"),
                });
            }
            if let Some(t) = w.written {
                let t = t.format("%Y-%m-%d %H:%M:%S");
                parts.push(if last {
                    lang.pick_owned(
                        format!("最后记录于 {t}"),
                        format!("最後記錄於 {t}"),
                        format!("last recorded {t}"),
                    )
                } else {
                    lang.pick_owned(
                        format!("记录于 {t}"),
                        format!("記錄於 {t}"),
                        format!("recorded {t}"),
                    )
                });
            }
            if parts.is_empty() {
                String::new()
            } else {
                match lang {
                    Lang::En => format!(" [{}]", parts.join(", ")),
                    _ => format!("（{}）", parts.join("，")),
                }
            }
        };
        match self {
            Finding::Journal { line, at, why } => {
                let why = match why {
                    Break::Unreadable(e) => lang.pick_owned(
                        format!("无法读取：{e}"),
                        format!("無法讀取：{e}"),
                        format!("unreadable: {e}"),
                    ),
                    Break::Numbered { found } => lang.pick_owned(
                        format!("编号为{found}，顺序被打乱"),
                        format!("編號為{found}，順序被打亂"),
                        format!("numbered {found} where {line} was expected"),
                    ),
                    Break::NotChained => lang
                        .pick(
                            "与上一条的哈希接不上（有记录被删除、插入或改动）",
                            "與上一條的雜湊接不上（有記錄被刪除、插入或改動）",
                            "it does not follow the line before (a line was removed, inserted or altered)",
                        )
                        .to_string(),
                    Break::Altered => lang
                        .pick(
                            "内容与其哈希不符，被改动过",
                            "內容與其雜湊不符，被改動過",
                            "its content does not match its hash: it was altered",
                        )
                        .to_string(),
                };
                let at = place(at, false);
                lang.pick_owned(
                    format!("日志第{line}条{at}：{why}"),
                    format!("日誌第{line}條{at}：{why}"),
                    format!("journal line {line}{at}: {why}"),
                )
            }
            Finding::Record { kind, id, how, at } => {
                let what = match how {
                    Disagreement::Altered => lang.pick(
                        "与日志不符：数据库中的这条记录被改动过",
                        "與日誌不符：資料庫中的這條記錄被改動過",
                        "differs from the journal: the stored record was altered",
                    ),
                    Disagreement::Missing => lang.pick(
                        "在数据库中缺失",
                        "在資料庫中缺失",
                        "is missing from the store",
                    ),
                    Disagreement::NotInJournal => lang.pick(
                        "在数据库中存在，日志中却没有",
                        "在資料庫中存在，日誌中卻沒有",
                        "is in the store but not in the journal",
                    ),
                };
                let (kind, at) = (kind.label(lang), place(at, true));
                match lang {
                    Lang::En => format!("{kind} {id}{at} {what}"),
                    _ => format!("{kind} #{id}{at}{what}"),
                }
            }
            Finding::Count { store, journal } => lang.pick_owned(
                format!("数据库记有{store}项变更，日志记有{journal}项"),
                format!("資料庫記有{store}項變更，日誌記有{journal}項"),
                format!("the store holds {store} changes, the journal {journal}"),
            ),
            Finding::Index => lang
                .pick(
                    "索引（会议目录、未办结事项、各议事会的会议）与记录不一致，可用 `yishi repair` 重建",
                    "索引（會議目錄、未辦結事項、各議事會的會議）與記錄不一致，可用 `yishi repair` 重建",
                    "an index (meeting list, open matters, each council's meetings) does not match the records; `yishi repair` rebuilds it",
                )
                .to_string(),
            Finding::Store(e) => e.describe(lang),
        }
    }
}

/// Which journal change last wrote each record, and the meeting it concerned.
type Writers = BTreeMap<(Kind, u64), (NaiveDateTime, Option<MeetingId>)>;

fn key(w: &Write) -> ((Kind, u64), Option<MeetingId>) {
    match w {
        Write::Council(c) => ((Kind::Council, c.id.0), None),
        Write::Meeting(m) => ((Kind::Meeting, m.id.0), Some(m.id)),
        Write::Matter(x) => ((Kind::Matter, x.id.0), None),
        Write::Motion(v) => ((Kind::Motion, v.id.0), Some(v.meeting)),
    }
}

/// The time a record carries of its own last event.
fn own_time(w: &Write) -> Option<NaiveDateTime> {
    match w {
        Write::Council(_) => None,
        Write::Meeting(m) => m
            .corrections
            .last()
            .map(|c| c.at)
            .or(m.signature.as_ref().map(|s| s.at))
            .or(m.end)
            .or(Some(m.start)),
        Write::Matter(x) => x.history.last().map(|t| t.at).or(Some(x.opened)),
        Write::Motion(v) => v.closed.or(v.opened),
    }
}

/// Replays journal entries into memory from nothing.
fn replay(
    entries: &[Entry],
    writers: &mut Writers,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<MemoryRecords, StoreError> {
    let mut records = MemoryRecords::default();
    // Reading the store back counts as one more step after the replay.
    let total = entries.len() as u64 + 1;
    for (done, e) in entries.iter().enumerate() {
        progress(done as u64, total);
        let change = e.change()?;
        let writes = domain::apply(&change, e.at, &records).map_err(|r| StoreError::Replay {
            seq: e.seq,
            reason: r.describe(Lang::En),
        })?;
        let imported = matches!(change, domain::Change::Import { .. });
        for w in writes {
            let (k, own) = key(&w);
            // An imported record was written when it happened, not when it was imported.
            let at = if imported {
                own_time(&w).unwrap_or(e.at)
            } else {
                e.at
            };
            writers.insert(k, (at, own.or(change.meeting())));
            records.put(w);
        }
    }
    Ok(records)
}

fn whereabouts(
    records: &MemoryRecords,
    writer: Option<&(NaiveDateTime, Option<MeetingId>)>,
) -> Whereabouts {
    let Some((at, meeting)) = writer else {
        return Whereabouts::default();
    };
    Whereabouts {
        meeting: meeting.and_then(|id| records.meetings.get(&id).map(|m| (id, m.year, m.number))),
        written: Some(*at),
    }
}

fn first_difference(
    journal: &MemoryRecords,
    store: &MemoryRecords,
    writers: &Writers,
) -> Option<Finding> {
    fn diff<K: Ord + Copy + Into<u64>, V: PartialEq>(
        kind: Kind,
        a: &BTreeMap<K, V>,
        b: &BTreeMap<K, V>,
    ) -> Option<(Kind, u64, Disagreement)> {
        for (k, v) in a {
            match b.get(k) {
                None => return Some((kind, (*k).into(), Disagreement::Missing)),
                Some(w) if w != v => return Some((kind, (*k).into(), Disagreement::Altered)),
                _ => {}
            }
        }
        b.keys()
            .find(|k| !a.contains_key(k))
            .map(|k| (kind, (*k).into(), Disagreement::NotInJournal))
    }
    let (kind, id, how) = diff(Kind::Council, &journal.councils, &store.councils)
        .or_else(|| diff(Kind::Meeting, &journal.meetings, &store.meetings))
        .or_else(|| diff(Kind::Matter, &journal.matters, &store.matters))
        .or_else(|| diff(Kind::Motion, &journal.motions, &store.motions))?;
    Some(Finding::Record {
        kind,
        id,
        how,
        at: whereabouts(journal, writers.get(&(kind, id))),
    })
}

/// Where a broken journal line sits: its time and meeting, when the line can still be read.
fn journal_finding(entries: &[Entry], broken: BrokenLine) -> Finding {
    let mut writers = Writers::new();
    let records = replay(entries, &mut writers, &mut |_, _| ()).unwrap_or_default();
    let at = match &broken.entry {
        Some(e) => {
            let meeting = e.change().ok().and_then(|c| c.meeting());
            whereabouts(&records, Some(&(e.at, meeting)))
        }
        None => Whereabouts::default(),
    };
    Finding::Journal {
        line: broken.line,
        at,
        why: broken.why,
    }
}

/// Checks the journal's hash chain and that the store holds exactly what the journal says.
///
/// While another process holds the database (a console running a meeting) or where it may
/// not be written, the check runs on a private copy of the store, against the journal's lines
/// up to the copy's head; lines recorded after the copy was taken are checked for their chain.
pub fn verify(dir: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<Report, StoreError> {
    let lock = lock::try_acquire(dir)?;
    // Lines recorded from here on may postdate the copy; older ones must all be in it.
    let started = super::now() - chrono::Duration::seconds(2);
    let copy = match lock {
        Some(_) => None,
        None => Some(snapshot::take(&dir.join(STORE_DIR))?),
    };
    let tables = match &copy {
        None => settle(dir),
        Some(c) => Tables::open(&c.path).and_then(|t| t.finish_interrupted().map(|_| t)),
    };
    let (mut entries, broken) = read_all(&dir.join(JOURNAL_FILE))?;
    if copy.is_some()
        && let Ok(head) = tables.as_ref().map(|t| t.head())
        && let Ok(head) = head
        && broken.is_none()
    {
        let held = usize::try_from(head.seq).unwrap_or(usize::MAX);
        let older = entries
            .iter()
            .rposition(|e| e.at < started)
            .map_or(0, |i| i + 1);
        entries.truncate(held.max(older));
    }
    let mut report = Report {
        changes: entries.len() as u64,
        ..Report::default()
    };
    if let Some(b) = broken {
        report.problems.push(journal_finding(&entries, b));
    }
    let mut writers = Writers::new();
    let expected = replay(&entries, &mut writers, progress)?;
    let total = entries.len() as u64 + 1;
    progress(total - 1, total);
    match tables.and_then(|t| Ok((t.load_all()?, t.head()?, t))) {
        Err(e) => report.problems.push(Finding::Store(e)),
        Ok((stored, head, tables)) => {
            if let Some(d) = first_difference(&expected, &stored, &writers) {
                report.problems.push(d);
            }
            if head.seq != report.changes {
                report.problems.push(Finding::Count {
                    store: head.seq,
                    journal: report.changes,
                });
            }
            if !tables.indexes_match(&stored)? {
                report.problems.push(Finding::Index);
            }
        }
    }
    progress(total, total);
    Ok(report)
}

/// Rebuilds the store from the journal (as far as its chain holds), keeping the old files aside.
pub fn repair(dir: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<Report, StoreError> {
    let _lock = lock::acquire(dir)?;
    // A store too damaged to open is rebuilt from the journal as it stands.
    drop(settle(dir));
    let journal_path = dir.join(JOURNAL_FILE);
    let (entries, broken) = read_all(&journal_path)?;
    let records = replay(&entries, &mut Writers::new(), &mut |_, _| ())?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
    let mut report = Report {
        changes: entries.len() as u64,
        ..Report::default()
    };

    if let Some(b) = broken {
        // Keep the whole journal, and continue from the part whose chain holds.
        report.problems.push(journal_finding(&entries, b));
        let aside = dir.join(format!("{JOURNAL_FILE}.damaged-{stamp}"));
        std::fs::copy(&journal_path, &aside)
            .map_err(|e| StoreError::io("copy", &journal_path, e))?;
        let good: String = entries
            .iter()
            .map(|e| serde_json::to_string(e).map(|s| s + "\n"))
            .collect::<Result<_, _>>()
            .map_err(|e| StoreError::Damaged {
                detail: e.to_string(),
            })?;
        write_synced(&journal_path, good.as_bytes())?;
        report.kept_aside.push(aside.display().to_string());
    }
    let journal_len = std::fs::metadata(&journal_path)
        .map_err(|e| StoreError::io("read", &journal_path, e))?
        .len();
    let head = entries.last().map_or_else(Head::default, |e| Head {
        seq: e.seq,
        hash: e.hash.clone(),
        journal_len,
    });

    let rebuilt = dir.join(format!("{STORE_DIR}.rebuild"));
    if rebuilt.exists() {
        std::fs::remove_dir_all(&rebuilt).map_err(|e| StoreError::io("remove", &rebuilt, e))?;
    }
    {
        let tables = Tables::open(&rebuilt)?;
        let writes: Vec<Write> = records.to_document().writes();
        tables.commit(&writes, &head, progress)?;
    }
    let current = dir.join(STORE_DIR);
    if current.exists() {
        let aside = dir.join(format!("{STORE_DIR}.damaged-{stamp}"));
        std::fs::rename(&current, &aside).map_err(|e| StoreError::io("move", &current, e))?;
        report.kept_aside.push(aside.display().to_string());
    }
    std::fs::rename(&rebuilt, &current).map_err(|e| StoreError::io("move", &rebuilt, e))?;
    Ok(report)
}

/// Opens the store as `Store::open` would first: a change the process stopped in the middle of
/// is completed, in the store and in the journal, before either is checked.
fn settle(dir: &Path) -> Result<Tables, StoreError> {
    let tables = Tables::open(&dir.join(STORE_DIR))?;
    if let Some((head, line)) = tables.finish_interrupted()?.last {
        Journal::open(&dir.join(JOURNAL_FILE))?.complete(&head, &line)?;
    }
    Ok(tables)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|_| std::fs::File::open(&tmp)?.sync_all())
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| StoreError::io("write", path, e))
}
