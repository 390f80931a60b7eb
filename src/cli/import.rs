//! Bringing a record in: `import` from an export document, and `demo` on the bundled sample.

use crate::cli::words;

use std::path::Path;

use super::Failure;
use super::progress::Progress;
use crate::domain::Refusal;
use crate::minutes::corpus::Corpus;
use crate::store::{ImportError, ImportStep, Imported, Store};
use crate::text::Lang;
use std::io::Read;

/// The sample council, bundled so that `yishi demo` needs no setup.
pub const SAMPLE: &str = include_str!("../../sample-data/huangan-lane.json");

/// Takes the document in `input` into `store`, saying how far it has come.
pub(super) fn import_into(
    store: &mut Store,
    input: impl Read,
    size: Option<u64>,
    lang: Lang,
    progress: &mut Progress,
) -> Result<Imported, Failure> {
    progress.stage(
        "读取并写入数据库",
        "讀取並寫入資料庫",
        "reading and writing",
    );
    let mut checking = false;
    let imported = store.import(input, size, &mut |step| match step {
        ImportStep::Written { bytes, of } => progress.set(bytes, of),
        ImportStep::Checked { councils, of } => {
            if !checking {
                checking = true;
                progress.stage(
                    "逐个议事会检查记录",
                    "逐個議事會檢查記錄",
                    "checking each council",
                );
            }
            progress.set(councils, of)
        }
    });
    imported.map_err(|e| match e {
        ImportError::File(problems) => {
            let head = lang.say(words::THE_IMPORT_FILE_IS_NOT);
            let list: Vec<String> = problems
                .iter()
                .map(|p| format!("  {}", p.describe(lang)))
                .collect();
            Failure::Said(format!("{head}\n{}", list.join("\n")))
        }
        ImportError::Refused(r) => refused(lang, &r),
        ImportError::Store(e) => Failure::Store(e),
    })
}

fn refused(lang: Lang, r: &Refusal) -> Failure {
    let head = lang.say(words::IMPORT_REFUSED_NOTHING_WAS_CHANGED);
    Failure::Said(format!("{head}\n{}", r.describe(lang)))
}

pub fn import(db: &Path, file: &Path, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    let (input, size) = super::output::open_in(file, lang)?;
    // A database this import makes is removed again if the import takes nothing in: a
    // refused file leaves no trace, not even an empty database.
    let existed = db.exists();
    let held_nothing = std::fs::read_dir(db).map_or(true, |mut d| d.next().is_none());
    progress.stage("打开数据库", "開啟資料庫", "opening the database");
    let mut store = Store::open(db)?;
    if let Some(note) = crate::store::completed_note(lang, store.completed()) {
        eprintln!("{note}");
    }
    let imported = match import_into(&mut store, input, size, lang, &mut progress) {
        Ok(imported) => imported,
        Err(failure) => {
            drop(store);
            if !existed {
                let _ = std::fs::remove_dir_all(db);
            } else if held_nothing {
                for entry in std::fs::read_dir(db).into_iter().flatten().flatten() {
                    let path = entry.path();
                    let _ = if path.is_dir() {
                        std::fs::remove_dir_all(&path)
                    } else {
                        std::fs::remove_file(&path)
                    };
                }
            }
            return Err(failure);
        }
    };
    // The search text of every meeting, so that the console's first search need not make it.
    // It is a cache: if it cannot be made now, the first search makes it.
    progress.stage("建立检索", "建立檢索", "indexing for search");
    let _ = Corpus::write_fresh(&store, &mut |done, total| progress.set(done, total));
    drop(progress);
    outln!(
        "{}",
        words::imported(
            lang,
            imported.meetings,
            imported.matters,
            &db.display().to_string()
        )
    );
    Ok(())
}
