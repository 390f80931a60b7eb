//! Lines several screens share: a name as shown, the turnout against the quorum, and spans
//! broken into lines only between them.

use ratatui::text::{Line, Span};

use crate::model::Model;
use crate::words;
use yishi_domain::{Author, Council, Meeting};
use yishi_text::{Lang, sanitize_line};

/// A name as shown: members with their affiliation, residents by name.
pub fn author(council: &Council, a: &Author, lang: Lang) -> String {
    match a {
        Author::Member(id) => council
            .member(*id)
            .map_or_else(|| format!("#{id}"), |m| sanitize_line(&m.name)),
        Author::Resident(name) => format!("{}{}", sanitize_line(name), lang.say(words::RESIDENT)),
        Author::Anonymous => lang.say(words::ANONYMOUS).to_string(),
    }
}

/// 应到15人，实到12人；达到法定人数 — with a symbol and a word, never colour alone.
pub fn turnout_spans(model: &Model, council: &Council, meeting: &Meeting) -> Vec<Span<'static>> {
    let t = meeting.turnout(council);
    let met = council.rule.quorum_met(t.present, t.entitled);
    let numbers = match model.lang {
        Lang::En => format!("entitled {}, present {}", t.entitled, t.present),
        Lang::ZhHant => format!("應到{}人，實到{}人", t.entitled, t.present),
        Lang::ZhHans => format!("应到{}人，实到{}人", t.entitled, t.present),
    };
    // Owners decide by those taking part, counted as each vote closes: no verdict on the roll.
    if !council.rule.quorum_at_opening() {
        return vec![
            Span::raw(numbers),
            Span::raw("  "),
            Span::styled(model.say(words::SHARES_AT_THE_VOTE), model.theme.muted()),
        ];
    }
    let verdict = if met {
        Span::styled(model.say(words::QUORUM), model.theme.ok())
    } else {
        Span::styled(model.say(words::NO_QUORUM), model.theme.bad())
    };
    vec![Span::raw(numbers), Span::raw("  "), verdict]
}

/// Spans on as many lines as `cols` needs, broken only between spans (a figure and its word
/// stay together); a blank span where a line breaks is dropped.
pub fn span_lines(spans: Vec<Span<'static>>, cols: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0usize;
    for span in spans {
        let w = yishi_text::width(&span.content);
        if used > 0 && used + w > usize::from(cols) {
            lines.push(Vec::new());
            used = 0;
        }
        if used == 0 && span.content.trim().is_empty() {
            continue;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push(span);
        }
    }
    lines.into_iter().map(Line::from).collect()
}
