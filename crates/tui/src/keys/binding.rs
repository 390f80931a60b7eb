//! What a key binding is: a key, the scope it is live in, the action it means and its words in
//! each language; `bind!` writes one in the table's parts.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::action::Action;
use yishi_text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    PageUp,
    PageDown,
    Left,
    Right,
    Home,
    End,
    Backspace,
    Delete,
    F(u8),
}

impl Key {
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift+Tab".into(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Delete".into(),
            Key::F(n) => format!("F{n}"),
        }
    }

    pub(super) fn of(event: &KeyEvent) -> Option<Key> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        Some(match event.code {
            KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::F(n) => Key::F(n),
            _ => return None,
        })
    }
}

/// Where a binding applies. The console is in several scopes at once (a decide step is also
/// a matter, a meeting and anywhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Home,
    /// The council and its members.
    Council,
    Meeting,
    RollCall,
    Agenda,
    Matter,
    Collect,
    Hear,
    Decide,
    Execute,
    Review,
    /// Every screen of the secretary's archive.
    Archive,
    Meetings,
    Minutes,
    Results,
    Ledger,
    History,
    /// A form open over any screen, whatever field has the focus.
    Form,
    /// A form's field of options.
    Choice,
    /// A form's text field: keys not in the table type themselves.
    Text,
    Confirm,
    Pick,
    /// The `?` overlay itself: keys that page through it; any other closes it.
    Help,
}

impl Scope {
    pub const ALL: [Scope; 24] = [
        Scope::Anywhere,
        Scope::Home,
        Scope::Council,
        Scope::Meeting,
        Scope::RollCall,
        Scope::Agenda,
        Scope::Matter,
        Scope::Collect,
        Scope::Hear,
        Scope::Decide,
        Scope::Execute,
        Scope::Review,
        Scope::Archive,
        Scope::Meetings,
        Scope::Minutes,
        Scope::Results,
        Scope::Ledger,
        Scope::History,
        Scope::Form,
        Scope::Choice,
        Scope::Text,
        Scope::Confirm,
        Scope::Pick,
        Scope::Help,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Scope::Anywhere => lang.pick("任何界面", "任何介面", "Anywhere"),
            Scope::Home => lang.pick("首页", "首頁", "Home"),
            Scope::Council => lang.pick("议事会与成员", "議事會與成員", "Council and members"),
            Scope::Meeting => lang.pick("会议中", "會議中", "In a meeting"),
            Scope::RollCall => lang.pick("点名", "點名", "Roll call"),
            Scope::Agenda => lang.pick("议程", "議程", "Agenda"),
            Scope::Matter => lang.pick("事项", "事項", "A matter"),
            Scope::Collect => lang.pick("意见收集", "意見收集", "Collection"),
            Scope::Hear => lang.pick("公开听证", "公開聽證", "Hearing"),
            Scope::Decide => lang.pick("民主决策", "民主決策", "Decision"),
            Scope::Execute => lang.pick("执行督办", "執行督辦", "Execution"),
            Scope::Review => lang.pick("群众评议", "群眾評議", "Review"),
            Scope::Archive => lang.pick(
                "归档（各界面）",
                "歸檔（各介面）",
                "Archive (all its screens)",
            ),
            Scope::Meetings => lang.pick("往次会议", "往次會議", "Past meetings"),
            Scope::Minutes => lang.pick("会议纪要", "會議紀要", "Minutes"),
            Scope::Results => lang.pick("搜索结果", "搜尋結果", "Search results"),
            Scope::Ledger => lang.pick("事项台账", "事項台賬", "Matter ledger"),
            Scope::History => lang.pick("事项经过", "事項經過", "A matter's history"),
            Scope::Form => lang.pick("表单（任一栏）", "表單（任一欄）", "A form (any field)"),
            Scope::Choice => lang.pick("表单：选项栏", "表單：選項欄", "A form: a choice"),
            Scope::Text => lang.pick(
                "表单：文字栏（其他键直接输入）",
                "表單：文字欄（其他鍵直接輸入）",
                "A form: a text field (other keys type)",
            ),
            Scope::Confirm => lang.pick("确认提示", "確認提示", "A confirmation"),
            Scope::Pick => lang.pick("选择列表", "選擇列表", "A pick list"),
            Scope::Help => lang.pick(
                "按键帮助（其他键关闭）",
                "按鍵說明（其他鍵關閉）",
                "This key help (other keys close it)",
            ),
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// zh-Hans, zh-Hant, en.
    pub help: [&'static str; 3],
    /// The word on the footer, where the description is too long for it.
    pub hint: Option<[&'static str; 3]>,
}

impl Binding {
    pub fn keys_label(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" / ")
    }
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help[0], self.help[1], self.help[2])
    }
    /// What the footer says of the binding: its own word, or the description up to any
    /// bracket.
    pub fn hint(&self, lang: Lang) -> &'static str {
        match self.hint {
            Some(h) => lang.pick(h[0], h[1], h[2]),
            None => {
                let help = self.help(lang);
                help.split(['（', '(']).next().unwrap_or(help)
            }
        }
    }
}

/// A binding's own footer word, zh-Hans, zh-Hant, en.
pub(crate) const fn hint(words: [&'static str; 3]) -> Option<[&'static str; 3]> {
    Some(words)
}

macro_rules! bind {
    ($scope:expr, [$($key:expr),+], $action:expr, $hans:expr, $hant:expr, $en:expr) => {
        Binding {
            scope: $scope,
            keys: &[$($key),+],
            action: $action,
            help: [$hans, $hant, $en],
            hint: None,
        }
    };
    ($scope:expr, [$($key:expr),+], $action:expr, $hans:expr, $hant:expr, $en:expr,
     $hint:expr) => {
        Binding {
            scope: $scope,
            keys: &[$($key),+],
            action: $action,
            help: [$hans, $hant, $en],
            hint: $hint,
        }
    };
}
