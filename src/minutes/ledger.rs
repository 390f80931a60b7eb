//! The matter ledger (台账): every matter with the date and meeting of each step it reached,
//! its vote, its tasks and its satisfaction rate, as rows for the console, CSV and text.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use crate::domain::{
    Matter, MatterId, MeetingId, Motion, MotionId, Records, Stage, Step, VoteMode,
};
use crate::store::{MeetingHead, Store, StoreError};
use crate::text::sanitize_line;

/// Where and when: a date and the meeting (2026年第3次).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub meeting: MeetingId,
    pub label: String,
}

/// The latest vote on a matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VoteSummary {
    pub mode: VoteMode,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    /// None while the vote has not closed.
    pub passed: Option<bool>,
}

/// One matter's line in the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: MatterId,
    pub title: String,
    pub short_title: String,
    pub stage: Stage,
    /// When each of the five steps was first reached (collection when the matter was opened).
    pub steps: [Option<When>; 5],
    /// When the matter was closed (办结 or 不予采纳).
    pub closed: Option<When>,
    pub opinions: usize,
    pub speeches: usize,
    pub motions: usize,
    pub vote: Option<VoteSummary>,
    pub tasks: usize,
    pub tasks_done: usize,
    pub overdue: usize,
    pub supervised: usize,
    /// The latest review's satisfaction rate, in tenths of a percent.
    pub rate_permille: Option<u32>,
    /// 整改: reviews that sent the matter back.
    pub rectifications: usize,
}

impl Row {
    pub fn of(
        x: &Matter,
        motions: &BTreeMap<MotionId, Motion>,
        meetings: &BTreeMap<MeetingId, MeetingHead>,
        today: NaiveDate,
    ) -> Row {
        let when = |date: NaiveDate, meeting: MeetingId| When {
            date,
            meeting,
            label: meetings.get(&meeting).map_or_else(
                || format!("#{meeting}"),
                |h| format!("{}年第{}次", h.year, h.number),
            ),
        };
        let mut steps: [Option<When>; 5] = Default::default();
        steps[0] = Some(when(x.opened.date(), x.opened_in));
        let mut closed = None;
        for t in &x.history {
            match t.to {
                Stage::At(step) => {
                    let i = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
                    if steps[i].is_none() {
                        steps[i] = Some(when(t.at.date(), t.meeting));
                    }
                }
                Stage::Closed(_) => closed = Some(when(t.at.date(), t.meeting)),
            }
        }
        let vote = x
            .motions
            .iter()
            .rev()
            .filter_map(|id| motions.get(id))
            .find(|v| v.amends.is_none())
            .map(|v| {
                let (yes, no, abstain) = v.ballots.counts();
                VoteSummary {
                    mode: v.mode,
                    yes,
                    no,
                    abstain,
                    passed: v.passed,
                }
            });
        Row {
            id: x.id,
            title: sanitize_line(&x.title),
            short_title: sanitize_line(&x.short_title),
            stage: x.stage,
            steps,
            closed,
            opinions: x.opinions.len(),
            speeches: x.speeches.iter().filter(|s| s.done).count(),
            motions: x.motions.len(),
            vote,
            tasks: x.tasks.len(),
            tasks_done: x.tasks.iter().filter(|t| t.percent() >= 100).count(),
            overdue: x.tasks.iter().filter(|t| t.is_overdue(today)).count(),
            supervised: x.tasks.iter().filter(|t| t.is_supervised()).count(),
            rate_permille: x.reviews.last().and_then(|r| r.rate_permille()),
            rectifications: x.rectifications(),
        }
    }

    /// 85.7%
    pub fn rate(&self) -> String {
        self.rate_permille
            .map_or_else(String::new, |r| format!("{}.{}%", r / 10, r % 10))
    }

    /// 通过 / 未通过 / 表决中, with the counts: 记名投票 12/0/2 通过
    pub fn vote_text(&self) -> String {
        let Some(v) = self.vote else {
            return String::new();
        };
        let result = match v.passed {
            Some(true) => "通过",
            Some(false) => "未通过",
            None => "未表决",
        };
        format!(
            "{} 赞成{} 反对{} 弃权{} {result}",
            v.mode.label(crate::text::Lang::ZhHans),
            v.yes,
            v.no,
            v.abstain
        )
    }
}

/// The ledger of every matter in the store, by id, with overdue counted as of `today`.
pub fn load(store: &Store, today: NaiveDate) -> Result<Vec<Row>, StoreError> {
    let mut pages = Pages::new(today);
    let mut rows = Vec::new();
    while !pages.done() {
        rows.extend(pages.next(store, 1024)?);
    }
    Ok(rows)
}

/// Reads the ledger a page at a time, in id order: a screen shows its first rows without
/// reading every matter. Remembers the meetings it has named.
#[derive(Debug, Clone)]
pub struct Pages {
    today: NaiveDate,
    last: Option<MatterId>,
    done: bool,
    meetings: BTreeMap<MeetingId, MeetingHead>,
}

impl Pages {
    pub fn new(today: NaiveDate) -> Pages {
        Pages {
            today,
            last: None,
            done: false,
            meetings: BTreeMap::new(),
        }
    }

    /// Whether every matter has been read.
    pub fn done(&self) -> bool {
        self.done
    }

    /// The rows of up to `take` matters after those already read.
    pub fn next(&mut self, store: &Store, take: usize) -> Result<Vec<Row>, StoreError> {
        let read = |e: crate::domain::ReadError| StoreError::Damaged { detail: e.0 };
        let mut rows = Vec::with_capacity(take);
        let mut matters = store.matters_after(self.last);
        while rows.len() < take {
            let Some(x) = matters.next() else {
                self.done = true;
                break;
            };
            let x = x?;
            let named = std::iter::once(x.opened_in).chain(x.history.iter().map(|t| t.meeting));
            for id in named {
                if !self.meetings.contains_key(&id)
                    && let Some(h) = store.meeting_head(id)?
                {
                    self.meetings.insert(id, h);
                }
            }
            let mut motions = BTreeMap::new();
            for id in &x.motions {
                if let Some(v) = store.motion(*id).map_err(read)? {
                    motions.insert(*id, v);
                }
            }
            self.last = Some(x.id);
            rows.push(Row::of(&x, &motions, &self.meetings, self.today));
        }
        Ok(rows)
    }
}

fn when_cell(w: &Option<When>) -> String {
    w.as_ref().map_or_else(String::new, |w| {
        format!("{} {}", w.date.format("%Y-%m-%d"), w.label)
    })
}

pub const HEADERS: [&str; 24] = [
    "编号",
    "事项",
    "简称",
    "当前状态",
    "意见收集",
    "公开听证",
    "民主决策",
    "执行督办",
    "群众评议",
    "结束",
    "意见数",
    "发言数",
    "表决次数",
    "最近表决",
    "赞成",
    "反对",
    "弃权",
    "任务数",
    "已完成任务",
    "逾期任务",
    "督办任务",
    "满意率",
    "整改次数",
    "是否逾期",
];

fn cells(r: &Row) -> Vec<String> {
    let vote = r.vote;
    let n = |v: Option<u32>| v.map_or_else(String::new, |v| v.to_string());
    let mut stage = r.stage.label(crate::text::Lang::ZhHans).to_string();
    if r.rectifications > 0 && r.stage.is_open() {
        stage += "（整改）";
    }
    vec![
        r.id.to_string(),
        r.title.clone(),
        r.short_title.clone(),
        stage,
        when_cell(&r.steps[0]),
        when_cell(&r.steps[1]),
        when_cell(&r.steps[2]),
        when_cell(&r.steps[3]),
        when_cell(&r.steps[4]),
        when_cell(&r.closed),
        r.opinions.to_string(),
        r.speeches.to_string(),
        r.motions.to_string(),
        vote.map_or_else(String::new, |v| match v.passed {
            Some(true) => "通过".into(),
            Some(false) => "未通过".into(),
            None => "未表决".into(),
        }),
        n(vote.map(|v| v.yes)),
        n(vote.map(|v| v.no)),
        n(vote.map(|v| v.abstain)),
        r.tasks.to_string(),
        r.tasks_done.to_string(),
        r.overdue.to_string(),
        r.supervised.to_string(),
        r.rate(),
        r.rectifications.to_string(),
        if r.overdue > 0 { "逾期" } else { "" }.to_string(),
    ]
}

/// One CSV cell's text: one line, and kept from being read as a spreadsheet formula.
fn cell(s: &str) -> String {
    let mut s = sanitize_line(s);
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    s
}

/// The ledger as CSV in UTF-8 with a byte-order mark, so that Excel and WPS read the Chinese;
/// quoting is the csv crate's (RFC 4180), lines end in CRLF.
pub fn csv(rows: &[Row]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    // Writing to memory cannot fail; a record that did is left out rather than panicking.
    let _ = w.write_record(HEADERS);
    for r in rows {
        let _ = w.write_record(cells(r).iter().map(|c| cell(c)));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The ledger as text: a few lines per matter, wrapped to `width` columns.
pub fn text(rows: &[Row], width: usize) -> String {
    let indented = |s: &str| -> String {
        crate::text::wrap(s, width.saturating_sub(4).max(20))
            .into_iter()
            .map(|l| format!("　　{l}\n"))
            .collect()
    };
    let mut out = String::new();
    for r in rows {
        let c = cells(r);
        // The title line wrapped too, its continuation under the text.
        let title = format!("{}　{}　［{}］", c[0], c[1], c[3]);
        for (k, l) in crate::text::wrap(&title, width.saturating_sub(4).max(20))
            .into_iter()
            .enumerate()
        {
            out += &format!("{}{l}\n", if k == 0 { "" } else { "　　" });
        }
        for i in (4..10).filter(|i| !c[*i].is_empty()) {
            out += &indented(&format!("{}：{}", HEADERS[i], c[i]));
        }
        let mut facts = vec![
            format!("意见{}条", r.opinions),
            format!("发言{}人", r.speeches),
        ];
        if r.vote.is_some() {
            facts.push(format!("最近表决：{}", r.vote_text()));
        }
        if r.tasks > 0 {
            facts.push(format!(
                "任务{}项（完成{}，逾期{}，督办{}）",
                r.tasks, r.tasks_done, r.overdue, r.supervised
            ));
        }
        if r.rate_permille.is_some() {
            facts.push(format!("满意率{}", r.rate()));
        }
        if r.rectifications > 0 {
            facts.push(format!("整改{}次", r.rectifications));
        }
        out += &indented(&facts.join("；"));
        out.push('\n');
    }
    out
}
