//! Search over every meeting's minutes through the corpus file beside the database: the same
//! places a plain search of each meeting's laid-out minutes finds, kept up to date by later
//! changes, and made again when the file is damaged.

mod support;

use yishi::domain::{Change, MeetingId, Records};
use yishi::domain::{Correct, SignMeeting};
use yishi::minutes::corpus::Corpus;
use yishi::minutes::{MeetingRecord, paragraphs};
use yishi::store::Store;
use yishi::text::Lang;
use yishi::tui::archive::find_all;

const FIFTH: MeetingId = MeetingId(116);

/// Every place in every meeting's minutes, latest meeting first, found the slow way.
fn plainly(store: &Store, query: &str) -> Vec<(MeetingId, usize, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for h in store.meetings().expect("meetings").iter().rev() {
        let record = MeetingRecord::load(store, h.id).expect("record");
        for (i, p) in paragraphs(&record.input()).iter().enumerate() {
            for r in find_all(&p.text, query) {
                out.push((h.id, i, r));
            }
        }
    }
    out
}

fn found(store: &Store, query: &str) -> Vec<(MeetingId, usize, std::ops::Range<usize>)> {
    let corpus = Corpus::load(store, Lang::ZhHans, &mut |_, _| ()).expect("corpus");
    let found = corpus.find(query);
    assert!(!found.more, "the sample holds fewer places than are listed");
    for h in &found.hits {
        assert!(
            h.text[h.range.clone()].eq_ignore_ascii_case(query),
            "the range marks the words"
        );
    }
    found
        .hits
        .iter()
        .map(|h| (h.meeting, h.para, h.range.clone()))
        .collect()
}

#[test]
fn the_corpus_finds_what_the_minutes_hold_and_follows_changes() {
    let db = support::sample_db();
    let corpus_file = db.path().join("search-corpus");
    assert!(
        corpus_file.exists(),
        "import leaves the search corpus beside the database"
    );
    let mut store = Store::open(db.path()).expect("open");
    for q in ["油烟", "老包", "2026", "表决", "电梯"] {
        let want = plainly(&store, q);
        assert!(!want.is_empty(), "{q} is in the sample's minutes");
        assert_eq!(found(&store, q), want, "{q}");
    }

    // A later change reaches the corpus: the fifth meeting signed and corrected, with Latin
    // words that are found whatever their case.
    let recorder = store
        .meeting(FIFTH)
        .expect("read")
        .expect("meeting")
        .recorder;
    let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
    store
        .apply(
            &Change::SignMeeting(SignMeeting {
                meeting: FIFTH,
                sealed: None,
            }),
            at("2026-11-23 09:40"),
        )
        .expect("sign");
    store
        .apply(
            &Change::Correct(Correct {
                meeting: FIFTH,
                by: recorder,
                matter: None,
                step: None,
                text: "会场WiFi密码张贴在议事厅门口。".into(),
                reason: "补记".into(),
            }),
            at("2026-11-24 16:05"),
        )
        .expect("correct");
    let hits = found(&store, "wifi");
    assert_eq!(hits, plainly(&store, "wifi"));
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, FIFTH);
    assert_eq!(found(&store, "油烟"), plainly(&store, "油烟"));

    // Each later change appends the meeting it touched: the text before it is left as it was,
    // and the text no meeting points at any more never grows past the rest. The corpus kept in
    // memory (as the console keeps it) and the one read back from the files agree with the
    // minutes.
    let mut kept = Corpus::load(&store, Lang::ZhHans, &mut |_, _| ()).expect("corpus");
    for n in 0..12 {
        let before = std::fs::read(&corpus_file).expect("text");
        let text = format!("第{n}次补记：楼道Lamp{n}已更换。");
        let correct = Change::Correct(Correct {
            meeting: FIFTH,
            by: recorder,
            matter: None,
            step: None,
            text,
            reason: "补记".into(),
        });
        store
            .apply(
                &correct,
                at("2026-11-25 10:00") + chrono::Duration::minutes(n),
            )
            .expect("correct");
        kept = Corpus::current(&store, Lang::ZhHans, Some(kept), &mut |_, _| ()).expect("kept up");
        let after = std::fs::read(&corpus_file).expect("text");
        let live: usize = store
            .meetings()
            .expect("meetings")
            .iter()
            .map(|h| {
                let record = MeetingRecord::load(&store, h.id).expect("record");
                let paras = paragraphs(&record.input());
                paras.iter().map(|p| p.text.len() + 1).sum::<usize>() - 1
            })
            .sum();
        if after.len() > before.len() {
            assert_eq!(
                &after[..before.len()],
                before.as_slice(),
                "appended, change {n}"
            );
        }
        assert!(
            after.len() <= 2 * live + 1,
            "{} bytes for {live} live",
            after.len()
        );
        let query = format!("lamp{n}");
        let want = plainly(&store, &query);
        assert_eq!(want.len(), 1, "{query}");
        let hits: Vec<_> = (kept.find(&query).hits.iter())
            .map(|h| (h.meeting, h.para, h.range.clone()))
            .collect();
        assert_eq!(hits, want, "kept in memory, {query}");
        assert_eq!(found(&store, &query), want, "read from the files, {query}");
        assert_eq!(found(&store, "油烟"), plainly(&store, "油烟"));
    }

    // A damaged corpus file is made again.
    let bytes = std::fs::read(&corpus_file).expect("corpus file");
    std::fs::write(&corpus_file, &bytes[..bytes.len() / 3]).expect("cut the file");
    assert_eq!(found(&store, "老包"), plainly(&store, "老包"));
    std::fs::write(&corpus_file, b"not a corpus").expect("overwrite");
    assert_eq!(found(&store, "电梯"), plainly(&store, "电梯"));
}

/// A secretary reading in 繁體 searches minutes written in 繁體: the places found are in the
/// minutes as that reader sees them (the council's own words as typed), with the text kept in
/// a file of its own beside the 简体 one.
#[test]
fn a_search_in_another_language_finds_the_minutes_in_that_language() {
    let db = support::sample_db();
    let store = Store::open(db.path()).expect("open");
    let hant = Corpus::load(&store, Lang::ZhHant, &mut |_, _| ()).expect("corpus");
    let found = hant.find("雨水");
    assert!(!found.hits.is_empty());
    for h in &found.hits {
        assert!(
            h.label.starts_with("2026年第") && h.label.ends_with("次"),
            "{}",
            h.label
        );
        assert_eq!(&h.text[h.range.clone()], "雨水");
    }
    // The fixed phrases are found in 繁體 and no longer in 简体.
    assert!(!hant.find("意見收集").hits.is_empty());
    assert!(hant.find("意见收集").hits.is_empty());
    let en = Corpus::load(&store, Lang::En, &mut |_, _| ()).expect("corpus");
    let hits = en.find("Not taken up").hits;
    assert!(
        !hits.is_empty() && hits[0].label.starts_with("2026-"),
        "{:?}",
        hits.first()
    );
    assert!(db.path().join("search-corpus-zh-Hant").exists());
    // The 简体 text is its own, untouched.
    let hans = Corpus::load(&store, Lang::ZhHans, &mut |_, _| ()).expect("corpus");
    assert!(!hans.find("意见收集").hits.is_empty());
    assert!(hans.find("意見收集").hits.is_empty());
}

/// An archive of a few hundred meetings (several blocks of the grams): what the grams let a
/// search pass over holds none of the words. Every query shape finds what a plain search of
/// each meeting's minutes finds, up to the places listed; a word in one old meeting is found
/// in its block, a word in none costs no reading; and a word in more places than are listed
/// lists the latest and says there are more.
#[test]
fn the_blocks_a_search_passes_over_hold_none_of_the_words() {
    let dir = support::generated(0, 300);
    let db = dir.path().join("db");
    let mut store = Store::open(&db).expect("open");
    let heads = store.meetings().expect("meetings");
    // A word in one meeting far from the latest, made part of the blocks by writing the files
    // afresh.
    let old = heads[heads.len() / 5].id;
    let recorder = store.meeting(old).expect("read").expect("meeting").recorder;
    let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
    store
        .apply(
            &Change::SignMeeting(SignMeeting {
                meeting: old,
                sealed: None,
            }),
            at("2026-11-23 09:40"),
        )
        .ok();
    store
        .apply(
            &Change::Correct(Correct {
                meeting: old,
                by: recorder,
                matter: None,
                step: None,
                text: "补记：井盖编号GX-7719已报修。".into(),
                reason: "补记".into(),
            }),
            at("2026-11-24 16:05"),
        )
        .expect("correct");
    for name in [
        "search-corpus",
        "search-corpus.index",
        "search-corpus.grams",
    ] {
        let _ = std::fs::remove_file(db.join(name));
    }
    let corpus = Corpus::load(&store, Lang::ZhHans, &mut |_, _| ()).expect("corpus");
    assert!(db.join("search-corpus.grams").exists());
    let corpus = Corpus::read(&db, Lang::ZhHans).unwrap_or(corpus);
    for q in [
        "油烟",
        "雨水管道",
        "2026",
        "gx-7719",
        "井盖",
        "火星基地",
        "梯",
        "议事会",
    ] {
        let want = plainly(&store, q);
        let found = corpus.find(q);
        let listed: Vec<_> = (found.hits.iter())
            .map(|h| (h.meeting, h.para, h.range.clone()))
            .collect();
        let most = yishi::minutes::corpus::MOST_HITS;
        assert_eq!(listed, want[..want.len().min(most)], "{q}");
        assert_eq!(found.more, want.len() > most, "{q}: {} places", want.len());
    }
    assert_eq!(plainly(&store, "gx-7719").len(), 1);
    assert!(plainly(&store, "会议").len() > yishi::minutes::corpus::MOST_HITS);
}
