use super::blocks::{Block, MinutesInput, Signed, blocks};
use crate::text::{pad_center, sanitize, wrap};

/// The minutes as plain text wrapped to `width` display columns.
pub fn text(input: &MinutesInput<'_>, width: usize) -> String {
    let mut out: Vec<String> = Vec::new();
    // A step's heading runs into its first paragraph: （一）意见收集：……
    let mut heading: Option<String> = None;
    for block in blocks(input) {
        if let Block::Para(s) = &block {
            let s = heading.take().map_or_else(|| s.clone(), |h| h + s);
            out.extend(wrap(&s, width));
            continue;
        }
        if let Some(h) = heading.take() {
            out.extend(wrap(&h, width));
        }
        match block {
            Block::Title(s) | Block::Subtitle(s) => {
                for l in wrap(&s, width) {
                    out.push(pad_center(&l, width));
                }
            }
            Block::Line(s) | Block::Para(s) => out.extend(wrap(&s, width)),
            Block::Matter(s) => {
                out.push(String::new());
                out.extend(wrap(&s, width));
            }
            Block::Step(s) => heading = Some(s),
            Block::Signatures(signed) => {
                out.push(String::new());
                out.extend(wrap(&signature_line(signed.as_ref()), width));
                if let Some(s) = signed {
                    out.extend(wrap(&format!("签发时间：{}", s.at), width));
                }
            }
            Block::Section(s) => {
                out.push(String::new());
                out.push(pad_center(&s, width));
            }
        }
    }
    let mut s = out.join("\n");
    s.push('\n');
    sanitize(&s)
}

/// 主持人（签字）：王某　记录人（签字）：李某, or blank room for the pen.
pub(super) fn signature_line(signed: Option<&Signed>) -> String {
    match signed {
        Some(s) => format!(
            "主持人（签字）：{}　　　　记录人（签字）：{}",
            s.chair, s.recorder
        ),
        None => "主持人（签字）：　　　　　　　　记录人（签字）：".to_string(),
    }
}
