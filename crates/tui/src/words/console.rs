//! The words of the meeting console: its screens, questions and notices.

use yishi_text::Words;

// app

pub const NO_MEETING_IS_BEING_RUN: Words = [
    "投影视图显示进行中的会议：请先从首页进入一次会议。",
    "投影畫面顯示進行中的會議：請先從首頁進入一次會議。",
    "No meeting is being run: open one from home first.",
];
pub const SAVED: Words = ["已保存。", "已儲存。", "Saved."];

// mod

pub const NEEDS_A_TERMINAL: Words = [
    "会议控制台和大屏需要在终端里运行（标准输入输出不是终端）。可用 `yishi list`、`yishi minutes` 查看记录。",
    "會議控制台和大螢幕需要在終端機裡執行（標準輸入輸出不是終端機）。可用 `yishi list`、`yishi minutes` 檢視記錄。",
    "The console and the wall need a terminal (stdin or stdout is not one). `yishi list` and `yishi minutes` read the record.",
];
pub const THEME_NOT_USABLE: Words = ["配色无法使用：", "配色無法使用：", "theme not usable: "];

// screens/agenda

pub const NO_OPEN_MATTER_TO_CARRY: Words = [
    "没有可带入的未办结事项。",
    "沒有可帶入的未辦結事項。",
    "No open matter to carry over.",
];
pub const AGENDA_ENTER_OPEN_N_NEW: Words = [
    "议程：Enter 进入　n 新增　e 更正名称　c 带入往次事项　K/J 调整顺序",
    "議程：Enter 進入　n 新增　e 更正名稱　c 帶入往次事項　K/J 調整順序",
    "Agenda: Enter open  n new  e retitle  c carry over  K/J reorder",
];
/// What a matter holds at its step, after its count; in English the singular, then the plural.
pub const OPINIONS: [&str; 4] = ["条意见", "條意見", "opinion", "opinions"];
pub const SPEAKERS: [&str; 4] = ["位发言", "位發言", "speaker", "speakers"];
pub const MOTIONS: [&str; 4] = ["项动议", "項動議", "motion", "motions"];
pub const TASKS: [&str; 4] = ["项任务", "項任務", "task", "tasks"];
pub const CARRY_OVER_AN_OPEN_MATTER: Words = [
    "带入未办结事项",
    "帶入未辦結事項",
    "Carry over an open matter",
];

// screens/collect

pub const TOTAL: Words = ["共", "共", "Total "];
pub const OPINIONS_O_TO_RECORD_ONE: Words = [
    "意见（o 记录一条）",
    "意見（o 記錄一條）",
    "Opinions (o to record one)",
];

// screens/decide

pub const NO_MOTION_YET_PRESS_M: Words = [
    "还没有动议：按 m 提出。",
    "還沒有動議：按 m 提出。",
    "No motion yet: press m.",
];
pub const THE_VOTE_IS_NOT_OPEN: Words = [
    "表决尚未开始或已结束。",
    "表決尚未開始或已結束。",
    "The vote is not open.",
];
pub const SHOW_OF_HANDS_PRESS_C: Words = [
    "举手表决：按 c 录入票数。",
    "舉手表決：按 c 錄入票數。",
    "Show of hands: press c to enter the counts.",
];
pub const A_SECRET_BALLOT_RECORDS_NO: Words = [
    "无记名投票不按人记录选择：按 b 登记所选委员已投票，开箱计票后按 c 录入票数。",
    "無記名投票不按人記錄選擇：按 b 登記所選委員已投票，開箱計票後按 c 錄入票數。",
    "A secret ballot records no one's choice: b marks the selected member as having voted; c enters the totals once the box is counted.",
];
pub const ROLL_CALL_KEYS: Words = [
    "记名投票：按 1 赞成、2 反对、3 弃权。",
    "記名投票：按 1 贊成、2 反對、3 棄權。",
    "Roll call: 1 yes, 2 no, 3 abstain.",
];
pub const THE_VOTE_IS_OPEN: Words = ["表决开始。", "表決開始。", "The vote is open."];
pub const A_ROLL_CALL_IS_COUNTED: Words = [
    "记名投票逐人计票：按 1 赞成、2 反对、3 弃权。",
    "記名投票逐人計票：按 1 贊成、2 反對、3 棄權。",
    "A roll call is counted member by member: 1 yes, 2 no, 3 abstain.",
];
pub const CLOSE_THE_VOTE: Words = ["结束表决：", "結束表決：", "Close the vote: "];
pub const THE_RESULT_WILL_BE: Words = ["结果将是：", "結果將是：", "The result will be: "];
pub const CONFIRM: Words = ["。确认？", "。確認？", ". Confirm?"];
pub const NONE: Words = ["无", "無", "none"];
pub const MOVED: Words = ["提议：", "提議：", "moved: "];
pub const SECONDED: Words = ["附议：", "附議：", "seconded: "];
pub const PROPOSED_V_OPENS_THE_VOTE: Words = [
    "待表决（v 开始）",
    "待表決（v 開始）",
    "proposed (v opens the vote)",
];
pub const VOTING: Words = ["► 表决中", "► 表決中", "► voting"];
pub const CLOSED: Words = ["表决结束", "表決結束", "closed"];
pub const ONLY_A_MOTION_NOT_YET_PUT: Words = [
    "只有尚未付表决的动议可以撤回或暂缓；表决一经开始，须结束并宣布结果。",
    "只有尚未付諸表決的動議可以撤回或暫緩；表決一經開始，須結束並宣布結果。",
    "Only a motion not yet put to the vote can be withdrawn or deferred; an open vote is closed and counted.",
];
pub const WITHDRAWN_LOUD: Words = ["已撤回", "已撤回", "WITHDRAWN"];
pub const DEFERRED_LOUD: Words = ["暂缓表决", "暫緩表決", "DEFERRED"];
pub const MOTION_WITHDRAWN: Words = [
    "动议人已撤回动议；可按 m 另提动议",
    "動議人已撤回動議；可按 m 另提動議",
    "withdrawn by its mover; m moves another",
];
pub const MOTION_DEFERRED: Words = [
    "会议决定暂缓表决；可按 m 另提动议，或留待下次会议",
    "會議決定暫緩表決；可按 m 另提動議，或留待下次會議",
    "deferred by the meeting; m moves another, or leave it for a later meeting",
];
pub const NO_DECISION_MOVE_AGAIN: Words = [
    "未形成决议：事项仍待表决，可按 m 另提动议再表决，或留待下次会议。",
    "未形成決議：事項仍待表決，可按 m 另提動議再表決，或留待下次會議。",
    "No decision: the matter still awaits a vote; m moves another, or leave it for a later meeting.",
];
pub const PRESS_R_SEND_BACK_FOR: Words = [
    "按 R 选择：退回重新征求意见，或不予采纳。",
    "按 R 選擇：退回重新徵求意見，或不予採納。",
    "Press R: send back for new opinions, or close as not adopted.",
];
pub const EARLIER_MOTIONS: Words = ["此前动议：", "此前動議：", "Earlier motions: "];
pub const MOTION_AND_VOTE: Words = ["动议与表决", "動議與表決", "Motion and vote"];
pub const VOTED: Words = ["已投", "已投", "voted"];
pub const NOT_YET: Words = ["未投", "未投", "not yet"];
pub const WHO_HAS_VOTED: Words = [
    "投票登记（不记选择）",
    "投票登記（不記選擇）",
    "Who has voted",
];
pub const BALLOTS: Words = ["逐人计票", "逐人計票", "Ballots"];

// screens/execute

pub const NO_TASK_YET_PRESS_T: Words = [
    "还没有任务：按 t 新增。",
    "還沒有任務：按 t 新增。",
    "No task yet: press t.",
];
pub const SUPERVISION_CHANGED: Words = [
    "督办标记已更改。",
    "督辦標記已更改。",
    "Supervision changed.",
];
pub const OWNER: Words = ["责任", "責任", "owner"];
pub const DUE: Words = ["期限", "期限", "due"];
pub const SUPERVISED: Words = ["　［督办］", "　［督辦］", "  [supervised]"];
pub const OVERDUE: Words = ["　✗ 逾期", "　✗ 逾期", "  ✗ overdue"];
pub const DONE: Words = ["　✓ 完成", "　✓ 完成", "  ✓ done"];
pub const TASKS_T_ADD_P_PROGRESS: Words = [
    "任务（t 新增　p 记录进度　s 督办）",
    "任務（t 新增　p 記錄進度　s 督辦）",
    "Tasks (t add  p progress  s supervise)",
];

// screens/hear

pub const OVERTIME: Words = ["超时", "超時", "overtime"];
pub const LAST: Words = ["最后", "最後", "last"];
pub const LEFT: Words = ["剩余", "剩餘", "left"];
pub const SOMEONE_IS_SPEAKING_PRESS_F: Words = [
    "有人正在发言：先按 f 结束。",
    "有人正在發言：先按 f 結束。",
    "Someone is speaking: press f first.",
];
pub const NOBODY_IS_WAITING_TO_SPEAK: Words = [
    "没有等候发言的人：按 a 登记发言人。",
    "沒有等候發言的人：按 a 登記發言人。",
    "Nobody is waiting to speak: press a to add a speaker.",
];
pub const NOBODY_IS_SPEAKING_PRESS_N: Words = [
    "没有人在发言：按 n 请下一位。",
    "沒有人在發言：按 n 請下一位。",
    "Nobody is speaking: press n for the next speaker.",
];
pub const NOBODY_SPEAKING_N_NEXT_SPEAKER: Words = [
    "现在无人发言（n 请下一位）",
    "現在無人發言（n 請下一位）",
    "Nobody speaking (n: next speaker)",
];
pub const WAITING: Words = ["等候：", "等候：", "Waiting: "];
pub const NONE_IN_BRACKETS: Words = ["（无）", "（無）", "none"];
pub const TIME_EACH: Words = ["每人限时 ", "每人限時 ", "Time each: "];
pub const SPEAKING_NOW: Words = ["正在发言", "正在發言", "Speaking now"];
pub const SPEAKING: Words = ["发言中", "發言中", "speaking"];
pub const USED: Words = ["用时", "用時", "used"];
pub const WAITING_WORD: Words = ["等候", "等候", "waiting"];
pub const SPEAKERS_A_ADD_N_NEXT: Words = [
    "发言人（a 登记　n 下一位　f 结束发言）",
    "發言人（a 登記　n 下一位　f 結束發言）",
    "Speakers (a add  n next  f finish)",
];

// screens/help

pub const KEYS_ANY_KEY_CLOSES: Words = [
    "按键（任意键关闭）",
    "按鍵（任意鍵關閉）",
    "Keys (any key closes)",
];
pub const KEYS_SCROLL_OTHER_KEYS_CLOSE: Words = [
    "按键（↑↓ 翻看，其他键关闭）",
    "按鍵（↑↓ 翻看，其他鍵關閉）",
    "Keys (↑↓ scroll, other keys close)",
];

// screens/home

pub const QUIT_WHILE_A_MEETING_RUNS: Words = [
    "会议正在进行。要退出控制台吗？已确认的内容都已保存，再次运行 yishi 即可接着开会。",
    "會議正在進行。要退出控制台嗎？已確認的內容都已儲存，再次執行 yishi 即可接著開會。",
    "A meeting is under way. Quit the console? Everything confirmed is saved; run yishi again to go on.",
];

pub const QUIT_THE_DEMO: Words = [
    "这是演示：退出后，演示中记录的内容全部删除。要退出吗？",
    "這是演示：退出後，演示中記錄的內容全部刪除。要退出嗎？",
    "This is the demo: quitting throws away everything recorded in it. Quit?",
];
pub const DEMO_MARK: Words = [
    " [演示：数据不保存]",
    " [演示：資料不儲存]",
    " [demo: nothing is kept]",
];

pub const THIS_DATABASE_HOLDS_NO_COUNCIL: Words = [
    "这个数据库里还没有议事会。从这里开始：\n\n1. 按 n 新建议事会：名称、表决规则（附法律依据）、满意率门槛，然后逐一录入成员（姓名、所属、表决或列席）；\n2. 已有名册的，也可以用 `yishi council template -o 名册.csv` 写出模板，用 Excel 或 WPS 填好后 `yishi council import 名册.csv --name 青禾里社区居民议事会`；\n3. 回到首页按 n 开始第一次会议。\n\n已有导出的记录，用 `yishi import 文件` 导入；想先看看，运行 `yishi demo`。",
    "這個資料庫裡還沒有議事會。從這裡開始：\n\n1. 按 n 新建議事會：名稱、表決規則（附法律依據）、滿意率門檻，然後逐一錄入成員（姓名、所屬、表決或列席）；\n2. 已有名冊的，也可以用 `yishi council template -o 名冊.csv` 寫出模板，用 Excel 或 WPS 填好後 `yishi council import 名冊.csv --name 青禾里社區居民議事會`；\n3. 回到首頁按 n 開始第一次會議。\n\n已有匯出的記錄，用 `yishi import 檔案` 匯入；想先看看，執行 `yishi demo`。",
    "This database holds no council yet. To start:\n\n1. press n to set one up: its name, its rule (with the statute), the satisfaction threshold; then add the members one by one (name, affiliation, voting or observing);\n2. or, from a roster: `yishi council template -o roster.csv` writes a template to fill in Excel or WPS, and `yishi council import roster.csv --name NAME` makes the council;\n3. back home, press n for its first meeting.\n\nTo load an exported record, `yishi import FILE`; to look around first, `yishi demo`.",
];
pub const NOW_AT_EXECUTION_PRESS_TAB: Words = [
    "事项已进入执行督办：按 Tab 转到执行督办。",
    "事項已進入執行督辦：按 Tab 轉到執行督辦。",
    "The matter has moved on to execution: Tab goes there.",
];
pub const NOTHING_TO_TAKE_BACK: Words = [
    "本次没有可撤销的记录。",
    "本次沒有可撤銷的記錄。",
    "Nothing recorded in this session to take back.",
];
pub const NO_MEETING_YET_PRESS_N: Words = [
    "还没有开过会。按 n 开始第一次会议。",
    "還沒有開過會。按 n 開始第一次會議。",
    "No meeting yet. Press n to begin the first.",
];
pub const MEETINGS_LATEST_FIRST: Words = [
    "会议（新的在前）",
    "會議（新的在前）",
    "Meetings, latest first",
];
pub const OPEN_MATTERS: Words = ["未办结事项", "未辦結事項", "Open matters"];

// screens/matter

pub const THE_MATTER_IS_CLOSED: Words = ["事项已关闭。", "事項已關閉。", "The matter is closed."];
pub const A_VOTE_MOVES_A_DECIDED: Words = [
    "民主决策由表决结果推进：通过后进入执行督办，未通过按 R 处理。",
    "民主決策由表決結果推進：通過後進入執行督辦，未通過按 R 處理。",
    "A vote moves a decided matter on: adopted goes to execution; if rejected, press R.",
];
pub const A_REVIEW_MOVES_ON_BY: Words = [
    "群众评议由评议结论推进：按 K 得出办结或整改。",
    "群眾評議由評議結論推進：按 K 得出辦結或整改。",
    "A review moves on by its conclusion: press K.",
];
pub const ON_TO_THE_NEXT_STEP: Words = ["进入下一步：", "進入下一步：", "On to the next step: "];
pub const NOBODY_HEARD_YET: Words = [
    "本事项还没有人发言，纪要将写明公开听证无人发言。",
    "本事項還沒有人發言，紀要將寫明公開聽證無人發言。",
    " Nobody has spoken on this matter: the minutes will say the hearing heard no one.",
];

// screens/mod

pub const OPEN_THE_MEETING: Words = ["宣布开会？", "宣布開會？", "Open the meeting?"];
pub const ADJOURNED_STATE: Words = ["休会中", "休會中", "adjourned"];
pub const ADJOURN_THE_MEETING: Words = [
    "宣布休会？休会期间不能记录；复会（S）时重新点名。",
    "宣布休會？休會期間不能記錄；復會（S）時重新點名。",
    "Adjourn? Nothing is recorded during the break; on resuming (S) the roll is taken again.",
];
pub const RESUME_THE_MEETING: Words = [
    "宣布复会？复会后请重新点名。",
    "宣布復會？復會後請重新點名。",
    "Resume the meeting? Take the roll again after.",
];
pub const ONLY_A_MEETING_UNDER_WAY_ADJOURNS: Words = [
    "只有进行中的会议可以休会",
    "只有進行中的會議可以休會",
    "only a meeting under way adjourns",
];
pub const CLOSE_THE_MEETING_NOTHING_MORE: Words = [
    "宣布散会？散会后本次会议不能再记录。",
    "宣布散會？散會後本次會議不能再記錄。",
    "Close the meeting? Nothing more can be recorded in it afterwards.",
];
pub const RESIDENT: Words = ["（居民）", "（居民）", " (resident)"];
pub const ANONYMOUS: Words = ["匿名", "匿名", "anonymous"];
pub const QUORUM: Words = ["✓ 达到法定人数", "✓ 達到法定人數", "✓ quorum"];
pub const NO_QUORUM: Words = ["✗ 未达法定人数", "✗ 未達法定人數", "✗ no quorum"];
pub const YISHI: Words = [" 议事 ", " 議事 ", " yishi "];
pub const NOT_DONE: Words = [" ✗ 未执行：", " ✗ 未執行：", " ✗ Not done: "];
pub const HELP: Words = ["? 帮助", "? 說明", "? help"];
pub const RESUME: Words = ["复会", "復會", "resume"];

// screens/overlays

pub const RECORDED: Words = ["已记录。", "已記錄。", "Recorded."];
pub const ADDED_TO_THE_AGENDA: Words = ["已列入议程。", "已列入議程。", "Added to the agenda."];
pub const PLEASE_CONFIRM: Words = ["请确认", "請確認", "Please confirm"];

// screens/review

pub const NO_REVIEW_COUNTS_YET_PRESS: Words = [
    "还没有评议票数：按 e 录入。",
    "還沒有評議票數：按 e 錄入。",
    "No review counts yet: press e.",
];
pub const RECTIFY_BACK_TO_EXECUTION: Words = [
    "整改（退回执行督办）",
    "整改（退回執行督辦）",
    "rectify (back to execution)",
];
pub const SATISFACTION_LEAD: Words = ["满意率 ", "滿意率 ", "Satisfaction "];
pub const THRESHOLD: Words = ["，办结标准 ", "，辦結標準 ", ", threshold "];
pub const CONCLUSION: Words = ["。结论：", "。結論：", ". Conclusion: "];
pub const COMPLETED_WHEN_SATISFIED_BASICALLY_SATIS: Words = [
    "办结标准：满意率（满意＋基本满意）达到 ",
    "辦結標準：滿意率（滿意＋基本滿意）達到 ",
    "Completed when satisfied + basically satisfied reach ",
];
pub const OF_THE_VOTES: Words = ["", "", " of the votes"];
pub const NO_REVIEW_YET_PRESS_E: Words = [
    "还没有评议：按 e 录入票数。",
    "還沒有評議：按 e 錄入票數。",
    "No review yet: press e to enter the counts.",
];
pub const COMPLETED_MARK: Words = ["✓ 办结", "✓ 辦結", "✓ completed"];
pub const RECTIFY: Words = ["✗ 整改", "✗ 整改", "✗ rectify"];
pub const TO_CONCLUDE_K: Words = ["待结论（K）", "待結論（K）", "to conclude (K)"];
pub const RATE_LEAD: Words = ["满意率 ", "滿意率 ", "rate "];
pub const REVIEW_E_ENTER_K_CONCLUDE: Words = [
    "群众评议（e 录入　K 结论）",
    "群眾評議（e 錄入　K 結論）",
    "Review (e enter  K conclude)",
];

// screens/roll_call

pub const NOT_CALLED: Words = ["未点名", "未點名", "not called"];
pub const OBSERVER: Words = ["（列席代表）", "（列席代表）", " (observer)"];
pub const ROLL_CALL_TITLE: Words = [
    "点名：1 出席　2 缺席　3 请假　4 列席",
    "點名：1 出席　2 缺席　3 請假　4 列席",
    "Roll call: 1 present  2 absent  3 excused  4 observing",
];
pub const EXCUSED: Words = ["请假：", "請假：", "Excused: "];
pub const ABSENT: Words = ["缺席：", "缺席：", "Absent: "];
pub const OBSERVING: Words = ["列席：", "列席：", "Observing: "];
pub const NOT_CALLED_LABEL: Words = ["未点名：", "未點名：", "Not called: "];
pub const WHEN_EVERYONE_IS_CALLED_S: Words = [
    "点名完毕后按 S 宣布开会，按 g 进入议程。",
    "點名完畢後按 S 宣布開會，按 g 進入議程。",
    "When everyone is called, S opens the meeting and g shows the agenda.",
];
pub const ATTENDANCE: Words = ["出席情况", "出席情況", "Attendance"];

// screens/wall

pub const NO_MORE_SPEAKERS: Words = ["发言结束", "發言結束", "No more speakers"];
pub const WAITING_TO_SPEAK: Words = ["等候发言：", "等候發言：", "Waiting to speak: "];
pub const NEXT: Words = ["下一位：", "下一位：", "Next: "];
pub const AWAITING_A_MOTION: Words = ["待提出动议", "待提出動議", "Awaiting a motion"];
pub const BALLOTS_IN_THE_BOX: Words = ["已投票", "已投票", "Ballots in the box"];
pub const YES: Words = ["赞成", "贊成", "Yes"];
pub const NO_HEADING: Words = ["反对", "反對", "No"];
pub const ABSTAIN: Words = ["弃权", "棄權", "Abstain"];
pub const SPOILED: Words = ["废票", "廢票", "Spoiled"];
pub const ADOPTED_LOUD: Words = ["通过", "通過", "ADOPTED"];
pub const REJECTED_LOUD: Words = ["未通过", "未通過", "REJECTED"];
pub const NO_DECISION_LOUD: Words = ["未形成决议", "未形成決議", "NO DECISION"];
pub const TASKS_TO_BE_SET: Words = ["待分解任务", "待分解任務", "Tasks to be set"];
pub const AWAITING_THE_REVIEW: Words = ["待评议", "待評議", "Awaiting the review"];
pub const SATISFACTION_HEADING: Words = ["满意率", "滿意率", "Satisfaction"];
