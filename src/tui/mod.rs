//! The meeting console. This first version is a holding screen: the console that walks a
//! meeting through the five steps comes next.

use crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::widgets::{Block, Paragraph};
use std::io::IsTerminal;

use crate::store::Store;
use crate::text::Lang;

pub fn run(store: Store, lang: Lang) -> std::io::Result<()> {
    let meetings = store.meetings().map(|m| m.len()).unwrap_or(0);
    let lines = [
        lang.pick(
            "议事 · 会议控制台",
            "議事 · 會議控制台",
            "yishi · meeting console",
        )
        .to_string(),
        String::new(),
        lang.pick(
            "会议控制台正在建设中。",
            "會議控制台正在建設中。",
            "The meeting console is being built.",
        )
        .to_string(),
        match lang {
            Lang::En => format!(
                "This database holds {meetings} meetings: see `yishi list` and `yishi minutes`."
            ),
            _ => format!(
                "{}{meetings}{}",
                lang.pick("本数据库有会议", "本資料庫有會議", ""),
                lang.pick(
                    "次：可用 `yishi list` 和 `yishi minutes` 查看。",
                    "次：可用 `yishi list` 和 `yishi minutes` 查看。",
                    ""
                )
            ),
        },
        String::new(),
        lang.pick("按 q 退出", "按 q 退出", "press q to quit")
            .to_string(),
    ];
    if !std::io::stdout().is_terminal() {
        println!("{}", lines.join("\n"));
        return Ok(());
    }
    let mut terminal = ratatui::init();
    let result = (|| loop {
        terminal.draw(|f| {
            let [_, middle, _] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(8),
                Constraint::Fill(1),
            ])
            .areas(f.area());
            let text = lines.join("\n");
            f.render_widget(
                Paragraph::new(text)
                    .alignment(Alignment::Center)
                    .block(Block::bordered()),
                middle,
            );
        })?;
        if let Event::Key(k) = event::read()?
            && k.kind == KeyEventKind::Press
            && matches!(k.code, KeyCode::Char('q') | KeyCode::Esc)
        {
            return Ok(());
        }
    })();
    ratatui::restore();
    result
}
