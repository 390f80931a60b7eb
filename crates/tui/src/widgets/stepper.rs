//! The five steps across the top of a matter: done steps ticked, the current one marked by
//! colour, a symbol and underlining, the one being looked at in brackets.

use ratatui::text::{Line, Span};

use crate::theme::Theme;
use yishi_domain::{Stage, Step};
use yishi_text::Lang;

pub fn line(stage: Stage, viewing: Step, lang: Lang, theme: &Theme) -> Line<'static> {
    let current = stage.step();
    let mut spans = Vec::new();
    for (i, step) in Step::ALL.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" ── ", theme.pending()));
        }
        let done = match (stage, current) {
            (Stage::Closed(_), _) => true,
            (_, Some(c)) => (*step as usize) < (c as usize),
            _ => false,
        };
        let (mark, style) = if Some(*step) == current {
            ("► ", theme.current())
        } else if done {
            ("✓ ", theme.done())
        } else {
            ("", theme.pending())
        };
        let label = format!("{mark}{}", step.label(lang));
        let label = if *step == viewing {
            lang.bracketed(&label)
        } else {
            label
        };
        spans.push(Span::styled(label, style));
    }
    if let Stage::Closed(_) = stage {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(format!("✓ {}", stage.label(lang)), theme.ok()));
    }
    Line::from(spans)
}
