//! The archive's forms: search words, an export with a proposed file name that is never
//! written over an existing file without asking, and a correction to an ended meeting.

use crate::words;
use crate::words::{FILE, FORMAT};
use std::path::PathBuf;

use super::effect::{Effect, Load};
use super::form::{Field, Form, Value};
use super::forms::{FormKind, Target};
use super::input::Input;
use super::model::{Confirm, Export, Model, Notice, OnYes, Overlay};
use super::words::values;
use yishi_domain::Step;
use yishi_minutes::MeetingRecord;
use yishi_minutes::ledger;
use yishi_text::{Lang, chinese_number};

pub fn search(query: &str) -> Form {
    Form::new(
        FormKind::Search,
        words::SEARCH_THE_MINUTES,
        vec![Field::text(words::WORDS_TO_FIND_A_NAME, query)],
    )
}

/// Exporting the minutes on screen: text (as `yishi minutes` prints them) or Markdown.
pub fn export_minutes(record: &MeetingRecord) -> Form {
    let names = vec![
        record.file_name("txt"),
        record.file_name("md"),
        record.file_name("pdf"),
    ];
    Form::new(
        FormKind::Export {
            target: Target::Minutes(record.meeting.id),
            names: names.clone(),
        },
        words::EXPORT_THE_MINUTES,
        vec![
            Field::choice(
                FORMAT,
                vec![
                    "文本 .txt".into(),
                    "Markdown .md".into(),
                    "PDF（A4 纸） .pdf".into(),
                ],
                0,
            ),
            Field::text(FILE, &names[0]),
        ],
    )
}

/// Exporting the ledger rows on screen, as CSV for spreadsheets or as text.
pub fn export_ledger(today: chrono::NaiveDate) -> Form {
    let stem = format!("{}-事项台账", today.format("%Y-%m-%d"));
    let names = vec![format!("{stem}.csv"), format!("{stem}.txt")];
    Form::new(
        FormKind::Export {
            target: Target::Ledger,
            names: names.clone(),
        },
        words::EXPORT_THE_LEDGER,
        vec![
            Field::choice(
                FORMAT,
                vec!["CSV（Excel、WPS）".into(), "文本 .txt".into()],
                0,
            ),
            Field::text(FILE, &names[0]),
        ],
    )
}

/// A correction to the meeting on screen: the place corrected, who corrects (the recorder
/// first), the corrected wording and the reason.
pub fn correction(record: &MeetingRecord, lang: Lang) -> Form {
    let mut places = vec![(None, None)];
    let mut labels = vec![lang.say(words::THE_MEETINGS_PARTICULARS).to_string()];
    for (i, x) in record.matters.iter().enumerate() {
        let head = format!("{}、{}", chinese_number(i as u32 + 1), x.short_title);
        for (j, step) in Step::ALL.iter().enumerate() {
            places.push((Some(x.id), Some(*step)));
            labels.push(format!(
                "{head}（{}）{}",
                chinese_number(j as u32 + 1),
                step.label(lang)
            ));
        }
    }
    let members: Vec<_> = record.council.members.iter().map(|m| m.id).collect();
    let names = members
        .iter()
        .map(|id| record.council.name_of(*id))
        .collect();
    let recorder = members
        .iter()
        .position(|id| *id == record.meeting.recorder)
        .unwrap_or(0);
    Form::new(
        FormKind::Correction {
            meeting: record.meeting.id,
            places,
            members,
        },
        words::CORRECT_THE_RECORD,
        vec![
            Field::choice(words::WHAT_IS_CORRECTED, labels, 0),
            Field::choice(words::CORRECTED_BY, names, recorder),
            Field::text(words::THE_CORRECTED_WORDING, ""),
            Field::text(words::WHY, ""),
        ],
    )
}

/// After an edit: switching an export's format changes the proposed name, unless the user
/// has typed a name of their own.
pub fn edited(form: &mut Form) {
    let FormKind::Export { names, .. } = &form.kind else {
        return;
    };
    let chosen = form.choice(0);
    let typed = form.text(1);
    if typed != names[chosen]
        && names.iter().any(|n| n == typed)
        && let (Some(field), Some(name)) = (form.fields.get_mut(1), names.get(chosen))
    {
        field.value = Value::Text(Input::new(name));
    }
}

/// The bytes of an export in the chosen format; the paper minutes can be refused (a font not
/// installed), with the reason.
fn contents(model: &Model, target: Target, format: usize) -> Option<Result<Vec<u8>, String>> {
    match target {
        Target::Minutes(id) => {
            let open = model
                .archive
                .open
                .as_ref()
                .filter(|o| o.record.meeting.id == id)?;
            Some(match format {
                0 => Ok(open.record.text(model.lang, 72).into_bytes()),
                1 => Ok(open.record.markdown(model.lang).into_bytes()),
                _ => yishi_paper::minutes_pdf(&open.record, model.lang, None),
            })
        }
        Target::Ledger => {
            let rows: Vec<_> = model.archive.ledger.shown().iter().cloned().collect();
            Some(Ok(if format == 0 {
                ledger::csv(&rows, model.lang)
            } else {
                ledger::text(&rows, model.lang, 100)
            }
            .into_bytes()))
        }
    }
}

/// A search runs; an export writes its file, asking before it replaces one.
/// 签发 with keys: a password for each signer who registered a key, chair first.
pub fn seal(
    meeting: &yishi_domain::Meeting,
    council: &yishi_domain::Council,
    signers: Vec<yishi_domain::MemberId>,
    lang: Lang,
) -> Form {
    let fields = signers
        .iter()
        .map(|s| {
            let role = if *s == meeting.chair {
                lang.pick("主持人", "主持人", "chair ")
            } else {
                lang.pick("记录人", "記錄人", "recorder ")
            };
            let name = yishi_text::sanitize_line(&council.name_of(*s));
            let mut field = Field::secret(words::KEY_PASSWORD);
            field.prefix = format!("{role}{name}{}", lang.pick("", "", " "));
            field
        })
        .collect();
    Form::new(
        FormKind::Seal {
            meeting: meeting.id,
            signers,
        },
        words::SIGN_WITH_KEYS,
        fields,
    )
}

pub fn submit(model: &Model, mut form: Box<Form>) -> Vec<Effect> {
    match form.kind.clone() {
        FormKind::Seal { .. } => vec![Effect::Seal(form)],
        FormKind::Search => {
            let query = form.text(0).to_string();
            if query.is_empty() {
                return Vec::new();
            }
            vec![Effect::Load(Load::Search(query))]
        }
        FormKind::Export { target, .. } => {
            let path = PathBuf::from(form.text(1));
            let text = match contents(model, target, form.choice(0)) {
                None => return Vec::new(),
                Some(Ok(bytes)) => bytes,
                Some(Err(why)) => {
                    form.error = Some(why);
                    return vec![Effect::Overlay(Some(Overlay::Form(form)))];
                }
            };
            if path.as_os_str().is_empty() {
                form.error = Some(model.say(words::NAME_THE_FILE));
                return vec![Effect::Overlay(Some(Overlay::Form(form)))];
            }
            let export = Export {
                path,
                contents: text,
            };
            if !export.path.exists() {
                return vec![Effect::Write(export)];
            }
            let question = values::file_exists(model.lang, &export.path.display().to_string());
            vec![Effect::Ask(Confirm {
                question,
                then: OnYes::Write(export),
            })]
        }
        _ => Vec::new(),
    }
}

/// What the status line says after an export was written, or could not be.
pub fn written(model: &Model, export: &Export, result: std::io::Result<()>) -> Notice {
    let shown = export.path.display().to_string();
    match result {
        Ok(()) => Notice::Done(values::exported_to(model.lang, &shown)),
        Err(e) => Notice::Refused(values::cannot_write(model.lang, &shown, &e.to_string())),
    }
}
