//! The secretary's and the chair's costs, measured in-process with criterion on generated
//! archives (`YISHI_BENCH_SCALES`, default 1000,10000) and on the bundled sample:
//! one frame of each screen at 200×56 on ratatui's TestBackend, one meeting's minutes as
//! text, the ledger of the whole archive as CSV, a search over every meeting's minutes, and
//! one ballot recorded durably beside a bare append + `fdatasync` and SQLite (WAL, FULL).
//!
//! `cargo bench -p yishi-bench --bench archive`

mod common;
#[path = "../tests/support/vote.rs"]
mod vote;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::{Duration, Instant};
use yishi::domain::{CastBallot, Correct, CorrectBallot, Import};

use yishi::domain::{Change, Choice, Document, Records};
use yishi::minutes::corpus::Corpus;
use yishi::minutes::{MeetingRecord, ledger};
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::archive::Archive;
use yishi::tui::fetch;
use yishi::tui::ledger::{Filter, Ledger};
use yishi::tui::screens;
use yishi::tui::theme::Theme;

const SAMPLE: &str = include_str!("../sample-data/huangan-lane.json");

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str("2026-11-22 10:00", "%Y-%m-%d %H:%M").expect("time")
}

fn sample() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let document = Box::new(Document::parse(SAMPLE).expect("sample"));
    store
        .apply(&Change::Import(Import { document }), now())
        .expect("import");
    (dir, store)
}

fn console(store: Store) -> App {
    let theme = Theme::find("projector-dark").expect("theme");
    let mut app = App::new(store, Lang::ZhHans, theme, Box::new(now)).expect("console");
    app.model.viewport = (200, 56);
    app
}

/// Draws the app's screen on a 200×56 TestBackend, again and again.
fn frame(c: &mut Criterion, group: &str, name: &str, app: &App) {
    let mut term = Terminal::new(TestBackend::new(200, 56)).expect("terminal");
    c.benchmark_group(group)
        .bench_function(BenchmarkId::new("frame 200x56", name), |b| {
            b.iter(|| {
                term.draw(|f| screens::view(f, black_box(&app.model)))
                    .expect("draw");
            })
        });
}

/// Every screen of a meeting being run, on the sample (its meeting 5).
fn meeting_frames(c: &mut Criterion) {
    let (_dir, store) = sample();
    let mut app = console(store);
    frame(c, "sample", "home", &app);
    app.update(Action::Select);
    frame(c, "sample", "meeting", &app);
    app.update(Action::ShowRollCall);
    frame(c, "sample", "roll call", &app);
    app.update(Action::ShowAgenda);
    frame(c, "sample", "agenda", &app);
    app.update(Action::Select);
    for step in ["collect", "hear", "decide", "execute", "review"] {
        frame(c, "sample", &format!("matter, {step}"), &app);
        app.update(Action::ToggleWall);
        frame(c, "sample", &format!("presentation, {step}"), &app);
        app.update(Action::ToggleWall);
        app.update(Action::NextStep);
    }
}

/// The archive's screens, minutes, ledger and search at each scale.
fn archive_scale(c: &mut Criterion) {
    for n in common::scales() {
        let group = format!("{n} meetings");
        let db = common::archive(n);
        let store = Store::open(&db).expect("open the generated archive");
        let latest = latest_meeting(&store);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");

        // Made (or made again, from an older layout) before it is read.
        let corpus = Corpus::load(&store, Lang::ZhHans, &mut |_, _| ()).expect("corpus");
        let mut g = c.benchmark_group(&group);
        g.bench_function("latest meeting's minutes (minutes latest)", |b| {
            b.iter(|| {
                let head = store.latest_meeting().expect("read").expect("a meeting");
                let r = MeetingRecord::load(&store, black_box(head.id)).expect("load");
                r.text(yishi::text::Lang::ZhHans, 72).len()
            })
        });
        g.bench_function("archive screen opened (its first page)", |b| {
            b.iter(|| {
                fetch::archive(black_box(&store), &mut Archive::default())
                    .expect("archive")
                    .meetings
                    .len()
            })
        });
        let matter = store
            .meeting(latest)
            .expect("read")
            .and_then(|m| m.agenda.first().copied())
            .and_then(|x| store.matter(x).expect("read"))
            .expect("a matter on the latest agenda");
        let row = ledger::Row::of(&matter, &Default::default(), &Default::default(), today);
        g.bench_function("a matter's history", |b| {
            b.iter(|| {
                fetch::history(&store, black_box(&row), yishi::text::Lang::ZhHans)
                    .expect("history")
                    .map_or(0, |h| h.events.len())
            })
        });
        g.bench_function("ledger screen opened (its first page)", |b| {
            let mut ledger = Ledger::default();
            let mut reading = fetch::Reading::default();
            b.iter(|| {
                reading
                    .ledger(black_box(&store), &mut ledger, today)
                    .expect("ledger");
                ledger.shown().len()
            })
        });
        g.bench_function("ledger, overdue only (read on until a page shows)", |b| {
            let mut ledger = Ledger::default();
            let overdue = Filter {
                overdue_only: true,
                ..Filter::default()
            };
            let mut reading = fetch::Reading::default();
            b.iter(|| {
                reading.ledger(&store, &mut ledger, today).expect("ledger");
                reading
                    .filter(&store, &mut ledger, overdue)
                    .expect("filter");
                ledger.shown().len()
            })
        });
        g.bench_function("minutes of one meeting, text at 72", |b| {
            b.iter(|| {
                let r = MeetingRecord::load(&store, black_box(latest)).expect("load");
                r.text(yishi::text::Lang::ZhHans, 72).len()
            })
        });
        g.bench_function(
            "search text read from its file (ahead, while the words are typed)",
            |b| b.iter(|| Corpus::read(black_box(&db), Lang::ZhHans).expect("corpus file")),
        );
        g.bench_function("search, first in a session (after the read-ahead)", |b| {
            b.iter_batched(
                || Corpus::read(&db, Lang::ZhHans).expect("corpus file"),
                |read| {
                    let corpus = Corpus::current(&store, Lang::ZhHans, Some(read), &mut |_, _| ())
                        .expect("current");
                    corpus.find(black_box("油烟")).hits.len()
                },
                criterion::BatchSize::PerIteration,
            )
        });
        // Every shape of query: two Han characters and four (each in about three meetings of
        // four), letters and digits (in a few hundred places), and words no meeting holds.
        for (shape, query) in [
            ("2 Han", "油烟"),
            ("4 Han", "雨水管道"),
            ("ASCII", "2026"),
            ("no hit", "火星基地"),
        ] {
            g.bench_function(format!("search, later in a session, {shape}"), |b| {
                b.iter(|| corpus.find(black_box(query)).hits.len())
            });
        }
        // On a copy of the archive: up to 10,000 meetings (100,000 would copy 7 GB).
        if n <= 10_000 {
            first_search_after_a_change(&mut g, &db, &corpus);
        }
        g.sample_size(10).measurement_time(Duration::from_secs(20));
        g.bench_function("ledger of the whole archive as CSV", |b| {
            b.iter(|| {
                ledger::csv(
                    &ledger::load(&store, today).expect("ledger"),
                    yishi::text::Lang::ZhHans,
                )
                .len()
            })
        });
        g.finish();

        let mut app = console(store);
        frame(c, &group, "home", &app);
        app.update(Action::ShowArchive);
        frame(c, &group, "archive", &app);
        app.update(Action::Select);
        frame(c, &group, "minutes", &app);
        app.update(Action::Back);
        app.update(Action::Search);
        for ch in "油烟".chars() {
            app.update(Action::Type(ch));
        }
        app.update(Action::Submit);
        frame(c, &group, "search results", &app);
        app.update(Action::ShowLedger);
        frame(c, &group, "ledger", &app);
        app.update(Action::Select);
        frame(c, &group, "history", &app);
    }
}

fn latest_meeting(store: &Store) -> yishi::domain::MeetingId {
    let heads = store.meetings().expect("meetings");
    heads.last().expect("a meeting").id
}

/// A search after a change to the latest meeting (a correction of its signed minutes), on a
/// copy of the archive: the corpus in memory is brought up to date (the meeting laid out again
/// and appended to the file, the index written) and searched.
fn first_search_after_a_change(
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    db: &std::path::Path,
    corpus: &Corpus,
) {
    // Made only when the benchmark is asked for (copying the archive takes seconds), once.
    let mut state = None;
    let mut n = 0;
    g.bench_function("search, first after a change", |b| {
        let (_copy, store, latest, recorder, corpus) = state.get_or_insert_with(|| {
            let copy = tempfile::tempdir().expect("tempdir");
            let status = std::process::Command::new("cp")
                .arg("-r")
                .arg(db)
                .arg(copy.path().join("db"))
                .status()
                .expect("cp");
            assert!(status.success(), "copy the archive");
            let store = Store::open(&copy.path().join("db")).expect("open the copy");
            let latest = latest_meeting(&store);
            let recorder = store
                .meeting(latest)
                .expect("read")
                .expect("meeting")
                .recorder;
            let store = std::cell::RefCell::new(store);
            (copy, store, latest, recorder, Some(corpus.clone()))
        });
        b.iter_batched(
            || {
                n += 1;
                let change = Change::Correct(Correct {
                    meeting: *latest,
                    by: *recorder,
                    matter: None,
                    step: None,
                    text: format!("补记第{n}条"),
                    reason: "补记".into(),
                });
                store.borrow_mut().apply(&change, now()).expect("correct");
            },
            |()| {
                let old = corpus.take().expect("corpus");
                let current =
                    Corpus::current(&store.borrow(), Lang::ZhHans, Some(old), &mut |_, _| ())
                        .expect("current");
                let listed = current.find(black_box("油烟")).hits.len();
                *corpus = Some(current);
                listed
            },
            criterion::BatchSize::PerIteration,
        )
    });
}

/// One roll-call ballot made durable by `Store::apply` (validation, the journal line and its
/// `fdatasync`, the store's rows handed to sled), and beside it, in the same run, the physical
/// limit and a peer: a bare append of a line as long as the ballot's to a file and its
/// `fdatasync`; the journal's own technique done bare (a line written in place over zeros made
/// ready, O_DIRECT | O_DSYNC: the floor for how yishi writes); and SQLite in WAL mode with
/// `synchronous=FULL`, updating the motion's record in one transaction, and inserting a ballot's
/// row in one. Each alternates the motion's two states, as the ballot does.
fn ballot(c: &mut Criterion) {
    let (dir, mut store) = open_vote();
    let motion = store
        .motions()
        .expect("motions")
        .into_iter()
        .find(|v| v.closed.is_none() && v.opened.is_some())
        .expect("the open vote");
    let council = store.councils().expect("councils").remove(0);
    let voter = council.voting_members().next().expect("a voter").id;
    let first = Change::CastBallot(CastBallot {
        motion: motion.id,
        member: voter,
        choice: Choice::Yes,
    });
    store.apply(&first, now()).expect("first ballot");
    let recorded = |store: &Store| {
        serde_json::to_vec(&store.motion(motion.id).expect("read").expect("motion"))
            .expect("encode")
    };
    let correct = |store: &mut Store, choice| {
        let change = Change::CorrectBallot(CorrectBallot {
            motion: motion.id,
            member: voter,
            choice,
        });
        store.apply(&change, now()).expect("ballot");
    };
    let journal = dir.path().join("journal.jsonl");
    let yes = recorded(&store);
    correct(&mut store, Choice::No);
    // The journal's last line (the file goes on with zeros made ready for lines to come).
    let held = std::fs::read(&journal).expect("journal");
    let lines = held.split(|&b| b == 0).next().unwrap_or_default();
    let line = lines
        .split(|&b| b == b'\n')
        .rev()
        .nth(1)
        .expect("a line")
        .len()
        + 1;
    let no = recorded(&store);
    assert_ne!(yes, no, "the two states of the motion differ");

    let mut choice = Choice::No;
    let mut ballot = || {
        choice = if choice == Choice::Yes {
            Choice::No
        } else {
            Choice::Yes
        };
        correct(&mut store, choice);
    };

    let bare_dir = tempfile::tempdir().expect("tempdir");
    let mut bare_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(bare_dir.path().join("append"))
        .expect("bare file");
    let mut bare_line = vec![b'x'; line - 1];
    bare_line.push(b'\n');
    let mut append = || {
        use std::io::Write;
        bare_file.write_all(&bare_line).expect("append");
        bare_file.sync_data().expect("fdatasync");
    };

    // The same technique as the journal, bare: a file made ready with zeros (and made durable
    // so), each line written in place over them through the block it ends in, around the page
    // cache and durable on return (O_DIRECT | O_DSYNC). No validation, no encoding, no rows.
    let floor_path = bare_dir.path().join("floor");
    let capacity: u64 = 256 << 20;
    {
        let f = std::fs::File::create(&floor_path).expect("floor file");
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..(capacity >> 20) {
            use std::io::Write;
            (&f).write_all(&zeros).expect("zeros");
        }
        f.sync_all().expect("sync");
    }
    let floor_file = {
        use std::os::unix::fs::OpenOptionsExt;
        std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_DIRECT | libc::O_DSYNC)
            .open(&floor_path)
            .expect("O_DIRECT | O_DSYNC")
    };
    const BLOCK: usize = 4096;
    let mut aligned = vec![0u8; 3 * BLOCK];
    let offset = aligned.as_ptr().align_offset(BLOCK);
    let mut floor_len: u64 = 0;
    let mut floor = || {
        use std::os::unix::fs::FileExt;
        if floor_len + line as u64 + BLOCK as u64 > capacity {
            floor_len = 0;
        }
        let start = floor_len / BLOCK as u64 * BLOCK as u64;
        let end = floor_len + line as u64;
        let size = (end - start).div_ceil(BLOCK as u64) as usize * BLOCK;
        let buf = &mut aligned[offset..offset + size];
        buf.fill(b'x');
        floor_file.write_all_at(buf, start).expect("write in place");
        floor_len = end;
    };

    let sqlite = rusqlite::Connection::open(bare_dir.path().join("peer.sqlite")).expect("sqlite");
    sqlite
        .execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
             CREATE TABLE motions (id INTEGER PRIMARY KEY, record BLOB NOT NULL);",
        )
        .expect("sqlite schema");
    sqlite
        .execute(
            "INSERT INTO motions VALUES (?1, ?2)",
            rusqlite::params![motion.id.0 as i64, yes],
        )
        .expect("sqlite row");
    // A peer that records a ballot as a ballot: a row inserted, one transaction each.
    let inserts =
        rusqlite::Connection::open(bare_dir.path().join("insert.sqlite")).expect("sqlite");
    inserts
        .execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
             CREATE TABLE ballots (id INTEGER PRIMARY KEY, motion INTEGER NOT NULL,
                                   member INTEGER NOT NULL, choice TEXT NOT NULL,
                                   at TEXT NOT NULL);",
        )
        .expect("sqlite schema");
    let mut n = 0u64;
    let mut insert = || {
        n += 1;
        let choice = if n.is_multiple_of(2) { "yes" } else { "no" };
        inserts
            .execute(
                "INSERT INTO ballots (motion, member, choice, at) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![
                    motion.id.0 as i64,
                    voter.0 as i64,
                    choice,
                    "2026-12-05 19:40"
                ],
            )
            .expect("sqlite insert");
    };
    let mut flip = false;
    let mut peer = || {
        flip = !flip;
        let bytes = if flip { &no } else { &yes };
        sqlite
            .execute(
                "UPDATE motions SET record = ?2 WHERE id = ?1",
                rusqlite::params![motion.id.0 as i64, bytes],
            )
            .expect("sqlite update");
    };

    let mut g = c.benchmark_group("ballot");
    g.bench_function("Store::apply of one ballot", |b| b.iter(&mut ballot));
    g.bench_function("bare append + fdatasync, same length", |b| {
        b.iter(&mut append)
    });
    g.bench_function(
        "the journal's technique, bare (O_DIRECT | O_DSYNC in place)",
        |b| b.iter(&mut floor),
    );
    g.bench_function("SQLite WAL synchronous=FULL, same record", |b| {
        b.iter(&mut peer)
    });
    g.bench_function("SQLite WAL synchronous=FULL, a ballot inserted", |b| {
        b.iter(&mut insert)
    });
    g.finish();

    // The disk's speed drifts between criterion's runs; the ratios are taken again with the
    // three interleaved, in blocks of 100.
    let block = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        (0..100).for_each(|_| f());
        t.elapsed().as_secs_f64() * 1e6 / 100.0
    };
    let (mut applied, mut bare, mut lite) = (Vec::new(), Vec::new(), Vec::new());
    let (mut same, mut inserted) = (Vec::new(), Vec::new());
    for _ in 0..30 {
        applied.push(block(&mut ballot));
        bare.push(block(&mut append));
        same.push(block(&mut floor));
        lite.push(block(&mut peer));
        inserted.push(block(&mut insert));
    }
    let (a, b, l) = (
        common::median(applied),
        common::median(bare),
        common::median(lite),
    );
    let (f, i) = (common::median(same), common::median(inserted));
    println!(
        "ballot, interleaved (median of 30 blocks of 100): Store::apply {a:.0} µs; \
         the journal's technique bare {f:.0} µs ({:.2}×); bare append + fdatasync {b:.0} µs \
         ({:.2}×); SQLite WAL FULL update {l:.0} µs ({:.2}×), insert {i:.0} µs ({:.2}×)",
        a / f,
        a / b,
        a / l,
        a / i
    );
    drop(dir);
}

/// A new database with the sample's council in a meeting with everyone present and a
/// roll-call vote open.
fn open_vote() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open");
    let council = Document::parse(SAMPLE).expect("sample").councils.remove(0);
    vote::open_vote(&mut store, council, now());
    (dir, store)
}

criterion_group!(benches, ballot, meeting_frames, archive_scale);
criterion_main!(benches);
