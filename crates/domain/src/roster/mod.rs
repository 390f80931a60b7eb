//! A council's members from the roster community workers already keep: a spreadsheet saved
//! as CSV, one member a row, with the columns 姓名, 所属 and 表决权. Excel and WPS save it as
//! UTF-8 with a byte-order mark, or in GB18030 (ANSI on a Chinese Windows); both are read, and
//! anything else is refused naming what it is. Every fault of every row is named at once, and
//! a roster with any is taken in not at all.

use super::council::Affiliation;
use super::law::{self, NAME};
use super::refusal::Refusal;
use yishi_text::Lang;

mod words;

/// One member as the roster lists them (ids are given when the council is made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub affiliation: Affiliation,
    pub voting: bool,
}

/// How the file's text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
}

/// Why a roster cannot be taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Saved as Excel's "Unicode text" (UTF-16), which is not CSV.
    Utf16,
    /// Neither UTF-8 nor GB18030: not a text file, or another encoding.
    NotText,
    /// No row names the columns, or a column is missing.
    NoColumn(Column),
    /// A row the CSV reader could not read.
    Unreadable {
        row: usize,
        detail: String,
    },
    NoMembers,
    Cell {
        row: usize,
        column: Column,
        value: String,
        why: CellFault,
    },
    /// The same name twice: the roll call could not tell them apart.
    SameName {
        row: usize,
        first: usize,
        name: String,
        /// The first row's spelling, which may differ by what the eye cannot see.
        first_name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellFault {
    Missing,
    NotAnAffiliation,
    NotAVotingRight,
    Text(Box<Refusal>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Name,
    Affiliation,
    Voting,
}

impl Column {
    const ALL: [Column; 3] = [Column::Name, Column::Affiliation, Column::Voting];

    /// The heading the template gives the column.
    fn heading(self) -> &'static str {
        match self {
            Column::Name => "姓名",
            Column::Affiliation => "所属（社区党委/小区党支部/业委会/物业公司/居民代表）",
            Column::Voting => "表决权（表决/列席）",
        }
    }

    /// Whether a heading someone wrote names this column.
    fn named_by(self, heading: &str) -> bool {
        let h = heading.trim().to_lowercase();
        let names: &[&str] = match self {
            Column::Name => &["姓名", "名字", "name"],
            Column::Affiliation => &["所属", "單位", "单位", "所屬", "affiliation"],
            Column::Voting => &["表决权", "表決權", "身份", "voting"],
        };
        names.iter().any(|n| h.starts_with(n))
    }

    /// The column as the reader knows it: the roster's headings are Chinese in any language.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Column::Name => lang.pick("姓名", "姓名", "姓名 (name)"),
            Column::Affiliation => lang.pick("所属", "所屬", "所属 (affiliation)"),
            Column::Voting => lang.pick("表决权", "表決權", "表决权 (voting right)"),
        }
    }
}

const AFFILIATIONS: [(Affiliation, &[&str]); 5] = [
    (
        Affiliation::PartyCommittee,
        &[
            "社区党委",
            "社區黨委",
            "党委",
            "黨委",
            "community party committee",
        ],
    ),
    (
        Affiliation::PartyBranch,
        &[
            "小区党支部",
            "小區黨支部",
            "党支部",
            "黨支部",
            "compound party branch",
        ],
    ),
    (
        Affiliation::OwnersCommittee,
        &[
            "业委会",
            "業委會",
            "业主委员会",
            "業主委員會",
            "owners' committee",
        ],
    ),
    (
        Affiliation::PropertyCompany,
        &[
            "物业公司",
            "物業公司",
            "物业",
            "物業",
            "物业服务企业",
            "property company",
        ],
    ),
    (
        Affiliation::ResidentRepresentative,
        &["居民代表", "居民", "resident representative"],
    ),
];

fn affiliation(cell: &str) -> Option<Affiliation> {
    let c = cell.trim().to_lowercase();
    AFFILIATIONS
        .iter()
        .find(|(_, names)| names.contains(&c.as_str()))
        .map(|(a, _)| *a)
}

fn voting(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "" | "表决" | "表決" | "有" | "是" | "√" | "✓" | "y" | "yes" => Some(true),
        "列席" | "无" | "無" | "否" | "n" | "no" => Some(false),
        _ => None,
    }
}

/// The roster template: the headings, as Excel and WPS open it (UTF-8 with a byte-order mark,
/// lines ending CRLF).
pub fn template() -> String {
    let headings: Vec<&str> = Column::ALL.iter().map(|c| c.heading()).collect();
    format!("\u{feff}{}\r\n", headings.join(","))
}

/// The text of a roster file, and how it was written.
fn decode(bytes: &[u8]) -> Result<(String, Encoding), Fault> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Fault::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), Encoding::Utf8));
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| (text.into_owned(), Encoding::Gb18030))
        .ok_or(Fault::NotText)
}

/// A spreadsheet saved as CSV (or copied out as tab-separated text): its rows, numbered from 1
/// as the spreadsheet numbers them, blank ones left out; and how it was written.
pub(crate) fn table(bytes: &[u8]) -> Result<(Vec<(usize, csv::StringRecord)>, Encoding), Fault> {
    let (text, encoding) = decode(bytes)?;
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // A spreadsheet copied out as text separates with tabs.
    let delimiter = if !first.contains(',') && first.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(r) => rows.push((i + 1, r)),
            Err(e) => {
                return Err(Fault::Unreadable {
                    row: i + 1,
                    detail: e.to_string(),
                });
            }
        }
    }
    rows.retain(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    Ok((rows, encoding))
}

/// The members a roster file lists, in its order.
pub fn read_roster(bytes: &[u8]) -> Result<(Vec<Listed>, Encoding), Vec<Fault>> {
    let (rows, encoding) = table(bytes).map_err(|f| vec![f])?;
    let Some(((_, headings), body)) = rows.split_first() else {
        return Err(vec![Fault::NoColumn(Column::Name)]);
    };
    // Where each column is; a roster without a 表决权 column lists voting members only.
    let mut at = [None; 3];
    for (k, column) in Column::ALL.iter().enumerate() {
        at[k] = headings.iter().position(|h| column.named_by(h));
        if at[k].is_none() && *column != Column::Voting {
            return Err(vec![Fault::NoColumn(*column)]);
        }
    }
    let mut faults = Vec::new();
    let mut listed: Vec<(usize, Listed)> = Vec::new();
    let mut named: Vec<(usize, String)> = Vec::new();
    for (row, record) in body {
        let cell = |k: usize| {
            at[k]
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let mut fault = |column, value: &str, why| {
            faults.push(Fault::Cell {
                row: *row,
                column,
                value: value.to_string(),
                why,
            })
        };
        let name = cell(0);
        if name.is_empty() {
            fault(Column::Name, "", CellFault::Missing);
        } else if let Err(r) = law::text(&name, NAME, true) {
            fault(Column::Name, &name, CellFault::Text(Box::new(r)));
        }
        let affiliation_cell = cell(1);
        let affiliation = affiliation(&affiliation_cell);
        if affiliation.is_none() {
            let why = if affiliation_cell.is_empty() {
                CellFault::Missing
            } else {
                CellFault::NotAnAffiliation
            };
            fault(Column::Affiliation, &affiliation_cell, why);
        }
        let voting_cell = cell(2);
        let voting = voting(&voting_cell);
        if voting.is_none() {
            fault(Column::Voting, &voting_cell, CellFault::NotAVotingRight);
        }
        if let Some((first, first_name)) = named
            .iter()
            .find(|(_, n)| !name.is_empty() && crate::names::same(n, &name))
        {
            faults.push(Fault::SameName {
                row: *row,
                first: *first,
                name: name.clone(),
                first_name: first_name.clone(),
            });
        }
        named.push((*row, name.clone()));
        if let (Some(affiliation), Some(voting)) = (affiliation, voting) {
            listed.push((
                *row,
                Listed {
                    name,
                    affiliation,
                    voting,
                },
            ));
        }
    }
    if faults.is_empty() && listed.is_empty() {
        faults.push(Fault::NoMembers);
    }
    if faults.is_empty() {
        Ok((listed.into_iter().map(|(_, m)| m).collect(), encoding))
    } else {
        Err(faults)
    }
}
