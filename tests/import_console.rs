//! An import holds what the console holds: a document the console could never have made — a
//! rule that is no preset's, two members the roll call cannot tell apart, a held meeting's
//! agenda emptied under its votes, a matter's motions emptied, a proxy the rule does not
//! admit, a unit of no area, two councils of one name — is refused naming its place, and
//! nothing changes. An endless standard input is refused in bounded memory. A roster imported
//! again under a council's name is refused with what to do instead.

mod support;

use serde_json::{Value, json};
use std::io::Write as _;
use std::process::{Command, Stdio};
use support::refused::{import_fails, sample_value};
use support::{stderr, yishi};

fn sample_with(change: impl FnOnce(&mut Value)) -> String {
    let mut v = sample_value();
    change(&mut v);
    v.to_string()
}

#[test]
fn documents_the_console_could_not_have_made_are_refused_where_they_break_its_rules() {
    type Case = (fn(&mut Value), &'static str, &'static str);
    let cases: [Case; 13] = [
        // A quorum of nothing, under the preset's own key.
        (
            |v| v["councils"][0]["rule"]["quorum"] = json!({"num": 0, "den": 1, "strict": false}),
            "councils[0].rule",
            "counts otherwise than the preset",
        ),
        (
            |v| v["councils"][0]["rule"]["key"] = json!("our-own-rule"),
            "councils[0].rule",
            "is not one of the presets",
        ),
        // The sample's first member is 周立平.
        (
            |v| v["councils"][0]["members"][1]["name"] = json!("周立平"),
            "councils[0].members[1].name",
            "a member named 周立平 already sits",
        ),
        (
            |v| v["councils"][0]["members"][1]["name"] = json!("周\u{3164}立平"),
            "councils[0].members[1].name",
            "周⟨U+3164⟩立平",
        ),
        (
            |v| v["councils"][0]["members"][1]["name"] = json!("周\u{00AD}立平"),
            "councils[0].members[1].name",
            "周⟨U+00AD⟩立平",
        ),
        (
            |v| v["councils"][0]["members"][1]["name"] = json!("周立平\u{E0041}"),
            "councils[0].members[1].name",
            "周立平⟨U+E0041⟩",
        ),
        // U+F9F7 is the compatibility form of 立.
        (
            |v| v["councils"][0]["members"][1]["name"] = json!("周\u{F9F7}平"),
            "councils[0].members[1].name",
            "周⟨U+F9F7⟩平",
        ),
        // The second meeting's agenda emptied: its secret ballot (motions[2]) would vanish
        // from its minutes.
        (
            |v| v["meetings"][1]["agenda"] = json!([]),
            "motions[2].meeting",
            "is not on this meeting's agenda",
        ),
        (
            |v| v["matters"][1]["motions"] = json!([]),
            "motions[2].matter",
            "does not list this motion",
        ),
        // 居民代表会议: a representative cannot hand on a mandate.
        (
            |v| {
                v["meetings"][0]["proxies"] =
                    json!([{"principal": 3, "holder": "王大妈", "given": "2026-06-12"}])
            },
            "meetings[0].proxies[0]",
            "nobody may vote by proxy",
        ),
        (
            |v| v["councils"][0]["members"][0]["units"] = json!([{"unit": "3-101", "area": 0}]),
            "councils[0].members[0].units[0].area",
            "unit 3-101 has no floor area",
        ),
        (
            |v| {
                let mut twin = v["councils"][0].clone();
                twin["id"] = json!(9001);
                twin["members"] = json!([]);
                twin["name"] = json!("青禾里社区居民议事会\u{00AD}");
                v["councils"].as_array_mut().expect("councils").push(twin);
            },
            "councils[1].name",
            "a council named \"青禾里社区居民议事会\" already exists",
        ),
        // A recount dated before its box was opened.
        (
            |v| {
                v["motions"][3]["recounts"] = json!([{
                    "replaced": "2026-01-01T00:00:00",
                    "yes": 1, "no": 0, "abstain": 0, "spoiled": 0
                }])
            },
            "motions[3].recounts[0].replaced",
            "before the opening of the vote",
        ),
    ];
    for (change, place, words) in cases {
        let said = import_fails(&sample_with(change), place);
        assert!(said.contains(words), "{place}: says {words:?}: {said}");
    }
}

/// The peak memory of a child reaped with `wait4`, in bytes, and whether it exited 1.
fn reap(pid: u32) -> (u64, Option<i32>) {
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is our own child, not yet reaped; both pointers are to live locals.
    let got = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(got, pid as libc::pid_t, "wait4");
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    (usage.ru_maxrss as u64 * 1024, code)
}

#[test]
fn an_endless_document_on_standard_input_is_refused_in_bounded_memory() {
    let db = tempfile::tempdir().expect("tempdir");
    let target = db.path().join("db");
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by wait4 below, to read its peak memory"
    )]
    let mut child = Command::new(env!("CARGO_BIN_EXE_yishi"))
        .args(["--lang", "en", "--db"])
        .arg(&target)
        .args(["import", "-"])
        .env_remove("YISHI_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("yishi");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let head = r#"{"format":"yishi-record","schema":1,"councils":[{"id":1,"name":""#;
        let mut sent = head.len() as u64;
        if input.write_all(head.as_bytes()).is_err() {
            return sent;
        }
        let chunk = "议".repeat(1 << 16);
        // Never ends: it stops only when the reader hangs up, or at 2 GB as a backstop.
        while sent < 2 << 30 {
            if input.write_all(chunk.as_bytes()).is_err() {
                break;
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let (peak, code) = reap(child.id());
    let sent = writer.join().expect("writer");
    let said = reader.join().expect("reader");
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("runs past 32 MB"), "{said}");
    assert!(
        sent < 1 << 30,
        "the reader went on for {sent} bytes before it stopped"
    );
    assert!(
        peak < 200 << 20,
        "peak memory {} MB reading an endless document",
        peak >> 20
    );
    assert!(!target.exists(), "a refused import leaves no database");
}

#[test]
fn a_roster_imported_again_under_a_councils_name_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "姓名,所属,表决权\n周立平,社区党委,有\n陈秀兰,居民代表,有\n马文涛,居民代表,有\n",
    )
    .expect("roster");
    let import = |name: &str| {
        yishi(
            &db,
            &[
                "--lang",
                "en",
                "council",
                "import",
                roster.to_str().expect("path"),
                "--name",
                name,
            ],
        )
    };
    let first = import("青禾里社区居民议事会");
    assert!(first.status.success(), "{}", stderr(&first));
    let before = support::refused::export(&db);
    // The same name again, and the same name with a soft hyphen in it.
    for name in ["青禾里社区居民议事会", "青禾里社区\u{00AD}居民议事会"] {
        let again = import(name);
        assert_eq!(again.status.code(), Some(1), "{name}: {}", stderr(&again));
        let said = stderr(&again);
        assert!(
            said.contains("a council named \"青禾里社区居民议事会\" already exists")
                && said.contains("members screen"),
            "{said}"
        );
        assert_eq!(support::refused::export(&db), before, "nothing changed");
    }
}

#[test]
fn a_roster_with_two_names_the_eye_cannot_tell_apart_is_refused_showing_both() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let roster = dir.path().join("roster.csv");
    std::fs::write(
        &roster,
        "姓名,所属,表决权\n周立平,社区党委,有\n陈秀兰,居民代表,有\n周\u{00AD}立平,居民代表,有\n",
    )
    .expect("roster");
    let o = yishi(
        &db,
        &[
            "--lang",
            "en",
            "council",
            "import",
            roster.to_str().expect("path"),
            "--name",
            "青禾里",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(
        said.contains("row 4")
            && said.contains("周⟨U+00AD⟩立平")
            && said.contains("\"周立平\" on row 2"),
        "{said}"
    );
    assert!(!db.exists() || std::fs::read_dir(&db).map_or(true, |mut d| d.next().is_none()));
}
