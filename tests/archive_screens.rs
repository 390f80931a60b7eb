//! Snapshots of the secretary's screens on the sample (TestBackend, insta): past meetings,
//! minutes with a search hit marked, the search results, the ledger and a matter's history,
//! at 80×24 and 200×56, in 简体 and English (and the minutes in 繁體).

mod support;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::buffer::{draw, lang_code};
use yishi::domain::Document;
use yishi::domain::Import;
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::action::Action;
use yishi::tui::app::App;
use yishi::tui::model::Screen;
use yishi::tui::theme::Theme;

fn console(lang: Lang, size: (u16, u16)) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open store");
    let sample = std::fs::read_to_string(support::sample_path()).expect("sample");
    let document = Box::new(Document::parse(&sample).expect("sample parses"));
    let now =
        chrono::NaiveDateTime::parse_from_str("2026-11-22 10:00", "%Y-%m-%d %H:%M").expect("time");
    store
        .apply(&yishi::domain::Change::Import(Import { document }), now)
        .expect("import");
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let mut app = App::new(store, lang, theme, Box::new(move || now)).expect("console");
    app.model.viewport = size;
    (dir, app)
}

/// A key pressed, as the console takes it: looked up in the key table for where it is.
fn key(app: &mut App, code: KeyCode) {
    if let Some(action) = app
        .model
        .action_for(&KeyEvent::new(code, KeyModifiers::NONE))
    {
        app.update(action);
    }
}

fn search(app: &mut App, words: &str) {
    app.update(Action::Search);
    for c in words.chars() {
        key(app, KeyCode::Char(c));
    }
    key(app, KeyCode::Enter);
}

#[test]
fn the_archive_screens_at_both_sizes_in_every_language() {
    for lang in [Lang::ZhHans, Lang::ZhHant, Lang::En] {
        for (w, h) in [(80, 24), (200, 56)] {
            let (_dir, mut app) = console(lang, (w, h));
            let name = |what: &str| format!("archive-{what}-{}-{w}x{h}", lang_code(lang));
            app.update(Action::ShowArchive);
            assert_eq!(app.model.screen, Screen::Archive);
            insta::assert_snapshot!(name("meetings"), draw(&app, w, h));
            app.update(Action::ToggleWall);
            assert!(
                !app.model.wall,
                "no presentation view without a meeting being run"
            );
            assert!(draw(&app, w, h).contains(match lang {
                Lang::En => "open one from home",
                Lang::ZhHant => "請先從首頁進入一次會議",
                Lang::ZhHans => "请先从首页进入一次会议",
            }));

            search(&mut app, "油烟");
            assert_eq!(app.model.screen, Screen::Results);
            assert!(app.model.archive.results.len() > 5);
            insta::assert_snapshot!(name("results"), draw(&app, w, h));

            app.update(Action::Down);
            app.update(Action::Down);
            app.update(Action::Select);
            assert_eq!(app.model.screen, Screen::Minutes);
            app.update(Action::NextHit);
            insta::assert_snapshot!(name("minutes"), draw(&app, w, h));

            app.update(Action::ShowLedger);
            insta::assert_snapshot!(name("ledger"), draw(&app, w, h));
            app.update(Action::FilterOverdue);
            let overdue = draw(&app, w, h);
            assert!(overdue.contains("104"), "{overdue}");
            assert!(!overdue.contains("102 "), "{overdue}");
            app.update(Action::Select);
            assert_eq!(app.model.screen, Screen::History);
            insta::assert_snapshot!(name("history"), draw(&app, w, h));

            // Esc walks back through the trail to home.
            for _ in 0..6 {
                app.update(Action::Back);
            }
            assert_eq!(app.model.screen, Screen::Home);
        }
    }
    let (_dir, mut app) = console(Lang::ZhHant, (80, 24));
    app.update(Action::ShowArchive);
    app.update(Action::Select);
    insta::assert_snapshot!("archive-latest-minutes-zh-Hant-80x24", draw(&app, 80, 24));
}

#[test]
fn exports_refuse_an_empty_name_and_never_replace_a_file_unasked() {
    let (dir, mut app) = console(Lang::ZhHans, (80, 24));
    app.update(Action::ShowArchive);
    app.update(Action::Select);
    app.update(Action::Export);
    let shot = draw(&app, 80, 24);
    assert!(
        shot.contains("2026-11-21-2026年第5次会议纪要.txt"),
        "{shot}"
    );
    // Markdown proposes .md; a name typed by hand is kept when the format changes.
    key(&mut app, KeyCode::Right);
    assert!(draw(&app, 80, 24).contains("2026-11-21-2026年第5次会议纪要.md"));
    key(&mut app, KeyCode::Tab);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert!(draw(&app, 80, 24).contains("请填写文件名"));
    let target = dir.path().join("纪要.md");
    for c in target.to_str().expect("utf-8").chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Left);
    assert!(draw(&app, 80, 24).contains("纪要.md"), "a typed name stays");
    key(&mut app, KeyCode::Right);
    std::fs::write(&target, "kept").expect("write");
    key(&mut app, KeyCode::Enter);
    let asked = draw(&app, 80, 24);
    assert!(asked.contains("文件已存在"), "{asked}");
    key(&mut app, KeyCode::Esc);
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "kept");
    app.update(Action::Export);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in target.to_str().expect("utf-8").chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('y'));
    let md = std::fs::read_to_string(&target).expect("read");
    assert!(md.starts_with("# 青禾里社区居民议事会"), "{md}");
}

/// A street office's database: more than one council, so each past meeting names its council,
/// and the agenda beside the list follows the selection.
#[test]
fn archive_of_several_councils_names_each_meetings_council() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open(dir.path()).expect("open store");
    let document = Box::new(yishi_generate::archive(150, 0, &mut |_| {}).expect("generate"));
    let names: Vec<String> = document.councils.iter().map(|c| c.name.clone()).collect();
    assert_eq!(names.len(), 2);
    let now =
        chrono::NaiveDateTime::parse_from_str("2026-11-22 10:00", "%Y-%m-%d %H:%M").expect("time");
    store
        .apply(&yishi::domain::Change::Import(Import { document }), now)
        .expect("import");
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let mut app = App::new(store, Lang::ZhHans, theme, Box::new(move || now)).expect("console");
    app.model.viewport = (200, 56);
    app.update(Action::ShowArchive);
    assert!(draw(&app, 200, 56).contains(names[0].as_str()));
    // Both councils met in their first month.
    for _ in 0..10 {
        app.update(Action::PageDown);
    }
    let screen = draw(&app, 200, 56);
    for name in &names {
        assert!(screen.contains(name.as_str()), "{name} in\n{screen}");
    }
    for _ in 0..10 {
        app.update(Action::PageUp);
    }
    let first = app
        .model
        .archive
        .agenda
        .clone()
        .expect("agenda of the first meeting");
    app.update(Action::Down);
    let second = app
        .model
        .archive
        .agenda
        .clone()
        .expect("agenda of the second meeting");
    assert_ne!(first.meeting, second.meeting);
    assert_eq!(second.meeting, app.model.archive.meetings[1].id);
    let screen = draw(&app, 200, 56);
    let last = second.titles.last().expect("a matter on the agenda");
    assert!(screen.contains(last.as_str()), "{last} beside the list");
}

/// An archive larger than a page of the list (a street office's): the list starts with the
/// latest meetings and reads on as the selection comes to them, in the order a read of every
/// meeting gives; the councils' names come with the meetings.
#[test]
fn the_archive_list_reads_on_a_page_at_a_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = generated(dir.path(), 400);

    let store = Store::open(&db).expect("open");
    let mut every = store.meetings().expect("meetings");
    every.reverse();
    let councils = store.councils().expect("councils");
    assert!(councils.len() > 1, "a street office's archive");
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let now =
        chrono::NaiveDateTime::parse_from_str("2026-11-22 10:00", "%Y-%m-%d %H:%M").expect("time");
    let mut app = App::new(store, Lang::ZhHans, theme, Box::new(move || now)).expect("console");
    app.model.viewport = (200, 56);
    app.update(Action::ShowArchive);
    let first = app.model.archive.meetings.len();
    assert!(
        first < every.len(),
        "{first} of {} read at first",
        every.len()
    );
    assert_eq!(app.model.archive.meetings[..], every[..first]);
    while app.model.selected + 1 < every.len() {
        let at = app.model.selected;
        app.update(Action::PageDown);
        assert!(app.model.selected > at, "the list goes on past {at}");
    }
    assert_eq!(
        app.model.archive.meetings, every,
        "every meeting, latest first"
    );
    for h in &every {
        let name = &councils
            .iter()
            .find(|c| c.id == h.council)
            .expect("council")
            .name;
        assert_eq!(app.model.archive.councils.get(&h.council), Some(name));
    }
    app.update(Action::Select);
    assert_eq!(
        app.model.screen,
        Screen::Minutes,
        "the earliest meeting opens"
    );
}

/// A ledger longer than a page: it opens on its first rows (the title says more follow), reads
/// on as the selection comes to them, in id order; a filter reads on until it has rows to show,
/// and an export holds every row the filter lets through, not only those read.
#[test]
fn the_ledger_reads_on_a_page_at_a_time_and_exports_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = generated(dir.path(), 400);

    let store = Store::open(&db).expect("open");
    let matters = store.matters().expect("matters");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let every: Vec<_> = matters.iter().map(|x| x.id).collect();
    let overdue: Vec<_> = matters
        .iter()
        .filter(|x| x.tasks.iter().any(|t| t.percent() < 100 && t.due < today))
        .map(|x| x.id)
        .collect();
    assert!(!overdue.is_empty(), "the archive has overdue tasks");
    let theme = Theme::find("projector-dark").expect("bundled theme");
    let now =
        chrono::NaiveDateTime::parse_from_str("2026-11-22 10:00", "%Y-%m-%d %H:%M").expect("time");
    let mut app = App::new(store, Lang::ZhHans, theme, Box::new(move || now)).expect("console");
    app.model.viewport = (200, 56);
    app.update(Action::ShowArchive);
    app.update(Action::ShowLedger);
    assert_eq!(app.model.screen, Screen::Ledger);
    let first = app.model.archive.ledger.shown().len();
    assert!(first < every.len(), "{first} of {} read", every.len());
    let shot = draw(&app, 200, 56);
    assert!(shot.contains(&format!("事项台账：{first}项以上")), "{shot}");

    while app.model.selected + 1 < every.len() {
        let at = app.model.selected;
        app.update(Action::PageDown);
        assert!(app.model.selected > at, "the ledger goes on past {at}");
    }
    let read = shown_ids(&app);
    assert_eq!(read, every, "every matter, in id order");
    let shot = draw(&app, 200, 56);
    assert!(
        shot.contains(&format!("事项台账：{}项　", every.len())),
        "{shot}"
    );

    // Overdue only, opened afresh: the filter reads on until it has rows to show.
    app.update(Action::Back);
    app.update(Action::ShowLedger);
    app.update(Action::FilterOverdue);
    let shown = shown_ids(&app);
    assert!(!shown.is_empty());
    assert_eq!(
        shown[..],
        overdue[..shown.len()],
        "overdue matters, in id order"
    );

    let target = dir.path().join("逾期台账.csv");
    app.update(Action::Export);
    key(&mut app, KeyCode::Tab);
    for _ in 0..60 {
        key(&mut app, KeyCode::Backspace);
    }
    for c in target.to_str().expect("utf-8").chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let csv = std::fs::read_to_string(&target).expect("the export is written");
    let ids: Vec<u64> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().expect("id").parse().expect("an id"))
        .collect();
    let expected: Vec<u64> = overdue.iter().map(|id| id.0).collect();
    assert_eq!(ids, expected, "every overdue matter, not only those read");
}

/// A generated archive of `meetings` meetings imported into `dir/db`, through the binary.
fn generated(dir: &std::path::Path, meetings: u32) -> std::path::PathBuf {
    let doc = dir.join("archive.json");
    let db = dir.join("db");
    yishi_generate::write_file(&doc, meetings as usize, 0).expect("generate");
    let imported = support::yishi(&db, &["import", doc.to_str().expect("path")]);
    assert!(imported.status.success(), "{}", support::stderr(&imported));
    db
}

/// The ids of the ledger rows the screen lists.
fn shown_ids(app: &App) -> Vec<yishi::domain::MatterId> {
    app.model
        .archive
        .ledger
        .shown()
        .iter()
        .map(|r| r.id)
        .collect()
}

/// The top border of the screen's first panel, its title in it.
fn top_border(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.starts_with('┌'))
        .expect("the panel's top border")
        .to_string()
}

/// A panel's title too long for its border ends in …, where it would otherwise stop at the
/// corner mid-word: the English ledger filtered by a step with a long name, at 80 columns.
#[test]
fn a_title_longer_than_its_panel_ends_in_an_ellipsis() {
    let (_dir, mut app) = console(Lang::En, (80, 24));
    app.update(Action::ShowArchive);
    app.update(Action::ShowLedger);
    for _ in 0..4 {
        key(&mut app, KeyCode::Char('f'));
    }
    let screen = draw(&app, 80, 24);
    let top = top_border(&screen);
    assert!(top.contains("step: Execution (f)"), "{top}");
    assert!(top.ends_with("… ┐"), "{top}");
    // Unfiltered, the title fits whole and keeps its last word.
    let (_dir, mut app) = console(Lang::En, (80, 24));
    app.update(Action::ShowArchive);
    app.update(Action::ShowLedger);
    let screen = draw(&app, 80, 24);
    let top = top_border(&screen);
    assert!(top.contains("overdue only: no (o) "), "{top}");
}
