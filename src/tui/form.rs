//! A popup form: labelled text fields and choices. Tab and the arrows move between fields,
//! Left and Right change a choice, Enter submits, Esc cancels. What a form becomes is decided
//! by `forms.rs`; this file only edits and draws.

use super::action::Action;
use super::keys::{self, Scope};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::forms::kind::FormKind;
use super::input::Input;
use super::theme::Theme;
use super::widgets::popup;
use crate::text::{Lang, wrap};

pub use crate::text::Words;

#[derive(Debug, Clone)]
pub enum Value {
    Text(Input),
    Choice { options: Vec<String>, index: usize },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: Words,
    pub value: Value,
}

impl Field {
    pub fn text(label: Words, initial: &str) -> Field {
        Field {
            label,
            value: Value::Text(Input::new(initial)),
        }
    }
    pub fn choice(label: Words, options: Vec<String>, index: usize) -> Field {
        Field {
            label,
            value: Value::Choice { options, index },
        }
    }
}

#[derive(Debug, Clone)]
pub struct Form {
    pub kind: FormKind,
    pub title: Words,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last submit was refused, in the user's language.
    pub error: Option<String>,
}

pub enum Outcome {
    Editing,
    Submit,
    Cancel,
}

impl Form {
    pub fn new(kind: FormKind, title: Words, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// The text of field `i` (empty for a choice).
    pub fn text(&self, i: usize) -> &str {
        match self.fields.get(i).map(|f| &f.value) {
            Some(Value::Text(input)) => input.text().trim(),
            _ => "",
        }
    }

    /// The chosen index of field `i` (0 for a text field).
    pub fn choice(&self, i: usize) -> usize {
        match self.fields.get(i).map(|f| &f.value) {
            Some(Value::Choice { index, .. }) => *index,
            _ => 0,
        }
    }

    /// Whether the focused field is text (else a choice): the keys it takes differ.
    pub fn focused_is_text(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.value),
            Some(Value::Text(_))
        )
    }

    pub fn handle(&mut self, action: &Action) -> Outcome {
        let count = self.fields.len().max(1);
        match action {
            Action::Cancel => return Outcome::Cancel,
            Action::Submit => return Outcome::Submit,
            Action::NextField => self.focus = (self.focus + 1) % count,
            Action::PrevField => self.focus = (self.focus + count - 1) % count,
            _ => match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
                Some(Value::Choice { options, index }) => {
                    let n = options.len().max(1);
                    match action {
                        Action::PrevChoice => *index = (*index + n - 1) % n,
                        Action::NextChoice => *index = (*index + 1) % n,
                        _ => {}
                    }
                }
                Some(Value::Text(input)) => {
                    input.edit(action);
                }
                None => {}
            },
        }
        Outcome::Editing
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(Value::Text(input)) = self.fields.get_mut(self.focus).map(|f| &mut f.value) {
            input.insert(text);
        }
    }

    /// Draws the form centred over `area` and puts the terminal cursor in the focused text
    /// field, so an input method shows its preedit there.
    pub fn draw(&self, frame: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
        let outer = area.width.saturating_sub(4).min(76);
        let inner = outer.saturating_sub(4) as usize;
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor = None;
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let label_style = if focused {
                theme.title()
            } else {
                theme.muted()
            };
            let mark = if focused { "► " } else { "  " };
            lines.push(Line::from(Span::styled(
                format!("{mark}{}", lang.say(field.label)),
                label_style,
            )));
            match &field.value {
                Value::Text(input) => {
                    let shown = input.lines(inner.saturating_sub(2));
                    if focused {
                        let (row, col) = input.cursor_at(inner.saturating_sub(2));
                        cursor = Some((lines.len() + row, col + 2));
                    }
                    for l in shown {
                        lines.push(Line::from(format!("  {l}")));
                    }
                }
                Value::Choice { options, index } => {
                    let shown = options.get(*index).map_or("", String::as_str);
                    let style = if focused {
                        theme.selected()
                    } else {
                        theme.base()
                    };
                    lines.push(Line::from(vec![
                        Span::raw("  "),
                        Span::styled(format!("< {shown} >"), style),
                        Span::styled(
                            format!("  ({}/{})", index + 1, options.len()),
                            theme.muted(),
                        ),
                    ]));
                }
            }
        }
        lines.push(Line::default());
        if let Some(e) = &self.error {
            for l in wrap(e, inner) {
                lines.push(Line::from(Span::styled(l, theme.bad())));
            }
        }
        // The form's keys, from the key table: the field's own where it is a choice.
        let mut scopes = vec![Scope::Form];
        if !self.focused_is_text() {
            scopes.push(Scope::Choice);
        }
        let gap = lang.pick("　", "　", "  ");
        let hint = keys::hints(&scopes, lang)
            .into_iter()
            .map(|(k, h)| format!("{k} {h}"))
            .collect::<Vec<_>>()
            .join(gap);
        for l in wrap(&hint, inner) {
            lines.push(Line::from(Span::styled(l, theme.muted())));
        }
        let height = (lines.len() as u16 + 2).min(area.height);
        let rect = popup::centred(area, outer, height);
        popup::clear(rect, frame.buffer_mut());
        let block = Block::bordered()
            .border_style(theme.title())
            .style(theme.base())
            .title(format!(" {} ", lang.say(self.title)));
        let body = block.inner(rect);
        frame.render_widget(Paragraph::new(lines).block(block), rect);
        if let Some((row, col)) = cursor {
            let y = body.y + row as u16;
            if y < body.bottom() {
                frame.set_cursor_position(Position::new(body.x + col as u16, y));
            }
        }
    }
}
