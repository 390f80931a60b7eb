//! One byte damaged, anywhere in a database directory, two hundred times over: the program
//! never shows a record that is not the one recorded without saying something is wrong, and
//! `yishi repair` always brings back the whole record, since one of its two sources (the
//! journal, the store) is always intact.

mod support;

use std::path::{Path, PathBuf};
use yishi::domain::CastBallot;

use support::vote::open_vote;
use support::{sample_db, stderr, stdout, yishi};
use yishi::domain::{Change, Choice};
use yishi::store::Store;

const TRIALS: usize = 200;

/// A small, fixed sequence of numbers: the same trials on every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn files_below(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_below(&p, out);
        } else if std::fs::metadata(&p).is_ok_and(|m| m.len() > 0) {
            out.push(p);
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let p = e.expect("entry").path();
        let target = to.join(p.file_name().expect("name"));
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).expect("copy");
        }
    }
}

/// The sample imported, then a meeting held in the console's way: a journal of many lines.
fn base() -> tempfile::TempDir {
    let db = sample_db();
    let mut store = Store::open(db.path()).expect("open");
    let mut council = store.first_council().expect("council").expect("one");
    council.id = yishi::domain::CouncilId(9000);
    council.name = "湟岸巷第二议事会".into();
    let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 5)
        .and_then(|d| d.and_hms_opt(14, 30, 0))
        .expect("time");
    let (motion, voters) = open_vote(&mut store, council, at);
    for (i, member) in voters.iter().take(9).enumerate() {
        let ballot = Change::CastBallot(CastBallot {
            motion,
            member: *member,
            choice: [Choice::Yes, Choice::No, Choice::Abstain][i % 3],
        });
        store
            .apply(&ballot, at + chrono::Duration::minutes(30))
            .expect("ballot");
    }
    db
}

/// What went wrong in one trial, if anything.
fn trial(base: &Path, original: &str, file: &Path, dice: &mut Dice) -> Option<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(base, dir.path());
    let target = dir.path().join(file.strip_prefix(base).expect("inside"));
    let mut bytes = std::fs::read(&target).expect("read");
    let at = dice.below(bytes.len() as u64) as usize;
    let was = bytes[at];
    bytes[at] ^= 1 + dice.below(255) as u8;
    std::fs::write(&target, &bytes).expect("damage");
    let place = format!(
        "{} byte {at} ({was:#04x} → {:#04x})",
        target.strip_prefix(dir.path()).unwrap_or(&target).display(),
        bytes[at]
    );

    // Reading: the record as it was, or a message; never another record in silence.
    let export = yishi(dir.path(), &["export"]);
    if export.status.success() && stdout(&export) != original {
        let verify = yishi(dir.path(), &["verify"]);
        if verify.status.success() {
            return Some(format!("{place}: a different record, and verify passes"));
        }
    }
    // Repair brings it all back: one of the two sources is always intact.
    let repair = yishi(dir.path(), &["repair"]);
    if !repair.status.success() {
        return Some(format!("{place}: repair failed: {}", stderr(&repair)));
    }
    let after = yishi(dir.path(), &["export"]);
    if stdout(&after) != original {
        return Some(format!(
            "{place}: after repair the record differs ({}): {}",
            stdout(&repair),
            stderr(&after)
        ));
    }
    let verify = yishi(dir.path(), &["verify"]);
    if !verify.status.success() {
        return Some(format!(
            "{place}: verify after repair: {}{}",
            stdout(&verify),
            stderr(&verify)
        ));
    }
    None
}

#[test]
fn one_damaged_byte_anywhere_is_never_a_silent_loss_and_repair_brings_back_every_record() {
    let base = base();
    let original = stdout(&yishi(base.path(), &["export"]));
    let mut files = Vec::new();
    files_below(base.path(), &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("journal.jsonl"))
            && files.iter().any(|f| f.ends_with("store/db")),
        "{files:?}"
    );
    // Two workers, as the machine has two cores; each trial's damage is drawn in advance, so
    // the trials are the same on every run whatever the order they run in.
    let mut dice = Dice(0x5eed_1234_abcd_0001);
    let seeds: Vec<u64> = (0..TRIALS).map(|_| dice.next() | 1).collect();
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|w| {
                let (files, seeds, base, original) = (&files, &seeds, base.path(), &original);
                scope.spawn(move || {
                    (w..TRIALS)
                        .step_by(2)
                        .filter_map(|i| {
                            // Every file in turn, so that each is damaged many times over.
                            let file = &files[i % files.len()];
                            trial(base, original, file, &mut Dice(seeds[i]))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {TRIALS} trials failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn with_both_sources_damaged_repair_names_what_it_would_drop_and_goes_on_only_when_told() {
    let db = base();
    let journal = db.path().join("journal.jsonl");
    let text = std::fs::read_to_string(&journal).expect("journal");
    let lines: Vec<&str> = text.lines().collect();
    // Line 5 altered (a member marked excused, not present), and the store gone.
    let broken = lines[4].replacen("\"present\"", "\"excused\"", 1);
    assert_ne!(broken, lines[4]);
    let mut damaged: Vec<&str> = lines.clone();
    damaged[4] = &broken;
    std::fs::write(&journal, damaged.join("\n") + "\n").expect("damage");
    std::fs::remove_dir_all(db.path().join("store")).expect("remove the store");
    let before = std::fs::read(&journal).expect("journal");

    let o = yishi(db.path(), &["--lang", "en", "repair"]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(said.contains("--accept-loss"), "{said}");
    for n in 5..=lines.len() {
        assert!(
            said.contains(&format!("journal line {n} ")),
            "names line {n}: {said}"
        );
    }
    assert_eq!(
        std::fs::read(&journal).expect("journal"),
        before,
        "nothing changed"
    );
    let names = |dir: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("damaged"))
            .collect()
    };
    assert!(
        names(db.path()).is_empty(),
        "a refused repair keeps nothing aside"
    );
    assert!(
        !db.path().join("store").exists(),
        "nor makes a store of its own"
    );

    let o = yishi(db.path(), &["--lang", "en", "repair", "--accept-loss"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(
        said.contains("rebuilt from the journal's intact part (4 changes); dropped:"),
        "{said}"
    );
    assert!(
        said.contains(&format!("journal line {} ", lines.len())),
        "{said}"
    );
    let v = yishi(db.path(), &["verify"]);
    assert!(v.status.success(), "{}", stderr(&v));
    let kept: Vec<String> = names(db.path())
        .into_iter()
        .filter(|n| n.starts_with("journal.jsonl.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged journal is kept aside: {kept:?}");
}
