//! Popups over Chinese text. A wide glyph just left of a popup straddles its left border;
//! the terminal would draw the glyph's right half over the border, so it is blanked first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// A rectangle of at most `width` × `height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area` for a popup, blanking wide glyphs cut by either edge.
pub fn clear(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        // A wide glyph may start up to one column left of the popup.
        if area.x > buf.area.x
            && let Some(cell) = buf.cell_mut((area.x - 1, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
        // One starting in the popup's last column spills past its right edge.
        if let Some(cell) = buf.cell_mut((area.right() - 1, y))
            && cell.symbol().width() > 1
            && let Some(next) = buf.cell_mut((area.right(), y))
        {
            next.reset();
        }
    }
    Clear.render(area, buf);
}
