//! The one key table: every binding with its keys and its description in each language. The
//! console looks keys up here, the `?` overlay lists it, and README.md's key list is made
//! from it (`yishi keys`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::text::Lang;

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

    fn of(event: &KeyEvent) -> Option<Key> {
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
}

impl Scope {
    pub const ALL: [Scope; 22] = [
        Scope::Anywhere,
        Scope::Home,
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
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Scope::Anywhere => lang.pick("任何界面", "任何介面", "Anywhere"),
            Scope::Home => lang.pick("首页", "首頁", "Home"),
            Scope::Meeting => lang.pick("会议中", "會議中", "In a meeting"),
            Scope::RollCall => lang.pick("点名", "點名", "Roll call"),
            Scope::Agenda => lang.pick("议程", "議程", "Agenda"),
            Scope::Matter => lang.pick("事项", "事項", "A matter"),
            Scope::Collect => lang.pick("意见收集", "意見收集", "Collect"),
            Scope::Hear => lang.pick("公开听证", "公開聽證", "Hear"),
            Scope::Decide => lang.pick("民主决策", "民主決策", "Decide"),
            Scope::Execute => lang.pick("执行督办", "執行督辦", "Execute"),
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
        }
    }
}

pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// zh-Hans, zh-Hant, en.
    pub help: [&'static str; 3],
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
}

use Key::*;
use Scope as S;

macro_rules! bind {
    ($scope:expr, [$($key:expr),+], $action:expr, $hans:expr, $hant:expr, $en:expr) => {
        Binding { scope: $scope, keys: &[$($key),+], action: $action, help: [$hans, $hant, $en] }
    };
}

/// The table. Within the scopes active at one time a key means one thing (a test checks).
/// Anything that seals a result or ends something asks first (see `update`).
pub static TABLE: &[Binding] = &[
    bind!(
        S::Anywhere,
        [Char('?'), F(1)],
        Action::Help,
        "显示或关闭按键帮助",
        "顯示或關閉按鍵說明",
        "show or hide this key help"
    ),
    bind!(
        S::Anywhere,
        [F(5), Char('w')],
        Action::ToggleWall,
        "切换投影视图（只显示会场需要的内容）",
        "切換投影視圖（只顯示會場需要的內容）",
        "toggle the presentation view (only what the room needs)"
    ),
    bind!(
        S::Anywhere,
        [F(2), Char('T')],
        Action::CycleTheme,
        "切换配色",
        "切換配色",
        "next colour theme"
    ),
    bind!(
        S::Anywhere,
        [F(3), Char('L')],
        Action::CycleLang,
        "切换界面语言：简体、繁體、English",
        "切換介面語言：简体、繁體、English",
        "next interface language: 简体, 繁體, English"
    ),
    bind!(
        S::Anywhere,
        [Up, Char('k')],
        Action::Up,
        "上移",
        "上移",
        "move up"
    ),
    bind!(
        S::Anywhere,
        [Down, Char('j')],
        Action::Down,
        "下移",
        "下移",
        "move down"
    ),
    bind!(
        S::Anywhere,
        [Esc],
        Action::Back,
        "返回上一级",
        "返回上一級",
        "back"
    ),
    bind!(
        S::Anywhere,
        [Char('q'), Ctrl('c')],
        Action::Quit,
        "退出（已确认的内容都已保存）",
        "退出（已確認的內容都已保存）",
        "quit (everything confirmed is already saved)"
    ),
    bind!(
        S::Home,
        [Enter],
        Action::Select,
        "进入所选会议",
        "進入所選會議",
        "open the selected meeting"
    ),
    bind!(
        S::Home,
        [Char('n')],
        Action::NewMeeting,
        "新建会议",
        "新建會議",
        "new meeting"
    ),
    bind!(
        S::Home,
        [Char('a')],
        Action::ShowArchive,
        "归档：往次会议纪要、搜索",
        "歸檔：往次會議紀要、搜尋",
        "archive: past minutes, search"
    ),
    bind!(
        S::Home,
        [Char('l')],
        Action::ShowLedger,
        "事项台账",
        "事項台賬",
        "matter ledger"
    ),
    bind!(
        S::Meeting,
        [F(6), Char('r')],
        Action::ShowRollCall,
        "点名",
        "點名",
        "roll call"
    ),
    bind!(
        S::Meeting,
        [F(7), Char('g')],
        Action::ShowAgenda,
        "议程",
        "議程",
        "agenda"
    ),
    bind!(
        S::Meeting,
        [Char('S')],
        Action::StartMeeting,
        "宣布开会（需确认）",
        "宣布開會（需確認）",
        "open the meeting (asks first)"
    ),
    bind!(
        S::Meeting,
        [Char('E')],
        Action::EndMeeting,
        "宣布散会（需确认）",
        "宣布散會（需確認）",
        "close the meeting (asks first)"
    ),
    bind!(
        S::RollCall,
        [Char('1'), Char('p')],
        Action::MarkPresent,
        "出席，并移到下一人",
        "出席，並移到下一人",
        "present, and on to the next"
    ),
    bind!(
        S::RollCall,
        [Char('2'), Char('x')],
        Action::MarkAbsent,
        "缺席",
        "缺席",
        "absent"
    ),
    bind!(
        S::RollCall,
        [Char('3'), Char('l')],
        Action::MarkExcused,
        "请假",
        "請假",
        "excused"
    ),
    bind!(
        S::RollCall,
        [Char('4'), Char('o')],
        Action::MarkObserving,
        "列席（不表决）",
        "列席（不表決）",
        "observing (no vote)"
    ),
    bind!(
        S::Agenda,
        [Enter],
        Action::Select,
        "进入所选事项",
        "進入所選事項",
        "open the selected matter"
    ),
    bind!(
        S::Agenda,
        [Char('n')],
        Action::NewMatter,
        "新增事项",
        "新增事項",
        "new matter"
    ),
    bind!(
        S::Agenda,
        [Char('c')],
        Action::CarryOver,
        "带入往次会议未办结的事项",
        "帶入往次會議未辦結的事項",
        "carry over an open matter"
    ),
    bind!(
        S::Agenda,
        [Char('K')],
        Action::MoveUp,
        "所选事项上移",
        "所選事項上移",
        "move the matter up"
    ),
    bind!(
        S::Agenda,
        [Char('J')],
        Action::MoveDown,
        "所选事项下移",
        "所選事項下移",
        "move the matter down"
    ),
    bind!(
        S::Matter,
        [Char('>')],
        Action::Advance,
        "进入下一步骤（需确认）",
        "進入下一步驟（需確認）",
        "on to the next step (asks first)"
    ),
    bind!(
        S::Matter,
        [Tab],
        Action::NextStep,
        "查看下一步骤的记录",
        "查看下一步驟的記錄",
        "look at the next step's record"
    ),
    bind!(
        S::Matter,
        [BackTab],
        Action::PrevStep,
        "查看上一步骤的记录",
        "查看上一步驟的記錄",
        "look at the previous step's record"
    ),
    bind!(
        S::Collect,
        [Char('o')],
        Action::AddOpinion,
        "记录一条意见",
        "記錄一條意見",
        "record an opinion"
    ),
    bind!(
        S::Hear,
        [Char('a')],
        Action::AddSpeaker,
        "登记发言人",
        "登記發言人",
        "add a speaker"
    ),
    bind!(
        S::Hear,
        [Char('n')],
        Action::StartSpeaker,
        "请下一位发言（开始计时）",
        "請下一位發言（開始計時）",
        "next speaker (starts the countdown)"
    ),
    bind!(
        S::Hear,
        [Char('f')],
        Action::FinishSpeaker,
        "发言结束，记录立场和要点",
        "發言結束，記錄立場和要點",
        "speech over: stance and summary"
    ),
    bind!(
        S::Decide,
        [Char('m')],
        Action::ProposeMotion,
        "提出动议",
        "提出動議",
        "propose a motion"
    ),
    bind!(
        S::Decide,
        [Char('v')],
        Action::OpenVote,
        "开始表决（须达法定人数）",
        "開始表決（須達法定人數）",
        "open the vote (needs a quorum)"
    ),
    bind!(
        S::Decide,
        [Char('1'), Char('y')],
        Action::VoteYes,
        "所选委员：赞成",
        "所選委員：贊成",
        "selected member: yes"
    ),
    bind!(
        S::Decide,
        [Char('2'), Char('n')],
        Action::VoteNo,
        "所选委员：反对",
        "所選委員：反對",
        "selected member: no"
    ),
    bind!(
        S::Decide,
        [Char('3'), Char('a')],
        Action::VoteAbstain,
        "所选委员：弃权",
        "所選委員：棄權",
        "selected member: abstain"
    ),
    bind!(
        S::Decide,
        [Char('b')],
        Action::HandInBallot,
        "所选委员已投票（无记名）",
        "所選委員已投票（無記名）",
        "selected member has voted (secret)"
    ),
    bind!(
        S::Decide,
        [Char('c')],
        Action::EnterCounts,
        "录入票数（举手，或开箱计票）",
        "錄入票數（舉手，或開箱計票）",
        "enter counts (hands, ballot box)"
    ),
    bind!(
        S::Decide,
        [Char('C')],
        Action::CloseVote,
        "结束表决并宣布结果（需确认）",
        "結束表決並宣布結果（需確認）",
        "close the vote, announce the result (asks first)"
    ),
    bind!(
        S::Decide,
        [Char('R')],
        Action::ResolveRejected,
        "未通过：退回重新征求意见或不予采纳",
        "未通過：退回重新徵求意見或不予採納",
        "rejected: send back or close"
    ),
    bind!(
        S::Execute,
        [Char('t')],
        Action::AddTask,
        "新增任务",
        "新增任務",
        "add a task"
    ),
    bind!(
        S::Execute,
        [Char('p')],
        Action::RecordProgress,
        "记录所选任务的进度",
        "記錄所選任務的進度",
        "record progress on the selected task"
    ),
    bind!(
        S::Execute,
        [Char('s')],
        Action::ToggleSupervised,
        "所选任务督办：开或关",
        "所選任務督辦：開或關",
        "selected task supervised: on or off"
    ),
    bind!(
        S::Review,
        [Char('e')],
        Action::RecordReview,
        "录入满意度评议",
        "錄入滿意度評議",
        "enter the satisfaction counts"
    ),
    bind!(
        S::Review,
        [Char('K')],
        Action::ConcludeReview,
        "评议结论：办结或整改（需确认）",
        "評議結論：辦結或整改（需確認）",
        "conclude: completed or rectify (asks first)"
    ),
    bind!(
        S::Archive,
        [Char('/')],
        Action::Search,
        "搜索所有会议纪要",
        "搜尋所有會議紀要",
        "search all minutes"
    ),
    bind!(
        S::Archive,
        [Char('l')],
        Action::ShowLedger,
        "事项台账",
        "事項台賬",
        "matter ledger"
    ),
    bind!(
        S::Archive,
        [PageUp],
        Action::PageUp,
        "上翻一页",
        "上翻一頁",
        "page up"
    ),
    bind!(
        S::Archive,
        [PageDown, Char(' ')],
        Action::PageDown,
        "下翻一页",
        "下翻一頁",
        "page down"
    ),
    bind!(
        S::Meetings,
        [Enter],
        Action::Select,
        "阅读所选会议的纪要",
        "閱讀所選會議的紀要",
        "read the selected meeting's minutes"
    ),
    bind!(
        S::Minutes,
        [Char('n')],
        Action::NextHit,
        "下一处搜索结果",
        "下一處搜尋結果",
        "next search hit"
    ),
    bind!(
        S::Minutes,
        [Char('N')],
        Action::PrevHit,
        "上一处搜索结果",
        "上一處搜尋結果",
        "previous search hit"
    ),
    bind!(
        S::Minutes,
        [Char('x')],
        Action::Export,
        "导出纪要（文本或 Markdown）",
        "匯出紀要（文字或 Markdown）",
        "export the minutes (text or Markdown)"
    ),
    bind!(
        S::Minutes,
        [Char('S')],
        Action::Sign,
        "签发：主持人和记录人签字，纪要封存（需确认）",
        "簽發：主持人和記錄人簽字，紀要封存（需確認）",
        "sign: chair and recorder sign, the record is sealed (asks first)"
    ),
    bind!(
        S::Minutes,
        [Char('c')],
        Action::Correct,
        "更正：记下更正内容、理由和更正人",
        "更正：記下更正內容、理由和更正人",
        "correct: the corrected wording, reason and who"
    ),
    bind!(
        S::Results,
        [Enter],
        Action::Select,
        "打开该处纪要",
        "打開該處紀要",
        "open the minutes at this hit"
    ),
    bind!(
        S::Ledger,
        [Enter],
        Action::Select,
        "查看所选事项的全部经过",
        "查看所選事項的全部經過",
        "the selected matter's whole history"
    ),
    bind!(
        S::Ledger,
        [Char('f')],
        Action::FilterStep,
        "按步骤筛选",
        "按步驟篩選",
        "filter by step"
    ),
    bind!(
        S::Ledger,
        [Char('s')],
        Action::FilterState,
        "按状态筛选：未办结、整改、办结、不予采纳",
        "按狀態篩選：未辦結、整改、辦結、不予採納",
        "filter by state: open, rectifying, completed, not adopted"
    ),
    bind!(
        S::Ledger,
        [Char('o')],
        Action::FilterOverdue,
        "只看有逾期任务的事项：开或关",
        "只看有逾期任務的事項：開或關",
        "only matters with overdue tasks: on or off"
    ),
    bind!(
        S::Ledger,
        [Char('x')],
        Action::Export,
        "导出台账（CSV，Excel 和 WPS 可直接打开）",
        "匯出台賬（CSV，Excel 和 WPS 可直接開啟）",
        "export the ledger (CSV that Excel and WPS open)"
    ),
    bind!(
        S::History,
        [Enter],
        Action::Select,
        "打开该条所在会议的纪要",
        "打開該條所在會議的紀要",
        "open the minutes of that entry's meeting"
    ),
    bind!(S::Form, [Enter], Action::Submit, "确认", "確認", "submit"),
    bind!(S::Form, [Esc], Action::Cancel, "取消", "取消", "cancel"),
    bind!(
        S::Form,
        [Tab, Down],
        Action::NextField,
        "下一栏",
        "下一欄",
        "next field"
    ),
    bind!(
        S::Form,
        [BackTab, Up],
        Action::PrevField,
        "上一栏",
        "上一欄",
        "previous field"
    ),
    bind!(
        S::Choice,
        [Left],
        Action::PrevChoice,
        "上一个选项",
        "上一個選項",
        "previous option"
    ),
    bind!(
        S::Choice,
        [Right, Char(' ')],
        Action::NextChoice,
        "下一个选项",
        "下一個選項",
        "next option"
    ),
    bind!(
        S::Text,
        [Left],
        Action::CursorLeft,
        "光标左移一字",
        "游標左移一字",
        "cursor left"
    ),
    bind!(
        S::Text,
        [Right],
        Action::CursorRight,
        "光标右移一字",
        "游標右移一字",
        "cursor right"
    ),
    bind!(
        S::Text,
        [Home, Ctrl('a')],
        Action::CursorStart,
        "光标到开头",
        "游標到開頭",
        "cursor to the start"
    ),
    bind!(
        S::Text,
        [End, Ctrl('e')],
        Action::CursorEnd,
        "光标到末尾",
        "游標到末尾",
        "cursor to the end"
    ),
    bind!(
        S::Text,
        [Backspace],
        Action::DeleteBack,
        "删去光标前一字",
        "刪去游標前一字",
        "delete the character before"
    ),
    bind!(
        S::Text,
        [Delete],
        Action::DeleteForward,
        "删去光标后一字",
        "刪去游標後一字",
        "delete the character after"
    ),
    bind!(
        S::Text,
        [Ctrl('u')],
        Action::ClearToStart,
        "删去光标前的全部文字",
        "刪去游標前的全部文字",
        "delete everything before the cursor"
    ),
    bind!(
        S::Confirm,
        [Char('y'), Char('Y'), Enter],
        Action::Yes,
        "确认",
        "確認",
        "yes"
    ),
    bind!(
        S::Confirm,
        [Char('n'), Char('N'), Esc],
        Action::No,
        "取消",
        "取消",
        "no"
    ),
    bind!(
        S::Pick,
        [Up, Char('k')],
        Action::Up,
        "上移",
        "上移",
        "move up"
    ),
    bind!(
        S::Pick,
        [Down, Char('j')],
        Action::Down,
        "下移",
        "下移",
        "move down"
    ),
    bind!(S::Pick, [Enter], Action::Select, "选定", "選定", "choose"),
    bind!(S::Pick, [Esc], Action::Back, "取消", "取消", "cancel"),
];

/// The action a key means in the given scopes, the most specific scope first.
pub fn lookup(scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
    let key = Key::of(event)?;
    scopes.iter().rev().find_map(|scope| {
        TABLE
            .iter()
            .find(|b| b.scope == *scope && b.keys.contains(&key))
            .map(|b| b.action.clone())
    })
}

/// The bindings of the given scopes, in table order.
pub fn bindings(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    TABLE.iter().filter(move |b| scopes.contains(&b.scope))
}

/// What to show at the foot of a form or prompt: each binding of `scopes` as its keys (a
/// capital letter that only repeats a small one left out) and what it does.
pub fn hints(scopes: &[Scope], lang: Lang) -> Vec<(String, &'static str)> {
    bindings(scopes)
        .map(|b| {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|k| {
                    !matches!(k, Key::Char(c) if c.is_ascii_uppercase()
                        && b.keys.contains(&Key::Char(c.to_ascii_lowercase())))
                })
                .map(|k| k.label())
                .collect();
            (keys.join(" / "), b.help(lang))
        })
        .collect()
}

/// The key list for README.md: every scope, its keys, and what they do in 简体 and English.
pub fn markdown() -> String {
    let mut out = String::new();
    for scope in Scope::ALL {
        out.push_str(&format!(
            "**{} · {}**\n\n| 按键 Keys | 作用 | Does |\n|---|---|---|\n",
            scope.label(Lang::ZhHans),
            scope.label(Lang::En)
        ));
        for b in bindings(&[scope]) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                b.help[0],
                b.help[2]
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scope sets the console is in at once, as the console itself makes them: every
    /// screen's, a form's (text or choice focused), a confirmation's and a pick list's.
    fn stacks() -> Vec<Vec<Scope>> {
        use crate::domain::{MatterId, Step};
        use crate::tui::app::{Screen, form_scopes, screen_scopes};
        let mut screens = vec![
            Screen::Home,
            Screen::RollCall,
            Screen::Agenda,
            Screen::Archive,
            Screen::Minutes,
            Screen::Results,
            Screen::Ledger,
            Screen::History,
        ];
        screens.extend(Step::ALL.map(|step| Screen::Matter {
            id: MatterId(0),
            step,
        }));
        let mut out: Vec<Vec<Scope>> = screens.into_iter().map(screen_scopes).collect();
        out.extend([
            form_scopes(true),
            form_scopes(false),
            vec![S::Confirm],
            vec![S::Pick],
        ]);
        out
    }

    #[test]
    fn a_key_means_one_thing_wherever_the_console_is() {
        let stacks = stacks();
        for scope in Scope::ALL {
            assert!(
                stacks.iter().any(|s| s.contains(&scope)),
                "{scope:?} is in no stack the console makes"
            );
        }
        for stack in &stacks {
            let mut seen: Vec<(Key, &str)> = Vec::new();
            for b in bindings(stack) {
                for k in b.keys {
                    if let Some((_, other)) = seen.iter().find(|(s, _)| s == k) {
                        panic!("{k:?} is both {other:?} and {:?} in {stack:?}", b.help[2]);
                    }
                    seen.push((*k, b.help[2]));
                }
            }
        }
    }

    #[test]
    fn every_scope_has_bindings_and_every_binding_a_description() {
        for scope in Scope::ALL {
            assert!(bindings(&[scope]).next().is_some(), "{scope:?} is empty");
        }
        for b in TABLE {
            assert!(b.help.iter().all(|h| !h.is_empty()), "{:?}", b.action);
        }
    }

    #[test]
    fn keys_are_looked_up_most_specific_scope_first() {
        use crate::domain::{MatterId, Step};
        use crate::tui::app::{Screen, screen_scopes};
        use crossterm::event::KeyEvent;
        let step = |step| {
            screen_scopes(Screen::Matter {
                id: MatterId(0),
                step,
            })
        };
        let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&screen_scopes(Screen::Home), &n),
            Some(Action::NewMeeting)
        );
        assert_eq!(lookup(&step(Step::Hear), &n), Some(Action::StartSpeaker));
        assert_eq!(lookup(&step(Step::Decide), &n), Some(Action::VoteNo));
        let big_c = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&step(Step::Decide), &big_c), Some(Action::CloseVote));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&step(Step::Decide), &ctrl_c), Some(Action::Quit));
    }
}
