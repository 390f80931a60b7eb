//! 签发 with the signers' own keys: a meeting signed by its chair and its recorder, each with a
//! password-locked Ed25519 key, typed at the terminal; then the journal rewritten as a forger
//! would, every hash computed again so that the chain holds. `verify` names the signed meeting
//! whose record changed, and `repair` refuses and changes nothing.

mod support;

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use support::pty::Console;
use support::{sample_db, stderr, stdout, yishi};

/// Runs the binary with the keys folder `keys`.
fn with_keys(db: &Path, keys: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(support::bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("YISHI_KEYS", keys)
        .env_remove("YISHI_LANG")
        .env_remove("YISHI_DB")
        .output()
        .expect("run yishi")
}

/// `yishi key new --member NAME` in a terminal, the password typed twice.
fn new_key(db: &Path, keys: &Path, member: &str, password: &str) {
    let mut c = Console::start_env(
        db,
        &["key", "new", "--member", member],
        (100, 20),
        &[("YISHI_KEYS", keys)],
    );
    c.wait_for("的密钥设一个密码");
    c.send(&format!("{password}\r"));
    c.wait_for("再输一遍");
    c.send(&format!("{password}\r"));
    c.wait_for("密钥编号");
    assert!(c.wait_exit(), "key new failed:\n{}", c.screen());
}

/// Every file of the database and the digest of its bytes, the lock aside (it names the last
/// process).
fn files(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != "lock") {
                let bytes = std::fs::read(&p).expect("read");
                let digest: String = Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect();
                out.insert(p.strip_prefix(dir).expect("inside").to_path_buf(), digest);
            }
        }
    }
    out
}

/// The journal's lines as a forger sees them: seq, time, the change's exact bytes.
fn lines(journal: &Path) -> Vec<(u64, String, String)> {
    let text = std::fs::read_to_string(journal).expect("journal");
    text.trim_end_matches('\0')
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            #[derive(serde::Deserialize)]
            struct Line<'a> {
                seq: u64,
                at: String,
                #[serde(borrow)]
                change: &'a serde_json::value::RawValue,
            }
            let line: Line = serde_json::from_str(l).expect("a journal line");
            (line.seq, line.at, line.change.get().to_string())
        })
        .collect()
}

/// Writes the journal again, each change first passed to `edit` with the hash of the line
/// before it, and each hash computed afresh over the line before, as anyone who has read the
/// file format can.
fn rewrite(journal: &Path, edit: impl Fn(&str, &mut String)) {
    let mut prev = "0".repeat(64);
    let mut out = String::new();
    for (seq, at, mut change) in lines(journal) {
        edit(&prev, &mut change);
        let mut h = Sha256::new();
        h.update(format!("{seq}\n{at}\n{prev}\n").as_bytes());
        h.update(change.as_bytes());
        let hash: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
        out += &format!(
            "{{\"seq\":{seq},\"at\":\"{at}\",\"prev\":\"{prev}\",\"change\":{change},\"hash\":\"{hash}\"}}\n"
        );
        prev = hash;
    }
    std::fs::write(journal, out).expect("write the journal");
}

/// The fifth meeting's drain matter named otherwise, wherever the journal first names it.
fn rename_the_drains(change: &mut String) {
    if change.contains("雨水管道") {
        *change = change.replacen("雨水管道", "雨水沟渠", 1);
    }
}

/// A sample database whose fifth meeting is signed with two keys, and the keys' folder.
fn signed_sample() -> (tempfile::TempDir, tempfile::TempDir) {
    let db = sample_db();
    let keys = tempfile::tempdir().expect("keys");
    new_key(db.path(), keys.path(), "周立平", "chair-secret");
    new_key(db.path(), keys.path(), "林佳", "recorder-secret");
    let mut c = Console::start_env(
        db.path(),
        &["sign", "2026-5"],
        (120, 20),
        &[("YISHI_KEYS", keys.path())],
    );
    c.wait_for("主持人周立平的密钥密码");
    c.send("chair-secret\r");
    c.wait_for("记录人林佳的密钥密码");
    c.send("recorder-secret\r");
    c.wait_for("已签发2026年第5次会议纪要");
    assert!(c.wait_exit(), "sign failed:\n{}", c.screen());
    (db, keys)
}

#[test]
fn a_meeting_signed_by_two_keys_shows_their_fingerprints_and_verifies() {
    let (db, keys) = signed_sample();
    let listed = stdout(&with_keys(db.path(), keys.path(), &["key", "list"]));
    let ids: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    assert_eq!(ids.len(), 2, "two keys registered:\n{listed}");
    for id in &ids {
        assert_eq!(id.len(), 16, "a minisign key id: {id}");
        let key = keys.path().join(format!("{id}.key"));
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(&key).expect("secret key").permissions(),
        );
        assert_eq!(mode & 0o077, 0, "the secret key is the signer's alone");
        let text = std::fs::read_to_string(&key).expect("key");
        assert!(
            !text.contains("chair-secret") && !text.contains("recorder-secret"),
            "the password is not kept"
        );
    }
    let o = yishi(db.path(), &["--lang", "zh-Hans", "minutes", "2026-5"]);
    let minutes = stdout(&o);
    assert!(
        minutes.contains(&format!("主持人周立平的签名密钥：{}", ids[0])),
        "{minutes}"
    );
    assert!(
        minutes.contains(&format!("记录人林佳的签名密钥：{}", ids[1])),
        "{minutes}"
    );
    assert!(minutes.contains("记录摘要："), "{minutes}");
    let o = yishi(db.path(), &["verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The same minutes, exported and imported elsewhere, keep their seals and verify there.
    let other = tempfile::tempdir().expect("tempdir");
    let export = yishi(db.path(), &["export"]);
    let mut import = std::process::Command::new(support::bin())
        .arg("--db")
        .arg(other.path())
        .args(["import", "-"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("import");
    std::io::Write::write_all(import.stdin.as_mut().expect("stdin"), &export.stdout).expect("pipe");
    drop(import.stdin.take());
    assert!(import.wait().expect("import").success());
    let o = yishi(other.path(), &["verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_journal_rewritten_after_signing_is_named_and_never_adopted() {
    let (db, _keys) = signed_sample();
    let journal = db.path().join("journal.jsonl");
    // The imported record of the fifth meeting says otherwise now.
    rewrite(&journal, |_, change| rename_the_drains(change));

    let o = yishi(db.path(), &["verify"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let said = stderr(&o);
    assert!(
        said.contains("2026年第5次会议已签发，但日志在签发之后被改写"),
        "{said}"
    );
    let o = yishi(db.path(), &["--lang", "en", "verify"]);
    assert!(
        stderr(&o)
            .contains("the 2026 meeting no. 5 was signed, but the journal was rewritten after it"),
        "{}",
        stderr(&o)
    );

    let before = files(db.path());
    let o = yishi(db.path(), &["repair", "--accept-loss"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("修复已拒绝，未作任何改动"),
        "{}",
        stderr(&o)
    );
    assert_eq!(files(db.path()), before, "a refused repair changes nothing");

    // Nor does a console open on it.
    let o = yishi(db.path(), &["minutes", "2026-5"]);
    assert!(
        !stdout(&o).contains("雨水沟渠"),
        "the forged text is never shown as the record"
    );
}

#[test]
fn a_seal_pointed_at_the_rewritten_record_fails_its_signature_even_without_the_store() {
    let (db, _keys) = signed_sample();
    let journal = db.path().join("journal.jsonl");
    // The forger also makes the signature name the new record: the chain holds, and the
    // signature must then be checked to find it.
    rewrite(&journal, |prev, change| {
        rename_the_drains(change);
        if let Some(i) = change.find("\"record\":\"") {
            let start = i + "\"record\":\"".len();
            change.replace_range(start..start + 64, prev);
        }
    });
    // The store is removed too, so that the journal is the only source left.
    std::fs::remove_dir_all(db.path().join("store")).expect("remove the store");
    let before = files(db.path());

    let o = yishi(db.path(), &["verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("2026年第5次会议的签发（日志第"),
        "{}",
        stderr(&o)
    );
    let o = yishi(db.path(), &["repair", "--accept-loss"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(files(db.path()), before, "a refused repair changes nothing");
}

#[test]
fn a_signer_with_a_key_cannot_sign_by_name_alone_and_a_wrong_password_signs_nothing() {
    let db = sample_db();
    let keys = tempfile::tempdir().expect("keys");
    new_key(db.path(), keys.path(), "周立平", "right");
    let mut c = Console::start_env(
        db.path(),
        &["sign", "2026-5"],
        (120, 20),
        &[("YISHI_KEYS", keys.path())],
    );
    c.wait_for("主持人周立平的密钥密码");
    c.send("wrong\r");
    c.wait_for("密码不对");
    assert!(!c.wait_exit());
    let o = yishi(db.path(), &["--lang", "zh-Hans", "minutes", "2026-5"]);
    assert!(!stdout(&o).contains("签发时间"), "nothing was signed");
    // The key lives elsewhere: the message says where it was looked for.
    let elsewhere = tempfile::tempdir().expect("empty keys");
    let o = with_keys(db.path(), elsewhere.path(), &["sign", "2026-5"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("里没有密钥"), "{}", stderr(&o));
}

/// The modules of a QR code as the SVG draws them: each dark module a square `M x y h s …`.
fn modules(svg: &str) -> (usize, Vec<(usize, usize)>) {
    let attr = |name: &str| -> usize {
        let at = svg.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
        svg[at..]
            .split('"')
            .next()
            .expect("value")
            .parse()
            .expect("a number")
    };
    let size = attr("width");
    let path = svg.split(" d=\"").nth(1).expect("a path");
    let path = path.split('"').next().expect("path data");
    let squares: Vec<(usize, usize, usize)> = path
        .split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let (xy, rest) = s.split_once('h').expect("h");
            let (x, y) = xy.split_once(' ').expect("x y");
            let side = rest.split('v').next().expect("side");
            (
                x.parse().expect("x"),
                y.parse().expect("y"),
                side.parse().expect("side"),
            )
        })
        .collect();
    let side = squares.first().expect("a dark module").2;
    let dark = squares
        .iter()
        .map(|(x, y, _)| (x / side, y / side))
        .collect();
    (size / side, dark)
}

#[test]
fn a_signed_meeting_is_listed_by_verify_and_its_seal_scans_from_its_qr_code() {
    let (db, _keys) = signed_sample();
    // `yishi verify` lists the meeting's valid signatures with the keys they were made with.
    let o = yishi(db.path(), &["--lang", "zh-Hans", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    let signed = said
        .lines()
        .find(|l| l.contains("2026年第5次会议"))
        .unwrap_or_else(|| panic!("the signed meeting is listed:\n{said}"));
    assert!(
        signed.contains("周立平（") && signed.contains("林佳（") && signed.contains("签名有效"),
        "{signed}"
    );

    // The QR code for the paper carries both digests whole; a decoder reads them back.
    let sealed = &sign_meeting_line(db.path())["sealed"];
    let (record, minutes) = (
        sealed["record"].as_str().expect("record"),
        sealed["minutes"].as_str().expect("minutes"),
    );
    let qr = db.path().join("seal.svg");
    let o = yishi(
        db.path(),
        &["minutes", "2026-5", "--qr", qr.to_str().expect("utf-8")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&qr).expect("the QR code");
    let (size, dark) = modules(&svg);
    let set: std::collections::BTreeSet<(usize, usize)> = dark.into_iter().collect();
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(size * 4, size * 4, |x, y| {
        if set.contains(&(x / 4, y / 4)) {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    let (_, content) = grids[0].decode().expect("a readable QR code");
    assert!(content.contains("2026年第5次会议"), "{content}");
    assert!(content.contains(&format!("record {record}")), "{content}");
    assert!(content.contains(&format!("minutes {minutes}")), "{content}");
    // An unsigned meeting has no seal to print.
    let o = yishi(
        db.path(),
        &["minutes", "2026-4", "--qr", qr.to_str().expect("utf-8")],
    );
    assert!(!o.status.success());
}

#[test]
#[ignore = "needs PostgreSQL (apt-get install postgresql): cargo test -- --include-ignored"]
fn the_district_checks_the_seals_it_is_sent() {
    let pg = support::pg::Pg::start();
    let (db, _keys) = signed_sample();
    let login = pg.enrol("district", "110101001001-01", "青禾里社区居民议事会");
    // A copy of the journal rewritten after signing, its chain whole: the district replays
    // it, finds the seal names a record that is not the one before it, and takes nothing.
    let forged = tempfile::tempdir().expect("tempdir");
    let journal = forged.path().join("journal.jsonl");
    std::fs::copy(db.path().join("journal.jsonl"), &journal).expect("copy");
    rewrite(&journal, |_, change| rename_the_drains(change));
    let o = pg.yishi(forged.path(), &["publish", "--to", &login]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("签发后记录被改写过"), "{}", stderr(&o));
    // The record as signed is taken whole, and the district proves it, seals and all.
    let o = pg.yishi(db.path(), &["publish", "--to", &login]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = pg.yishi(
        db.path(),
        &["district", "verify", "--from", &pg.url("district")],
    );
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("记录与日志相符"), "{}", stdout(&o));
}

#[test]
fn the_console_signs_with_keys_the_passwords_typed_in_a_form() {
    let db = sample_db();
    let keys = tempfile::tempdir().expect("keys");
    new_key(db.path(), keys.path(), "周立平", "chair-secret");
    new_key(db.path(), keys.path(), "林佳", "recorder-secret");
    let mut c = Console::start_env(db.path(), &[], (120, 40), &[("YISHI_KEYS", keys.path())]);
    c.wait_for("青禾里社区居民议事会");
    c.send("a");
    c.wait_for("○ 未签发");
    c.enter();
    c.wait_for("2026年第5次会议纪要");
    c.send("S");
    c.wait_for("用密钥签发");
    c.wait_for("主持人周立平的密钥密码");
    c.wait_for("记录人林佳的密钥密码");
    // A wrong password: the form stays, says so, and nothing is signed.
    c.send("wrong-one");
    c.tab();
    c.send("recorder-secret");
    c.wait_for("***************");
    assert!(
        !c.screen().contains("recorder-secret") && !c.screen().contains("wrong-one"),
        "a password is never drawn:\n{}",
        c.screen()
    );
    c.enter();
    c.wait_for("密码不对");
    c.send("\x1b");
    c.wait_for_gone("用密钥签发");
    c.send("S");
    c.wait_for("主持人周立平的密钥密码");
    c.send("chair-secret");
    c.tab();
    c.send("recorder-secret");
    c.enter();
    c.wait_for("已用密钥签发2026年第5次会议纪要");
    c.wait_for("✓ 已签发");
    assert!(c.quit());
    let o = yishi(db.path(), &["--lang", "zh-Hans", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.contains("2026年第5次会议") && l.contains("签名有效")),
        "{}",
        stdout(&o)
    );
    let minutes = stdout(&yishi(
        db.path(),
        &["--lang", "zh-Hans", "minutes", "2026-5"],
    ));
    assert!(minutes.contains("主持人周立平的签名密钥："), "{minutes}");
}

/// The 签发 change as the journal holds it.
fn sign_meeting_line(db: &Path) -> serde_json::Value {
    let (_, _, change) = lines(&db.join("journal.jsonl"))
        .into_iter()
        .rfind(|(_, _, c)| c.contains("sign_meeting"))
        .expect("the 签发 line");
    let change: serde_json::Value = serde_json::from_str(&change).expect("json");
    change["sign_meeting"].clone()
}

/// The seal as the journal holds it, checked by minisign itself over the statement the README
/// describes.
#[test]
#[ignore = "needs minisign (apt-get install minisign): cargo test -- --include-ignored"]
fn the_seal_verifies_with_minisign() {
    let (db, keys) = signed_sample();
    let sign = sign_meeting_line(db.path());
    let sealed = &sign["sealed"];
    let (record, minutes) = (
        sealed["record"].as_str().expect("record"),
        sealed["minutes"].as_str().expect("minutes"),
    );
    let seals = sealed["seals"].as_array().expect("seals");
    assert_eq!(seals.len(), 2);
    assert!(
        std::process::Command::new("minisign")
            .arg("-v")
            .output()
            .is_ok(),
        "minisign is not installed (apt-get install minisign)"
    );
    let work = tempfile::tempdir().expect("tempdir");
    for seal in seals {
        let key = seal["key"].as_str().expect("key id");
        let statement = format!(
            "yishi 签发 v1\nmeeting {}\nrecord {record}\nminutes {minutes}\nsigner {}\n",
            sign["meeting"], seal["member"]
        );
        let message = work.path().join(format!("{key}.txt"));
        std::fs::write(&message, &statement).expect("statement");
        let signature = work.path().join(format!("{key}.minisig"));
        std::fs::write(&signature, seal["signature"].as_str().expect("signature"))
            .expect("signature");
        let check = |m: &Path| {
            std::process::Command::new("minisign")
                .arg("-Vq")
                .arg("-p")
                .arg(keys.path().join(format!("{key}.pub")))
                .arg("-m")
                .arg(m)
                .arg("-x")
                .arg(&signature)
                .output()
                .expect("minisign")
        };
        let o = check(&message);
        assert!(o.status.success(), "minisign -V {key}: {}", stderr(&o));
        std::fs::write(&message, statement.replace("record ", "record 0")).expect("w");
        assert!(
            !check(&message).status.success(),
            "a changed statement fails"
        );
    }
}
