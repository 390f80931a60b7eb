use super::blocks::{Block, Signed, blocks};
use super::input::{Layout, MinutesInput};
use super::words;
use yishi_text::{pad_center, sanitize};

/// One paragraph of the plain minutes before wrapping: a blank line when `text` is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    pub centred: bool,
    /// A list of names (出席：周立平、陈秀兰……): broken only between them.
    pub list: bool,
    /// Where the paragraph names someone (byte ranges): not broken inside.
    pub names: Vec<std::ops::Range<usize>>,
}

impl Paragraph {
    fn new(text: String) -> Paragraph {
        Paragraph {
            text: sanitize(&text),
            centred: false,
            list: false,
            names: Vec::new(),
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
            yishi_text::wrap_ranges_keeping(&self.text, width, &self.names)
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
    let people = input.people();
    for p in out.iter_mut().filter(|p| !p.list) {
        p.names = name_spans(&p.text, &people);
    }
    out
}

/// Where `text` names one of `people` (longest first, so that 杨晓东 is not read as 杨晓).
pub fn name_spans(text: &str, people: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for name in people {
        for (at, _) in text.match_indices(name.as_str()) {
            let range = at..at + name.len();
            if !out
                .iter()
                .any(|r| r.start < range.end && range.start < r.end)
            {
                out.push(range);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

impl MinutesInput<'_> {
    /// The same minutes in the layout a sealed meeting was signed in, which the digest its
    /// signers signed tells; any other meeting's as they are. What they signed was the
    /// minutes before the signature, with the corrections made by then.
    pub fn as_signed(mut self) -> Self {
        let Some(signature) = &self.meeting.signature else {
            return self;
        };
        let Some(sealed) = &signature.sealed else {
            return self;
        };
        let mut before = self.meeting.clone();
        before.signature = None;
        before.corrections.retain(|k| k.at <= signature.at);
        let matches = |layout: Layout| {
            let probe = MinutesInput {
                meeting: &before,
                layout,
                ..self.clone()
            };
            digest(&probe) == sealed.minutes
        };
        if let Some(layout) = Layout::ALL.into_iter().rev().find(|l| matches(*l)) {
            self.layout = layout;
        }
        self
    }
}

/// The SHA-256 of the minutes as they are signed: the text in 简体 at 72 columns, in
/// hexadecimal.
pub fn digest(input: &MinutesInput<'_>) -> String {
    use sha2::{Digest, Sha256};
    let zh = MinutesInput {
        lang: yishi_text::Lang::ZhHans,
        ..input.clone()
    };
    let hash = Sha256::digest(text(&zh, 72).as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
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
