//! Reads words the wall draws in Braille dots back into text, as the back row reads them: each
//! band of four rows of dots is turned into pixels (ISO/TR 11548-1: dots 1–3 and 7 down a
//! cell's left, 4–6 and 8 down its right) and matched, glyph by glyph, against unifont's own
//! bitmaps. The oracle is the font, not the code that lays the words out.

use std::collections::HashMap;
use std::sync::OnceLock;

const BITS: [[u32; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];

/// A glyph's pixels, a row a number, keyed with its width; blank glyphs are left out.
type Key = (usize, [u16; 16]);

fn glyphs() -> &'static HashMap<Key, char> {
    static GLYPHS: OnceLock<HashMap<Key, char>> = OnceLock::new();
    GLYPHS.get_or_init(|| {
        let mut map = HashMap::new();
        for c in (0x21u32..0x10000).filter_map(char::from_u32) {
            let Some(g) = unifont::get_glyph(c) else {
                continue;
            };
            let w = g.get_width();
            let mut rows = [0u16; 16];
            for (y, row) in rows.iter_mut().enumerate() {
                for x in 0..w {
                    if g.get_pixel(x, y) {
                        *row |= 1 << x;
                    }
                }
            }
            if rows.iter().any(|r| *r != 0) {
                // The first of identical glyphs wins: unified ideographs before compatibility ones.
                map.entry((w, rows)).or_insert(c);
            }
        }
        map
    })
}

fn is_braille(c: char) -> bool {
    ('\u{2800}'..='\u{28ff}').contains(&c)
}

/// Four text rows of Braille as 16 rows of pixels, two a column.
fn pixels(rows: &[Vec<char>]) -> Vec<Vec<bool>> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0) * 2;
    let mut out = vec![vec![false; width]; 16];
    for (y, row) in rows.iter().enumerate() {
        for (x, c) in row.iter().enumerate() {
            let bits = if is_braille(*c) {
                u32::from(*c) - 0x2800
            } else {
                0
            };
            for (dx, column) in BITS.iter().enumerate() {
                for (dy, bit) in column.iter().enumerate() {
                    out[y * 4 + dy][x * 2 + dx] = bits & bit != 0;
                }
            }
        }
    }
    out
}

fn key(px: &[Vec<bool>], x: usize, w: usize) -> Option<Key> {
    let mut rows = [0u16; 16];
    for (y, row) in rows.iter_mut().enumerate() {
        for dx in 0..w {
            if *px[y].get(x + dx)? {
                *row |= 1 << dx;
            }
        }
    }
    Some((w, rows))
}

/// The characters a band of pixels shows, left to right (spaces left out).
fn decode(px: &[Vec<bool>]) -> String {
    let map = glyphs();
    let mut out = String::new();
    let mut x = 0;
    while x < px[0].len() {
        let hit = [16, 8]
            .into_iter()
            .find_map(|w| key(px, x, w).and_then(|k| map.get(&k)).map(|c| (w, *c)));
        match hit {
            Some((w, c)) => {
                out.push(c);
                x += w;
            }
            None => x += 2,
        }
    }
    out
}

/// The screen as read: each band of four rows of dots replaced by the words it draws (on its
/// first row; the other three left blank), every other row as it is.
pub fn read(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let dotted = |l: &str| l.chars().any(is_braille);
    let mut out = Vec::new();
    let mut y = 0;
    while y < lines.len() {
        if dotted(lines[y]) && y + 4 <= lines.len() {
            let rows: Vec<Vec<char>> = lines[y..y + 4]
                .iter()
                .map(|l| l.chars().collect())
                .collect();
            out.push(decode(&pixels(&rows)));
            out.extend(["", "", ""].map(String::from));
            y += 4;
        } else {
            out.push(lines[y].to_string());
            y += 1;
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}
