//! The command line in the reader's script: `--help` and usage errors in 简体 and 繁體 (by
//! `--lang` or `YISHI_LANG`), clap's English only under `--lang en`.

mod support;

use std::process::Command;

fn run(args: &[&str], env_lang: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(support::bin());
    cmd.args(args).env_remove("YISHI_LANG");
    if let Some(l) = env_lang {
        cmd.env("YISHI_LANG", l);
    }
    let o = cmd.output().expect("run yishi");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// English words clap or the doc comments would leave in the help.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print",
    "default:",
    "possible values",
    "env:",
    "The ",
    " the ",
    "Write",
    " of ",
];

#[test]
fn help_is_in_traditional_chinese_for_every_command() {
    for path in [
        vec![],
        vec!["minutes"],
        vec!["ledger"],
        vec!["council"],
        vec!["council", "import"],
        vec!["rules", "show"],
        vec!["wall"],
        vec!["repair"],
    ] {
        let mut args = vec!["--lang", "zh-Hant"];
        args.extend(&path);
        args.push("--help");
        let (code, out, _) = run(&args, None);
        assert_eq!(code, 0, "{path:?}");
        assert!(out.contains("用法：yishi"), "{path:?}:\n{out}");
        assert!(out.contains("選項"), "{path:?}:\n{out}");
        for word in ENGLISH {
            assert!(!out.contains(word), "{path:?} says {word:?}:\n{out}");
        }
    }
    let (_, out, _) = run(&["--lang", "zh-Hant", "minutes", "--help"], None);
    assert!(
        out.contains("一次會議的紀要") && out.contains("［預設：72］"),
        "{out}"
    );
}

/// A value out of range or not among the choices is said with the range or the choices, as
/// clap's English says them.
#[test]
fn a_bad_value_is_said_with_what_would_do() {
    let (code, _, err) = run(
        &["--lang", "zh-Hans", "minutes", "latest", "--width", "10"],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("“10”") && err.contains("应为 20 到 "), "{err}");
    let (code, _, err) = run(
        &[
            "--lang",
            "zh-Hant",
            "minutes",
            "latest",
            "--minutes-lang",
            "fr",
        ],
        None,
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("（可選：zh-Hans、zh-Hant、en）"), "{err}");
}

/// `yishi help` and `yishi help COMMAND` answer as `--help` does, in every language.
#[test]
fn the_help_command_answers_in_every_language() {
    for (lang, usage) in [
        ("zh-Hans", "用法：yishi"),
        ("zh-Hant", "用法：yishi"),
        ("en", "Usage: yishi"),
    ] {
        let (code, out, err) = run(&["--lang", lang, "help"], None);
        assert_eq!(code, 0, "{lang}: {err}");
        assert!(out.contains(usage), "{lang}:\n{out}");
        let (code, out, err) = run(&["--lang", lang, "help", "minutes"], None);
        assert_eq!(code, 0, "{lang}: {err}");
        assert!(out.contains("--minutes-lang"), "{lang}:\n{out}");
        assert!(
            !out.contains("publish"),
            "the help of minutes alone:\n{out}"
        );
    }
}

/// A reader that leaves the pipe early (`| head -1`, `| true`) ends the output quietly.
#[test]
fn a_closed_pipe_is_no_crash() {
    use std::process::Stdio;
    for args in [&["rules"][..], &["--lang", "en", "rules"], &["help"]] {
        let mut child = Command::new(support::bin())
            .args(args)
            .env_remove("YISHI_LANG")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run yishi");
        // The reading end closed before a byte is read.
        drop(child.stdout.take());
        let o = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn a_usage_error_is_said_in_traditional_chinese_with_exit_status_2() {
    let (code, out, err) = run(&["--lang", "zh-Hant", "list", "--jsn"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.starts_with("錯誤：沒有 --jsn 這個選項"), "{err}");
    assert!(
        err.contains("是不是要用 --json？") && err.contains("用法：yishi list"),
        "{err}"
    );
    assert!(!err.contains("error:") && !err.contains("Usage"), "{err}");
    // From the environment, and a value out of the choices.
    let (code, _, err) = run(&["minutes", "--format", "docx"], Some("zh-Hant"));
    assert_eq!(code, 2);
    assert!(
        err.contains("--format <FORMAT> 不能取「docx」（可選：text、markdown、pdf）"),
        "{err}"
    );
    // 简体 by default; English only when asked.
    let (_, _, err) = run(&["lsit"], None);
    assert!(
        err.starts_with("错误：没有 lsit 这个命令；是不是要用 list？"),
        "{err}"
    );
    let (_, _, err) = run(&["--lang", "en", "lsit"], None);
    assert!(
        err.starts_with("error: unrecognized subcommand 'lsit'"),
        "{err}"
    );
}

#[test]
fn the_ledger_speaks_the_interface_language() {
    let db = support::sample_db();
    let d = db.path().to_str().expect("utf-8 path");
    let (_, en, _) = run(&["--db", d, "--lang", "en", "ledger"], None);
    let head = en
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default();
    assert!(
        head.starts_with("No.,Matter,Short title,Stage,Collection"),
        "{head}"
    );
    assert!(en.contains("adopted"), "{en}");
    let (_, hant, _) = run(
        &["--db", d, "--lang", "zh-Hant", "ledger", "--format", "text"],
        None,
    );
    assert!(
        hant.contains("意見收集：") && hant.contains("最近表決："),
        "{hant}"
    );
    assert!(
        !hant.contains("意见收集") && !hant.contains("最近表决"),
        "{hant}"
    );
    let (_, hans, _) = run(&["--db", d, "ledger"], None);
    assert!(hans.contains("编号,事项,简称,当前状态"), "{hans}");
}
