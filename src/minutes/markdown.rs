use super::blocks::{Block, blocks};
use super::input::MinutesInput;
use super::plain::signature_line;
use crate::text::sanitize;

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

/// The minutes as Markdown: a heading per matter and per step, paragraphs unwrapped.
pub fn markdown(input: &MinutesInput<'_>) -> String {
    let mut out = String::new();
    for block in blocks(input) {
        match block {
            Block::Title(s) => out += &format!("# {}\n\n", escape(&s)),
            Block::Subtitle(s) => out += &format!("## {}\n\n", escape(&s)),
            Block::Line(s) => out += &format!("{}  \n", escape(&s)),
            Block::Matter(s) => out += &format!("\n### {}\n\n", escape(&s)),
            Block::Step(s) => out += &format!("#### {}\n\n", escape(s.trim_end_matches('：'))),
            Block::Para(s) => out += &format!("{}\n\n", escape(&s)),
            Block::Signatures(signed) => {
                out += &format!("\n{}  \n", escape(&signature_line(signed.as_ref())));
                if let Some(s) = signed {
                    out += &format!("签发时间：{}  \n", escape(&s.at));
                }
            }
            Block::Section(s) => out += &format!("\n## {}\n\n", escape(&s)),
        }
    }
    out
}
