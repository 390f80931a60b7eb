//! Minutes on paper: A4 after GB/T 9704-2012, as a PDF/A-2b with its fonts embedded, laid out
//! on the 公文 grid from the same blocks as the text and Markdown minutes, so the three always
//! say the same. `grid` lays the pages out (pure), `fonts` finds the free fonts that stand in
//! for the faces of a 公文, `pdf` places the glyphs.

pub mod face;
pub mod fonts;
pub mod grid;
mod pdf;
pub mod words;

use std::path::Path;

use yishi_minutes::MeetingRecord;
use yishi_text::Lang;

/// The minutes of `record` in `lang` as a PDF, with the fonts found in `fonts` (a folder) or
/// on the system. The error is a message in `lang` naming the cause: a font not installed
/// (and its package), a character no font has, the writer's refusal.
pub fn minutes_pdf(
    record: &MeetingRecord,
    lang: Lang,
    fonts: Option<&Path>,
) -> Result<Vec<u8>, String> {
    let found = fonts::find(lang, fonts).map_err(|m| words::fonts_missing(lang, &m.faces))?;
    let make = || {
        let pages = grid::pages(record, lang);
        let title = format!("{} {}", record.council.name, record.meeting.label(lang));
        let date = record.meeting.end.unwrap_or(record.meeting.start);
        pdf::write(&pages, &found, lang, &title, date)
    };
    // Chinese minutes are measured as a CJK font draws them: “” —— …… whole cells.
    if lang == Lang::En {
        make()
    } else {
        yishi_text::measured_as_printed(make)
    }
}
