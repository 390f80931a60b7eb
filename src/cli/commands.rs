use crate::cli::words;
use std::path::Path;

use super::args::{
    Command, CouncilAction, DistrictAction, Format, KeyAction, LedgerFormat, RulesAction,
};
use super::opening::read;
use super::output::write_out;
use super::progress::Progress;
use super::{Failure, checks, council, import, meeting_ref, output, records, rules};
use crate::minutes::{MeetingRecord, ledger};
use crate::store::Archive;
use crate::store::Store;
use crate::text::Lang;

pub fn run(
    command: Option<Command>,
    db: &Path,
    lang: Lang,
    look: crate::tui::Look<'_>,
) -> Result<(), Failure> {
    match command {
        None => {
            let store = Store::open(db)?;
            crate::tui::run(store, lang, look).map_err(Failure::Said)
        }
        Some(Command::Demo) => super::demo::demo(lang, look),
        Some(Command::Wall) => crate::tui::projector::run(db, lang, look).map_err(Failure::Said),
        Some(Command::Keys) => {
            out!("{}", crate::tui::keys::markdown());
            Ok(())
        }
        Some(Command::Import { file }) => import::import(db, &file, lang),
        Some(Command::Council { action }) => match action {
            CouncilAction::Template { output, owners } => {
                council::template(output.as_deref(), owners, lang)
            }
            CouncilAction::Import {
                file,
                name,
                rule,
                threshold,
                proxy_limit,
            } => council::import(db, &file, &name, &rule, (threshold, proxy_limit), lang),
        },
        Some(Command::Rules { action }) => match action {
            None => rules::list(lang),
            Some(RulesAction::Show { key }) => rules::show(&key, lang),
        },
        Some(Command::Export { output }) => {
            let mut progress = Progress::new(lang);
            progress.stage("读取记录", "讀取記錄", "reading the records");
            let store = read(db, lang)?;
            progress.stage("写出", "寫出", "writing");
            let written =
                super::output::stream_out(output.as_deref(), lang, |out| store.export_to(out));
            drop(progress);
            written
        }
        Some(Command::List { json }) => records::list(db, json, lang),
        Some(Command::Show { meeting, json }) => records::show(db, &meeting, json, lang),
        Some(Command::Minutes {
            meeting,
            format,
            width,
            minutes_lang,
            output,
            qr,
            fonts,
        }) => {
            let store = read(db, lang)?;
            let id = meeting_ref::resolve(&meeting, &store, lang)?;
            if let Some(qr) = qr {
                super::signing::seal_qr(&store, id, &qr, lang)?;
            }
            let written_in = minutes_lang.map_or(lang, |l| l.0);
            let record = MeetingRecord::load(&store, id)?;
            let text = match format {
                Format::Text => record.text(written_in, usize::from(width)),
                Format::Markdown => record.markdown(written_in),
                Format::Pdf => {
                    // A PDF is not for a terminal's eyes: it goes to a file or a pipe.
                    let to_terminal = output.as_deref().is_none_or(super::output::is_std)
                        && std::io::IsTerminal::is_terminal(&std::io::stdout());
                    if to_terminal {
                        return Err(Failure::Said(words::pdf_needs_a_file(lang)));
                    }
                    let pdf = crate::paper::minutes_pdf(&record, written_in, fonts.as_deref())
                        .map_err(Failure::Said)?;
                    return super::output::write_bytes(output.as_deref(), &pdf, lang);
                }
            };
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
                LedgerFormat::Csv => ledger::csv(&rows, lang),
                LedgerFormat::Text => ledger::text(&rows, lang, 100),
            };
            drop(progress);
            write_out(output.as_deref(), &text, lang)
        }
        Some(Command::Verify { json, replay }) => checks::verify(db, json, replay, lang),
        Some(Command::Key { action }) => match action {
            KeyAction::New {
                member,
                no_password,
            } => super::signing::new_key(db, &member, no_password, lang),
            KeyAction::List => super::signing::list_keys(db, lang),
        },
        Some(Command::Sign { meeting }) => super::signing::sign(db, &meeting, lang),
        Some(Command::Publish { to }) => super::district::publish(db, &to, lang),
        Some(Command::District { action, from }) => match action {
            DistrictAction::Ledger { as_of, output } => {
                let today = match as_of {
                    Some(s) => parse_date(&s, lang)?,
                    None => crate::store::now().date(),
                };
                super::district::ledger(from, today, output.as_deref(), lang)
            }
            DistrictAction::Verify => super::district::verify(from, lang),
            DistrictAction::Enrol { code, name } => {
                super::district::enrol(from, &code, &name, lang)
            }
            DistrictAction::Overdue { as_of } => {
                let today = match as_of {
                    Some(s) => parse_date(&s, lang)?,
                    None => crate::store::now().date(),
                };
                super::district::overdue(from, today, lang)
            }
            DistrictAction::Rates => super::district::rates(from, lang),
            DistrictAction::Search { words } => super::district::search(from, &words, lang),
        },
        Some(Command::Completions { shell }) => {
            output::completions(shell);
            Ok(())
        }
        Some(Command::Man) => output::man(),
        Some(Command::Repair { accept_loss }) => checks::repair(db, accept_loss, lang),
    }
}

/// A date as people write it (2026-11-22, 2026/11/22, 11月22日: see `text::parse_date`),
/// refusing one that does not exist.
fn parse_date(s: &str, lang: Lang) -> Result<chrono::NaiveDate, Failure> {
    crate::text::parse_date(s, crate::store::now().date())
        .ok_or_else(|| Failure::Said(words::not_a_date(lang, s)))
}
