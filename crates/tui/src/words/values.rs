//! The console's messages that carry values, each written out whole in 简体, 繁體 and English
//! (a `match` over the languages, so none can be left out), never put together from pieces.

use yishi_text::Lang;

/// A count and what it counts: 3条意见, "1 opinion", "2 opinions".
pub fn count_of(lang: Lang, n: usize, [hans, hant, one, many]: [&str; 4]) -> String {
    match lang {
        Lang::ZhHans => format!("{n}{hans}"),
        Lang::ZhHant => format!("{n}{hant}"),
        Lang::En => yishi_text::counted(n as u64, one, many),
    }
}

pub fn file_exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::ZhHans => format!("文件已存在：{path}。要覆盖它吗？"),
        Lang::ZhHant => format!("檔案已存在：{path}。要覆蓋它嗎？"),
        Lang::En => format!("{path} already exists. Replace it?"),
    }
}

pub fn exported_to(lang: Lang, path: &str) -> String {
    match lang {
        Lang::ZhHans => format!("已导出到 {path}"),
        Lang::ZhHant => format!("已匯出到 {path}"),
        Lang::En => format!("Written to {path}."),
    }
}

pub fn cannot_write(lang: Lang, path: &str, why: &str) -> String {
    match lang {
        Lang::ZhHans => format!("无法写入 {path}：{why}"),
        Lang::ZhHant => format!("無法寫入 {path}：{why}"),
        Lang::En => format!("cannot write {path}: {why}"),
    }
}

pub fn corrections_after_signing(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("有更正{n}条"),
        Lang::ZhHant => format!("有更正{n}條"),
        Lang::En => format!("{n} correction(s) after signing"),
    }
}

pub fn opinions_in_all(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("共{n}条"),
        Lang::ZhHant => format!("共{n}條"),
        Lang::En => format!("Total {n}"),
    }
}

/// The result by the rule: `why` is the rule's own words for what the tally reached (or not).
pub fn verdict(lang: Lang, passed: bool, why: &str) -> String {
    match (lang, passed) {
        (Lang::ZhHans, true) => format!("{why}，通过"),
        (Lang::ZhHans, false) => format!("{why}，未通过"),
        (Lang::ZhHant, true) => format!("{why}，通過"),
        (Lang::ZhHant, false) => format!("{why}，未通過"),
        (Lang::En, true) => "adopted".to_string(),
        (Lang::En, false) => "not adopted".to_string(),
    }
}

/// The rule's words are in doubt (a statute revised, its new text not confirmed).
pub fn in_doubt(lang: Lang, why: &str) -> String {
    match lang {
        Lang::ZhHans => format!("所依条文待核对：{why}"),
        Lang::ZhHant => format!("所依條文待核對：{why}"),
        Lang::En => format!("The rule's statute is to be checked: {why}"),
    }
}

/// Too few took part for the vote to decide: `why` is the rule's words for the quorum missed.
pub fn no_decision(lang: Lang, why: &str) -> String {
    match lang {
        Lang::ZhHans => format!("{why}，未形成决议"),
        Lang::ZhHant => format!("{why}，未形成決議"),
        Lang::En => "no decision was made: too few took part".to_string(),
    }
}

pub fn on_to_step(lang: Lang, step: &str) -> String {
    match lang {
        Lang::ZhHans => format!("进入下一步：{step}？"),
        Lang::ZhHant => format!("進入下一步：{step}？"),
        Lang::En => format!("On to the next step: {step}?"),
    }
}

pub fn minutes_of(lang: Lang, meeting: &str) -> String {
    match lang {
        Lang::ZhHans => format!("{meeting}纪要"),
        Lang::ZhHant => format!("{meeting}紀要"),
        Lang::En => format!("Minutes · {meeting}"),
    }
}

/// Which search hit is current: 「words」第2/7.
pub fn hit_of(lang: Lang, query: &str, hit: usize, hits: usize) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => format!("　「{query}」第{hit}/{hits}"),
        Lang::En => format!(" · “{query}” {hit}/{hits}"),
    }
}

pub fn found(lang: Lang, query: &str, n: usize, more: bool) -> String {
    match (lang, more) {
        (Lang::ZhHans, false) => format!("「{query}」共找到{n}处。"),
        (Lang::ZhHant, false) => format!("「{query}」共找到{n}處。"),
        (Lang::En, false) => {
            let places = yishi_text::counted(n as u64, "place", "places");
            format!("{places} found for “{query}”.")
        }
        (Lang::ZhHans, true) => format!("「{query}」找到{n}处以上，列出最新的{n}处。"),
        (Lang::ZhHant, true) => format!("「{query}」找到{n}處以上，列出最新的{n}處。"),
        (Lang::En, true) => {
            format!("More than {n} places found for “{query}”; the latest {n} are listed.")
        }
    }
}

/// The search results' title: how many listed, and whether there are more.
pub fn results_title(lang: Lang, query: &str, listed: usize, more: bool) -> String {
    match (lang, more) {
        (Lang::ZhHans, false) => format!("搜索「{query}」：共{listed}处　Enter 打开该处纪要"),
        (Lang::ZhHans, true) => {
            format!("搜索「{query}」：{listed}处以上，列出最新的{listed}处　Enter 打开该处纪要")
        }
        (Lang::ZhHant, false) => format!("搜尋「{query}」：共{listed}處　Enter 開啟該處紀要"),
        (Lang::ZhHant, true) => {
            format!("搜尋「{query}」：{listed}處以上，列出最新的{listed}處　Enter 開啟該處紀要")
        }
        (Lang::En, false) => {
            format!("Search “{query}”: {listed} found · Enter opens the minutes there")
        }
        (Lang::En, true) => format!(
            "Search “{query}”: more than {listed} found, the latest {listed} listed · Enter opens the minutes there"
        ),
    }
}

pub fn review_round(lang: Lang, round: usize) -> String {
    match lang {
        Lang::ZhHans => format!("第{round}轮评议"),
        Lang::ZhHant => format!("第{round}輪評議"),
        Lang::En => format!("Round {round}"),
    }
}

pub fn rule_of(lang: Lang, name: &str, source: &str) -> String {
    match lang {
        Lang::ZhHans => format!("规则：{name}（{source}）"),
        Lang::ZhHant => format!("規則：{name}（{source}）"),
        Lang::En => format!("Rule: {name} ({source})"),
    }
}

pub fn overdue(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans | Lang::ZhHant => format!("✗ 逾期{n}"),
        Lang::En => format!("✗ {n} overdue"),
    }
}

/// 撤回动议「……」？ / 暂缓表决动议「……」？
pub fn set_aside(lang: Lang, withdraw: bool, text: &str) -> String {
    let text = crate::undo::quote(text);
    match (lang, withdraw) {
        (Lang::ZhHans, true) => format!("动议人撤回动议{text}？它不再付表决，纪要记明撤回。"),
        (Lang::ZhHans, false) => {
            format!("对动议{text}暂缓表决？事项仍在民主决策，可另提动议或留待下次会议。")
        }
        (Lang::ZhHant, true) => format!("動議人撤回動議{text}？它不再付諸表決，紀要記明撤回。"),
        (Lang::ZhHant, false) => {
            format!("對動議{text}暫緩表決？事項仍在民主決策，可另提動議或留待下次會議。")
        }
        (Lang::En, true) => format!(
            "Withdraw the motion {text} at its mover's request? It is not put to the vote; the minutes say so."
        ),
        (Lang::En, false) => format!(
            "Defer the vote on {text}? The matter stays at the decision, for another motion now or at a later meeting."
        ),
    }
}

/// 撤销意见「……」？
pub fn take_back(lang: Lang, what: &str) -> String {
    match lang {
        Lang::ZhHans => format!("撤销{what}？它会从纪要中去掉，但仍留在记录里。"),
        Lang::ZhHant => format!("撤銷{what}？它會從紀要中去掉，但仍留在記錄裡。"),
        Lang::En => format!("Take back {what}? It leaves the minutes but stays in the record."),
    }
}

/// The ledger's title: rows shown and the filters, each with its key.
pub fn ledger_title(
    lang: Lang,
    rows: usize,
    more: bool,
    step: &str,
    state: &str,
    overdue_only: bool,
) -> String {
    // While rows remain to be read, the count is of those read so far: 256项以上.
    let rows = match (lang, more) {
        (Lang::En, false) => yishi_text::counted(rows as u64, "matter", "matters"),
        (Lang::En, true) => format!("{rows}+ matters"),
        (Lang::ZhHans, false) => format!("{rows}项"),
        (Lang::ZhHant, false) => format!("{rows}項"),
        (Lang::ZhHans, true) => format!("{rows}项以上"),
        (Lang::ZhHant, true) => format!("{rows}項以上"),
    };
    match lang {
        Lang::ZhHans => {
            let only = if overdue_only { "是" } else { "否" };
            format!(
                "事项台账：{rows}　步骤：{step}（f）　状态：{state}（s）　只看逾期：{only}（o）"
            )
        }
        Lang::ZhHant => {
            let only = if overdue_only { "是" } else { "否" };
            format!(
                "事項台賬：{rows}　步驟：{step}（f）　狀態：{state}（s）　只看逾期：{only}（o）"
            )
        }
        Lang::En => {
            let only = if overdue_only { "yes" } else { "no" };
            format!(
                "Ledger: {rows} · step: {step} (f) · state: {state} (s) · overdue only: {only} (o)"
            )
        }
    }
}

pub fn tasks_done(lang: Lang, done: usize, tasks: usize, overdue: usize) -> String {
    match lang {
        Lang::ZhHans => format!("任务完成{done}/{tasks}，逾期{overdue}"),
        Lang::ZhHant => format!("任務完成{done}/{tasks}，逾期{overdue}"),
        Lang::En => format!("tasks {done}/{tasks} done, {overdue} overdue"),
    }
}

pub fn window_too_small(lang: Lang, need: (u16, u16), now: (u16, u16)) -> String {
    let ((w, h), (x, y)) = (need, now);
    match lang {
        Lang::ZhHans => format!("请把窗口放大到至少 {w}×{h}（现在是 {x}×{y}）"),
        Lang::ZhHant => format!("請把視窗放大到至少 {w}×{h}（現在是 {x}×{y}）"),
        Lang::En => format!("Please make the window at least {w}×{h} (now {x}×{y})."),
    }
}

pub fn sign_question(lang: Lang, meeting: &str, chair: &str, recorder: &str) -> String {
    match lang {
        Lang::ZhHans => format!(
            "由主持人{chair}、记录人{recorder}签发{meeting}纪要？签发后记录封存，此后只能以更正的形式修改。"
        ),
        Lang::ZhHant => format!(
            "由主持人{chair}、記錄人{recorder}簽發{meeting}紀要？簽發後記錄封存，此後只能以更正的形式修改。"
        ),
        Lang::En => format!(
            "Sign the minutes of {meeting} as chair {chair} and recorder {recorder}? The record is sealed: later changes can only be corrections."
        ),
    }
}

pub fn not_a_whole_number(lang: Lang, field: &str, typed: &str, max: u32) -> String {
    match lang {
        Lang::ZhHans => format!("{field}：“{typed}”不是0到{max}之间的整数"),
        Lang::ZhHant => format!("{field}：“{typed}”不是0到{max}之間的整數"),
        Lang::En => format!("{field}: {typed:?} is not a whole number from 0 to {max}"),
    }
}

pub fn not_a_date(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::ZhHans => {
            format!("“{typed}”不是一个存在的日期（如 2026-12-31、2026/12/31 或 12月31日）")
        }
        Lang::ZhHant => {
            format!("“{typed}”不是一個存在的日期（如 2026-12-31、2026/12/31 或 12月31日）")
        }
        Lang::En => format!(
            "{typed:?} is not a real date (e.g. 2026-12-31, 2026/12/31, or 12-31 this year)"
        ),
    }
}

/// When a member sat on the council: "2026-12-05起", "2026-12-05离任".
pub fn served(
    lang: Lang,
    since: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
) -> String {
    match (since, until, lang) {
        (_, Some(u), Lang::ZhHans) => format!("{u}离任"),
        (_, Some(u), Lang::ZhHant) => format!("{u}離任"),
        (_, Some(u), Lang::En) => format!("left {u}"),
        (Some(s), None, Lang::En) => format!("from {s}"),
        (Some(s), None, _) => format!("{s}起"),
        (None, None, _) => String::new(),
    }
}

/// （委托赵敏）: who holds a member's proxy.
pub fn proxy_held(lang: Lang, holder: &str) -> String {
    lang.pick_owned(
        format!("（委托{holder}）"),
        format!("（委託{holder}）"),
        format!(" (proxy: {holder})"),
    )
}

/// A write-in typed as something other than 姓名:票数.
pub fn not_a_write_in(lang: Lang, entry: &str) -> String {
    lang.pick_owned(
        format!("“{entry}”应写作 姓名:票数（如 王大妈:3）"),
        format!("「{entry}」應寫作 姓名:票數（如 王大媽:3）"),
        format!("\"{entry}\" should read name:votes (e.g. Wang:3)"),
    )
}

/// 差额选举：应选5名，候选人7名（赵国栋、…）
pub fn election_put(lang: Lang, seats: u32, candidates: &[String], contested: bool) -> String {
    let n = candidates.len();
    let list = candidates.join("、");
    let (seat_s, candidate_s) = (
        yishi_text::counted(seats, "seat", "seats"),
        yishi_text::counted(n as u64, "candidate", "candidates"),
    );
    match (lang, contested) {
        (Lang::En, true) => format!("Contested election: {seat_s}, {candidate_s} ({list})"),
        (Lang::En, false) => {
            format!("Uncontested election: {seat_s}, {candidate_s} ({list})")
        }
        (Lang::ZhHant, true) => format!("差額選舉：應選{seats}名，候選人{n}名（{list}）"),
        (Lang::ZhHant, false) => format!("等額選舉：應選{seats}名，候選人{n}名（{list}）"),
        (Lang::ZhHans, true) => format!("差额选举：应选{seats}名，候选人{n}名（{list}）"),
        (Lang::ZhHans, false) => format!("等额选举：应选{seats}名，候选人{n}名（{list}）"),
    }
}

/// 当选：…；得票相同须另行投票：…
pub fn elected(lang: Lang, elected: &[String], tied: &[String]) -> String {
    let e = elected.join("、");
    let t = tied.join("、");
    match (lang, tied.is_empty()) {
        (Lang::En, true) => format!("Elected: {e}"),
        (Lang::En, false) => format!("Elected: {e}; tied, for a run-off: {t}"),
        (Lang::ZhHant, true) => format!("當選：{e}"),
        (Lang::ZhHant, false) => format!("當選：{e}；得票相同，須另行投票：{t}"),
        (Lang::ZhHans, true) => format!("当选：{e}"),
        (Lang::ZhHans, false) => format!("当选：{e}；得票相同，须另行投票：{t}"),
    }
}

/// 收回选票15张，有效14张，废票1张
pub fn election_box(lang: Lang, handed_in: usize, valid: u32, spoiled: u32) -> String {
    lang.pick_owned(
        format!("收回选票{handed_in}张，有效{valid}张，废票{spoiled}张"),
        format!("收回選票{handed_in}張，有效{valid}張，廢票{spoiled}張"),
        format!("{handed_in} ballots in the box: {valid} valid, {spoiled} spoiled"),
    )
}

/// 其中督办2项
pub fn supervised_of(lang: Lang, n: usize) -> String {
    lang.pick_owned(
        format!("其中督办{n}项"),
        format!("其中督辦{n}項"),
        format!("{n} under supervision"),
    )
}

/// Opening a meeting short of its quorum: what the minutes will hold against it.
pub fn opening_short(lang: Lang, present: u32, entitled: u32) -> String {
    lang.pick_owned(
        format!("实到{present}人，未达法定人数（应到{entitled}人）：会议纪要将写明会议无效，不能表决。"),
        format!("實到{present}人，未達法定人數（應到{entitled}人）：會議紀要將寫明會議無效，不能表決。"),
        format!("only {present} of {entitled} present, short of a quorum: the minutes will say the meeting was not valid, and no vote can open. "),
    )
}
