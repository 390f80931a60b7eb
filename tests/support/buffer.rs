//! A console frame drawn on ratatui's TestBackend, read back as text.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use yishi::text::{Lang, width};
use yishi::tui::app::App;
use yishi::tui::screens;

/// The buffer as text, a wide glyph once (its trailing cell skipped), trailing blanks cut.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            skip = width(s).saturating_sub(1);
            line.push_str(s);
        }
        assert!(
            width(&line) <= buf.area.width as usize,
            "row {y} too wide: {line}"
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn draw(app: &App, w: u16, h: u16) -> String {
    text(&draw_buffer(app, w, h))
}

/// The frame itself, with every cell's colours.
#[allow(dead_code)]
pub fn draw_buffer(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| screens::view(f, &app.model)).expect("draw");
    t.backend().buffer().clone()
}

pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhHans => "zh-Hans",
        Lang::ZhHant => "zh-Hant",
        Lang::En => "en",
    }
}
