//! The export document: a whole database as one versioned JSON value, and the checks an import
//! must pass before anything is written.

use crate::words;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::council::Council;
use super::matter::Matter;
use super::meeting::Meeting;
use super::refusal::{Issue, Problem, Refusal};
use super::vote::Motion;
use yishi_text::{Fault, Shape, check, has_control};

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

/// A document that is not JSON, at the line and column where it stops being it.
pub(super) fn syntax(e: &serde_json::Error) -> Problem {
    Problem::new(
        format!("{}:{}", e.line(), e.column()),
        Issue::Syntax(e.to_string()),
    )
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
                    field: words::TEXT,
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

/// Refuses a record's text (`at`: its place) holding a control character, naming each.
pub(super) fn check_controls(text: &str, at: &str) -> Result<(), Vec<Problem>> {
    if !may_hold_control(text) {
        return Ok(());
    }
    let tree = serde_json::from_str::<Value>(text).map_err(|e| vec![syntax(&e)])?;
    let mut problems = Vec::new();
    find_controls(&tree, &mut at.to_string(), &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A record's text (`at`: its place) as its type, or the fault at the place it is found.
pub(super) fn typed<T: serde::de::DeserializeOwned>(
    text: &str,
    at: &str,
) -> Result<T, Vec<Problem>> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let place = if path == "." {
            at.to_string()
        } else {
            format!("{at}.{path}")
        };
        let pointer = format!("/{}", path.replace(['[', '.'], "/").replace(']', ""));
        let value = serde_json::from_str::<Value>(text).unwrap_or_default();
        let issue = match value.pointer(&pointer).and_then(Value::as_str) {
            Some(v) if is_date_error(&e.inner().to_string()) => Issue::BadDate(v.to_string()),
            _ => Issue::Syntax(e.into_inner().to_string()),
        };
        vec![Problem::new(place, issue)]
    })
}

impl Document {
    /// Parses an export document, naming the place of the first problem found.
    pub fn parse(text: &str) -> Result<Document, Vec<Problem>> {
        let header: Header = serde_json::from_str(text).map_err(|e| {
            vec![match e.classify() {
                serde_json::error::Category::Data => {
                    Problem::new("format", Issue::Syntax(e.to_string()))
                }
                _ => syntax(&e),
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
        let tree = || serde_json::from_str::<Value>(text).map_err(|e| vec![syntax(&e)]);
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
}
