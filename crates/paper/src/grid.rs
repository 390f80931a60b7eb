//! The minutes laid out on the 公文 grid of GB/T 9704-2012: A4, 22 lines of 28 characters in a
//! text block 156 × 225 mm, from the same blocks as the text and Markdown minutes. Pure: it
//! says what goes on which line of which page, in which face, and where; `pdf` only places
//! the glyphs.

use yishi_minutes::{Block, MeetingRecord, Signed};
use yishi_text::{Lang, sanitize, width, wrap_ranges};

use super::face::Face;
use super::words;

/// Millimetres of the page and its text block (GB/T 9704-2012 §5.2).
pub const PAGE_WIDTH: f32 = 210.0;
pub const PAGE_HEIGHT: f32 = 297.0;
pub const TOP: f32 = 37.0;
pub const BINDING: f32 = 28.0;
pub const BLOCK_WIDTH: f32 = 156.0;
pub const BLOCK_HEIGHT: f32 = 225.0;
/// Lines a page, characters a line (§7.1).
pub const ROWS: usize = 22;
pub const CHARACTERS: usize = 28;
/// Display columns of a line: a Chinese character is two, a digit or a Latin letter one.
pub const COLUMNS: usize = CHARACTERS * 2;
/// The page number's distance below the text block (§7.5).
pub const NUMBER_BELOW: f32 = 7.0;

/// Points: 3号 for the body, 2号 for the title, 4号 for page numbers, 5号 for the digests.
pub const BODY_PT: f32 = 16.0;
pub const TITLE_PT: f32 = 22.0;
pub const NUMBER_PT: f32 = 14.0;
pub const SMALL_PT: f32 = 10.5;

/// A piece of a line in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub face: Face,
}

/// One line on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub runs: Vec<Run>,
    pub size: f32,
    /// Columns from the text block's left edge, or `None`: centred.
    pub indent: Option<usize>,
    /// The line's top, in lines of the grid from the text block's top (a small line takes
    /// half a line).
    pub row: f32,
}

impl Line {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// From 1.
    pub number: usize,
    pub lines: Vec<Line>,
}

impl Page {
    /// The page number as printed: 4号 half-width digits between dashes (§7.5).
    pub fn folio(&self) -> String {
        format!("— {} —", self.number)
    }

    /// Whether the number goes on the right (odd pages) or the left (even), one character in.
    pub fn number_on_right(&self) -> bool {
        self.number % 2 == 1
    }
}

/// A line before it finds its page: its height in grid lines, and whether it must stay with
/// the line after it (a heading with its first line, a signature with its date).
struct Placed {
    line: Line,
    height: f32,
    keep_with_next: bool,
}

/// The first line of a paragraph is indented two characters (§7.3.1): four columns.
const INDENT: usize = 4;
const INDENT_MARK: char = '口';

/// The minutes of `record` in `lang`, page by page.
pub fn pages(record: &MeetingRecord, lang: Lang) -> Vec<Page> {
    let input = record.input_in(lang);
    let people = input.people();
    let mut flow: Vec<Placed> = Vec::new();
    // A step's heading runs into its first paragraph: （一）意见收集：……
    let mut heading: Option<String> = None;
    for block in yishi_minutes::blocks(&input) {
        if let Block::Para(s) = &block {
            let h = heading.take().unwrap_or_default();
            paragraph(&mut flow, &people, &h, s, Face::Kai);
            continue;
        }
        if let Some(h) = heading.take() {
            paragraph(&mut flow, &people, &h, "", Face::Kai);
        }
        match block {
            Block::Title(s) => centred(&mut flow, &s, Face::Title, TITLE_PT),
            // The title is followed by a blank line (§7.3.3).
            Block::Subtitle(s) => {
                centred(&mut flow, &s, Face::Title, TITLE_PT);
                blank(&mut flow);
            }
            Block::Line(s) => labelled(&mut flow, &people, &s, false),
            Block::Para(s) => paragraph(&mut flow, &people, "", &s, Face::Song),
            Block::Matter(s) => {
                blank(&mut flow);
                paragraph(&mut flow, &people, &s, "", Face::Hei);
                if let Some(last) = flow.last_mut() {
                    last.keep_with_next = true;
                }
            }
            Block::Step(s) => heading = Some(s),
            Block::Signatures(signed) => signatures(&mut flow, signed.as_ref(), record, lang),
            Block::Section(s) => {
                blank(&mut flow);
                centred(&mut flow, &s, Face::Hei, BODY_PT);
            }
            // A blank line after the body, then each list under its label (§10.3).
            Block::Roll(lines) => {
                blank(&mut flow);
                for s in lines {
                    labelled(&mut flow, &people, &s, true);
                }
            }
        }
    }
    if let Some(h) = heading {
        paragraph(&mut flow, &people, &h, "", Face::Kai);
    }
    paginate(flow)
}

fn blank(flow: &mut Vec<Placed>) {
    flow.push(Placed {
        line: Line {
            runs: Vec::new(),
            size: BODY_PT,
            indent: Some(0),
            row: 0.0,
        },
        height: 1.0,
        keep_with_next: false,
    });
}

fn centred(flow: &mut Vec<Placed>, text: &str, face: Face, size: f32) {
    // A title longer than a line wraps, each line centred; a 2号 character is wider than a
    // 3号 cell, so fewer go on a line.
    let columns = (COLUMNS as f32 * BODY_PT / size).floor() as usize;
    let text = sanitize(text);
    for range in wrap_ranges(&text, columns) {
        flow.push(Placed {
            line: Line {
                runs: vec![Run {
                    text: text[range].to_string(),
                    face,
                }],
                size,
                indent: None,
                row: 0.0,
            },
            height: 1.0,
            keep_with_next: false,
        });
    }
}

/// A paragraph: `head` in `face` (a heading) running into `body` in 仿宋, the first line
/// indented two characters, wrapped by the same rules as the text minutes.
fn paragraph(flow: &mut Vec<Placed>, people: &[String], head: &str, body: &str, face: Face) {
    let text = sanitize(&format!("{head}{body}"));
    let head_end = sanitize(head).len();
    // The indent is written as two ideographs so the wrapper counts it as two characters
    // (it would trim spaces); they are not drawn.
    let indented = format!("{INDENT_MARK}{INDENT_MARK}{text}");
    let shift = indented.len() - text.len();
    // No name is parted across two lines.
    let names = yishi_minutes::name_spans(&indented, people);
    let lines = yishi_text::wrap_ranges_keeping(&indented, COLUMNS, &names);
    for (i, range) in lines.into_iter().enumerate() {
        let start = range.start.max(shift) - shift;
        let end = range.end.max(shift) - shift;
        let indent = if i == 0 { INDENT } else { 0 };
        let mut runs = Vec::new();
        let split = head_end.clamp(start, end);
        if split > start {
            runs.push(Run {
                text: text[start..split].to_string(),
                face,
            });
        }
        if end > split {
            runs.push(Run {
                text: text[split..end].to_string(),
                face: Face::Song,
            });
        }
        flow.push(Placed {
            line: Line {
                runs,
                size: BODY_PT,
                indent: Some(indent),
                row: 0.0,
            },
            height: 1.0,
            keep_with_next: false,
        });
    }
}

/// A line of the head (时间：…, 出席：…): its label and colon in 黑体, what follows in 仿宋,
/// wrapped lines aligned under the first character after the colon (§10.3).
fn labelled(flow: &mut Vec<Placed>, people: &[String], text: &str, list: bool) {
    let text = sanitize(text);
    // 时间： in Chinese; Time: in English, where the line is not a sentence of counts.
    let label_end = text
        .find('：')
        .filter(|at| text[..*at].chars().count() <= 4)
        .map(|at| at + '：'.len_utf8())
        .or_else(|| {
            text.find(": ")
                .filter(|at| {
                    *at <= 12
                        && !text.contains(';')
                        && text[..*at]
                            .chars()
                            .all(|c| c.is_ascii_alphabetic() || c == ' ')
                })
                .map(|at| at + ": ".len())
        });
    let Some(label_end) = label_end else {
        paragraph(flow, people, "", &text, Face::Song);
        return;
    };
    let label = &text[..label_end];
    let rest = &text[label_end..];
    let hang = INDENT + width(label);
    // A list of names breaks only between names.
    let ranges = if list {
        yishi_text::wrap_list_ranges(rest, yishi_minutes::list_separator(rest), COLUMNS - hang)
    } else {
        let names = yishi_minutes::name_spans(rest, people);
        yishi_text::wrap_ranges_keeping(rest, COLUMNS - hang, &names)
    };
    for (i, range) in ranges.into_iter().enumerate() {
        let mut runs = Vec::new();
        if i == 0 {
            runs.push(Run {
                text: label.to_string(),
                face: Face::Hei,
            });
        }
        runs.push(Run {
            text: rest[range].to_string(),
            face: Face::Song,
        });
        flow.push(Placed {
            line: Line {
                runs,
                size: BODY_PT,
                indent: Some(if i == 0 { INDENT } else { hang }),
                row: 0.0,
            },
            height: 1.0,
            keep_with_next: false,
        });
    }
}

/// The signature lines, then in 5号 type what matches the paper with the file: the signers'
/// keys and the digests once sealed, the minutes' digest before.
fn signatures(flow: &mut Vec<Placed>, signed: Option<&Signed>, record: &MeetingRecord, lang: Lang) {
    // The signatures never stand alone on the last page: the last lines go with them.
    let before = flow.len().saturating_sub(2);
    for p in &mut flow[before..] {
        p.keep_with_next = true;
    }
    blank(flow);
    let line = yishi_minutes::signature_line(signed, lang);
    paragraph(flow, &[], "", &line, Face::Song);
    let mut small: Vec<String> = Vec::new();
    if let Some(s) = signed {
        paragraph(
            flow,
            &[],
            "",
            &yishi_minutes::signed_at(lang, &s.at),
            Face::Song,
        );
        small.extend(s.sealed.iter().cloned());
    }
    if signed.is_none_or(|s| s.sealed.is_empty()) {
        small.push(words::minutes_digest(
            lang,
            &yishi_domain::short_digest(&record.digest()),
        ));
    }
    // What is signed stays with its signature line on one page where it can.
    let from = flow
        .len()
        .saturating_sub(if signed.is_some() { 2 } else { 1 });
    for p in &mut flow[from..] {
        p.keep_with_next = true;
    }
    let columns = (COLUMNS as f32 * BODY_PT / SMALL_PT).floor() as usize;
    for text in small {
        let text = sanitize(&text);
        for range in wrap_ranges(&text, columns) {
            flow.push(Placed {
                line: Line {
                    runs: vec![Run {
                        text: text[range].to_string(),
                        face: Face::Song,
                    }],
                    size: SMALL_PT,
                    indent: Some(0),
                    row: 0.0,
                },
                height: 0.5,
                keep_with_next: true,
            });
        }
    }
    if let Some(last) = flow.last_mut() {
        last.keep_with_next = false;
    }
}

/// The lines onto pages of 22, a heading never last on its page, a signature kept with what
/// it signs where that fits on a page; no page starts with a blank line.
fn paginate(flow: Vec<Placed>) -> Vec<Page> {
    let mut pages = vec![Page {
        number: 1,
        lines: Vec::new(),
    }];
    let mut row = 0.0f32;
    let mut i = 0;
    while i < flow.len() {
        // The run of lines that must stay together from here.
        let mut j = i;
        let mut height = flow[i].height;
        while flow[j].keep_with_next && j + 1 < flow.len() {
            j += 1;
            height += flow[j].height;
        }
        let fits_a_page = height <= ROWS as f32;
        if row > 0.0 && row + height > ROWS as f32 + 0.01 && fits_a_page {
            pages.push(Page {
                number: pages.len() + 1,
                lines: Vec::new(),
            });
            row = 0.0;
        }
        for p in &flow[i..=j] {
            if row + p.height > ROWS as f32 + 0.01 {
                pages.push(Page {
                    number: pages.len() + 1,
                    lines: Vec::new(),
                });
                row = 0.0;
            }
            if row == 0.0 && p.line.runs.is_empty() {
                continue;
            }
            let mut line = p.line.clone();
            line.row = row;
            row += p.height;
            if let Some(page) = pages.last_mut() {
                page.lines.push(line);
            }
        }
        i = j + 1;
    }
    pages
}
