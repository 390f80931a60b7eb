//! The matter ledger (台账): every matter with the date and meeting of each step it reached,
//! its vote, its tasks and its satisfaction rate, as rows for the console, CSV and text.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::ledger_words as w;
use yishi_domain::{Matter, MatterId, MeetingId, Motion, MotionId, Stage, Step, VoteMode};
use yishi_store::{Archive, MeetingHead, StoreError};
use yishi_text::{Lang, sanitize_line};

/// Where and when: a date and the meeting, with its year and number where it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub date: NaiveDate,
    pub meeting: MeetingId,
    pub held: Option<(i32, u32)>,
}

impl When {
    /// 2026年第3次 / meeting 3 of 2026 (#id for a meeting the store no longer names).
    pub fn label(&self, lang: Lang) -> String {
        self.held.map_or_else(
            || format!("#{}", self.meeting),
            |(year, number)| w::meeting(lang, year, number),
        )
    }
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
    /// Too few took part: nothing was decided (未形成决议).
    pub no_decision: bool,
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
            held: meetings.get(&meeting).map(|h| (h.year, h.number)),
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
                    no_decision: v.no_decision,
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

    /// The latest vote with its counts and result: 记名投票 赞成12 反对0 弃权2 通过
    pub fn vote_text(&self, lang: Lang) -> String {
        let Some(v) = self.vote else {
            return String::new();
        };
        let result = lang.say(result_words(&v));
        w::vote(lang, v.mode.label(lang), v.yes, v.no, v.abstain, result)
    }
}

/// The ledger of every matter in the store, by id, with overdue counted as of `today`.
pub fn load(store: &dyn Archive, today: NaiveDate) -> Result<Vec<Row>, StoreError> {
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
    pub fn next(&mut self, store: &dyn Archive, take: usize) -> Result<Vec<Row>, StoreError> {
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
                if let Some(v) = store.motion(*id).map_err(StoreError::from)? {
                    motions.insert(*id, v);
                }
            }
            self.last = Some(x.id);
            rows.push(Row::of(&x, &motions, &self.meetings, self.today));
        }
        Ok(rows)
    }
}

fn result_words(v: &VoteSummary) -> yishi_text::Words {
    match v.passed {
        Some(true) => w::ADOPTED,
        Some(false) if v.no_decision => w::NO_DECISION,
        Some(false) => w::REJECTED,
        None => w::NOT_VOTED,
    }
}

fn when_cell(when: &Option<When>, lang: Lang) -> String {
    when.as_ref().map_or_else(String::new, |when| {
        format!("{} {}", when.date.format("%Y-%m-%d"), when.label(lang))
    })
}

/// The CSV's headings in `lang`.
pub fn headers(lang: Lang) -> Vec<&'static str> {
    w::HEADERS.iter().map(|h| lang.say(*h)).collect()
}

fn cells(r: &Row, lang: Lang) -> Vec<String> {
    let vote = r.vote;
    let n = |v: Option<u32>| v.map_or_else(String::new, |v| v.to_string());
    let mut stage = r.stage.label(lang).to_string();
    if r.rectifications > 0 && r.stage.is_open() {
        stage += lang.say(w::RECTIFYING);
    }
    vec![
        r.id.to_string(),
        r.title.clone(),
        r.short_title.clone(),
        stage,
        when_cell(&r.steps[0], lang),
        when_cell(&r.steps[1], lang),
        when_cell(&r.steps[2], lang),
        when_cell(&r.steps[3], lang),
        when_cell(&r.steps[4], lang),
        when_cell(&r.closed, lang),
        r.opinions.to_string(),
        r.speeches.to_string(),
        r.motions.to_string(),
        vote.map_or_else(String::new, |v| lang.say(result_words(&v)).into()),
        n(vote.map(|v| v.yes)),
        n(vote.map(|v| v.no)),
        n(vote.map(|v| v.abstain)),
        r.tasks.to_string(),
        r.tasks_done.to_string(),
        r.overdue.to_string(),
        r.supervised.to_string(),
        r.rate(),
        r.rectifications.to_string(),
        if r.overdue > 0 {
            lang.say(w::OVERDUE)
        } else {
            ""
        }
        .to_string(),
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

/// The ledger of several councils as one CSV, each row under its council's name.
pub fn csv_by_council(rows: &[(String, Row)], lang: Lang) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    let mut head = vec![lang.say(w::COUNCIL)];
    head.extend(headers(lang));
    let _ = out.write_record(head);
    for (council, r) in rows {
        let mut record = vec![cell(council)];
        record.extend(cells(r, lang).iter().map(|c| cell(c)));
        let _ = out.write_record(record);
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The ledger as CSV in UTF-8 with a byte-order mark, so that Excel and WPS read the Chinese;
/// quoting is the csv crate's (RFC 4180), lines end in CRLF.
pub fn csv(rows: &[Row], lang: Lang) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xef\xbb\xbf".to_vec());
    // Writing to memory cannot fail; a record that did is left out rather than panicking.
    let _ = out.write_record(headers(lang));
    for r in rows {
        let _ = out.write_record(cells(r, lang).iter().map(|c| cell(c)));
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The ledger as text: a few lines per matter, wrapped to `width` columns.
pub fn text(rows: &[Row], lang: Lang, width: usize) -> String {
    let indented = |s: &str| -> String {
        yishi_text::wrap(s, width.saturating_sub(4).max(20))
            .into_iter()
            .map(|l| format!("{}{l}\n", lang.indent()))
            .collect()
    };
    let mut out = String::new();
    for r in rows {
        let c = cells(r, lang);
        // The title line wrapped too, its continuation under the text.
        let title = match lang {
            Lang::En => format!("{}  {}  [{}]", c[0], c[1], c[3]),
            _ => format!("{}　{}　［{}］", c[0], c[1], c[3]),
        };
        for (k, l) in yishi_text::wrap(&title, width.saturating_sub(4).max(20))
            .into_iter()
            .enumerate()
        {
            out += &format!("{}{l}\n", if k == 0 { "" } else { lang.indent() });
        }
        for i in (4..10).filter(|i| !c[*i].is_empty()) {
            out += &indented(&w::field(lang, lang.say(w::HEADERS[i]), &c[i]));
        }
        let mut facts = vec![w::opinions(lang, r.opinions), w::speeches(lang, r.speeches)];
        if r.vote.is_some() {
            facts.push(w::latest_vote(lang, &r.vote_text(lang)));
        }
        if r.tasks > 0 {
            facts.push(w::tasks(
                lang,
                r.tasks,
                r.tasks_done,
                r.overdue,
                r.supervised,
            ));
        }
        if r.rate_permille.is_some() {
            facts.push(w::rate(lang, &r.rate()));
        }
        if r.rectifications > 0 {
            facts.push(w::rectifications(lang, r.rectifications));
        }
        out += &indented(&w::facts(lang, &facts));
        out.push('\n');
    }
    out
}
