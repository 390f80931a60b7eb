//! The ballots beside a motion at the decision: who has voted and how (by name), who has
//! handed in a ballot (secret), or how a show of hands is counted; and who may vote at all.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{entries, panel, wrapped};
use crate::model::Model;
use crate::words;
use yishi_domain::{Ballots, MemberId, Motion, VoteMode, VoteState};
use yishi_text::width;

/// The voting members present, in council order: the roll the ballots are taken from. Where
/// those taking part count rather than those present (owners), every owner on the roll of the
/// day, in person or in writing.
pub fn voters(model: &Model) -> Vec<MemberId> {
    let (Some(c), Some(m)) = (&model.data.council, &model.data.meeting) else {
        return Vec::new();
    };
    // The motion on the floor decides it: its item may admit written opinions.
    let on_floor = model
        .matter()
        .and_then(|(x, _)| model.data.motion_on_floor(x));
    let written = on_floor.map_or(c.rule.votes_in_writing(), |v| {
        yishi_domain::rule_for(c, v).votes_in_writing()
    });
    m.roll_of(c)
        .into_iter()
        .filter(|x| {
            x.voting
                && (written || m.attendance_of(x.id) == Some(yishi_domain::Attendance::Present))
        })
        .map(|x| x.id)
        .collect()
}

/// The ballots panel for motion `v`, in `right`.
pub fn view(frame: &mut Frame, right: Rect, model: &Model, v: Option<&Motion>) {
    let Some(c) = &model.data.council else {
        return;
    };
    let t = &model.theme;
    // A show of hands has no ballots by name: the panel says how its count is taken.
    if v.is_some_and(|v| v.mode == VoteMode::ShowOfHands) {
        let said = wrapped(
            &model.say(words::SHOW_OF_HANDS_PRESS_C),
            right.width.saturating_sub(2),
            t.muted(),
        );
        let title = model.say(words::BALLOTS);
        frame.render_widget(
            Paragraph::new(said).block(panel(model, title, right.width)),
            right,
        );
        return;
    }
    let columns = super::entry_columns(right.width);
    let items = voters(model)
        .into_iter()
        .map(|id| {
            let choice = match v.map(|v| &v.ballots) {
                Some(Ballots::Named(map)) => map.get(&id).map(|c| c.label(model.lang).to_string()),
                Some(Ballots::Secret { voted, .. }) => {
                    voted.contains(&id).then(|| model.say(words::VOTED))
                }
                _ => None,
            };
            let (text, style) = match choice {
                Some(s) => (s, t.ok()),
                None => (model.say(words::NOT_YET), t.muted()),
            };
            // In writing: an owner not in the room votes all the same.
            let how = match &model.data.meeting {
                Some(m)
                    if v.is_some_and(|v| yishi_domain::rule_for(c, v).votes_in_writing())
                        && m.attendance_of(id) != Some(yishi_domain::Attendance::Present) =>
                {
                    model.say(words::IN_WRITING)
                }
                _ => String::new(),
            };
            let gap = model.lang.gap();
            let after = format!("{how}{gap}{text}");
            let name = super::fit(&c.name_of(id), width(&after), columns);
            vec![Line::from(vec![
                Span::raw(format!("{name}{how}{gap}")),
                Span::styled(text, style),
            ])]
        })
        .collect();
    let title = if v.is_some_and(|v| v.mode == VoteMode::Secret) {
        model.say(words::WHO_HAS_VOTED)
    } else {
        model.say(words::BALLOTS)
    };
    let open = v.is_some_and(|v| v.state == VoteState::Open && v.mode != VoteMode::ShowOfHands);
    entries(
        frame,
        right,
        model,
        title,
        items,
        open.then_some(model.selected),
    );
}
