//! The district proves what it holds, on a real PostgreSQL server started in a temporary
//! directory. Two councils are enrolled and publish with logins of their own; then, each on a
//! district of its own, an adversary with the owner's SQL edits a motions row, edits a minutes
//! row, deletes the last 3 lines of a chain, deletes a council whole, and rewrites a line with
//! every hash after it made again: `district verify` exits 1 naming each. A council's login
//! cannot write another's chain; a continuation forged from the district's own lines with a
//! `restore` line is refused by publish and by the server; a restore the import's rules refuse
//! is refused from the council's own laptop too.

mod support;

use std::path::Path;
use yishi::domain::{CreateMeeting, Restore};

use sha2::{Digest, Sha256};
use support::pg::Pg;
use support::{stderr, stdout};

const A: &str = "110101001001-01";
const B: &str = "110101001002-03";

/// A meeting called on the council of `db`: one more line on its record.
fn call_meeting(db: &Path, title: &str, day: u32) {
    let mut store = yishi::store::Store::open(db).expect("open");
    let council = store.first_council().expect("read").expect("a council");
    let start = chrono::NaiveDate::from_ymd_opt(2027, 1, day)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a day");
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

/// Two councils enrolled and published on district database `name`: A whole, B in two
/// publishes (so that its laptop signed two heads). The laptops, the logins, and the owner's
/// address.
struct District {
    laptops: [tempfile::TempDir; 2],
    logins: [String; 2],
    owner: String,
}

impl District {
    fn db(&self, i: usize) -> std::path::PathBuf {
        self.laptops[i].path().join("db")
    }
}

fn published(pg: &Pg, name: &str) -> District {
    let owner = pg.url(name);
    let logins = [
        pg.enrol(name, A, "东城社区议事会"),
        pg.enrol(name, B, "西城社区议事会"),
    ];
    let laptops = [support::generated(0, 4), support::generated(1, 4)];
    let d = District {
        laptops,
        logins,
        owner,
    };
    for i in 0..2 {
        let o = pg.yishi(&d.db(i), &["publish", "--to", &d.logins[i]]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stdout(&o).contains([A, B][i]), "{}", stdout(&o));
    }
    call_meeting(&d.db(1), "第二次发布前的会议", 5);
    call_meeting(&d.db(1), "又一次会议", 6);
    let o = pg.yishi(&d.db(1), &["publish", "--to", &d.logins[1]]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The clerk verifies the district whole, and remembers what it saw.
    let o = verify(pg, &d);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        stdout(&o).matches("哈希链完好").count(),
        2,
        "{}",
        stdout(&o)
    );
    d
}

fn verify(pg: &Pg, d: &District) -> std::process::Output {
    pg.yishi(&d.db(0), &["district", "verify", "--from", &d.owner])
}

fn owner(d: &District) -> postgres::Client {
    postgres::Client::connect(&d.owner, postgres::NoTls).expect("connect as owner")
}

fn chain_of(c: &mut postgres::Client, code: &str) -> String {
    c.query_one("SELECT chain FROM council_roles WHERE code = $1", &[&code])
        .expect("a chain")
        .get(0)
}

/// verify exits 1, and some line of what it says holds every one of `words`.
fn named(pg: &Pg, d: &District, words: &[&str]) -> String {
    let o = verify(pg, d);
    let said = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{said}{}", stderr(&o));
    assert!(
        said.lines().any(|l| words.iter().all(|w| l.contains(w))),
        "no line holds {words:?}:\n{said}"
    );
    said
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn a_row_edited_at_the_district_is_named() {
    let pg = Pg::start();
    let d = published(&pg, "rows");
    let mut c = owner(&d);
    let chain = chain_of(&mut c, A);
    let motion: i64 = c
        .query_one(
            "UPDATE motions SET passed = NOT coalesce(passed, false),
               record = jsonb_set(record::jsonb, '{passed}', to_jsonb(NOT coalesce(passed, false)))::json
             WHERE (chain, id) = (SELECT chain, min(id) FROM motions WHERE chain = $1 GROUP BY chain)
             RETURNING id",
            &[&chain],
        )
        .expect("edit a motion")
        .get(0);
    let meeting: i64 = c
        .query_one(
            "UPDATE minutes SET text = text || '（附：全体一致通过）'
             WHERE (chain, meeting) = (SELECT chain, max(meeting) FROM minutes WHERE chain = $1 GROUP BY chain)
             RETURNING meeting",
            &[&chain],
        )
        .expect("edit the minutes")
        .get(0);
    let said = named(
        &pg,
        &d,
        &[
            A,
            "动议（表 motions，编号 ",
            &motion.to_string(),
            "被改动过",
        ],
    );
    assert!(
        said.lines().any(|l| l.contains(A)
            && l.contains(&format!("会议纪要（表 minutes，编号 {meeting}"))
            && l.contains("被改动过")),
        "{said}"
    );
    // B was not touched and is whole.
    assert!(
        said.lines()
            .any(|l| l.starts_with(B) && l.contains("哈希链完好")),
        "{said}"
    );
}

/// Minutes published by an earlier yishi, laid out with every step (layout 1), still verify:
/// verify lays them out again in the layout their row names. Edited, they are named.
#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn minutes_published_in_the_first_layout_verify_and_an_edit_to_them_is_named() {
    let pg = Pg::start();
    let d = published(&pg, "layouts");
    let mut c = owner(&d);
    let chain = chain_of(&mut c, A);
    let meeting: i64 = c
        .query_one(
            "SELECT max(meeting) FROM minutes WHERE chain = $1",
            &[&chain],
        )
        .expect("minutes")
        .get(0);
    let first_layout = {
        let store = yishi::store::Store::open(&d.db(0)).expect("open A");
        let id = yishi::domain::MeetingId(meeting as u64);
        let record = yishi::minutes::MeetingRecord::load(&store, id).expect("minutes");
        let input = yishi::minutes::MinutesInput {
            layout: yishi::minutes::Layout::EveryStep,
            ..record.input()
        };
        let paragraphs = yishi::minutes::paragraphs(&input);
        let lines: Vec<String> = paragraphs.into_iter().map(|p| p.text).collect();
        lines.join("\n")
    };
    assert!(first_layout.contains("本次会议未涉及。"), "{first_layout}");
    let held: String = c
        .query_one(
            "SELECT text FROM minutes WHERE chain = $1 AND meeting = $2",
            &[&chain, &meeting],
        )
        .expect("held")
        .get(0);
    assert_ne!(held, first_layout, "published in the current layout");
    c.execute(
        "UPDATE minutes SET text = $3, layout = 1 WHERE chain = $1 AND meeting = $2",
        &[&chain, &meeting, &first_layout],
    )
    .expect("as an earlier yishi published them");
    let o = verify(&pg, &d);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    c.execute(
        "UPDATE minutes SET text = text || '（附：全体一致通过）' WHERE chain = $1 AND meeting = $2",
        &[&chain, &meeting],
    )
    .expect("edit");
    named(&pg, &d, &[A, "会议纪要（表 minutes", "被改动过"]);
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn the_last_lines_of_a_chain_deleted_are_named() {
    let pg = Pg::start();
    let d = published(&pg, "cut");
    let mut c = owner(&d);
    let chain = chain_of(&mut c, B);
    let lines: i64 = c
        .query_one(
            "SELECT count(*) FROM journal_lines WHERE chain = $1",
            &[&chain],
        )
        .expect("count")
        .get(0);
    let gone = c
        .execute(
            "DELETE FROM journal_lines WHERE chain = $1 AND seq > $2",
            &[&chain, &(lines - 3)],
        )
        .expect("delete");
    assert_eq!(gone, 3);
    named(
        &pg,
        &d,
        &[
            B,
            &format!("区里只有{}行，而议事会签名发布过{lines}行", lines - 3),
        ],
    );
    // B's laptop, at its next publish, holds the district's receipt against it.
    let o = pg.yishi(&d.db(1), &["publish", "--to", &d.logins[1]]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains(&format!("区里曾确认收到本机记录的第{lines}行")),
        "{}",
        stderr(&o)
    );
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn a_council_deleted_whole_is_named() {
    let pg = Pg::start();
    let d = published(&pg, "gone");
    let mut c = owner(&d);
    let chain = chain_of(&mut c, A);
    for table in [
        "tasks",
        "reviews",
        "minutes",
        "motions",
        "matters",
        "meetings",
        "councils",
        "journal_lines",
        "published_heads",
        "council_roles",
        "council_chains",
    ] {
        c.execute(&format!("DELETE FROM {table} WHERE chain = $1"), &[&chain])
            .expect(table);
    }
    let said = named(&pg, &d, &[A, "锦绣里社区居民议事会", "被整个删除"]);
    // The log of heads, which B's heads follow, shows the hole to a clerk who never saw A.
    assert!(said.contains("发布记录第1至1条不见了"), "{said}");
    let o = pg.yishi(&d.db(0), &["publish", "--to", &d.logins[0]]);
    assert_eq!(o.status.code(), Some(1));
}

/// The hash of a journal line as the chain defines it: SHA-256 of its number, time, the hash
/// before it and its change, a line each.
fn line_hash(seq: i64, at: &str, prev: &str, change: &str) -> String {
    let d = Sha256::digest(format!("{seq}\n{at}\n{prev}\n{change}").as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn a_line_rewritten_with_its_hashes_made_again_is_named() {
    let pg = Pg::start();
    let d = published(&pg, "rewritten");
    let mut c = owner(&d);
    let chain = chain_of(&mut c, B);
    let heads: Vec<i64> = c
        .query(
            "SELECT seq FROM published_heads WHERE chain = $1 ORDER BY n",
            &[&chain],
        )
        .expect("heads")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(heads.len(), 2, "B published twice");
    // The line after B's first head, rewritten; every hash after it made again.
    let target = heads[0] + 1;
    let rows = c
        .query(
            "SELECT seq, at, prev, change FROM journal_lines WHERE chain = $1 AND seq >= $2 ORDER BY seq",
            &[&chain, &(target - 1)],
        )
        .expect("lines");
    let mut prev: String = c
        .query_one(
            "SELECT hash FROM journal_lines WHERE chain = $1 AND seq = $2",
            &[&chain, &(target - 1)],
        )
        .expect("hash")
        .get(0);
    let mut tx = c.transaction().expect("tx");
    for r in rows.iter().skip(1) {
        let (seq, at): (i64, String) = (r.get(0), r.get(1));
        let mut change: String = r.get(3);
        if seq == target {
            change = change.replace("第二次发布前的会议", "临时改写的会议");
            assert!(change.contains("临时改写的会议"), "{change}");
        }
        let hash = line_hash(seq, &at, &prev, &change);
        tx.execute(
            "UPDATE journal_lines SET prev = $3, change = $4, hash = $5 WHERE chain = $1 AND seq = $2",
            &[&chain, &seq, &prev, &change, &hash],
        )
        .expect("rewrite");
        prev = hash;
    }
    tx.commit().expect("commit");
    named(
        &pg,
        &d,
        &[
            B,
            &format!("第{target}至{}行已不是议事会签名发布的那些行", heads[1]),
        ],
    );
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn a_council_writes_its_own_chain_only_and_a_forged_continuation_is_refused() {
    let pg = Pg::start();
    let d = published(&pg, "forged");
    let mut c = owner(&d);
    let b_chain = chain_of(&mut c, B);
    let held = |c: &mut postgres::Client| -> i64 {
        c.query_one(
            "SELECT count(*) FROM journal_lines WHERE chain = $1",
            &[&b_chain],
        )
        .expect("count")
        .get(0)
    };
    let before = held(&mut c);

    // A's login: B's chain can be neither read, written, changed nor deleted.
    let mut a = postgres::Client::connect(&d.logins[0], postgres::NoTls).expect("A's login");
    let seen: i64 = a
        .query_one(
            "SELECT count(*) FROM journal_lines WHERE chain = $1",
            &[&b_chain],
        )
        .expect("count")
        .get(0);
    assert_eq!(seen, 0, "A sees none of B's lines");
    // A line that would start a chain, its hash its own: only B's chain refuses it.
    let genesis = "0".repeat(64);
    let start = line_hash(1, "2027-01-01T00:00:00", &genesis, "{}");
    let insert = format!(
        "INSERT INTO journal_lines (chain, seq, at, prev, change, hash)
         SELECT $1, 1, '2027-01-01T00:00:00', '{genesis}', '{{}}', '{start}'"
    );
    for (what, sql) in [
        ("insert", insert.as_str()),
        (
            "update",
            "UPDATE journal_lines SET change = change WHERE chain = $1",
        ),
        ("delete", "DELETE FROM journal_lines WHERE chain = $1"),
        (
            "head",
            "INSERT INTO published_heads (n, chain, seq, hash, prev, own, signature)
             SELECT 999, $1, 1, 'h', 'p', 'o', 's'",
        ),
        (
            "minutes",
            "INSERT INTO minutes (chain, meeting, label, text) SELECT $1, 999, '第1次', '全体一致通过'",
        ),
    ] {
        let refused = a.execute(sql, &[&b_chain]);
        let e = refused.expect_err(what);
        assert_eq!(
            e.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{what}: {e}"
        );
    }
    // B's rows are out of A's sight: a change to them changes nothing.
    for sql in [
        "UPDATE matters SET title = '改' WHERE chain = $1",
        "DELETE FROM minutes WHERE chain = $1",
    ] {
        assert_eq!(a.execute(sql, &[&b_chain]).expect(sql), 0, "{sql}");
    }
    // Nor may B's own login change or delete its lines.
    let mut b = postgres::Client::connect(&d.logins[1], postgres::NoTls).expect("B's login");
    for sql in [
        "UPDATE journal_lines SET change = change WHERE chain = $1",
        "DELETE FROM journal_lines WHERE chain = $1",
    ] {
        let e = b.execute(sql, &[&b_chain]).expect_err(sql);
        assert_eq!(
            e.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{e}"
        );
    }

    // Another laptop rebuilds B's journal from the district's lines and appends a restore
    // line that makes every review satisfied.
    let forger = tempfile::tempdir().expect("tempdir");
    let mut journal = String::new();
    let mut records = yishi::domain::MemoryRecords::default();
    let mut last = (0u64, String::new());
    for r in c
        .query(
            "SELECT seq, at, prev, change, hash FROM journal_lines WHERE chain = $1 ORDER BY seq",
            &[&b_chain],
        )
        .expect("lines")
    {
        let seq = r.get::<_, i64>(0) as u64;
        let e = yishi::store::Entry::from_parts(seq, r.get(1), r.get(2), r.get(3), r.get(4))
            .expect("a line");
        for w in yishi::domain::replay_owned(e.change().expect("change"), e.at, &records)
            .expect("replay")
        {
            records.put(w);
        }
        journal += &serde_json::to_string(&e).expect("json");
        journal.push('\n');
        last = (seq, e.hash.clone());
    }
    let mut forged = records.to_document();
    for x in &mut forged.matters {
        for r in &mut x.reviews {
            r.satisfied += r.dissatisfied + r.basically_satisfied;
            r.dissatisfied = 0;
            r.basically_satisfied = 0;
        }
    }
    let restore = yishi::domain::Change::Restore(Restore {
        document: Box::new(forged),
        reason: "日志第1行起损坏".into(),
    });
    let e = yishi::store::Entry::new(last.0 + 1, yishi::store::now(), &last.1, &restore)
        .expect("a line");
    journal += &serde_json::to_string(&e).expect("json");
    journal.push('\n');
    std::fs::write(forger.path().join("journal.jsonl"), journal).expect("write");

    for (login, why) in [
        (&d.logins[0], "这个登录名的议事会在区里发布的是另一份记录"),
        (&d.logins[1], "区里为这个议事会登记的是另一台电脑的发布密钥"),
    ] {
        let o = pg.yishi(forger.path(), &["publish", "--to", login]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        assert!(stderr(&o).contains(why), "{}", stderr(&o));
    }
    assert_eq!(held(&mut c), before, "nothing of the forgery was taken");
    let o = verify(&pg, &d);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn a_restore_the_import_rules_refuse_is_not_published() {
    let pg = Pg::start();
    let d = published(&pg, "rules");
    let db = d.db(1);
    // B's own laptop: a restore line whose record names one member twice.
    let store = yishi::store::Store::open(&db).expect("open");
    let mut doc = store.export().expect("records");
    drop(store);
    let first = doc.councils[0].members[0].name.clone();
    doc.councils[0].members[1].name = first.clone();
    let lines = std::fs::read_to_string(db.join("journal.jsonl")).expect("journal");
    let last: yishi::store::Entry = lines
        .lines()
        .rfind(|l| !l.trim_matches('\0').is_empty())
        .map(|l| serde_json::from_str(l).expect("a line"))
        .expect("lines");
    let restore = yishi::domain::Change::Restore(Restore {
        document: Box::new(doc),
        reason: "测试".into(),
    });
    let e = yishi::store::Entry::new(last.seq + 1, yishi::store::now(), &last.hash, &restore)
        .expect("a line");
    let mut text = lines.trim_end_matches('\0').to_string();
    text += &serde_json::to_string(&e).expect("json");
    text.push('\n');
    std::fs::write(db.join("journal.jsonl"), text).expect("write");
    let o = pg.yishi(&db, &["publish", "--to", &d.logins[1]]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains(&format!("第{}行整份导入或恢复的记录不合导入规则", e.seq))
            && stderr(&o).contains(&first),
        "{}",
        stderr(&o)
    );
}
