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
use yishi_text::{Lang, finds, width, wrap};

pub use yishi_text::Words;

const TYPE_TO_FIND: Words = [
    "键入文字或拼音首字母查找",
    "鍵入文字或拼音首字母查找",
    "type to find (pinyin initials too)",
];
const FINDING: Words = ["查找：", "查找：", "finding: "];
const NOT_FOUND: Words = ["找不到：", "找不到：", "not found: "];

#[derive(Debug, Clone)]
pub enum Value {
    Text(Input),
    /// One of `options`; `query` is what was typed to find one (see `text::finds`).
    Choice {
        options: Vec<String>,
        index: usize,
        query: String,
    },
}

#[derive(Debug, Clone)]
pub struct Field {
    pub label: Words,
    pub value: Value,
    /// For a choice, a note on each option shown beneath it (a rule's statute); may be empty.
    pub notes: Vec<String>,
    /// Said before the label: whose field it is (a candidate's name before 得票).
    pub prefix: String,
    /// A password: drawn as one `*` a character, and taken as typed (not trimmed).
    pub secret: bool,
}

impl Field {
    pub fn text(label: Words, initial: &str) -> Field {
        Field {
            label,
            value: Value::Text(Input::new(initial)),
            notes: Vec::new(),
            prefix: String::new(),
            secret: false,
        }
    }

    /// A password field, empty.
    pub fn secret(label: Words) -> Field {
        Field {
            secret: true,
            ..Field::text(label, "")
        }
    }
    pub fn choice(label: Words, options: Vec<String>, index: usize) -> Field {
        Field {
            label,
            value: Value::Choice {
                options,
                index,
                query: String::new(),
            },
            notes: Vec::new(),
            prefix: String::new(),
            secret: false,
        }
    }

    /// The same field, its label said after `prefix`.
    pub fn with_prefix(mut self, prefix: &str) -> Field {
        self.prefix = format!("{prefix} ");
        self
    }

    /// The same field, with a note on each of its options.
    pub fn with_notes(mut self, notes: Vec<String>) -> Field {
        self.notes = notes;
        self
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

    /// The text of field `i` exactly as typed (a password).
    pub fn raw(&self, i: usize) -> &str {
        match self.fields.get(i).map(|f| &f.value) {
            Some(Value::Text(input)) => input.text(),
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
            Action::NextField | Action::PrevField => {
                // What was typed to find an option is forgotten on leaving the field.
                if let Some(Value::Choice { query, .. }) =
                    self.fields.get_mut(self.focus).map(|f| &mut f.value)
                {
                    query.clear();
                }
                self.focus = if *action == Action::NextField {
                    (self.focus + 1) % count
                } else {
                    (self.focus + count - 1) % count
                };
            }
            _ => match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
                Some(Value::Choice {
                    options,
                    index,
                    query,
                }) => {
                    let n = options.len().max(1);
                    match action {
                        Action::PrevChoice => *index = (*index + n - 1) % n,
                        Action::NextChoice => *index = (*index + 1) % n,
                        Action::Type(c) => query.push(*c),
                        Action::DeleteBack => {
                            query.pop();
                        }
                        _ => {}
                    }
                    if matches!(action, Action::Type(_) | Action::DeleteBack)
                        && let Some(found) = options.iter().position(|o| finds(o, query))
                    {
                        *index = found;
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
                format!("{mark}{}{}", field.prefix, lang.say(field.label)),
                label_style,
            )));
            match &field.value {
                Value::Text(input) if field.secret => {
                    let stars = "*".repeat(input.text().chars().count());
                    if focused {
                        cursor = Some((lines.len(), stars.len() + 2));
                    }
                    lines.push(Line::from(format!("  {stars}")));
                }
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
                Value::Choice {
                    options,
                    index,
                    query,
                } => {
                    let shown = options.get(*index).map_or("", String::as_str);
                    let style = if focused {
                        theme.selected()
                    } else {
                        theme.base()
                    };
                    let count = format!("  ({}/{})", index + 1, options.len());
                    // Long lists (members) can be searched: what was typed, and whether it
                    // found anything.
                    let found = (focused && options.len() > 3).then(|| {
                        if query.is_empty() {
                            (lang.say(TYPE_TO_FIND).to_string(), theme.muted())
                        } else if options.iter().any(|o| finds(o, query)) {
                            (format!("{}{query}", lang.say(FINDING)), theme.current())
                        } else {
                            (format!("{}{query}", lang.say(NOT_FOUND)), theme.bad())
                        }
                    });
                    let chosen = format!("< {shown} >");
                    let count = count.trim_start().to_string();
                    let mut rest = vec![Span::raw("  "), Span::styled(count, theme.muted())];
                    if let Some((said, said_style)) = found {
                        rest.push(Span::styled(format!("  {said}"), said_style));
                    }
                    let rest_width: usize = rest.iter().map(|s| width(&s.content)).sum();
                    // A long option (a statute's item) wraps, and what follows it goes on a
                    // line of its own rather than off the edge.
                    if 2 + width(&chosen) + rest_width <= inner {
                        let mut spans = vec![Span::raw("  "), Span::styled(chosen, style)];
                        spans.extend(rest);
                        lines.push(Line::from(spans));
                    } else {
                        for l in wrap(&chosen, inner.saturating_sub(2)) {
                            lines.push(Line::from(vec![Span::raw("  "), Span::styled(l, style)]));
                        }
                        lines.push(Line::from(rest));
                    }
                    if let Some(note) = field.notes.get(*index) {
                        for l in wrap(note, inner.saturating_sub(4)) {
                            lines.push(Line::from(Span::styled(format!("    {l}"), theme.muted())));
                        }
                    }
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
        // Whole hints to a line: a key is never parted from what it does.
        let gap = lang.gap();
        let mut line = String::new();
        for (k, h) in keys::hints(&scopes, lang) {
            let hint = format!("{k} {h}");
            if !line.is_empty() && width(&line) + width(gap) + width(&hint) > inner {
                lines.push(Line::from(Span::styled(
                    std::mem::take(&mut line),
                    theme.muted(),
                )));
            }
            if !line.is_empty() {
                line.push_str(gap);
            }
            line.push_str(&hint);
        }
        for l in wrap(&line, inner) {
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

#[cfg(test)]
mod tests {
    use super::*;

    const WHO: Words = ["主持人", "主持人", "Chair"];

    #[test]
    fn typing_in_a_choice_finds_a_name_and_leaving_forgets_it() {
        let names = ["周立平", "陈秀兰", "王建国", "李梅", "赵敏"].map(String::from);
        let mut form = Form::new(
            FormKind::Search,
            WHO,
            vec![Field::choice(WHO, names.to_vec(), 0), Field::text(WHO, "")],
        );
        for c in "cx".chars() {
            form.handle(&Action::Type(c));
        }
        assert_eq!(form.choice(0), 1, "cx: 陈秀兰");
        form.handle(&Action::DeleteBack);
        form.handle(&Action::DeleteBack);
        for c in "赵".chars() {
            form.handle(&Action::Type(c));
        }
        assert_eq!(form.choice(0), 4, "赵: 赵敏");
        // Nothing found: the choice stays where it was.
        form.handle(&Action::Type('q'));
        assert_eq!(form.choice(0), 4);
        form.handle(&Action::NextField);
        form.handle(&Action::PrevField);
        form.handle(&Action::Type('l'));
        assert_eq!(
            form.choice(0),
            3,
            "a fresh search after leaving the field: l, 李梅"
        );
    }
}
