//! A terminal set for East Asian text, as xterm -cjk_width is: every character of ambiguous
//! East Asian width is drawn two columns wide. vt100 measures as most terminals do, so the
//! tests that need this one read the same bytes here. It knows what the console sends: cursor
//! moves, erasing, and printing; colours and modes are read and let be. It notes any character
//! drawn past the right edge, which in a real terminal would wrap and push the screen.

use unicode_width::UnicodeWidthChar;

/// Latin letters with accents and pinyin's tone letters: East Asian Width "A" in Unicode's
/// EastAsianWidth.txt, which unicode-width's `width_cjk` counts as one column but xterm
/// -cjk_width draws as two.
const WIDE_LATIN: &str = "àáèéêìíòóùúüāēěīōūǎǐǒǔǖǘǚǜ";

/// Columns the terminal gives `c`.
fn columns(c: char) -> usize {
    if WIDE_LATIN.contains(c) {
        2
    } else {
        c.width_cjk().unwrap_or(1)
    }
}

#[derive(Clone)]
enum Cell {
    Blank,
    Char(String),
    /// The right half of a two-column character.
    Behind,
}

#[derive(Clone)]
pub struct WideTerm {
    rows: Vec<Vec<Cell>>,
    row: usize,
    col: usize,
    /// Characters that did not fit before the right edge, with where they were drawn.
    pub overflow: Vec<(usize, usize, String)>,
}

impl WideTerm {
    pub fn new(rows: u16, cols: u16) -> WideTerm {
        WideTerm {
            rows: vec![vec![Cell::Blank; usize::from(cols)]; usize::from(rows)],
            row: 0,
            col: 0,
            overflow: Vec::new(),
        }
    }

    fn cols(&self) -> usize {
        self.rows.first().map_or(0, Vec::len)
    }

    /// Clears a cell, and the other half of a two-column character it cuts.
    fn clear(&mut self, row: usize, col: usize) {
        let Some(line) = self.rows.get_mut(row) else {
            return;
        };
        match line.get(col) {
            Some(Cell::Behind) if col > 0 => line[col - 1] = Cell::Blank,
            Some(Cell::Char(_)) if matches!(line.get(col + 1), Some(Cell::Behind)) => {
                line[col + 1] = Cell::Blank
            }
            _ => {}
        }
        if let Some(c) = line.get_mut(col) {
            *c = Cell::Blank;
        }
    }

    /// The screen's text, a row a line, each two-column character once.
    pub fn contents(&self) -> String {
        let mut out = String::new();
        for line in &self.rows {
            let mut s = String::new();
            for c in line {
                match c {
                    Cell::Blank => s.push(' '),
                    Cell::Char(t) => s.push_str(t),
                    Cell::Behind => {}
                }
            }
            out.push_str(s.trim_end());
            out.push('\n');
        }
        out
    }

    /// The character drawn at `row`, `col` (None for blank or a character's right half).
    pub fn at(&self, row: usize, col: usize) -> Option<&str> {
        match self.rows.get(row)?.get(col)? {
            Cell::Char(t) => Some(t),
            _ => None,
        }
    }

    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }
}

impl vte::Perform for WideTerm {
    fn print(&mut self, c: char) {
        let w = columns(c);
        if w == 0 {
            // Joins the character before it.
            if let Some(Cell::Char(t)) = self
                .rows
                .get_mut(self.row)
                .and_then(|l| l.get_mut(self.col.saturating_sub(1)))
            {
                t.push(c);
            }
            return;
        }
        if self.col + w > self.cols() {
            self.overflow.push((self.row, self.col, c.to_string()));
            self.col = self.cols();
            return;
        }
        for i in 0..w {
            self.clear(self.row, self.col + i);
        }
        if let Some(line) = self.rows.get_mut(self.row) {
            line[self.col] = Cell::Char(c.to_string());
            if w == 2 {
                line[self.col + 1] = Cell::Behind;
            }
        }
        self.col += w;
    }

    fn execute(&mut self, byte: u8) {
        match byte {
            b'\r' => self.col = 0,
            b'\n' => self.row = (self.row + 1).min(self.rows.len().saturating_sub(1)),
            0x08 => self.col = self.col.saturating_sub(1),
            _ => {}
        }
    }

    fn csi_dispatch(&mut self, params: &vte::Params, intermediates: &[u8], _: bool, action: char) {
        if !intermediates.is_empty() {
            return;
        }
        let p: Vec<usize> = params.iter().map(|p| usize::from(p[0])).collect();
        let first = |d: usize| p.first().copied().filter(|v| *v > 0).unwrap_or(d);
        let (rows, cols) = (self.rows.len(), self.cols());
        match action {
            'H' | 'f' => {
                self.row = (first(1) - 1).min(rows.saturating_sub(1));
                self.col = (p.get(1).copied().filter(|v| *v > 0).unwrap_or(1) - 1)
                    .min(cols.saturating_sub(1));
            }
            'A' => self.row = self.row.saturating_sub(first(1)),
            'B' => self.row = (self.row + first(1)).min(rows.saturating_sub(1)),
            'C' => self.col = (self.col + first(1)).min(cols.saturating_sub(1)),
            'D' => self.col = self.col.saturating_sub(first(1)),
            'G' => self.col = (first(1) - 1).min(cols.saturating_sub(1)),
            'J' => {
                let all = p.first().copied().unwrap_or(0) == 2;
                for r in 0..rows {
                    for c in 0..cols {
                        if all || r > self.row || (r == self.row && c >= self.col) {
                            self.rows[r][c] = Cell::Blank;
                        }
                    }
                }
            }
            'K' => {
                for c in self.col..cols {
                    self.clear(self.row, c);
                }
            }
            _ => {}
        }
    }
}
