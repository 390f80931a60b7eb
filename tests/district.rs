//! The street office's archive on a real PostgreSQL server (started in a temporary directory):
//! three councils publish to one district; its ledger is the three laptops' ledgers together;
//! a publish killed mid-way and run again leaves every line once; a line altered at the
//! district is found by `yishi district verify`, by council, line, meeting and time; and a
//! copied database that went on elsewhere is refused, not merged.

mod support;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use yishi::domain::CreateMeeting;

use support::pg::Pg;
use support::{stderr, stdout, yishi};

const AS_OF: &str = "2026-11-22";

/// A meeting of the council of `db` called for `start`: one more line on its record.
fn call_meeting(db: &Path, title: &str, start: chrono::NaiveDateTime) {
    let mut store = yishi::store::Store::open(db).expect("open");
    let council = store.first_council().expect("read").expect("a council");
    let change = yishi::domain::Change::CreateMeeting(CreateMeeting {
        id: yishi::domain::MeetingId(store.next_id().expect("id")),
        council: council.id,
        title: title.into(),
        place: "社区".into(),
        start,
        chair: council.members[0].id,
        recorder: council.members[1].id,
        speaker_limit_secs: 180,
    });
    store
        .apply(&change, yishi::store::now())
        .expect("a meeting");
}

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a day")
}

/// `n` more lines on the record of `db`: meetings called, one a line.
fn meetings_called(db: &Path, n: usize) {
    for i in 0..n {
        let start = day(2027, 1, 1) + chrono::Duration::days(i as i64);
        call_meeting(db, &format!("第{i}次专题会"), start);
    }
}

fn publish(db: &Path, url: &str) -> std::process::Output {
    yishi(db, &["publish", "--to", url])
}

/// The ledger's rows (the byte-order mark and heading dropped), each as its cells.
fn rows(csv: &str) -> Vec<Vec<String>> {
    csv.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn counted(rows: Vec<Vec<String>>) -> BTreeMap<Vec<String>, usize> {
    let mut m = BTreeMap::new();
    for r in rows {
        *m.entry(r).or_default() += 1;
    }
    m
}

fn journal_lines(db: &Path) -> usize {
    std::fs::read_to_string(db.join("journal.jsonl"))
        .expect("journal")
        .lines()
        .filter(|l| !l.trim_matches('\0').is_empty())
        .count()
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn three_councils_publish_to_one_district_and_it_proves_them() {
    let pg = Pg::start();
    let url = pg.url("district");
    let codes = ["110101001001-01", "110101001002-01", "110101001003-02"];
    let logins: Vec<String> = codes
        .iter()
        .map(|c| pg.enrol("district", c, "议事会"))
        .collect();
    // The sample with a meeting under way on it: lines that name their meeting.
    let (sample, store, _, _) = support::meeting_under_way(yishi::store::now());
    drop(store);
    let (a, b) = (support::generated(0, 12), support::generated(0, 30));
    let dbs = [
        sample.path().to_path_buf(),
        a.path().join("db"),
        b.path().join("db"),
    ];
    meetings_called(&dbs[2], 300);

    // The sample and the first generated council whole; the second killed mid-way, then again.
    for (db, login) in dbs[..2].iter().zip(&logins) {
        let o = publish(db, login);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains("哈希链完好"), "{}", stdout(&o));
    }
    let mut cut = Command::new(support::bin())
        .arg("--db")
        .arg(&dbs[2])
        .args(["publish", "--to", &logins[2]])
        .env("YISHI_PUBLISH_BATCH", "1")
        .env("YISHI_PROGRESS", "lines")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("publish");
    let mut progress = BufReader::new(cut.stderr.take().expect("stderr")).lines();
    // The first batch is in: kill it where it stands.
    let _ = progress.next();
    let _ = progress.next();
    cut.kill().expect("kill");
    let _ = cut.wait();
    let mut check = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let held = |c: &mut postgres::Client| -> i64 {
        c.query_one("SELECT count(*) FROM journal_lines", &[])
            .expect("count")
            .get(0)
    };
    let before = held(&mut check);
    let local: usize = dbs.iter().map(|d| journal_lines(d)).sum();
    assert!(
        (before as usize) < local,
        "the publish was cut before its end"
    );
    let o = publish(&dbs[2], &logins[2]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        held(&mut check) as usize,
        local,
        "every line once (before the rerun: {before})"
    );
    // Again: nothing to send.
    let o = publish(&dbs[2], &logins[2]);
    assert!(stdout(&o).contains("本次发送0行"), "{}", stdout(&o));
    assert_eq!(held(&mut check) as usize, local);

    // The district's ledger is the three ledgers together, each row under its council.
    let o = yishi(
        &dbs[0],
        &["district", "ledger", "--from", &url, "--as-of", AS_OF],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let district: Vec<Vec<String>> = rows(&stdout(&o))
        .into_iter()
        .map(|r| r[1..].to_vec())
        .collect();
    let mut laptops = Vec::new();
    for db in &dbs {
        laptops.extend(rows(&stdout(&yishi(db, &["ledger", "--as-of", AS_OF]))));
    }
    assert!(!laptops.is_empty());
    assert_eq!(counted(district), counted(laptops));

    // Overdue tasks and 整改 by community, as many as the laptops' own ledgers count.
    let column = |name: &str| -> usize {
        let heads = stdout(&yishi(&dbs[0], &["ledger", "--as-of", AS_OF]));
        let head = heads
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        head.split(',')
            .position(|h| h == name)
            .expect("a ledger column")
    };
    let sum = |i: usize| -> usize {
        dbs.iter()
            .flat_map(|db| rows(&stdout(&yishi(db, &["ledger", "--as-of", AS_OF]))))
            .map(|r| r[i].parse::<usize>().expect("a count"))
            .sum()
    };
    let o = yishi(
        &dbs[0],
        &["district", "overdue", "--from", &url, "--as-of", AS_OF],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let overdue = stdout(&o).matches("［逾期").count();
    assert!(overdue > 0, "{}", stdout(&o));
    assert_eq!(overdue, sum(column("逾期任务")), "{}", stdout(&o));
    let o = yishi(&dbs[0], &["district", "rates", "--from", &url]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rectified: usize = stdout(&o)
        .lines()
        .filter_map(|l| {
            l.split("整改")
                .nth(1)?
                .split('次')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert!(rectified > 0, "{}", stdout(&o));
    assert_eq!(rectified, sum(column("整改次数")), "{}", stdout(&o));
    assert_eq!(stdout(&o).lines().count(), 3);

    // Search across councils: every paragraph of the laptops' minutes that holds the words.
    let o = yishi(&dbs[0], &["district", "search", "雨水", "--from", &url]);
    assert!(o.status.success(), "{}", stderr(&o));
    let found = stdout(&o);
    let mut expected = 0;
    for m in ["2026-1", "2026-2", "2026-3", "2026-4", "2026-5", "latest"] {
        let minutes = stdout(&yishi(&dbs[0], &["minutes", m, "--width", "10000"]));
        expected += minutes.lines().filter(|l| l.contains("雨水")).count();
    }
    assert!(expected > 0);
    let sample_places = found
        .lines()
        .filter(|l| l.starts_with(&format!("{} 青禾里社区居民议事会 · ", codes[0])));
    assert_eq!(sample_places.count(), expected, "{found}");
    assert!(
        found
            .lines()
            .all(|l| l.contains("雨水") && l.contains(" · ")),
        "{found}"
    );

    // Whole, then one line altered at the district: found, with its council, meeting and time.
    let o = pg.yishi(&dbs[0], &["district", "verify", "--from", &url]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert_eq!(
        stdout(&o).matches("哈希链完好").count(),
        3,
        "{}",
        stdout(&o)
    );
    let altered = check
        .query_one(
            "UPDATE journal_lines SET change = replace(change, '\"text\":\"', '\"text\":\"改') \
             WHERE (chain, seq) = (SELECT chain, seq FROM journal_lines \
               WHERE change LIKE '%propose_motion%' ORDER BY seq DESC LIMIT 1) \
             RETURNING seq, at, (SELECT r.code || ' ' || c.name FROM council_chains c \
               JOIN council_roles r ON r.chain = c.chain WHERE c.chain = journal_lines.chain)",
            &[],
        )
        .expect("alter a line");
    let (seq, at, council): (i64, String, String) =
        (altered.get(0), altered.get(1), altered.get(2));
    let o = pg.yishi(&dbs[0], &["district", "verify", "--from", &url]);
    assert_eq!(o.status.code(), Some(1));
    let said = stdout(&o);
    let named = format!("{council}：第{seq}行（");
    assert!(said.contains(&named) && said.contains("被改动过"), "{said}");
    assert!(
        said.contains(&at.replace('T', " ")) && said.contains("年第"),
        "{said}"
    );
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn a_copied_database_that_went_on_elsewhere_is_refused_not_merged() {
    let pg = Pg::start();
    let url = pg.enrol("district", "110101001001-01", "青禾里社区居民议事会");
    let here = support::sample_db();
    let o = publish(here.path(), &url);
    assert!(o.status.success(), "{}", stderr(&o));
    // A copy goes on on another laptop and publishes first; then this laptop goes on.
    let there = tempfile::tempdir().expect("tempdir");
    let copy = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", here.path().display()))
        .arg(there.path())
        .status()
        .expect("cp");
    assert!(copy.success());
    for (db, name) in [(there.path(), "复制的"), (here.path(), "本机的")] {
        call_meeting(db, &format!("{name}会议"), day(2026, 12, 5));
    }
    let o = publish(there.path(), &url);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = publish(here.path(), &url);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("区里已有该议事会的另一份记录"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("不会合并"), "{}", stderr(&o));
}
