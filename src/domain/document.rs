//! The export document: a whole database as one versioned JSON value, and the checks an import
//! must pass before anything is written.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

use super::council::Council;
use super::ids::{CouncilId, MatterId, MeetingId, MemberId, MotionId};
use super::matter::{Author, Matter};
use super::meeting::{Attendance, Meeting};
use super::records::Write;
use super::vote::{Ballots, Motion, VoteState};
use crate::text::{Lang, has_control};

pub const FORMAT: &str = "yishi-record";
/// The version of the document and of the store's values. Older documents are migrated on
/// import; newer ones are refused.
pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub schema: u32,
    pub councils: Vec<Council>,
    pub meetings: Vec<Meeting>,
    pub matters: Vec<Matter>,
    pub motions: Vec<Motion>,
}

/// Something wrong in an import, with the place it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub what: Issue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issue {
    Syntax(String),
    /// A date or time that does not exist or is not written as one.
    BadDate(String),
    Format,
    NewerSchema(u32),
    Control,
    Duplicate,
    Unknown(&'static str, u64),
    NotVotingOrAbsent(u64),
    ExceedsAttendance {
        counted: u32,
        present: u32,
    },
    ResultMismatch,
    Inconsistent(&'static str),
}

impl Problem {
    fn new(place: impl Into<String>, what: Issue) -> Problem {
        Problem {
            place: place.into(),
            what,
        }
    }

    fn syntax(e: &serde_json::Error) -> Problem {
        Problem::new(
            format!("{}:{}", e.line(), e.column()),
            Issue::Syntax(e.to_string()),
        )
    }

    pub fn describe(&self, lang: Lang) -> String {
        let p = &self.place;
        let at = lang.pick("位置", "位置", "at");
        let body = match &self.what {
            Issue::Syntax(e) => format!("{}：{e}", lang.pick("格式错误", "格式錯誤", "malformed")),
            Issue::BadDate(v) => lang.pick_owned(
                format!(
                    "日期或时间不存在或格式不对（{v}），应写作 2026-11-22 或 2026-11-22T14:30:00"
                ),
                format!(
                    "日期或時間不存在或格式不對（{v}），應寫作 2026-11-22 或 2026-11-22T14:30:00"
                ),
                format!(
                    "not a real date or time ({v}); write it as 2026-11-22 or 2026-11-22T14:30:00"
                ),
            ),
            Issue::Format => lang
                .pick(
                    "不是议事记录导出文件",
                    "不是議事記錄匯出檔案",
                    "not a yishi export document",
                )
                .to_string(),
            Issue::NewerSchema(v) => lang.pick_owned(
                format!("数据版本{v}高于本程序支持的版本{SCHEMA}，请升级程序"),
                format!("資料版本{v}高於本程式支援的版本{SCHEMA}，請升級程式"),
                format!("schema version {v} is newer than this program's ({SCHEMA}); update yishi"),
            ),
            Issue::Control => lang
                .pick(
                    "含有控制字符（如终端转义序列）",
                    "含有控制字元（如終端轉義序列）",
                    "holds control characters (such as a terminal escape)",
                )
                .to_string(),
            Issue::Duplicate => lang
                .pick("编号重复", "編號重複", "duplicate id")
                .to_string(),
            Issue::Unknown(kind, id) => lang.pick_owned(
                format!("引用了不存在的编号{id}（{kind}）"),
                format!("引用了不存在的編號{id}（{kind}）"),
                format!("unknown {kind} {id}"),
            ),
            Issue::NotVotingOrAbsent(id) => lang.pick_owned(
                format!("成员{id}不是出席的表决成员，却有选票"),
                format!("成員{id}不是出席的表決成員，卻有選票"),
                format!("member {id} voted without being a voting member present"),
            ),
            Issue::ExceedsAttendance { counted, present } => lang.pick_owned(
                format!("票数合计{counted}，超过实到人数{present}"),
                format!("票數合計{counted}，超過實到人數{present}"),
                format!("{counted} votes counted but only {present} present"),
            ),
            Issue::ResultMismatch => lang
                .pick(
                    "表决结果与票数不符",
                    "表決結果與票數不符",
                    "the recorded result does not follow from the votes",
                )
                .to_string(),
            Issue::Inconsistent(what) => format!(
                "{}：{what}",
                lang.pick("数据不一致", "資料不一致", "inconsistent")
            ),
        };
        format!("{at} {p}: {body}")
    }
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    format: String,
    #[serde(default)]
    schema: u32,
}

/// False only when no string in the JSON text can hold a character `has_control` refuses: no
/// escape that can encode one (tabs and line feeds are allowed) and no DEL, C1 control or
/// bidirectional override written raw.
fn may_hold_control(text: &str) -> bool {
    let b = text.as_bytes();
    b.contains(&0x7f)
        || b.windows(2).any(|w| match w {
            [b'\\', c] => matches!(c, b'u' | b'r' | b'b' | b'f'),
            [0xc2, c] => (0x80..=0x9f).contains(c),
            _ => false,
        })
        || b.windows(3).any(|w| match w {
            [0xe2, 0x80, c] => (0xaa..=0xae).contains(c),
            [0xe2, 0x81, c] => (0xa6..=0xa9).contains(c),
            _ => false,
        })
}

/// Collects the path of every string holding a control character other than a line feed.
fn find_controls(v: &serde_json::Value, path: &mut String, out: &mut Vec<Problem>) {
    match v {
        serde_json::Value::String(s) if has_control(s, true) => {
            out.push(Problem::new(path.clone(), Issue::Control))
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                find_controls(item, path, out);
                path.truncate(len);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                if has_control(k, false) {
                    out.push(Problem::new(path.clone(), Issue::Control));
                }
                find_controls(item, path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn is_date_error(message: &str) -> bool {
    [
        "out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is not enough",
    ]
    .iter()
    .any(|m| message.contains(m))
}

impl Document {
    /// Parses an export document, naming the place of the first problem found.
    pub fn parse(text: &str) -> Result<Document, Vec<Problem>> {
        let header: Header = serde_json::from_str(text).map_err(|e| {
            vec![match e.classify() {
                serde_json::error::Category::Data => {
                    Problem::new("format", Issue::Syntax(e.to_string()))
                }
                _ => Problem::syntax(&e),
            }]
        })?;
        if header.format != FORMAT {
            return Err(vec![Problem::new("format", Issue::Format)]);
        }
        if header.schema > SCHEMA {
            return Err(vec![Problem::new(
                "schema",
                Issue::NewerSchema(header.schema),
            )]);
        }
        // The tree of values costs several times the file in memory: it is built only when
        // the text may hold a control character, or to say where a value is wrong.
        let tree = || serde_json::from_str::<Value>(text).map_err(|e| vec![Problem::syntax(&e)]);
        if may_hold_control(text) {
            let mut problems = Vec::new();
            find_controls(&tree()?, &mut String::new(), &mut problems);
            if !problems.is_empty() {
                return Err(problems);
            }
        }
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let place = e.path().to_string();
            let pointer = format!("/{}", place.replace(['[', '.'], "/").replace(']', ""));
            let value = tree().unwrap_or_default();
            let issue = match value.pointer(&pointer).and_then(Value::as_str) {
                // chrono's own words ("input is out of range") say nothing to a secretary.
                Some(v) if is_date_error(&e.inner().to_string()) => Issue::BadDate(v.to_string()),
                _ => Issue::Syntax(e.into_inner().to_string()),
            };
            vec![Problem::new(place, issue)]
        })
    }

    /// Pretty JSON, records in id order: the same record always gives the same bytes.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn writes(&self) -> Vec<Write> {
        let mut w: Vec<Write> = self.councils.iter().cloned().map(Write::Council).collect();
        w.extend(self.meetings.iter().cloned().map(Write::Meeting));
        w.extend(self.matters.iter().cloned().map(Write::Matter));
        w.extend(self.motions.iter().cloned().map(Write::Motion));
        w
    }
}

fn unique<K: Ord + Copy>(
    ids: impl Iterator<Item = K>,
    kind: &str,
    problems: &mut Vec<Problem>,
) -> BTreeSet<K> {
    let mut seen = BTreeSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            problems.push(Problem::new(format!("{kind}[{i}].id"), Issue::Duplicate));
        }
    }
    seen
}

/// Checks that every reference resolves and every figure adds up.
pub fn validate(doc: &Document) -> Result<(), Vec<Problem>> {
    let mut p = Vec::new();
    unique(doc.councils.iter().map(|c| c.id), "councils", &mut p);
    unique(doc.meetings.iter().map(|m| m.id), "meetings", &mut p);
    unique(doc.matters.iter().map(|m| m.id), "matters", &mut p);
    unique(doc.motions.iter().map(|m| m.id), "motions", &mut p);
    let councils: BTreeMap<CouncilId, &Council> = doc.councils.iter().map(|c| (c.id, c)).collect();
    let meetings: BTreeMap<MeetingId, &Meeting> = doc.meetings.iter().map(|m| (m.id, m)).collect();
    let matters: BTreeMap<MatterId, &Matter> = doc.matters.iter().map(|m| (m.id, m)).collect();
    let motions: BTreeMap<MotionId, &Motion> = doc.motions.iter().map(|m| (m.id, m)).collect();

    for (i, c) in doc.councils.iter().enumerate() {
        let at = format!("councils[{i}]");
        unique(
            c.members.iter().map(|m| m.id),
            &format!("{at}.members"),
            &mut p,
        );
        if c.satisfaction_threshold > 100 {
            p.push(Problem::new(
                format!("{at}.satisfaction_threshold"),
                Issue::Inconsistent("> 100"),
            ));
        }
        if c.rule.quorum.den == 0 || c.rule.passing.den == 0 {
            p.push(Problem::new(
                format!("{at}.rule"),
                Issue::Inconsistent("den = 0"),
            ));
        }
        for (j, m) in c.members.iter().enumerate() {
            if m.name.contains('\n') || m.name.trim().is_empty() {
                p.push(Problem::new(
                    format!("{at}.members[{j}].name"),
                    Issue::Inconsistent("name"),
                ));
            }
        }
    }

    let member_of =
        |council: CouncilId, id: MemberId| councils.get(&council).and_then(|c| c.member(id));
    let check_member = |council: CouncilId, id: MemberId, place: String, p: &mut Vec<Problem>| {
        if member_of(council, id).is_none() {
            p.push(Problem::new(place, Issue::Unknown("member", id.0)));
        }
    };

    let mut numbers = BTreeSet::new();
    for (i, m) in doc.meetings.iter().enumerate() {
        let at = format!("meetings[{i}]");
        if !councils.contains_key(&m.council) {
            p.push(Problem::new(
                format!("{at}.council"),
                Issue::Unknown("council", m.council.0),
            ));
            continue;
        }
        if !numbers.insert((m.council, m.year, m.number)) {
            p.push(Problem::new(format!("{at}.number"), Issue::Duplicate));
        }
        if chrono::Datelike::year(&m.start) != m.year {
            p.push(Problem::new(
                format!("{at}.year"),
                Issue::Inconsistent("year ≠ start"),
            ));
        }
        check_member(m.council, m.chair, format!("{at}.chair"), &mut p);
        check_member(m.council, m.recorder, format!("{at}.recorder"), &mut p);
        for (id, a) in &m.attendance {
            match member_of(m.council, *id) {
                None => p.push(Problem::new(
                    format!("{at}.attendance.{id}"),
                    Issue::Unknown("member", id.0),
                )),
                Some(x) if !x.voting && *a == Attendance::Present => p.push(Problem::new(
                    format!("{at}.attendance.{id}"),
                    Issue::NotVotingOrAbsent(id.0),
                )),
                Some(_) => {}
            }
        }
        if let Some(sig) = &m.signature {
            if m.state != super::meeting::MeetingState::Ended {
                p.push(Problem::new(
                    format!("{at}.signature"),
                    Issue::Inconsistent("signed before it ended"),
                ));
            }
            check_member(
                m.council,
                sig.chair,
                format!("{at}.signature.chair"),
                &mut p,
            );
            check_member(
                m.council,
                sig.recorder,
                format!("{at}.signature.recorder"),
                &mut p,
            );
        }
        for (j, k) in m.corrections.iter().enumerate() {
            let place = format!("{at}.corrections[{j}]");
            check_member(m.council, k.by, format!("{place}.by"), &mut p);
            if k.matter.is_some_and(|x| !m.agenda.contains(&x)) {
                p.push(Problem::new(
                    format!("{place}.matter"),
                    Issue::Inconsistent("not on the meeting's agenda"),
                ));
            }
            if m.state != super::meeting::MeetingState::Ended {
                p.push(Problem::new(
                    place,
                    Issue::Inconsistent("a correction before the meeting ended"),
                ));
            }
        }
        for (j, id) in m.agenda.iter().enumerate() {
            match matters.get(id) {
                Some(x) if x.council == m.council => {}
                _ => p.push(Problem::new(
                    format!("{at}.agenda[{j}]"),
                    Issue::Unknown("matter", id.0),
                )),
            }
        }
    }

    for (i, x) in doc.matters.iter().enumerate() {
        let at = format!("matters[{i}]");
        if !councils.contains_key(&x.council) {
            p.push(Problem::new(
                format!("{at}.council"),
                Issue::Unknown("council", x.council.0),
            ));
            continue;
        }
        let meeting_ok = |id: MeetingId, place: String, p: &mut Vec<Problem>| {
            if meetings.get(&id).is_none_or(|m| m.council != x.council) {
                p.push(Problem::new(place, Issue::Unknown("meeting", id.0)));
            }
        };
        meeting_ok(x.opened_in, format!("{at}.opened_in"), &mut p);
        let author_ok = |a: &Author, place: String, p: &mut Vec<Problem>| {
            if let Author::Member(id) = a {
                check_member(x.council, *id, place, p);
            }
        };
        for (j, o) in x.opinions.iter().enumerate() {
            meeting_ok(o.meeting, format!("{at}.opinions[{j}].meeting"), &mut p);
            author_ok(&o.author, format!("{at}.opinions[{j}].author"), &mut p);
        }
        for (j, s) in x.speeches.iter().enumerate() {
            meeting_ok(s.meeting, format!("{at}.speeches[{j}].meeting"), &mut p);
            author_ok(&s.speaker, format!("{at}.speeches[{j}].speaker"), &mut p);
        }
        for (j, t) in x.tasks.iter().enumerate() {
            meeting_ok(t.meeting, format!("{at}.tasks[{j}].meeting"), &mut p);
            for (k, g) in t.progress.iter().enumerate() {
                meeting_ok(
                    g.meeting,
                    format!("{at}.tasks[{j}].progress[{k}].meeting"),
                    &mut p,
                );
                if g.percent > 100 {
                    p.push(Problem::new(
                        format!("{at}.tasks[{j}].progress[{k}].percent"),
                        Issue::Inconsistent("> 100"),
                    ));
                }
            }
        }
        for (j, r) in x.reviews.iter().enumerate() {
            meeting_ok(r.meeting, format!("{at}.reviews[{j}].meeting"), &mut p);
        }
        for (j, t) in x.history.iter().enumerate() {
            meeting_ok(t.meeting, format!("{at}.history[{j}].meeting"), &mut p);
        }
        for (j, id) in x.motions.iter().enumerate() {
            if motions.get(id).is_none_or(|v| v.matter != x.id) {
                p.push(Problem::new(
                    format!("{at}.motions[{j}]"),
                    Issue::Unknown("motion", id.0),
                ));
            }
        }
    }

    for (i, v) in doc.motions.iter().enumerate() {
        let at = format!("motions[{i}]");
        let Some(x) = matters.get(&v.matter) else {
            p.push(Problem::new(
                format!("{at}.matter"),
                Issue::Unknown("matter", v.matter.0),
            ));
            continue;
        };
        let Some(m) = meetings.get(&v.meeting).filter(|m| m.council == x.council) else {
            p.push(Problem::new(
                format!("{at}.meeting"),
                Issue::Unknown("meeting", v.meeting.0),
            ));
            continue;
        };
        let Some(c) = councils.get(&x.council) else {
            continue;
        };
        check_member(x.council, v.mover, format!("{at}.mover"), &mut p);
        if let Some(s) = v.seconder {
            check_member(x.council, s, format!("{at}.seconder"), &mut p);
        }
        let voter_ok = |id: &MemberId| {
            c.member(*id).is_some_and(|mm| mm.voting)
                && m.attendance_of(*id) == Some(Attendance::Present)
        };
        let turnout = m.turnout(c);
        if v.state != VoteState::Proposed
            && (v.present > turnout.entitled || v.entitled != turnout.entitled)
        {
            p.push(Problem::new(
                format!("{at}.present"),
                Issue::ExceedsAttendance {
                    counted: v.present,
                    present: turnout.entitled,
                },
            ));
        }
        match &v.ballots {
            Ballots::Named(map) => {
                for id in map.keys() {
                    if !voter_ok(id) {
                        p.push(Problem::new(
                            format!("{at}.ballots.named.{id}"),
                            Issue::NotVotingOrAbsent(id.0),
                        ));
                    }
                }
            }
            Ballots::Secret {
                yes,
                no,
                abstain,
                spoiled,
                voted,
            } => {
                for id in voted {
                    if !voter_ok(id) {
                        p.push(Problem::new(
                            format!("{at}.ballots.secret.voted"),
                            Issue::NotVotingOrAbsent(id.0),
                        ));
                    }
                }
                let in_box =
                    u64::from(*yes) + u64::from(*no) + u64::from(*abstain) + u64::from(*spoiled);
                let uncounted = in_box == 0 && v.state == VoteState::Open;
                if in_box != voted.len() as u64 && !uncounted {
                    p.push(Problem::new(
                        format!("{at}.ballots.secret"),
                        Issue::Inconsistent("counts ≠ voters"),
                    ));
                }
            }
            Ballots::Counts { .. } => {}
        }
        let (yes, no, abstain) = v.ballots.counts();
        let counted = u64::from(yes) + u64::from(no) + u64::from(abstain);
        if counted > u64::from(v.present) {
            p.push(Problem::new(
                format!("{at}.ballots"),
                Issue::ExceedsAttendance {
                    counted: u32::try_from(counted).unwrap_or(u32::MAX),
                    present: v.present,
                },
            ));
        }
        let mode_ok = matches!(
            (&v.ballots, v.mode),
            (Ballots::Counts { .. }, super::vote::VoteMode::ShowOfHands)
                | (Ballots::Named(_), super::vote::VoteMode::RollCall)
                | (Ballots::Secret { .. }, super::vote::VoteMode::Secret)
        );
        if !mode_ok {
            p.push(Problem::new(
                format!("{at}.ballots"),
                Issue::Inconsistent("mode"),
            ));
        }
        if v.state == VoteState::Closed && v.passed != Some(c.rule.passes(&v.tally())) {
            p.push(Problem::new(format!("{at}.passed"), Issue::ResultMismatch));
        }
    }
    if p.is_empty() { Ok(()) } else { Err(p) }
}
