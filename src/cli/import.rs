//! Bringing a record in: `import` from an export document, and `demo` on the bundled sample.

use crate::cli::words;
use chrono::Local;
use std::path::{Path, PathBuf};

use super::Failure;
use super::progress::Progress;
use crate::domain::{Change, Document, Refusal};
use crate::minutes::corpus::Corpus;
use crate::store::{Store, StoreError};
use crate::text::Lang;

/// The sample council, bundled so that `yishi demo` needs no setup.
pub const SAMPLE: &str = include_str!("../../sample-data/huangan-lane.json");

fn load_document(file: &Path, lang: Lang) -> Result<Document, Failure> {
    let text = super::output::read_in(file, lang)?;
    Document::parse(&text).map_err(|problems| {
        let head = lang.say(words::THE_IMPORT_FILE_IS_NOT);
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("  {}", p.describe(lang)))
            .collect();
        Failure::Said(format!("{head}\n{}", list.join("\n")))
    })
}

fn import_into(
    store: &mut Store,
    doc: Document,
    lang: Lang,
    progress: &mut Progress,
) -> Result<(), Failure> {
    progress.stage("写入数据库", "寫入資料庫", "writing");
    store
        .apply_reporting(
            &Change::Import {
                document: Box::new(doc),
            },
            crate::store::now(),
            &mut |done, total| progress.set(done, total),
        )
        .map(drop)
        .map_err(|e| match e {
            StoreError::Refused(r) => refused(lang, &r),
            other => Failure::Store(other),
        })
}

fn refused(lang: Lang, r: &Refusal) -> Failure {
    let head = lang.say(words::IMPORT_REFUSED_NOTHING_WAS_CHANGED);
    Failure::Said(format!("{head}\n{}", r.describe(lang)))
}

pub fn import(db: &Path, file: &Path, lang: Lang) -> Result<(), Failure> {
    let mut progress = Progress::new(lang);
    progress.stage("读取并检查文件", "讀取並檢查檔案", "reading and checking");
    let doc = load_document(file, lang)?;
    let (meetings, matters) = (doc.meetings.len(), doc.matters.len());
    // Checked before the database is opened, so that a refused file leaves no trace, not even
    // an empty database; the import's own change checks it again.
    crate::domain::validate(&doc).map_err(|problems| refused(lang, &Refusal::Invalid(problems)))?;
    progress.stage("打开数据库", "開啟資料庫", "opening the database");
    let mut store = Store::open(db)?;
    if let Some(note) = crate::store::completed_note(lang, store.completed()) {
        eprintln!("{note}");
    }
    import_into(&mut store, doc, lang, &mut progress)?;
    // The search text of every meeting, so that the console's first search need not make it.
    // It is a cache: if it cannot be made now, the first search makes it.
    progress.stage("建立检索", "建立檢索", "indexing for search");
    let _ = Corpus::load(&store, &mut |done, total| progress.set(done, total));
    drop(progress);
    println!(
        "{}",
        words::imported(lang, meetings, matters, &db.display().to_string())
    );
    Ok(())
}

pub fn demo(lang: Lang, theme: Option<&str>) -> Result<(), Failure> {
    let stamp = Local::now().format("%Y%m%d%H%M%S%f");
    let dir: PathBuf =
        std::env::temp_dir().join(format!("yishi-demo-{}-{stamp}", std::process::id()));
    let result = (|| {
        let doc = Document::parse(SAMPLE).map_err(|p| {
            Failure::Said(
                p.iter()
                    .map(|p| p.describe(lang))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })?;
        let mut store = Store::open(&dir)?;
        import_into(&mut store, doc, lang, &mut Progress::new(lang))?;
        crate::tui::run(store, lang, theme).map_err(Failure::Said)
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}
