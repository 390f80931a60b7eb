//! `list` and `show`: the meetings and one meeting's record, as lines to read or as JSON.

use crate::cli::words;
use std::path::Path;

use super::opening::{read, said};
use super::output::write_out;
use super::{Failure, meeting_ref};
use crate::domain::Records;
use crate::store::Archive;
use crate::text::{Lang, sanitize, sanitize_line, width};

pub(super) fn list(db: &Path, json: bool, lang: Lang) -> Result<(), Failure> {
    let store = read(db, lang)?;
    if !json {
        return list_lines(&store, lang);
    }
    let rows: Vec<serde_json::Value> = store
        .meetings()?
        .iter()
        .map(|h| {
            serde_json::json!({
                "id": h.id,
                "council": h.council,
                "year": h.year,
                "number": h.number,
                "start": h.start,
                "state": h.state,
                "title": h.title,
                "matters": h.matters,
                "signed": h.signed,
                "corrections": h.corrections,
            })
        })
        .collect();
    write_out(None, &pretty(&rows), lang)
}

/// `list` as lines, each printed as its meeting is read: the first page is out before the
/// rest is read, and a reader that stops early (`| head`) ends it.
fn list_lines(store: &crate::store::Reader, lang: Lang) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut any = false;
    for h in store.meetings_in_order()? {
        let h = h?;
        any = true;
        let label = h.numbered().short(lang);
        let line = format!(
            "{:>5}  {}  {}{}  {}  {}\n",
            h.id.0,
            h.start.format("%Y-%m-%d %H:%M"),
            label,
            " ".repeat(12usize.saturating_sub(width(&label))),
            h.state.label(lang),
            sanitize_line(&h.title)
        );
        // A closed pipe is where the reader stopped, not an error worth a message.
        if out.write_all(sanitize(&line).as_bytes()).is_err() {
            return Ok(());
        }
    }
    if !any {
        let _ = writeln!(out, "{}", lang.say(words::NO_MEETINGS));
    }
    let _ = out.flush();
    Ok(())
}

pub(super) fn show(db: &Path, meeting: &str, json: bool, lang: Lang) -> Result<(), Failure> {
    let store = read(db, lang)?;
    let id = meeting_ref::resolve(meeting, &store, lang)?;
    let m = store
        .meeting(id)
        .map_err(|e| Failure::Said(e.0))?
        .ok_or_else(|| said(lang, "会议不存在", "會議不存在", "no such meeting"))?;
    let c = store
        .council(m.council)
        .map_err(|e| Failure::Said(e.0))?
        .ok_or_else(|| said(lang, "议事会不存在", "議事會不存在", "no such council"))?;
    if json {
        let record = crate::minutes::MeetingRecord::load(&store, id)?;
        let doc = serde_json::json!({
            "council": record.council,
            "meeting": record.meeting,
            "matters": record.matters,
            "motions": record.motions.values().collect::<Vec<_>>(),
        });
        return write_out(None, &pretty(&doc), lang);
    }
    let t = m.turnout(&c);
    let mut out = String::new();
    out += &format!("{} · {}\n", c.name, m.label(lang));
    out += &format!("{}  {}\n", m.title, m.state.label(lang));
    out += &format!("{}  {}\n", m.start.format("%Y-%m-%d %H:%M"), m.place);
    out += &format!(
        "{}: {}  {}: {}\n",
        lang.say(words::CHAIR),
        c.name_of(m.chair),
        lang.say(words::RECORDER),
        c.name_of(m.recorder)
    );
    out += &format!(
        "{} {}  {} {}\n\n",
        lang.say(words::ENTITLED),
        t.entitled,
        lang.say(words::PRESENT),
        t.present
    );
    for member in &c.members {
        let a = m
            .attendance_of(member.id)
            .map_or(lang.say(words::UNMARKED), |a| a.label(lang));
        let name = sanitize_line(&member.name);
        out += &format!(
            "  {name}{}  {}  {a}\n",
            " ".repeat(10usize.saturating_sub(width(&name))),
            member.affiliation.label(lang)
        );
    }
    out += "\n";
    for (i, mid) in m.agenda.iter().enumerate() {
        if let Some(x) = store.matter(*mid).map_err(|e| Failure::Said(e.0))? {
            out += &format!("{}. {}  [{}]\n", i + 1, x.title, x.stage.label(lang));
            for vid in &x.motions {
                if let Some(v) = store
                    .motion(*vid)
                    .map_err(|e| Failure::Said(e.0))?
                    .filter(|v| v.meeting == m.id)
                {
                    let t = v.tally();
                    let result = match v.passed {
                        Some(true) => lang.say(words::ADOPTED),
                        Some(false) if v.no_decision => lang.say(words::NO_DECISION),
                        Some(false) => lang.say(words::REJECTED),
                        None => lang.say(words::NOT_VOTED),
                    };
                    out += &format!(
                        "   {}  {} {}/{}/{}  {result}\n",
                        v.mode.label(lang),
                        lang.say(words::YES_NO_ABSTAIN),
                        t.yes,
                        t.no,
                        t.abstain
                    );
                }
            }
        }
    }
    write_out(None, &sanitize(&out), lang)
}

/// Pretty JSON with a final newline, for `--json`.
pub(super) fn pretty(v: &impl serde::Serialize) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
