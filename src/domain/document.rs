//! The export document: a whole database as one versioned JSON value, and the checks an import
//! must pass before anything is written.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::council::Council;
use super::matter::Matter;
use super::meeting::Meeting;
use super::records::Write;
use super::refusal::Refusal;
use super::vote::Motion;
use crate::text::{Fault, Lang, Shape, check, has_control};

pub const FORMAT: &str = "yishi-record";
/// The version of the document and of the store's values. Older documents are migrated on
/// import; newer ones are refused.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub schema: u32,
    pub councils: Vec<Council>,
    pub meetings: Vec<Meeting>,
    pub matters: Vec<Matter>,
    pub motions: Vec<Motion>,
}

/// Something wrong in an import, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub what: Issue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Syntax(String),
    /// A date or time that does not exist or is not written as one.
    BadDate(String),
    Format,
    NewerSchema(u32),
    Control,
    Duplicate,
    Unknown(&'static str, u64),
    ResultMismatch,
    Inconsistent(&'static str),
    /// Against a rule the live record keeps: the change that would have made it is refused.
    Refused(super::refusal::Refusal),
}

impl Problem {
    pub(super) fn new(place: impl Into<String>, what: Issue) -> Problem {
        Problem {
            place: place.into(),
            what,
        }
    }

    fn syntax(e: &serde_json::Error) -> Problem {
        Problem::new(
            format!("{}:{}", e.line(), e.column()),
            Issue::Syntax(e.to_string()),
        )
    }

    pub fn describe(&self, lang: Lang) -> String {
        let p = &self.place;
        let at = lang.pick("位置", "位置", "at");
        let body = match &self.what {
            Issue::Syntax(e) => format!("{}：{e}", lang.pick("格式错误", "格式錯誤", "malformed")),
            Issue::BadDate(v) => lang.pick_owned(
                format!(
                    "日期或时间不存在或格式不对（{v}），应写作 2026-11-22 或 2026-11-22T14:30:00"
                ),
                format!(
                    "日期或時間不存在或格式不對（{v}），應寫作 2026-11-22 或 2026-11-22T14:30:00"
                ),
                format!(
                    "not a real date or time ({v}); write it as 2026-11-22 or 2026-11-22T14:30:00"
                ),
            ),
            Issue::Format => lang
                .pick(
                    "不是议事记录导出文件",
                    "不是議事記錄匯出檔案",
                    "not a yishi export document",
                )
                .to_string(),
            Issue::NewerSchema(v) => lang.pick_owned(
                format!("数据版本{v}高于本程序支持的版本{SCHEMA}，请升级程序"),
                format!("資料版本{v}高於本程式支援的版本{SCHEMA}，請升級程式"),
                format!("schema version {v} is newer than this program's ({SCHEMA}); update yishi"),
            ),
            Issue::Control => lang
                .pick(
                    "含有控制字符或看不见的字符（如终端转义序列、零宽空格）",
                    "含有控制字元或看不見的字元（如終端轉義序列、零寬空格）",
                    "holds a control or invisible character (such as a terminal escape or a zero-width space)",
                )
                .to_string(),
            Issue::Duplicate => lang
                .pick("编号重复", "編號重複", "duplicate id")
                .to_string(),
            Issue::Unknown(kind, id) => lang.pick_owned(
                format!("引用了不存在的编号{id}（{kind}）"),
                format!("引用了不存在的編號{id}（{kind}）"),
                format!("unknown {kind} {id}"),
            ),
            Issue::ResultMismatch => lang
                .pick(
                    "表决结果与票数不符",
                    "表決結果與票數不符",
                    "the recorded result does not follow from the votes",
                )
                .to_string(),
            Issue::Refused(r) => r.describe(lang),
            Issue::Inconsistent(what) => format!(
                "{}：{what}",
                lang.pick("数据不一致", "資料不一致", "inconsistent")
            ),
        };
        format!("{at} {p}: {body}")
    }
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    schema: u32,
}

/// False only when no string in the JSON text can hold a character `has_control` refuses: no
/// escape that can encode one (tabs and line feeds are allowed) and no DEL, C1 control,
/// bidirectional override or invisible character written raw.
fn may_hold_control(text: &str) -> bool {
    let b = text.as_bytes();
    b.contains(&0x7f)
        || b.windows(2).any(|w| match w {
            [b'\\', c] => matches!(c, b'u' | b'r' | b'b' | b'f'),
            [0xc2, c] => (0x80..=0x9f).contains(c),
            [0xd8, 0x9c] => true,
            _ => false,
        })
        || b.windows(3).any(|w| match w {
            [0xe2, 0x80, c] => (0x8b..=0x8f).contains(c) || (0xa8..=0xae).contains(c),
            [0xe2, 0x81, c] => (0xa0..=0xa4).contains(c) || (0xa6..=0xa9).contains(c),
            [0xe1, 0xa0, 0x8e] | [0xef, 0xbb, 0xbf] => true,
            _ => false,
        })
}

/// Collects the path of every string holding a control character other than a line feed.
fn find_controls(v: &serde_json::Value, path: &mut String, out: &mut Vec<Problem>) {
    match v {
        serde_json::Value::String(s) if has_control(s, true) => {
            // Which character, where it can be told: an invisible one is named by its code.
            let what = match check(s, Shape::block(usize::MAX), false) {
                Err(fault @ Fault::Invisible(_)) => Issue::Refused(Refusal::Text {
                    field: ["文字", "文字", "text"],
                    fault,
                }),
                _ => Issue::Control,
            };
            out.push(Problem::new(path.clone(), what))
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                find_controls(item, path, out);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                if has_control(k, false) {
                    out.push(Problem::new(path.clone(), Issue::Control));
                }
                find_controls(item, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn is_date_error(message: &str) -> bool {
    [
        "out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough",
    ]
    .iter()
    .any(|m| message.contains(m))
}

impl Document {
    /// Parses an export document, naming the place of the first problem found.
    pub fn parse(text: &str) -> Result<Document, Vec<Problem>> {
        let header: Header = serde_json::from_str(text).map_err(|e| {
            vec![match e.classify() {
                serde_json::error::Category::Data => {
                    Problem::new("format", Issue::Syntax(e.to_string()))
                }
                _ => Problem::syntax(&e),
            }]
        })?;
        if header.format != FORMAT {
            return Err(vec![Problem::new("format", Issue::Format)]);
        }
        if header.schema > SCHEMA {
            return Err(vec![Problem::new(
                "schema",
                Issue::NewerSchema(header.schema),
            )]);
        }
        // The tree of values costs several times the file in memory: it is built only when
        // the text may hold a control character, or to say where a value is wrong.
        let tree = || serde_json::from_str::<Value>(text).map_err(|e| vec![Problem::syntax(&e)]);
        if may_hold_control(text) {
            let mut problems = Vec::new();
            find_controls(&tree()?, &mut String::new(), &mut problems);
            if !problems.is_empty() {
                return Err(problems);
            }
        }
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let place = e.path().to_string();
            let pointer = format!("/{}", place.replace(['[', '.'], "/").replace(']', ""));
            let value = tree().unwrap_or_default();
            let issue = match value.pointer(&pointer).and_then(Value::as_str) {
                // chrono's own words ("input is out of range") say nothing to a secretary.
                Some(v) if is_date_error(&e.inner().to_string()) => Issue::BadDate(v.to_string()),
                _ => Issue::Syntax(e.into_inner().to_string()),
            };
            vec![Problem::new(place, issue)]
        })
    }

    /// Pretty JSON, records in id order: the same record always gives the same bytes.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn writes(&self) -> Vec<Write> {
        let mut w: Vec<Write> = self.councils.iter().cloned().map(Write::Council).collect();
        w.extend(self.meetings.iter().cloned().map(Write::Meeting));
        w.extend(self.matters.iter().cloned().map(Write::Matter));
        w.extend(self.motions.iter().cloned().map(Write::Motion));
        w
    }
}
