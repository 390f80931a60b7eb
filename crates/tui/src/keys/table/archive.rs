//! The secretary's archive: past meetings, minutes, search results, the ledger, a matter's history.

use crate::action::Action;
use crate::keys::Key::*;
use crate::keys::{Binding, Scope as S, hint};

pub static ARCHIVE: &[Binding] = &[
    bind!(
        S::Archive,
        [Char('/')],
        Action::Search,
        "搜索所有会议纪要",
        "搜尋所有會議紀要",
        "search all minutes",
        hint(["搜索", "搜尋", "search"])
    ),
    bind!(
        S::Archive,
        [Char('l')],
        Action::ShowLedger,
        "事项台账",
        "事項台賬",
        "matter ledger",
        hint(["台账", "台賬", "ledger"])
    ),
    bind!(
        S::Archive,
        [PageUp],
        Action::PageUp,
        "上翻一页",
        "上翻一頁",
        "page up",
        hint(["上页", "上頁", "page up"])
    ),
    bind!(
        S::Archive,
        [PageDown, Char(' ')],
        Action::PageDown,
        "下翻一页",
        "下翻一頁",
        "page down",
        hint(["下页", "下頁", "page down"])
    ),
    bind!(
        S::Meetings,
        [Enter],
        Action::Select,
        "阅读所选会议的纪要",
        "閱讀所選會議的紀要",
        "read the selected meeting's minutes",
        hint(["阅读纪要", "閱讀紀要", "read"])
    ),
    bind!(
        S::Minutes,
        [Char('n')],
        Action::NextHit,
        "下一处搜索结果",
        "下一處搜尋結果",
        "next search hit",
        hint(["下一处", "下一處", "next hit"])
    ),
    bind!(
        S::Minutes,
        [Char('N')],
        Action::PrevHit,
        "上一处搜索结果",
        "上一處搜尋結果",
        "previous search hit",
        hint(["上一处", "上一處", "previous hit"])
    ),
    bind!(
        S::Minutes,
        [Char('x')],
        Action::Export,
        "导出纪要（文本或 Markdown）",
        "匯出紀要（文字或 Markdown）",
        "export the minutes (text or Markdown)",
        hint(["导出", "匯出", "export"])
    ),
    bind!(
        S::Minutes,
        [Char('S')],
        Action::Sign,
        "签发：主持人和记录人签字，纪要封存（需确认）",
        "簽發：主持人和記錄人簽字，紀要封存（需確認）",
        "sign: chair and recorder sign, the record is sealed (asks first)",
        hint(["签发", "簽發", "sign"])
    ),
    bind!(
        S::Minutes,
        [Char('c')],
        Action::Correct,
        "更正：记下更正内容、理由和更正人",
        "更正：記下更正內容、理由和更正人",
        "correct: the corrected wording, reason and who",
        hint(["更正", "更正", "correct"])
    ),
    bind!(
        S::Results,
        [Enter],
        Action::Select,
        "打开该处纪要",
        "開啟該處紀要",
        "open the minutes at this hit",
        hint(["打开纪要", "開啟紀要", "open"])
    ),
    bind!(
        S::Ledger,
        [Enter],
        Action::Select,
        "查看所选事项的全部经过",
        "檢視所選事項的全部經過",
        "the selected matter's whole history",
        hint(["全部经过", "全部經過", "history"])
    ),
    bind!(
        S::Ledger,
        [Char('f')],
        Action::FilterStep,
        "按步骤筛选",
        "按步驟篩選",
        "filter by step",
        hint(["按步骤", "按步驟", "by step"])
    ),
    bind!(
        S::Ledger,
        [Char('s')],
        Action::FilterState,
        "按状态筛选：未办结、整改、办结、不予采纳",
        "按狀態篩選：未辦結、整改、辦結、不予採納",
        "filter by state: open, rectifying, completed, not adopted",
        hint(["按状态", "按狀態", "by state"])
    ),
    bind!(
        S::Ledger,
        [Char('o')],
        Action::FilterOverdue,
        "只看有逾期任务的事项：开或关",
        "只看有逾期任務的事項：開或關",
        "only matters with overdue tasks: on or off",
        hint(["只看逾期", "只看逾期", "overdue only"])
    ),
    bind!(
        S::Ledger,
        [Char('x')],
        Action::Export,
        "导出台账（CSV，Excel 和 WPS 可直接打开）",
        "匯出台賬（CSV，Excel 和 WPS 可直接開啟）",
        "export the ledger (CSV that Excel and WPS open)",
        hint(["导出", "匯出", "export"])
    ),
    bind!(
        S::History,
        [Enter],
        Action::Select,
        "打开该条所在会议的纪要",
        "開啟該條所在會議的紀要",
        "open the minutes of that entry's meeting",
        hint(["打开纪要", "開啟紀要", "open"])
    ),
];
