//! The keys of a matter's five steps: collect, hear, decide, execute, review.

use crate::action::Action;
use crate::keys::Key::*;
use crate::keys::{Binding, Scope as S, hint};

pub static STEPS: &[Binding] = &[
    bind!(
        S::Collect,
        [Char('o')],
        Action::AddOpinion,
        "记录一条意见",
        "記錄一條意見",
        "record an opinion",
        hint(["记录意见", "記錄意見", "opinion"])
    ),
    bind!(
        S::Collect,
        [Char('d')],
        Action::WithdrawSelected,
        "撤回所选意见（需确认；留有记录）",
        "撤回所選意見（需確認；留有記錄）",
        "withdraw the selected opinion (asks first; the record keeps it)",
        hint(["撤回", "撤回", "withdraw"])
    ),
    bind!(
        S::Collect,
        [Char('e')],
        Action::CorrectSelected,
        "更正所选意见（原记录留存）",
        "更正所選意見（原記錄留存）",
        "put the selected opinion right (the original is kept)",
        hint(["更正", "更正", "correct"])
    ),
    bind!(
        S::Hear,
        [Char('a')],
        Action::AddSpeaker,
        "登记发言人",
        "登記發言人",
        "add a speaker",
        hint(["登记发言人", "登記發言人", "add speaker"])
    ),
    bind!(
        S::Hear,
        [Char('n')],
        Action::StartSpeaker,
        "请下一位发言（开始计时）",
        "請下一位發言（開始計時）",
        "next speaker (starts the countdown)",
        hint(["下一位发言", "下一位發言", "next speaker"])
    ),
    bind!(
        S::Hear,
        [Char('f')],
        Action::FinishSpeaker,
        "发言结束，记录立场和要点",
        "發言結束，記錄立場和要點",
        "speech over: stance and summary",
        hint(["发言结束", "發言結束", "speech over"])
    ),
    bind!(
        S::Hear,
        [Char('d')],
        Action::WithdrawSelected,
        "撤回所选发言人（需确认；留有记录）",
        "撤回所選發言人（需確認；留有記錄）",
        "withdraw the selected speaker (asks first; the record keeps it)",
        hint(["撤回", "撤回", "withdraw"])
    ),
    bind!(
        S::Hear,
        [Char('e')],
        Action::CorrectSelected,
        "更正所选发言人（姓名、立场、发言要点；原记录留存）",
        "更正所選發言人（姓名、立場、發言要點；原記錄留存）",
        "put the selected speaker right (who, stance, summary; the original is kept)",
        hint(["更正", "更正", "correct"])
    ),
    bind!(
        S::Hear,
        [Char('K')],
        Action::MoveUp,
        "所选发言人提前（等候中的）",
        "所選發言人提前（等候中的）",
        "call the selected waiting speaker sooner",
        hint(["提前", "提前", "sooner"])
    ),
    bind!(
        S::Hear,
        [Char('J')],
        Action::MoveDown,
        "所选发言人推后（暂不在场时跳过）",
        "所選發言人推後（暫不在場時跳過）",
        "call the selected waiting speaker later (skip one not in the room)",
        hint(["推后", "推後", "later"])
    ),
    bind!(
        S::Decide,
        [Char('m')],
        Action::ProposeMotion,
        "提出动议",
        "提出動議",
        "propose a motion",
        hint(["提出动议", "提出動議", "motion"])
    ),
    bind!(
        S::Decide,
        [Char('M')],
        Action::ProposeAmendment,
        "对动议提出修正案（先于动议表决，通过则按其修改）",
        "對動議提出修正案（先於動議表決，通過則按其修改）",
        "amend the motion (voted first; adopted, it becomes the motion's text)",
        hint(["修正案", "修正案", "amend"])
    ),
    bind!(
        S::Decide,
        [Char('v')],
        Action::OpenVote,
        "开始表决（须达法定人数）",
        "開始表決（須達法定人數）",
        "open the vote (needs a quorum)",
        hint(["开始表决", "開始表決", "open vote"])
    ),
    bind!(
        S::Decide,
        [Char('1'), Char('y')],
        Action::VoteYes,
        "所选委员：赞成",
        "所選委員：贊成",
        "selected member: yes",
        hint(["赞成", "贊成", "yes"])
    ),
    bind!(
        S::Decide,
        [Char('2'), Char('n')],
        Action::VoteNo,
        "所选委员：反对",
        "所選委員：反對",
        "selected member: no",
        hint(["反对", "反對", "no"])
    ),
    bind!(
        S::Decide,
        [Char('3'), Char('a')],
        Action::VoteAbstain,
        "所选委员：弃权",
        "所選委員：棄權",
        "selected member: abstain",
        hint(["弃权", "棄權", "abstain"])
    ),
    bind!(
        S::Decide,
        [Char('b')],
        Action::HandInBallot,
        "所选委员已投票（无记名）",
        "所選委員已投票（無記名）",
        "selected member has voted (secret)",
        hint(["已投票", "已投票", "voted"])
    ),
    bind!(
        S::Decide,
        [Char('c')],
        Action::EnterCounts,
        "录入票数（举手，或开箱计票）",
        "錄入票數（舉手，或開箱計票）",
        "enter counts (hands, ballot box)",
        hint(["录入票数", "錄入票數", "counts"])
    ),
    bind!(
        S::Decide,
        [Char('C')],
        Action::CloseVote,
        "结束表决并宣布结果（需确认）",
        "結束表決並宣布結果（需確認）",
        "close the vote, announce the result (asks first)",
        hint(["结束表决", "結束表決", "close vote"])
    ),
    bind!(
        S::Decide,
        [Char('R')],
        Action::ResolveRejected,
        "未通过：退回重新征求意见或不予采纳",
        "未通過：退回重新徵求意見或不予採納",
        "rejected: send back or close",
        hint(["未通过的处理", "未通過的處理", "rejected"])
    ),
    bind!(
        S::Decide,
        [Char('W')],
        Action::WithdrawMotion,
        "动议人撤回尚未付表决的动议（需确认）",
        "動議人撤回尚未付諸表決的動議（需確認）",
        "the mover withdraws the motion not yet put (asks first)",
        hint(["撤回动议", "撤回動議", "withdraw"])
    ),
    bind!(
        S::Decide,
        [Char('D')],
        Action::DeferMotion,
        "暂缓表决尚未付表决的动议（需确认）",
        "暫緩表決尚未付諸表決的動議（需確認）",
        "defer the vote on the motion not yet put (asks first)",
        hint(["暂缓表决", "暫緩表決", "defer"])
    ),
    bind!(
        S::Decide,
        [Char('e')],
        Action::CorrectSelected,
        "更正尚未付表决的动议（内容、提议人、附议人；原记录留存）",
        "更正尚未付諸表決的動議（內容、提議人、附議人；原記錄留存）",
        "put right the motion not yet voted on (text, mover, seconder; the original is kept)",
        hint(["更正", "更正", "correct"])
    ),
    bind!(
        S::Decide,
        [Char('X')],
        Action::ProposeElection,
        "提出选举（候选人、应选名额，无记名投票，逐名计票）",
        "提出選舉（候選人、應選名額，無記名投票，逐名計票）",
        "put an election (candidates, seats; secret ballot, counted name by name)",
        hint(["选举", "選舉", "election"])
    ),
    bind!(
        S::Execute,
        [Char('t')],
        Action::AddTask,
        "新增任务",
        "新增任務",
        "add a task",
        hint(["新增任务", "新增任務", "task"])
    ),
    bind!(
        S::Execute,
        [Char('p')],
        Action::RecordProgress,
        "记录所选任务的进度",
        "記錄所選任務的進度",
        "record progress on the selected task",
        hint(["记录进度", "記錄進度", "progress"])
    ),
    bind!(
        S::Execute,
        [Char('s')],
        Action::ToggleSupervised,
        "所选任务督办：开或关",
        "所選任務督辦：開或關",
        "selected task supervised: on or off",
        hint(["督办", "督辦", "supervise"])
    ),
    bind!(
        S::Execute,
        [Char('d')],
        Action::WithdrawSelected,
        "撤回所选任务（需确认；留有记录）",
        "撤回所選任務（需確認；留有記錄）",
        "withdraw the selected task (asks first; the record keeps it)",
        hint(["撤回", "撤回", "withdraw"])
    ),
    bind!(
        S::Execute,
        [Char('e')],
        Action::CorrectSelected,
        "更正所选任务（内容、责任人、期限；原记录留存）",
        "更正所選任務（內容、責任人、期限；原記錄留存）",
        "put the selected task right (text, owner, due date; the original is kept)",
        hint(["更正", "更正", "correct"])
    ),
    bind!(
        S::Review,
        [Char('e')],
        Action::RecordReview,
        "录入满意度评议",
        "錄入滿意度評議",
        "enter the satisfaction counts",
        hint(["录入评议", "錄入評議", "counts"])
    ),
    bind!(
        S::Review,
        [Char('K')],
        Action::ConcludeReview,
        "评议结论：办结或整改（需确认）",
        "評議結論：辦結或整改（需確認）",
        "conclude: completed or rectify (asks first)",
        hint(["评议结论", "評議結論", "conclude"])
    ),
];
