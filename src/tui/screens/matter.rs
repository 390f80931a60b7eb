//! A matter: the stepper across the top and the viewed step's work below. The chair moves
//! the matter on with `>`; Tab looks at the record of other steps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{collect, decide, execute, hear, review, truncate};
use crate::domain::{Change, Matter, Step};
use crate::text::{Lang, chinese_number};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::model::{Model, Screen};
use crate::tui::widgets::stepper;

fn next_step(step: Step) -> Option<Step> {
    let i = Step::ALL.iter().position(|s| *s == step)?;
    Step::ALL.get(i + 1).copied()
}

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    let Some((m, step)) = model.matter() else {
        return Vec::new();
    };
    let (id, stage) = (m.id, m.stage);
    match action {
        Action::NextStep | Action::PrevStep => {
            let i = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
            let j = if action == Action::NextStep {
                (i + 1) % Step::ALL.len()
            } else {
                (i + Step::ALL.len() - 1) % Step::ALL.len()
            };
            vec![Effect::Go(Screen::Matter {
                id,
                step: Step::ALL[j],
            })]
        }
        Action::Advance => {
            let Some(meeting) = model.meeting_id() else {
                return Vec::new();
            };
            let Some(from) = stage.step() else {
                return vec![Effect::Refuse(model.say(
                    "事项已关闭。",
                    "事項已關閉。",
                    "The matter is closed.",
                ))];
            };
            // A vote or a review's conclusion moves these steps on, not the chair's key.
            let moved_by = match from {
                Step::Decide => Some(model.say(
                    "民主决策由表决结果推进：通过后进入执行督办，未通过按 R 处理。",
                    "民主決策由表決結果推進：通過後進入執行督辦，未通過按 R 處理。",
                    "A vote moves a decided matter on: adopted goes to execution; if rejected, press R.",
                )),
                Step::Review => Some(model.say(
                    "群众评议由评议结论推进：按 K 得出办结或整改。",
                    "群眾評議由評議結論推進：按 K 得出辦結或整改。",
                    "A review moves on by its conclusion: press K.",
                )),
                _ => None,
            };
            if let Some(why) = moved_by {
                return vec![Effect::Refuse(why)];
            }
            let Some(to) = next_step(from) else {
                return Vec::new();
            };
            let question = format!(
                "{}{}{}",
                model.say("进入下一步：", "進入下一步：", "On to the next step: "),
                to.label(model.lang),
                model.say("？", "？", "?")
            );
            vec![Effect::ask(
                question,
                vec![Change::Advance {
                    matter: id,
                    meeting,
                    to,
                }],
            )]
        }
        other => match step {
            Step::Collect => collect::update(model, other),
            Step::Hear => hear::update(model, other),
            Step::Decide => decide::update(model, other),
            Step::Execute => execute::update(model, other),
            Step::Review => review::update(model, other),
        },
    }
}

/// The matter's number on this meeting's agenda: 一、 or 1.
pub fn number(model: &Model, m: &Matter) -> String {
    let i = model
        .data
        .agenda
        .iter()
        .position(|a| a.id == m.id)
        .unwrap_or(0) as u32
        + 1;
    match model.lang {
        Lang::En => format!("{i}. "),
        _ => format!("{}、", chinese_number(i)),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let Some((m, step)) = model.matter() else {
        return;
    };
    let t = &model.theme;
    let [title, steps, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area);
    let heading = format!("{}{}", number(model, m), m.title);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {}", truncate(&heading, title.width as usize - 1)),
            t.title(),
        ))),
        title,
    );
    let mut line = stepper::line(m.stage, step, model.lang, t);
    line.spans.insert(0, Span::raw(" "));
    frame.render_widget(Paragraph::new(line), steps);
    match step {
        Step::Collect => collect::view(frame, body, model, m),
        Step::Hear => hear::view(frame, body, model, m),
        Step::Decide => decide::view(frame, body, model, m),
        Step::Execute => execute::view(frame, body, model, m),
        Step::Review => review::view(frame, body, model, m),
    }
}
