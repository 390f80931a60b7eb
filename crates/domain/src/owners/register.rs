//! The register of units as community workers keep it: a spreadsheet saved as CSV, one unit a
//! row, with the columns 房号, 业主 and 专有部分面积. Read as a roster is (UTF-8 with or
//! without a BOM, or GB18030); every fault of every row is named at once, and a register with
//! any is taken in not at all.

use super::{Listed, Register, parse_area};
use crate::law::{self, NAME};
use crate::roster::{Encoding, Fault, table};
use yishi_text::Lang;

/// The register's columns: what the template heads them, and the words that name each.
const COLUMNS: [(&str, &[&str]); 3] = [
    ("房号", &["房号", "房號", "户号", "戶號", "单元", "unit"]),
    ("业主", &["业主", "業主", "姓名", "owner"]),
    (
        "专有部分面积（㎡）",
        &[
            "专有部分面积",
            "專有部分面積",
            "面积",
            "面積",
            "建筑面积",
            "area",
        ],
    ),
];

/// The words that head the owner's number (业主编号), a column a register may have.
const NUMBER: &[&str] = &[
    "业主编号",
    "業主編號",
    "编号",
    "編號",
    "owner no",
    "owner number",
];

/// Why a register cannot be taken in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterFault {
    /// The file itself: its encoding, or a row the CSV reader cannot read.
    File(Fault),
    NoColumn(&'static str),
    Missing {
        row: usize,
        column: &'static str,
    },
    NotAnArea {
        row: usize,
        value: String,
    },
    Name {
        row: usize,
        value: String,
    },
    /// One owner's number on rows that name two different people.
    NumberTwoNames {
        row: usize,
        first: usize,
        number: String,
    },
    /// The same unit twice: its area would count twice.
    SameUnit {
        row: usize,
        first: usize,
        unit: String,
    },
    Empty,
}

/// The register template: the headings, as Excel and WPS open it.
pub fn register_template() -> String {
    let mut headings: Vec<&str> = COLUMNS.iter().map(|(h, _)| *h).collect();
    headings.push("业主编号（可选）");
    format!("\u{feff}{}\r\n", headings.join(","))
}

/// The units a register file lists, in its order.
pub fn read_register(bytes: &[u8]) -> Result<(Register, Encoding), Vec<RegisterFault>> {
    let (rows, encoding) = table(bytes).map_err(|f| vec![RegisterFault::File(f)])?;
    let Some(((_, headings), body)) = rows.split_first() else {
        return Err(vec![RegisterFault::NoColumn(COLUMNS[0].0)]);
    };
    let heads = |h: &str, names: &[&str]| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h.starts_with(n))
    };
    let number_at = headings.iter().position(|h| heads(h, NUMBER));
    let mut at = [0; 3];
    for (k, (heading, names)) in COLUMNS.iter().enumerate() {
        let found = headings
            .iter()
            .enumerate()
            .position(|(i, h)| Some(i) != number_at && heads(h, names));
        match found {
            Some(i) => at[k] = i,
            None => return Err(vec![RegisterFault::NoColumn(heading)]),
        }
    }
    let mut faults = Vec::new();
    let mut listed: Vec<(usize, Listed)> = Vec::new();
    // Every unit named, with its row, whether or not the rest of its row will do.
    let mut seen: Vec<(usize, String)> = Vec::new();
    // Each owner's number, with the first row and name it came with.
    let mut numbers: Vec<(usize, String, String)> = Vec::new();
    for (row, record) in body {
        let row = *row;
        let cell = |k: usize| record.get(at[k]).unwrap_or("").trim().to_string();
        let (unit, owner, area) = (cell(0), cell(1), cell(2));
        let number = number_at
            .and_then(|i| record.get(i))
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty());
        if let Some(n) = &number {
            match numbers.iter().find(|(_, m, _)| m == n) {
                Some((first, _, name)) if *name != owner => {
                    faults.push(RegisterFault::NumberTwoNames {
                        row,
                        first: *first,
                        number: n.clone(),
                    });
                }
                Some(_) => {}
                None => numbers.push((row, n.clone(), owner.clone())),
            }
            if law::text(n, NAME, true).is_err() {
                faults.push(RegisterFault::Name {
                    row,
                    value: n.clone(),
                });
            }
        }
        for (k, value) in [&unit, &owner, &area].into_iter().enumerate() {
            if value.is_empty() {
                faults.push(RegisterFault::Missing {
                    row,
                    column: COLUMNS[k].0,
                });
            }
        }
        for value in [&unit, &owner] {
            if !value.is_empty() && law::text(value, NAME, true).is_err() {
                faults.push(RegisterFault::Name {
                    row,
                    value: value.clone(),
                });
            }
        }
        let parsed = parse_area(&area);
        if parsed.is_none() && !area.is_empty() {
            faults.push(RegisterFault::NotAnArea {
                row,
                value: area.clone(),
            });
        }
        if let Some((first, _)) = seen.iter().find(|(_, u)| !unit.is_empty() && *u == unit) {
            faults.push(RegisterFault::SameUnit {
                row,
                first: *first,
                unit: unit.clone(),
            });
        }
        seen.push((row, unit.clone()));
        if let (false, false, Some(area)) = (unit.is_empty(), owner.is_empty(), parsed) {
            listed.push((
                row,
                Listed {
                    unit,
                    owner,
                    number,
                    area,
                },
            ));
        }
    }
    if faults.is_empty() && listed.is_empty() {
        faults.push(RegisterFault::Empty);
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    let rows = listed.into_iter().map(|(_, l)| l).collect();
    Ok((Register { rows }, encoding))
}

impl RegisterFault {
    /// The fault in the reader's words, naming the row and column.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            RegisterFault::File(f) => f.describe(lang),
            RegisterFault::NoColumn(c) => lang.pick_owned(
                format!("找不到标题为“{c}”的一列（第一行是各列标题，可用 `yishi council template --owners` 生成）"),
                format!("找不到標題為「{c}」的一列（第一行是各列標題，可用 `yishi council template --owners` 產生）"),
                format!("no column headed \"{c}\" (the first row names the columns; `yishi council template --owners` writes them)"),
            ),
            RegisterFault::Missing { row, column } => lang.pick_owned(
                format!("第{row}行“{column}”一栏是空的"),
                format!("第{row}行「{column}」一欄是空的"),
                format!("row {row}: \"{column}\" is empty"),
            ),
            RegisterFault::NotAnArea { row, value } => lang.pick_owned(
                format!("第{row}行面积“{value}”不是以平方米计、最多两位小数的正数（如 89.50）"),
                format!("第{row}行面積「{value}」不是以平方公尺計、最多兩位小數的正數（如 89.50）"),
                format!("row {row}: area \"{value}\" is not a positive number of square metres with at most two decimals (e.g. 89.50)"),
            ),
            RegisterFault::Name { row, value } => lang.pick_owned(
                format!("第{row}行“{value}”含有不能用的字符，或者太长"),
                format!("第{row}行「{value}」含有不能用的字元，或者太長"),
                format!("row {row}: \"{value}\" holds characters that cannot be used, or is too long"),
            ),
            RegisterFault::NumberTwoNames { row, first, number } => lang.pick_owned(
                format!("第{row}行的业主编号{number}与第{first}行相同，姓名却不同：同一编号只能是同一位业主"),
                format!("第{row}行的業主編號{number}與第{first}行相同，姓名卻不同：同一編號只能是同一位業主"),
                format!("row {row}: owner number {number} is also on row {first} under another name; one number is one owner"),
            ),
            RegisterFault::SameUnit { row, first, unit } => lang.pick_owned(
                format!("第{row}行的房号{unit}与第{first}行重复：同一套房的面积只能计一次"),
                format!("第{row}行的房號{unit}與第{first}行重複：同一套房的面積只能計一次"),
                format!("row {row}: unit {unit} is also on row {first}; a unit's area counts once"),
            ),
            RegisterFault::Empty => lang
                .pick("登记册里没有房屋", "登記冊裡沒有房屋", "the register lists no units")
                .to_string(),
        }
    }
}
