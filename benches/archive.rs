//! The secretary's archive on the bundled sample: search across all minutes (the first search
//! builds the index of every meeting's minutes, later ones reuse it), one meeting's minutes as
//! text, and the ledger as CSV. `cargo bench --bench archive`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use yishi::domain::{Change, Document, MeetingId};
use yishi::minutes::{MeetingRecord, ledger};
use yishi::store::Store;
use yishi::tui::archive::Archive;

const SAMPLE: &str = include_str!("../sample-data/huangan-lane.json");

fn sample() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let document = Box::new(Document::parse(SAMPLE).expect("sample"));
    store
        .apply(&Change::Import { document }, yishi::store::now())
        .expect("import");
    (dir, store)
}

fn archive(c: &mut Criterion) {
    let (_dir, store) = sample();
    let fresh = Archive::load(&store).expect("archive");
    c.bench_function("sample/search first (builds the index)", |b| {
        b.iter(|| {
            let mut a = fresh.clone();
            a.search(&store, black_box("油烟")).expect("search");
            a.results.len()
        })
    });
    let mut indexed = fresh.clone();
    indexed.search(&store, "电梯").expect("search");
    c.bench_function("sample/search again", |b| {
        b.iter(|| {
            indexed.search(&store, black_box("油烟")).expect("search");
            indexed.results.len()
        })
    });
    c.bench_function("sample/minutes of one meeting, text at 72", |b| {
        b.iter(|| {
            let r = MeetingRecord::load(&store, MeetingId(109)).expect("load");
            r.text(black_box(72)).len()
        })
    });
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    c.bench_function("sample/ledger as CSV", |b| {
        b.iter(|| ledger::csv(&ledger::load(&store, today).expect("ledger")).len())
    });
}

criterion_group!(benches, archive);
criterion_main!(benches);
