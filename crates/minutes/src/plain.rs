use super::blocks::{Block, Signed, blocks};
use super::input::MinutesInput;
use super::words;
use yishi_text::{pad_center, sanitize};

/// One paragraph of the plain minutes before wrapping: a blank line when `text` is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub centred: bool,
    /// A list of names (出席：周立平、陈秀兰……): broken only between them.
    pub list: bool,
}

impl Paragraph {
    fn new(text: String) -> Paragraph {
        Paragraph {
            text: sanitize(&text),
            centred: false,
            list: false,
        }
    }
    fn centred(text: String) -> Paragraph {
        Paragraph {
            centred: true,
            ..Paragraph::new(text)
        }
    }
    fn list(text: String) -> Paragraph {
        Paragraph {
            list: true,
            ..Paragraph::new(text)
        }
    }

    /// The byte ranges of the paragraph's lines at `width` columns.
    pub fn line_ranges(&self, width: usize) -> Vec<std::ops::Range<usize>> {
        if self.list {
            yishi_text::wrap_list_ranges(&self.text, list_separator(&self.text), width)
        } else {
            yishi_text::wrap_ranges(&self.text, width)
        }
    }
    fn blank() -> Paragraph {
        Paragraph::new(String::new())
    }
}

/// The plain minutes as paragraphs, free of control characters: what `text` wraps, and what
/// the console wraps to its own width and searches.
pub fn paragraphs(input: &MinutesInput<'_>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    // A step's heading runs into its first paragraph: （一）意见收集：……
    let mut heading: Option<String> = None;
    for block in blocks(input) {
        if let Block::Para(s) = &block {
            let s = heading.take().map_or_else(|| s.clone(), |h| h + s);
            out.push(Paragraph::new(s));
            continue;
        }
        if let Some(h) = heading.take() {
            out.push(Paragraph::new(h));
        }
        match block {
            Block::Title(s) | Block::Subtitle(s) => out.push(Paragraph::centred(s)),
            Block::Line(s) | Block::Para(s) => out.push(Paragraph::new(s)),
            Block::Matter(s) => {
                out.push(Paragraph::blank());
                out.push(Paragraph::new(s));
            }
            Block::Step(s) => heading = Some(s),
            Block::Signatures(signed) => {
                out.push(Paragraph::blank());
                out.push(Paragraph::new(signature_line(signed.as_ref(), input.lang)));
                if let Some(s) = signed {
                    out.push(Paragraph::new(words::signed_at(input.lang, &s.at)));
                    for line in &s.sealed {
                        out.push(Paragraph::new(line.clone()));
                    }
                }
            }
            Block::Roll(lines) => {
                out.push(Paragraph::blank());
                out.extend(lines.into_iter().map(Paragraph::list));
            }
            Block::Section(s) => {
                out.push(Paragraph::blank());
                out.push(Paragraph::centred(s));
            }
        }
    }
    if let Some(h) = heading {
        out.push(Paragraph::new(h));
    }
    out
}

/// What joins the names of a list: 、 in Chinese, a comma in English.
pub fn list_separator(text: &str) -> char {
    if text.contains('、') { '、' } else { ',' }
}

/// The lines of one paragraph at `width` columns.
pub fn lines(p: &Paragraph, width: usize) -> Vec<String> {
    if p.text.is_empty() {
        return vec![String::new()];
    }
    let lines: Vec<String> = p
        .line_ranges(width)
        .into_iter()
        .map(|r| p.text[r].to_string())
        .collect();
    if p.centred {
        lines.into_iter().map(|l| pad_center(&l, width)).collect()
    } else {
        lines
    }
}

/// The minutes as plain text wrapped to `width` display columns.
pub fn text(input: &MinutesInput<'_>, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in paragraphs(input) {
        out.extend(lines(&p, width));
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// 主持人（签字）：王某　记录人（签字）：李某, or blank room for the pen.
pub fn signature_line(signed: Option<&Signed>, lang: yishi_text::Lang) -> String {
    words::signatures(
        lang,
        signed.map(|s| s.chair.as_str()),
        signed.map(|s| s.recorder.as_str()),
    )
}
