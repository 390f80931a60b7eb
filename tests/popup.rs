//! A popup over Chinese text keeps its left border on a real terminal. The frames are
//! diffed as ratatui does, written as crossterm would write them, and read back by vt100.

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};
use std::cell::RefCell;
use std::num::NonZeroU16;
use std::rc::Rc;

/// What the backend writes, kept to feed the terminal emulator.
struct Sink(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

use yishi::tui::widgets::popup;

const AREA: Rect = Rect::new(0, 0, 60, 12);
/// An odd x: on rows whose text starts at column 0, a glyph straddles the left border.
const POPUP: Rect = Rect::new(11, 2, 30, 8);

fn background() -> Buffer {
    let mut buf = Buffer::empty(AREA);
    let text = "居民议事会公开听证民主决策执行督办群众评议意见收集加装电梯";
    for y in 0..AREA.height {
        // Alternate rows start one column in, so both edges meet a glyph's middle somewhere.
        buf.set_string(y % 2, y, text, ratatui::style::Style::new());
    }
    buf
}

fn with_popup(fixed: bool) -> Buffer {
    let mut buf = background();
    if fixed {
        popup::clear(POPUP, &mut buf);
    } else {
        Clear.render(POPUP, &mut buf);
    }
    Block::bordered().render(POPUP, &mut buf);
    buf
}

/// The terminal's screen after drawing the background, then the frame with the popup.
fn on_terminal(next: &Buffer) -> vt100::Parser {
    let mut parser = vt100::Parser::new(
        NonZeroU16::new(AREA.height).expect("rows"),
        NonZeroU16::new(AREA.width).expect("cols"),
        0,
    );
    let first = background();
    let bytes = Rc::new(RefCell::new(Vec::new()));
    let mut backend = CrosstermBackend::new(Sink(bytes.clone()));
    let empty = Buffer::empty(AREA);
    backend.draw(empty.diff(&first).into_iter()).expect("draw");
    backend.draw(first.diff(next).into_iter()).expect("draw");
    Backend::flush(&mut backend).expect("flush");
    parser.process(&bytes.borrow());
    parser
}

fn border_rows_lost(parser: &vt100::Parser) -> Vec<u16> {
    let screen = parser.screen();
    (POPUP.top()..POPUP.bottom())
        .filter(|&y| {
            let left = screen.cell(y, POPUP.left()).map_or("", |c| c.contents());
            let right = screen
                .cell(y, POPUP.right() - 1)
                .map_or("", |c| c.contents());
            let edge = |s: &str| ["│", "┌", "└", "┐", "┘"].contains(&s);
            !(edge(left) && edge(right))
        })
        .collect()
}

#[test]
fn the_popup_keeps_both_borders_over_chinese_text() {
    let parser = on_terminal(&with_popup(true));
    let lost = border_rows_lost(&parser);
    assert!(
        lost.is_empty(),
        "rows {lost:?} lost a border:\n{}",
        parser.screen().contents()
    );
    // And nothing of the text inside the popup shows through.
    let screen = parser.screen();
    for y in POPUP.top() + 1..POPUP.bottom() - 1 {
        for x in POPUP.left() + 1..POPUP.right() - 1 {
            let c = screen.cell(y, x).map_or("", |c| c.contents());
            assert!(c.trim().is_empty(), "({x},{y}) shows {c:?}");
        }
    }
}

#[test]
fn without_the_blanking_the_border_is_lost() {
    // The failure the popup guards against, shown on the same terminal.
    let parser = on_terminal(&with_popup(false));
    assert!(
        !border_rows_lost(&parser).is_empty(),
        "{}",
        parser.screen().contents()
    );
}
