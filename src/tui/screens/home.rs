//! Home: the council, its meetings latest first, and its open matters with their step.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph};

use super::{line_list, meeting_line, panel, truncate};
use crate::domain::MeetingState;
use crate::tui::action::Action;
use crate::tui::effect::{Effect, Load};
use crate::tui::forms;
use crate::tui::model::Model;

pub fn update(model: &Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Select => model
            .data
            .meetings
            .get(model.selected)
            .map(|h| Effect::OpenMeeting(h.id))
            .into_iter()
            .collect(),
        Action::ShowArchive => vec![Effect::Load(Load::Archive)],
        Action::ShowLedger => vec![Effect::Load(Load::Archive), Effect::Load(Load::Ledger)],
        Action::NewMeeting => vec![match forms::new_meeting(&model.data, model.now) {
            Some(form) => Effect::form(form),
            None => Effect::Refuse(model.say(
                "还没有议事会：先导入一份记录。",
                "還沒有議事會：先匯入一份記錄。",
                "No council yet: import a record first.",
            )),
        }],
        _ => Vec::new(),
    }
}

pub fn view(frame: &mut Frame, area: Rect, model: &Model) {
    let t = &model.theme;
    if model.data.council.is_none() {
        let text = model.say(
            "这个数据库里还没有议事会。\n用 `yishi import 文件` 导入记录，或运行 `yishi demo` 试用示例。",
            "這個資料庫裡還沒有議事會。\n用 `yishi import 檔案` 匯入記錄，或執行 `yishi demo` 試用示例。",
            "This database holds no council yet.\nImport a record with `yishi import FILE`, or try `yishi demo`.",
        );
        frame.render_widget(
            Paragraph::new(text).block(panel(model, String::new())),
            area,
        );
        return;
    }
    let [left, right] = if area.width >= 140 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    };
    let inner = left.width.saturating_sub(4) as usize;
    let meetings = &model.data.meetings;
    let item = |i: usize| {
        let h = &meetings[i];
        let state_style = match h.state {
            MeetingState::InProgress => t.current(),
            MeetingState::Preparing => t.warn(),
            MeetingState::Ended => t.muted(),
        };
        let state = format!("{}  ", h.state.label(model.lang));
        meeting_line(model, h, "", Span::styled(state, state_style), inner)
    };
    let title = model.say(
        "会议（新的在前）",
        "會議（新的在前）",
        "Meetings, latest first",
    );
    line_list(frame, left, model, title, meetings.len(), item);

    let inner = right.width.saturating_sub(4) as usize;
    let matters: Vec<ListItem> = model
        .data
        .open_matters
        .iter()
        .map(|m| {
            let stage = format!("［{}］", m.stage.label(model.lang));
            let room = inner.saturating_sub(crate::text::width(&stage) + 1);
            ListItem::new(Line::from(vec![
                Span::styled(stage, t.current()),
                Span::raw(" "),
                Span::raw(truncate(&m.title, room)),
            ]))
        })
        .collect();
    let title = model.say("未办结事项", "未辦結事項", "Open matters");
    frame.render_widget(List::new(matters).block(panel(model, title)), right);
}
