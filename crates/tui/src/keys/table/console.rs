//! The meeting console's keys: anywhere, home, a meeting, its roll call and agenda, a matter
//! (its steps' own keys are in `steps`).

use crate::action::Action;
use crate::keys::Key::*;
use crate::keys::{Binding, Scope as S, hint};

pub static CONSOLE: &[Binding] = &[
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
        "切換投影畫面（只顯示會場需要的內容）",
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
        "退出（会议进行中先问一句；已确认的内容都已保存）",
        "退出（會議進行中先問一句；已確認的內容都已儲存）",
        "quit (asks first while a meeting runs; everything confirmed is already saved)"
    ),
    bind!(
        S::Home,
        [Enter],
        Action::Select,
        "进入所选会议",
        "進入所選會議",
        "open the selected meeting",
        hint(["进入", "進入", "open"])
    ),
    bind!(
        S::Home,
        [Char('n')],
        Action::NewMeeting,
        "新建会议（还没有议事会时：新建议事会）",
        "新建會議（還沒有議事會時：新建議事會）",
        "new meeting (with no council yet: set one up)",
        hint(["新建会议", "新建會議", "new meeting"])
    ),
    bind!(
        S::Home,
        [Char('m')],
        Action::ShowCouncil,
        "议事会与成员（表决规则、成员加入与离任）",
        "議事會與成員（表決規則、成員加入與離任）",
        "the council (its rule, members joining and leaving)",
        hint(["议事会", "議事會", "council"])
    ),
    bind!(
        S::Council,
        [Char('a'), Char('n')],
        Action::AddMember,
        "新增成员（可连续录入，Esc 结束）",
        "新增成員（可連續錄入，Esc 結束）",
        "add members (one after another; Esc to stop)",
        hint(["新增成员", "新增成員", "add"])
    ),
    bind!(
        S::Council,
        [Char('x')],
        Action::MemberLeaves,
        "所选成员离任（填写离任日期；往次记录保留）",
        "所選成員離任（填寫離任日期；往次記錄保留）",
        "the selected member leaves (on a date; past records keep them)",
        hint(["离任", "離任", "leaves"])
    ),
    bind!(
        S::Council,
        [Char('o')],
        Action::SellUnit,
        "所选业主的房屋过户（从过户之日起按新业主计票）",
        "所選業主的房屋過戶（從過戶之日起按新業主計票）",
        "the selected owner's unit passes to a new owner (counted for them from that day)",
        hint(["过户", "過戶", "new owner"])
    ),
    bind!(
        S::Home,
        [Char('a')],
        Action::ShowArchive,
        "归档：往次会议纪要、搜索",
        "歸檔：往次會議紀要、搜尋",
        "archive: past minutes, search",
        hint(["归档", "歸檔", "archive"])
    ),
    bind!(
        S::Home,
        [Char('l')],
        Action::ShowLedger,
        "事项台账",
        "事項台賬",
        "matter ledger",
        hint(["台账", "台賬", "ledger"])
    ),
    bind!(
        S::Meeting,
        [Char('S')],
        Action::StartMeeting,
        "宣布开会，或休会后复会（需确认）",
        "宣布開會，或休會後復會（需確認）",
        "open the meeting, or resume it after a break (asks first)",
        hint(["开会", "開會", "open"])
    ),
    bind!(
        S::Meeting,
        [Char('A')],
        Action::Adjourn,
        "宣布休会（需确认；复会时重新点名）",
        "宣布休會（需確認；復會時重新點名）",
        "adjourn (asks first; the roll is taken again on resuming)",
        hint(["休会", "休會", "adjourn"])
    ),
    bind!(
        S::Meeting,
        [Char('E')],
        Action::EndMeeting,
        "宣布散会（需确认）",
        "宣布散會（需確認）",
        "close the meeting (asks first)",
        hint(["散会", "散會", "close meeting"])
    ),
    bind!(
        S::Meeting,
        [F(6), Char('r')],
        Action::ShowRollCall,
        "点名",
        "點名",
        "roll call",
        hint(["点名", "點名", "roll"])
    ),
    bind!(
        S::Meeting,
        [F(7), Char('g')],
        Action::ShowAgenda,
        "议程",
        "議程",
        "agenda",
        hint(["议程", "議程", "agenda"])
    ),
    bind!(
        S::RollCall,
        [Char('1'), Char('p')],
        Action::MarkPresent,
        "出席，并移到下一人",
        "出席，並移到下一人",
        "present, and on to the next",
        hint(["出席", "出席", "present"])
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
        S::RollCall,
        [Char('P')],
        Action::GiveProxy,
        "委托表决：所选成员委托他人（规则允许时；纪要公布）",
        "委託表決：所選成員委託他人（規則允許時；紀要公布）",
        "a proxy: the selected member represented by another (where the rule allows; the minutes publish it)",
        hint(["委托", "委託", "proxy"])
    ),
    bind!(
        S::Agenda,
        [Enter],
        Action::Select,
        "进入所选事项",
        "進入所選事項",
        "open the selected matter",
        hint(["进入事项", "進入事項", "open"])
    ),
    bind!(
        S::Agenda,
        [Char('n')],
        Action::NewMatter,
        "新增事项",
        "新增事項",
        "new matter",
        hint(["新增事项", "新增事項", "new"])
    ),
    bind!(
        S::Agenda,
        [Char('e')],
        Action::CorrectSelected,
        "更正所选事项的名称（本次会议新增的事项；原名称留存）",
        "更正所選事項的名稱（本次會議新增的事項；原名稱留存）",
        "put the selected matter's title right (a matter new at this meeting; the old title is kept)",
        hint(["更正", "更正", "correct"])
    ),
    bind!(
        S::Agenda,
        [Char('c')],
        Action::CarryOver,
        "带入往次会议未办结的事项",
        "帶入往次會議未辦結的事項",
        "carry over an open matter",
        hint(["带入往次事项", "帶入往次事項", "carry over"])
    ),
    bind!(
        S::Agenda,
        [Char('K')],
        Action::MoveUp,
        "所选事项上移",
        "所選事項上移",
        "move the matter up",
        hint(["上移", "上移", "up"])
    ),
    bind!(
        S::Agenda,
        [Char('J')],
        Action::MoveDown,
        "所选事项下移",
        "所選事項下移",
        "move the matter down",
        hint(["下移", "下移", "down"])
    ),
    bind!(
        S::Matter,
        [Char('>')],
        Action::Advance,
        "进入下一步骤（需确认）",
        "進入下一步驟（需確認）",
        "on to the next step (asks first)",
        hint(["下一步骤", "下一步驟", "next step"])
    ),
    bind!(
        S::Matter,
        [Char('u')],
        Action::Undo,
        "撤销上一条记录（需确认；留有记录）",
        "撤銷上一條記錄（需確認；留有記錄）",
        "take back the last entry (asks first; the record keeps it)",
        hint(["撤销", "撤銷", "take back"])
    ),
    bind!(
        S::Matter,
        [Tab],
        Action::NextStep,
        "查看下一步骤的记录",
        "檢視下一步驟的記錄",
        "look at the next step's record",
        hint(["查看下一步", "檢視下一步", "look ahead"])
    ),
    bind!(
        S::Matter,
        [BackTab],
        Action::PrevStep,
        "查看上一步骤的记录",
        "檢視上一步驟的記錄",
        "look at the previous step's record",
        hint(["查看上一步", "檢視上一步", "look back"])
    ),
];
