//! The paper minutes, read back by tools that know nothing of yishi: poppler (pdfinfo,
//! pdffonts, pdftotext) and qpdf. Every sample meeting in all three languages is A4, says what
//! the text minutes say, embeds subsets of its fonts, says it is PDF/A-2b, passes qpdf's
//! check; its glyphs sit on the GB/T 9704-2012 grid. The tests that need the tools and fonts are
//! ignored unless asked for (`cargo test -- --include-ignored`, as CI runs them); asked for
//! without them, they fail naming the packages.

mod support;

use std::path::Path;
use std::process::Command;

/// Fails the test, naming the packages, where the tools or fonts are not here.
fn ready() {
    let tools = ["pdfinfo", "pdffonts", "pdftotext", "qpdf"];
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|t| Command::new(t).arg("-v").output().is_err())
        .collect();
    let fonts = [
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
    ];
    let no_fonts = fonts.iter().any(|f| !Path::new(f).exists());
    assert!(
        missing.is_empty() && !no_fonts,
        "the paper tests need poppler-utils, qpdf, fonts-noto-cjk and fonts-lxgw-wenkai \
         (missing tools: {missing:?}, fonts missing: {no_fonts})"
    );
}

fn run(cmd: &str, args: &[&str]) -> String {
    let o = Command::new(cmd).args(args).output().expect(cmd);
    assert!(
        o.status.success(),
        "{cmd} {args:?}: {}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Everything but whitespace.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A page number as GB/T 9704 prints it: — 3 —
fn is_folio(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("— ")
        && t.ends_with(" —")
        && t.trim_matches(|c| c == '—' || c == ' ')
            .chars()
            .all(|c| c.is_ascii_digit())
}

const LANGS: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];

#[test]
#[ignore = "needs poppler-utils, qpdf, fonts-noto-cjk, fonts-lxgw-wenkai: cargo test -- --include-ignored"]
fn every_sample_meeting_prints_as_a4_pdf_a_with_its_fonts_and_says_what_the_text_says() {
    ready();
    let db = support::sample_db();
    let out = tempfile::tempdir().expect("tempdir");
    for meeting in support::sample_meetings() {
        for lang in LANGS {
            let place = format!("{meeting} {lang}");
            let pdf = out.path().join(format!("{meeting}-{lang}.pdf"));
            let pdf_s = pdf.to_str().expect("utf-8");
            let o = support::yishi(
                db.path(),
                &[
                    "minutes",
                    &meeting,
                    "--format",
                    "pdf",
                    "--minutes-lang",
                    lang,
                    "-o",
                    pdf_s,
                ],
            );
            assert!(o.status.success(), "{place}: {}", support::stderr(&o));

            let info = run("pdfinfo", &["-f", "1", "-l", "999", pdf_s]);
            let sizes: Vec<&str> = info
                .lines()
                .filter(|l| l.starts_with("Page") && l.contains(" size:"))
                .collect();
            assert!(!sizes.is_empty(), "{place}: {info}");
            for s in sizes {
                assert!(
                    s.contains("595.") && s.contains("x 841.") && s.contains("(A4)"),
                    "{place}: {s}"
                );
            }

            // The text minutes, and the paper's text less its page numbers and the digest
            // line that matches the paper to the file.
            let text = support::stdout(&support::yishi(
                db.path(),
                &["minutes", &meeting, "--minutes-lang", lang],
            ));
            let printed = run("pdftotext", &["-layout", pdf_s, "-"]);
            let digest = [
                "纪要摘要（SHA-256）",
                "紀要摘要（SHA-256）",
                "Digest of the minutes (SHA-256)",
            ];
            let printed: String = printed
                .lines()
                .filter(|l| !is_folio(l) && !digest.iter().any(|d| l.trim_start().starts_with(d)))
                .collect::<Vec<_>>()
                .join("\n");
            assert_eq!(
                squeezed(&printed),
                squeezed(&text),
                "{place}: the paper says otherwise"
            );

            let fonts = run("pdffonts", &[pdf_s]);
            let rows: Vec<&str> = fonts.lines().skip(2).collect();
            assert!(rows.len() >= 3, "{place}: {fonts}");
            for row in rows {
                // name type encoding emb sub uni object ID: emb and sub are yes.
                let cols: Vec<&str> = row.split_whitespace().collect();
                let n = cols.len();
                assert!(
                    n >= 6 && cols[n - 5] == "yes" && cols[n - 4] == "yes",
                    "{place}: {row}"
                );
            }

            let meta = run("pdfinfo", &["-meta", pdf_s]);
            assert!(
                meta.contains("<pdfaid:part>2</pdfaid:part>")
                    && meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
                "{place}: not PDF/A-2b"
            );
            run("qpdf", &["--check", pdf_s]);
        }
    }
}

/// One line of text as pdftotext places it, in points.
struct Placed {
    page: usize,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
    text: String,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let at = tag.find(&key).map(|i| i + key.len()).expect("attribute");
    let end = tag[at..].find('"').expect("quote") + at;
    tag[at..end].parse().expect("number")
}

/// The lines of `pdftotext -bbox-layout`'s page of words.
fn lines_of(html: &str) -> Vec<Placed> {
    let mut out = Vec::new();
    let mut page = 0;
    for chunk in html.split('<').skip(1) {
        if chunk.starts_with("page ") {
            page += 1;
        } else if chunk.starts_with("line ") {
            out.push(Placed {
                page,
                x_min: attr(chunk, "xMin"),
                y_min: attr(chunk, "yMin"),
                x_max: attr(chunk, "xMax"),
                y_max: attr(chunk, "yMax"),
                text: String::new(),
            });
        } else if let Some(word) = chunk.strip_prefix("word ") {
            let text = word.split_once('>').map_or("", |(_, t)| t);
            if let Some(l) = out.last_mut() {
                if !l.text.is_empty() {
                    l.text.push(' ');
                }
                l.text.push_str(text);
            }
        }
    }
    out
}

fn mm(pt: f64) -> f64 {
    pt * 25.4 / 72.0
}

/// Characters of a line in the grid's count: a Chinese character or mark one (“” —— …… as
/// a CJK font draws them), a Latin letter or digit half.
fn characters(s: &str) -> f64 {
    s.chars()
        .filter(|c| *c != ' ')
        .map(|c| {
            if (c as u32) < 0x2000 && c != '·' {
                0.5
            } else {
                1.0
            }
        })
        .sum()
}

#[test]
#[ignore = "needs poppler-utils, qpdf, fonts-noto-cjk, fonts-lxgw-wenkai: cargo test -- --include-ignored"]
fn the_glyphs_sit_on_the_gb_t_9704_grid() {
    ready();
    let db = support::sample_db();
    let out = tempfile::tempdir().expect("tempdir");
    for meeting in support::sample_meetings() {
        let pdf = out.path().join(format!("{meeting}.pdf"));
        let pdf_s = pdf.to_str().expect("utf-8");
        let o = support::yishi(
            db.path(),
            &["minutes", &meeting, "--format", "pdf", "-o", pdf_s],
        );
        assert!(o.status.success(), "{}", support::stderr(&o));
        let lines = lines_of(&run("pdftotext", &["-bbox-layout", pdf_s, "-"]));
        let pages = lines.iter().map(|l| l.page).max().unwrap_or(0);
        let mut lefts: Vec<f64> = Vec::new();
        assert!(pages >= 1, "{meeting}: no pages");
        for page in 1..=pages {
            let on: Vec<&Placed> = lines.iter().filter(|l| l.page == page).collect();
            // 3号 lines are 16 pt high in pdftotext's boxes.
            let body: Vec<&&Placed> = on
                .iter()
                .filter(|l| (l.y_max - l.y_min - 16.0).abs() < 0.5 && !is_folio(&l.text))
                .collect();
            assert!(body.len() <= 22, "{meeting} p{page}: {} lines", body.len());
            for l in &body {
                assert!(characters(&l.text) <= 28.0, "{meeting} p{page}: {}", l.text);
                let first = l.text.chars().next().unwrap_or(' ');
                assert!(
                    !"，。、；：？！）》」』”’".contains(first),
                    "{meeting} p{page}: a line starts with {first}: {}",
                    l.text
                );
                // Inside the text block: 28 mm from the left, 156 mm wide, 37 mm from the
                // top, 225 mm high, within 1 mm.
                assert!(
                    mm(l.x_min) >= 27.0 && mm(l.x_max) <= 185.0,
                    "{meeting} p{page}: {} at {:.1}–{:.1} mm",
                    l.text,
                    mm(l.x_min),
                    mm(l.x_max)
                );
                assert!(
                    mm(l.y_min) >= 36.0 && mm(l.y_max) <= 263.0,
                    "{meeting} p{page}: {} at {:.1} mm",
                    l.text,
                    mm(l.y_min)
                );
            }
            lefts.extend(body.iter().map(|l| mm(l.x_min)));
            // The page number: — n —, 7 mm below the block, odd pages right, even left, one
            // character in.
            let folio = on
                .iter()
                .find(|l| is_folio(&l.text))
                .unwrap_or_else(|| panic!("{meeting} p{page}: no page number"));
            assert_eq!(squeezed(&folio.text), format!("—{page}—"));
            assert!(
                (mm(folio.y_min) - (37.0 + 225.0 + 7.0)).abs() <= 1.5,
                "{meeting} p{page}: number at {:.1} mm",
                mm(folio.y_min)
            );
            let inset = mm(14.0);
            if page % 2 == 1 {
                assert!(
                    (mm(folio.x_max) - (184.0 - inset)).abs() <= 1.0,
                    "{meeting} p{page}: odd number ends at {:.1} mm",
                    mm(folio.x_max)
                );
            } else {
                assert!(
                    (mm(folio.x_min) - (28.0 + inset)).abs() <= 1.0,
                    "{meeting} p{page}: even number starts at {:.1} mm",
                    mm(folio.x_min)
                );
            }
        }
    }
}

/// A folder holding only some of the fonts: what is missing is named with its package, and
/// the message says how to name a folder of fonts.
#[test]
fn a_missing_font_is_named_with_its_package() {
    use yishi::paper::face::Face;
    use yishi::paper::fonts::find_in;
    use yishi::text::Lang;
    let empty = tempfile::tempdir().expect("tempdir");
    let missing = find_in(Lang::ZhHans, &[empty.path().to_path_buf()])
        .err()
        .expect("no fonts in an empty folder");
    assert_eq!(
        missing.faces,
        vec![Face::Song, Face::Title, Face::Hei, Face::Kai]
    );
    let said = yishi::paper::words::fonts_missing(Lang::ZhHans, &missing.faces);
    assert!(
        said.contains("fonts-noto-cjk")
            && said.contains("fonts-lxgw-wenkai")
            && said.contains("--fonts"),
        "{said}"
    );
}

/// The Noto fonts alone: only 楷体 is missing, and only its package is named.
#[test]
#[ignore = "needs poppler-utils, qpdf, fonts-noto-cjk, fonts-lxgw-wenkai: cargo test -- --include-ignored"]
fn a_folder_without_the_kai_font_names_only_its_package() {
    use yishi::paper::face::Face;
    use yishi::paper::fonts::find_in;
    use yishi::text::Lang;
    ready();
    let noto = tempfile::tempdir().expect("tempdir");
    for f in [
        "NotoSerifCJK-Regular.ttc",
        "NotoSerifCJK-Bold.ttc",
        "NotoSansCJK-Regular.ttc",
    ] {
        std::os::unix::fs::symlink(
            Path::new("/usr/share/fonts/opentype/noto").join(f),
            noto.path().join(f),
        )
        .expect("link");
    }
    let missing = find_in(Lang::ZhHant, &[noto.path().to_path_buf()])
        .err()
        .expect("no 楷体");
    assert_eq!(missing.faces, vec![Face::Kai]);
    let said = yishi::paper::words::fonts_missing(Lang::En, &missing.faces);
    assert!(
        said.contains("fonts-lxgw-wenkai") && !said.contains("fonts-noto-cjk"),
        "{said}"
    );
}

/// The console's archive exports the same paper as `yishi minutes --format pdf`, byte for
/// byte (the PDF is made the same way each time).
#[test]
#[ignore = "needs poppler-utils, qpdf, fonts-noto-cjk, fonts-lxgw-wenkai: cargo test -- --include-ignored"]
fn the_archive_exports_the_same_pdf_as_the_command() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use yishi::tui::action::Action;
    ready();
    let db = support::sample_db();
    let out = tempfile::tempdir().expect("tempdir");
    let by_command = out.path().join("command.pdf");
    let o = support::yishi(
        db.path(),
        &[
            "minutes",
            "latest",
            "--format",
            "pdf",
            "-o",
            by_command.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", support::stderr(&o));

    let store = yishi::store::Store::open(db.path()).expect("open");
    let theme = yishi::tui::theme::Theme::find("projector-dark").expect("theme");
    let now = || yishi::store::now();
    let mut app = yishi::tui::app::App::new(store, yishi::text::Lang::ZhHans, theme, Box::new(now))
        .expect("console");
    let key = |app: &mut yishi::tui::app::App, code: KeyCode| {
        if let Some(a) = app
            .model
            .action_for(&KeyEvent::new(code, KeyModifiers::NONE))
        {
            app.update(a);
        }
    };
    app.update(Action::ShowArchive);
    app.update(Action::Select);
    app.update(Action::Export);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    for _ in 0..60 {
        key(&mut app, KeyCode::Backspace);
    }
    let by_console = out.path().join("console.pdf");
    for c in by_console.to_str().expect("utf-8").chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let written = std::fs::read(&by_console).expect("the console wrote the PDF");
    assert!(written.starts_with(b"%PDF-"));
    assert!(
        written == std::fs::read(&by_command).expect("command's PDF"),
        "the console and the command print different papers"
    );
}

/// A character none of the fonts has is refused by name, never printed as a box.
#[test]
#[ignore = "needs poppler-utils, qpdf, fonts-noto-cjk, fonts-lxgw-wenkai: cargo test -- --include-ignored"]
fn a_character_no_font_has_is_refused_by_name() {
    ready();
    let db = support::sample_db();
    let store = yishi::store::Store::open(db.path()).expect("open");
    let id = store
        .meetings()
        .expect("meetings")
        .last()
        .map(|m| m.id)
        .expect("a meeting");
    let mut record = yishi::minutes::MeetingRecord::load(&store, id).expect("record");
    record.council.name = "青禾里社区居民议事会😀".into();
    let refused = yishi::paper::minutes_pdf(&record, yishi::text::Lang::ZhHans, None)
        .expect_err("no font draws 😀");
    assert!(
        refused.contains("😀") && refused.contains("U+1F600"),
        "{refused}"
    );
}

/// A PDF asked for on a terminal is refused with how to name a file; nothing binary reaches
/// the screen.
#[test]
fn a_pdf_is_not_poured_onto_a_terminal() {
    let db = support::sample_db();
    let c = support::pty::Console::start(
        db.path(),
        &["minutes", "latest", "--format", "pdf"],
        100,
        10,
    );
    let shown = c.wait_for("-o 纪要.pdf");
    assert!(!shown.contains("%PDF"), "{shown}");
}
