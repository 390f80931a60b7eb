use super::blocks::{Block, blocks};
use super::input::MinutesInput;
use super::plain::signature_line;
use yishi_text::sanitize;

/// Escapes the characters Markdown would read as markup.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize(s).chars() {
        if "\\`*_[]#<>|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph's text as Markdown reads it at the start of a line: what would open a list, a
/// quote or a heading there (`- `, `+ `, `1. `, `=`) escaped too.
fn paragraph(s: &str) -> String {
    let text = escape(s);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let list = text.starts_with(['-', '+', '=', '~'])
        || (digits > 0 && text[digits..].starts_with(['.', ')']));
    if !list {
        return text;
    }
    let at = if digits > 0 { digits } else { 0 };
    format!("{}\\{}", &text[..at], &text[at..])
}

/// The minutes as Markdown: a heading per matter and per step, each paragraph one line —
/// never wrapped, since a line feed inside a Chinese paragraph renders as a space.
pub fn markdown(input: &MinutesInput<'_>) -> String {
    let mut out = String::new();
    for block in blocks(input) {
        match block {
            Block::Title(s) => out += &format!("# {}\n\n", escape(&s)),
            Block::Subtitle(s) => out += &format!("## {}\n\n", escape(&s)),
            Block::Line(s) => out += &format!("{}  \n", paragraph(&s)),
            Block::Matter(s) => out += &format!("\n### {}\n\n", escape(&s)),
            Block::Step(s) => {
                let s = s.trim_end_matches(['：', ':', ' ']);
                out += &format!("#### {}\n\n", escape(s));
            }
            Block::Para(s) => out += &format!("{}\n\n", paragraph(&s)),
            Block::Signatures(signed) => {
                let line = signature_line(signed.as_ref(), input.lang);
                out += &format!("\n{}  \n", escape(&line));
                if let Some(s) = signed {
                    let at = super::words::signed_at(input.lang, &s.at);
                    out += &format!("{}  \n", escape(&at));
                    for line in &s.sealed {
                        out += &format!("{}  \n", escape(line));
                    }
                }
            }
            Block::Section(s) => out += &format!("\n## {}\n\n", escape(&s)),
            Block::Roll(lines) => {
                for s in lines {
                    out += &format!("{}  \n", paragraph(&s));
                }
                out += "\n";
            }
        }
    }
    out
}
