//! The laid-out pages written as a PDF/A-2b with krilla: each character placed in its cell of
//! the grid (a Chinese character in a whole cell, a digit or Latin letter centred in half of
//! one), the fonts embedded as subsets, the text mapped back to Unicode so it can be searched
//! and copied.

use std::ops::Range;
use std::sync::Arc;

use krilla::configure::{Configuration, Validator};
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

use super::face::Face;
use super::fonts::{Fonts, Loaded};
use super::grid::{self, Line, Page};
use super::words;
use yishi_text::{Lang, width};

fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

fn mm(pt: f32) -> f32 {
    pt * 25.4 / 72.0
}

/// Where the ascent of a CJK face puts the baseline below the top of its em box.
const ASCENT: f32 = 0.88;

/// A loaded font and what it draws.
struct Drawn {
    font: Font,
    source: Loaded,
}

impl Drawn {
    fn new(source: &Loaded) -> Option<Drawn> {
        let data: Arc<Vec<u8>> = source.data.clone();
        Some(Drawn {
            font: Font::new(data.into(), source.index)?,
            source: source.clone(),
        })
    }

    fn glyph(&self, c: char) -> Option<(GlyphId, f32)> {
        let f = skrifa::FontRef::from_index(&self.source.data, self.source.index).ok()?;
        let id = f.charmap().map(c)?;
        let upem = f
            .metrics(Size::unscaled(), LocationRef::default())
            .units_per_em as f32;
        let metrics = f.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advance = metrics.advance_width(id).unwrap_or(upem) / upem;
        Some((GlyphId::new(id.to_u32()), advance))
    }
}

/// The faces loaded for the PDF, in `Face::ALL`'s order.
struct Faces(Vec<Drawn>);

impl Faces {
    fn of(&self, face: Face) -> &Drawn {
        &self.0[face as usize]
    }

    /// The face that draws `c`: the one asked for, or the body's.
    fn drawing(&self, face: Face, c: char) -> Option<(&Drawn, GlyphId, f32)> {
        [self.of(face), self.of(Face::Song)]
            .into_iter()
            .find_map(|d| d.glyph(c).map(|(g, a)| (d, g, a)))
    }
}

/// The PDF of `pages`, titled `title`, dated `date`, in `lang`.
pub fn write(
    pages: &[Page],
    fonts: &Fonts,
    lang: Lang,
    title: &str,
    date: chrono::NaiveDateTime,
) -> Result<Vec<u8>, String> {
    let load = |l: &Loaded| {
        Drawn::new(l).ok_or_else(|| words::not_written(lang, &l.path.display().to_string()))
    };
    let faces = Faces(
        Face::ALL
            .iter()
            .map(|f| load(fonts.face(*f)))
            .collect::<Result<_, _>>()?,
    );
    let settings = SerializeSettings {
        configuration: Configuration::new_with_validator(Validator::A2_B),
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    use chrono::{Datelike, Timelike};
    let created = DateTime::new(date.year() as u16)
        .month(date.month() as u8)
        .day(date.day() as u8)
        .hour(date.hour() as u8)
        .minute(date.minute() as u8)
        .second(date.second() as u8)
        .utc_offset_hour(8)
        .utc_offset_minute(0);
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(lang.code().to_string())
            .creator("yishi".to_string())
            .creation_date(created),
    );
    let size = PageSettings::from_wh(pt(grid::PAGE_WIDTH), pt(grid::PAGE_HEIGHT))
        .ok_or_else(|| words::not_written(lang, "A4"))?;
    for page in pages {
        let mut p = document.start_page_with(size.clone());
        let mut surface = p.surface();
        for line in &page.lines {
            draw_line(&mut surface, &faces, line, lang)?;
        }
        draw_folio(&mut surface, &faces, page, lang)?;
        surface.finish();
        p.finish();
    }
    document
        .finish()
        .map_err(|e| words::not_written(lang, &format!("{e:?}")))
}

/// A space's width between Latin words, in ems.
const SPACE: f32 = 0.25;

/// The glyph for `c` in `face` or the body's face; a character none has is refused by name.
fn find(faces: &Faces, face: Face, c: char, lang: Lang) -> Result<(&Drawn, GlyphId, f32), String> {
    faces.drawing(face, c).ok_or_else(|| {
        words::glyph_missing(lang, c, &faces.of(face).source.path.display().to_string())
    })
}

/// One glyph in its cell.
struct Placed<'a> {
    drawn: &'a Drawn,
    glyph: GlyphId,
    /// Where the glyph's cell starts and how wide it is, in points.
    x: f32,
    cell: f32,
    /// The glyph's own advance, in ems.
    advance: f32,
    text: Range<usize>,
}

/// How a line is set: its baseline (points from the top), its type size, and the points a
/// display column takes.
#[derive(Clone, Copy)]
struct Pen {
    y: f32,
    size: f32,
    half_cell: f32,
}

/// Draws `text` in `face` from `x` (points) with `pen`: each character in its cells, runs of
/// one font drawn together. Returns where the text ends.
fn draw_cells(
    surface: &mut Surface,
    faces: &Faces,
    face: Face,
    text: &str,
    x: f32,
    pen: Pen,
    lang: Lang,
) -> Result<f32, String> {
    let Pen { y, size, half_cell } = pen;
    // Chinese characters take whole cells, each centred in its own; a run of digits and
    // Latin letters takes its half cells together, at the letters' own widths (narrowed
    // evenly where they would not fit), so that words read as words.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut placed: Vec<Placed> = Vec::new();
    let mut at = x;
    let mut i = 0;
    while i < chars.len() {
        let (byte, c) = chars[i];
        let columns = width(&c.to_string());
        if columns >= 2 {
            if !c.is_whitespace() {
                let (drawn, glyph, advance) = find(faces, face, c, lang)?;
                let cell = half_cell * columns as f32;
                placed.push(Placed {
                    drawn,
                    glyph,
                    x: at,
                    cell,
                    advance,
                    text: byte..byte + c.len_utf8(),
                });
            }
            at += half_cell * columns as f32;
            i += 1;
            continue;
        }
        // The half-width run from here.
        let mut j = i;
        let mut run = Vec::new();
        while j < chars.len() && width(&chars[j].1.to_string()) < 2 {
            let (b, ch) = chars[j];
            if width(&ch.to_string()) == 1 {
                let found = if ch == ' ' {
                    None
                } else {
                    Some(find(faces, face, ch, lang)?)
                };
                run.push((b, ch, found));
            }
            j += 1;
        }
        let room = half_cell * run.len() as f32;
        let natural: f32 = run
            .iter()
            .map(|(_, _, f)| f.as_ref().map_or(SPACE, |(_, _, a)| *a) * size)
            .sum();
        let narrowed = if natural > room { room / natural } else { 1.0 };
        for (b, ch, found) in run {
            let step = found.as_ref().map_or(SPACE, |(_, _, a)| *a) * size * narrowed;
            if let Some((drawn, glyph, advance)) = found {
                placed.push(Placed {
                    drawn,
                    glyph,
                    x: at,
                    cell: step,
                    advance: advance * narrowed,
                    text: b..b + ch.len_utf8(),
                });
            }
            at += step;
        }
        // What the run did not use of its cells is not kept: the next character follows the
        // word, as in any typeset text (a line never grows past its cells).
        i = j;
    }
    // One call a run of glyphs in one font, each glyph's advance its cell.
    let mut start = 0;
    while start < placed.len() {
        let font = &placed[start].drawn;
        let mut end = start + 1;
        // A run ends at a change of font or at a space, which has no glyph to advance over.
        while end < placed.len()
            && std::ptr::eq(placed[end].drawn, *font)
            && (placed[end].x - placed[end - 1].x - placed[end - 1].cell).abs() < 0.01
        {
            end += 1;
        }
        let run = &placed[start..end];
        let from = run[0].text.start;
        let glyphs: Vec<KrillaGlyph> = run
            .iter()
            .map(|g| {
                let cell = g.cell / size;
                // A glyph narrower or wider than its cell is centred in it.
                let offset = (cell - g.advance) / 2.0;
                KrillaGlyph::new(
                    g.glyph,
                    cell,
                    offset,
                    0.0,
                    0.0,
                    g.text.start - from..g.text.end - from,
                    None,
                )
            })
            .collect();
        let to = run[run.len() - 1].text.end;
        surface.draw_glyphs(
            Point::from_xy(run[0].x, y),
            &glyphs,
            font.font.clone(),
            &text[from..to],
            size,
            false,
        );
        start = end;
    }
    Ok(at)
}

fn draw_line(surface: &mut Surface, faces: &Faces, line: &Line, lang: Lang) -> Result<(), String> {
    // Every size keeps the body's grid: 28 cells of 3号 a line; a larger or smaller type
    // takes cells in proportion to its size.
    let half_cell = pt(grid::BLOCK_WIDTH) / grid::COLUMNS as f32 * line.size / grid::BODY_PT;
    let pitch = grid::BLOCK_HEIGHT / grid::ROWS as f32;
    let height = if line.size < grid::BODY_PT {
        pitch / 2.0
    } else {
        pitch
    };
    let size_mm = mm(line.size);
    let top = grid::TOP + line.row * pitch;
    let y = pt(top + (height - size_mm) / 2.0 + ASCENT * size_mm);
    let columns = width(&line.text());
    let left = pt(grid::BINDING);
    let mut x = match line.indent {
        Some(indent) => left + indent as f32 * half_cell,
        None => left + (pt(grid::BLOCK_WIDTH) - columns as f32 * half_cell) / 2.0,
    };
    for run in &line.runs {
        let pen = Pen {
            y,
            size: line.size,
            half_cell,
        };
        x = draw_cells(surface, faces, run.face, &run.text, x, pen, lang)?;
    }
    Ok(())
}

/// The page number, 4号 half-width, 7 mm below the text block: odd pages on the right, even
/// on the left, one character in.
fn draw_folio(surface: &mut Surface, faces: &Faces, page: &Page, lang: Lang) -> Result<(), String> {
    let folio = page.folio();
    let size = grid::NUMBER_PT;
    let half_cell = size / 2.0;
    let wide = folio
        .chars()
        .map(|c| if c == '—' { 2.0 } else { 1.0 })
        .sum::<f32>()
        * half_cell;
    let inset = size;
    let x = if page.number_on_right() {
        pt(grid::BINDING + grid::BLOCK_WIDTH) - inset - wide
    } else {
        pt(grid::BINDING) + inset
    };
    let top = grid::TOP + grid::BLOCK_HEIGHT + grid::NUMBER_BELOW;
    let y = pt(top) + ASCENT * size;
    // The dashes are drawn a whole cell wide, the digits and spaces a half.
    let mut at = x;
    for c in folio.chars() {
        let cell = if c == '—' { size } else { half_cell };
        if !c.is_whitespace() {
            let s = c.to_string();
            let per_column = cell / width(&s).max(1) as f32;
            let pen = Pen {
                y,
                size,
                half_cell: per_column,
            };
            draw_cells(surface, faces, Face::Song, &s, at, pen, lang)?;
        }
        at += cell;
    }
    Ok(())
}
