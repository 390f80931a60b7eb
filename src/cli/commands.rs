use std::io::Write as _;
use std::path::Path;

use super::args::{Command, Format, LedgerFormat};
use super::progress::Progress;
use super::{Failure, checks, import, meeting_ref};
use crate::domain::{MeetingId, Records};
use crate::minutes::{MeetingRecord, ledger};
use crate::store::Store;
use crate::text::{Lang, sanitize, sanitize_line, width};

pub fn run(
    command: Option<Command>,
    db: &Path,
    lang: Lang,
    theme: Option<&str>,
) -> Result<(), Failure> {
    match command {
        None => {
            let store = Store::open(db)?;
            crate::tui::run(store, lang, theme).map_err(Failure::Said)
        }
        Some(Command::Demo) => import::demo(lang, theme),
        Some(Command::Keys) => {
            print!("{}", crate::tui::keys::markdown());
            Ok(())
        }
        Some(Command::Import { file }) => import::import(db, &file, lang),
        Some(Command::Export { output }) => {
            let mut progress = Progress::new(lang);
            progress.stage("读取记录", "讀取記錄", "reading the records");
            let store = read(db, lang)?;
            let document = store.export()?;
            progress.stage("写出", "寫出", "writing");
            let json = document.to_json();
            drop((document, progress));
            write_out(output.as_deref(), &json, lang)
        }
        Some(Command::List) => list(db, lang),
        Some(Command::Show { meeting }) => show(db, &meeting, lang),
        Some(Command::Minutes {
            meeting,
            format,
            width,
            output,
        }) => {
            let store = read(db, lang)?;
            let id = meeting_ref::resolve(&meeting, &store.meetings()?, lang)?;
            let text = minutes_of(&store, id, format, usize::from(width))?;
            write_out(output.as_deref(), &text, lang)
        }
        Some(Command::Ledger {
            format,
            as_of,
            output,
        }) => {
            let today = match as_of {
                Some(s) => parse_date(&s, lang)?,
                None => crate::store::now().date(),
            };
            let mut progress = Progress::new(lang);
            progress.stage("汇总台账", "彙總台賬", "summing up the ledger");
            let store = read(db, lang)?;
            let rows = ledger::load(&store, today)?;
            progress.stage("写出", "寫出", "writing");
            let text = match format {
                LedgerFormat::Csv => ledger::csv(&rows),
                LedgerFormat::Text => ledger::text(&rows, 100),
            };
            drop(progress);
            write_out(output.as_deref(), &text, lang)
        }
        Some(Command::Generate { meetings, output }) => {
            let mut progress = Progress::new(lang);
            progress.stage("生成会议", "生成會議", "generating");
            let total = meetings as u64;
            let doc =
                super::generate::archive(meetings, &mut |done| progress.set(done as u64, total))
                    .map_err(Failure::Said)?;
            progress.stage("写出", "寫出", "writing");
            let json = doc.to_json();
            drop((doc, progress));
            write_out(output.as_deref(), &json, lang)
        }
        Some(Command::Verify) => checks::verify(db, lang),
        Some(Command::Repair { accept_loss }) => checks::repair(db, accept_loss, lang),
    }
}

/// Opens the database to read, telling on standard error of any change cut off earlier that
/// opening it completed.
fn read(db: &Path, lang: Lang) -> Result<Store, Failure> {
    let store = Store::open_read(db)?;
    if let Some(note) = crate::store::completed_note(lang, store.completed()) {
        eprintln!("{note}");
    }
    Ok(store)
}

/// A date as YYYY-MM-DD, refusing one that does not exist.
fn parse_date(s: &str, lang: Lang) -> Result<chrono::NaiveDate, Failure> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Failure::Said(match lang {
            Lang::En => format!("\"{s}\" is not a real date; write it as 2026-11-22"),
            _ => format!(
                "「{s}」{}",
                lang.pick(
                    "不是一个存在的日期，应写作 2026-11-22",
                    "不是一個存在的日期，應寫作 2026-11-22",
                    ""
                )
            ),
        })
    })
}

fn said(lang: Lang, hans: &str, hant: &str, en: &str) -> Failure {
    Failure::Said(lang.pick(hans, hant, en).to_string())
}

/// Writes to a file (atomically: a temporary file renamed into place) or to standard output.
fn write_out(path: Option<&Path>, text: &str, lang: Lang) -> Result<(), Failure> {
    let Some(path) = path else {
        let mut out = std::io::stdout().lock();
        // A closed pipe (`| head`) is not an error worth a message.
        let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
        return Ok(());
    };
    let tmp = path.with_extension("yishi-tmp");
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            Failure::Said(format!(
                "{}{}: {e}",
                lang.pick("无法写入 ", "無法寫入 ", "cannot write "),
                path.display()
            ))
        })
}

fn list(db: &Path, lang: Lang) -> Result<(), Failure> {
    let store = read(db, lang)?;
    let heads = store.meetings()?;
    if heads.is_empty() {
        println!(
            "{}",
            lang.pick("（没有会议记录）", "（沒有會議記錄）", "(no meetings)")
        );
    }
    let mut out = String::new();
    for h in heads {
        let label = match lang {
            Lang::En => format!("{}-{}", h.year, h.number),
            _ => format!("{}年第{}次", h.year, h.number),
        };
        let state = h.state.label(lang);
        out += &format!(
            "{:>5}  {}  {}{}  {}  {}\n",
            h.id.0,
            h.start.format("%Y-%m-%d %H:%M"),
            label,
            " ".repeat(12usize.saturating_sub(width(&label))),
            state,
            sanitize_line(&h.title)
        );
    }
    write_out(None, &out, lang)
}

fn show(db: &Path, meeting: &str, lang: Lang) -> Result<(), Failure> {
    let store = read(db, lang)?;
    let id = meeting_ref::resolve(meeting, &store.meetings()?, lang)?;
    let m = store
        .meeting(id)
        .map_err(|e| Failure::Said(e.0))?
        .ok_or_else(|| said(lang, "会议不存在", "會議不存在", "no such meeting"))?;
    let c = store
        .council(m.council)
        .map_err(|e| Failure::Said(e.0))?
        .ok_or_else(|| said(lang, "议事会不存在", "議事會不存在", "no such council"))?;
    let t = m.turnout(&c);
    let mut out = String::new();
    out += &format!("{} · {}\n", c.name, m.label(lang));
    out += &format!("{}  {}\n", m.title, m.state.label(lang));
    out += &format!("{}  {}\n", m.start.format("%Y-%m-%d %H:%M"), m.place);
    out += &format!(
        "{}: {}  {}: {}\n",
        lang.pick("主持", "主持", "chair"),
        c.name_of(m.chair),
        lang.pick("记录", "記錄", "recorder"),
        c.name_of(m.recorder)
    );
    out += &format!(
        "{} {}  {} {}\n\n",
        lang.pick("应到", "應到", "entitled"),
        t.entitled,
        lang.pick("实到", "實到", "present"),
        t.present
    );
    for member in &c.members {
        let a = m
            .attendance_of(member.id)
            .map_or(lang.pick("未登记", "未登記", "unmarked"), |a| {
                a.label(lang)
            });
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
                        Some(true) => lang.pick("通过", "通過", "adopted"),
                        Some(false) => lang.pick("未通过", "未通過", "rejected"),
                        None => lang.pick("未表决", "未表決", "not voted"),
                    };
                    out += &format!(
                        "   {}  {} {}/{}/{}  {result}\n",
                        v.mode.label(lang),
                        lang.pick("赞成/反对/弃权", "贊成/反對/棄權", "yes/no/abstain"),
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

/// The minutes of one meeting, from the records it names.
pub fn minutes_of(
    store: &Store,
    id: MeetingId,
    format: Format,
    width: usize,
) -> Result<String, Failure> {
    let record = MeetingRecord::load(store, id)?;
    Ok(match format {
        Format::Text => record.text(width),
        Format::Markdown => record.markdown(),
    })
}
