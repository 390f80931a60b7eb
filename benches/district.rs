//! The street office's archive at scale: councils of 120 meetings each published to one real
//! PostgreSQL server (started in a temporary directory), then asked their questions. The peer
//! is the same server taking the same journal lines by `psql \copy` into a table without checks or
//! records: what the lines alone cost it.
//!
//! `cargo bench -p yishi-bench --bench district` (`YISHI_BENCH_COUNCILS`, default 100).

#[allow(dead_code)]
#[path = "../tests/support/pg.rs"]
mod pg;

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn run(cmd: &mut Command) -> std::process::Output {
    let o = cmd.env_remove("YISHI_LANG").output().expect("run yishi");
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The database of council `n`: 120 generated meetings, made once and kept.
fn council(n: usize) -> PathBuf {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target/bench-data/district")
        .join(n.to_string());
    let db = root.join("db");
    if root.join("ready").exists() {
        return db;
    }
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("dir");
    let file = root.join("archive.json");
    yishi_generate::write_file(&file, 120, n).expect("generate");
    run(Command::new(common::bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&file));
    let _ = std::fs::remove_file(&file);
    std::fs::write(root.join("ready"), "").expect("ready");
    db
}

fn yishi(db: &Path, args: &[&str]) -> std::process::Output {
    run(Command::new(common::bin()).arg("--db").arg(db).args(args))
}

fn main() {
    let server = pg::Pg::start();
    let councils: usize = std::env::var("YISHI_BENCH_COUNCILS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    eprintln!("making {councils} councils of 120 meetings (once, kept under target/bench-data)");
    let dbs: Vec<PathBuf> = (0..councils).map(council).collect();
    let bytes: u64 = dbs
        .iter()
        .map(|d| std::fs::metadata(d.join("journal.jsonl")).map_or(0, |m| m.len()))
        .sum();
    let url = server.url("district");
    // Each council enrolled with a login of its own; a kept database forgets the district
    // of an earlier run (its key and receipt) and publishes to this one afresh.
    let logins: Vec<String> = (0..councils)
        .map(|i| server.enrol("district", &format!("110101001001-{:03}", i + 1), "议事会"))
        .collect();
    for db in &dbs {
        let _ = std::fs::remove_dir_all(db.join("district"));
    }

    // The peer: the same lines by `psql \copy`, a process a council as publish is, into a table
    // without checks or records: what moving the lines alone costs. The CSV is made before;
    // each council's publish and its peer's copy are timed one after the other, so that a
    // change in the machine's pace falls on both.
    let peer_url = server.url("peer");
    let mut peer = postgres::Client::connect(&peer_url, postgres::NoTls).expect("peer");
    peer.batch_execute(
        "CREATE TABLE lines (chain text, seq bigint, at text, prev text, change text, hash text)",
    )
    .expect("table");
    let csvs: Vec<PathBuf> = dbs
        .iter()
        .map(|db| {
            let entries = yishi::store::journal_lines(db).expect("journal");
            let chain = entries.first().map(|e| e.hash.clone()).unwrap_or_default();
            let mut out = csv::Writer::from_writer(Vec::new());
            for e in &entries {
                out.write_record([
                    chain.as_str(),
                    &e.seq.to_string(),
                    &e.at_text(),
                    &e.prev,
                    e.change.get(),
                    &e.hash,
                ])
                .expect("row");
            }
            let file = db.with_file_name("lines.csv");
            std::fs::write(&file, out.into_inner().expect("csv")).expect("write csv");
            file
        })
        .collect();
    let mut publish = 0.0;
    let mut copy = 0.0;
    let mut ratios = Vec::new();
    for ((db, login), file) in dbs.iter().zip(&logins).zip(&csvs) {
        let start = Instant::now();
        yishi(db, &["publish", "--to", login]);
        let one = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let line = format!("\\copy lines FROM '{}' (FORMAT csv)", file.display());
        let o = Command::new(server.psql())
            .args(["-X", "-q", &peer_url, "-c", &line])
            .output()
            .expect("psql");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let other = start.elapsed().as_secs_f64();
        publish += one;
        copy += other;
        ratios.push(one / other);
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];

    let again = Instant::now();
    yishi(&dbs[0], &["publish", "--to", &logins[0]]);
    let nothing_new = again.elapsed().as_secs_f64();

    let time = |args: &[&str]| {
        let start = Instant::now();
        let o = yishi(&dbs[0], args);
        (start.elapsed().as_secs_f64(), o)
    };
    let (ledger, o) = time(&[
        "district",
        "ledger",
        "--from",
        &url,
        "--as-of",
        "2026-11-22",
    ]);
    let rows = String::from_utf8_lossy(&o.stdout).lines().count() - 1;
    let (verify, _) = time(&["district", "verify", "--from", &url]);
    let (search, o) = time(&["district", "search", "雨水管道", "--from", &url]);
    let places = String::from_utf8_lossy(&o.stdout).lines().count();
    let (no_hit, _) = time(&["district", "search", "无此词语", "--from", &url]);
    let (latin, _) = time(&["district", "search", "Wi-Fi", "--from", &url]);
    let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("district");
    let start = Instant::now();
    let overdue = c
        .query(
            "SELECT c.name, count(*) FROM tasks t JOIN council_chains c USING (chain)
             WHERE t.percent < 100 AND t.due < DATE '2026-11-22' GROUP BY c.name",
            &[],
        )
        .expect("overdue");
    let overdue_ms = start.elapsed().as_secs_f64() * 1000.0;
    let mb = bytes as f64 / 1e6;
    println!("{councils} councils of 120 meetings, journals {mb:.0} MB in all");
    println!(
        "  publish, every council, whole processes: {publish:.1} s ({:.2} s a council, {:.1} MB/s)",
        publish / councils as f64,
        mb / publish
    );
    println!(
        "  the same lines by psql \\copy, unchecked and without records (peer): {copy:.1} s ({:.0} ms a council); publish {:.2}x in all, {median:.2}x the median council",
        copy * 1000.0 / councils as f64,
        publish / copy
    );
    println!(
        "  publish again with nothing new: {:.0} ms",
        nothing_new * 1000.0
    );
    println!("  district ledger as CSV, {rows} matters: {ledger:.2} s");
    println!("  district verify, every chain: {verify:.2} s");
    println!("  district search, every council's minutes, {places} places: {search:.2} s");
    println!("  district search, no place: {no_hit:.2} s; Latin letters (ILIKE): {latin:.2} s");
    println!(
        "  overdue tasks by council (SQL, {} councils): {overdue_ms:.1} ms",
        overdue.len()
    );
}
