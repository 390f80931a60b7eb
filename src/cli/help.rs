//! The command line in the reader's language: `--help` and usage errors in 简体, 繁體 or
//! English, by `--lang` (or `YISHI_LANG`), read before the rest of the line is parsed. The
//! English is clap's own; for Chinese every description, heading and built-in flag is replaced
//! from `help_words`, and an error is said again from its kind and the values clap found.

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};
use std::ffi::OsString;

use super::Cli;
use super::help_words::{FRAME, HELP};
use super::help_words_trust::TRUST;
use crate::text::Lang;

/// The interface language the line asks for, before it is parsed: `--lang X`, `--lang=X`, or
/// `YISHI_LANG`; 简体 otherwise (or where the value is not a language: parsing says so).
pub fn requested_lang(args: &[OsString]) -> Lang {
    let mut asked = None;
    let mut it = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            asked = it.next();
        } else if let Some(v) = a.strip_prefix("--lang=") {
            asked = Some(v.to_string());
        }
    }
    asked
        .or_else(|| std::env::var("YISHI_LANG").ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_default()
}

/// `yishi help [COMMAND…]` read as `yishi [COMMAND…] --help`, in every language (clap's own
/// help command speaks English only, so the Chinese command line has none of its own).
pub fn help_as_flag(mut args: Vec<OsString>) -> Vec<OsString> {
    let taking_a_value = ["--db", "--lang", "--theme", "--ambiguous"];
    let mut i = 1;
    while let Some(a) = args.get(i).and_then(|a| a.to_str()) {
        if a == "help" {
            args.remove(i);
            args.push("--help".into());
            break;
        }
        if !a.starts_with('-') || a == "--" {
            break;
        }
        i += if taking_a_value.contains(&a) { 2 } else { 1 };
    }
    args
}

fn frame(key: &str, lang: Lang) -> &'static str {
    FRAME
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or("", |(_, hans, hant)| lang.pick(hans, hant, ""))
}

fn described(path: &str, arg: &str, lang: Lang) -> Option<&'static str> {
    HELP.iter()
        .chain(TRUST)
        .find(|(p, a, _, _)| *p == path && *a == arg)
        .map(|(_, _, hans, hant)| lang.pick(hans, hant, ""))
}

/// An argument's own description, and after it what clap would add in English: its default,
/// its possible values, its environment variable.
fn localize_arg(arg: Arg, path: &str, lang: Lang) -> Arg {
    let id = arg.get_id().to_string();
    let mut text = described(path, &id, lang).unwrap_or_default().to_string();
    if text.is_empty() {
        return arg;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text += &format!("［{}：{}］", frame("default", lang), defaults.join("、"));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() {
        text += &format!("［{}：{}］", frame("values", lang), values.join("、"));
    }
    if let Some(env) = arg.get_env() {
        text += &format!("［{}：{}］", frame("env", lang), env.to_string_lossy());
    }
    let heading = if arg.is_positional() {
        frame("arguments", lang)
    } else {
        frame("options", lang)
    };
    let arg = arg
        .help(text)
        .long_help(None)
        .hide_env(true)
        .help_heading(heading);
    if arg.get_action().takes_values() {
        arg.hide_default_value(true).hide_possible_values(true)
    } else {
        arg
    }
}

fn localize(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some(about) = described(path, "", lang) {
        cmd = cmd.about(about).long_about(None);
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        frame("usage", lang)
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(frame("commands", lang))
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(frame("help", lang))
                .help_heading(frame("options", lang)),
        );
    if path.is_empty() {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(frame("version", lang))
                .help_heading(frame("options", lang)),
        );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .filter(|id| id != "help" && id != "version")
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| localize_arg(a, path, lang));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let inner = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| localize(s, &inner, lang));
    }
    cmd
}

/// The command line as `lang` reads it.
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    match lang {
        Lang::En => cmd,
        _ => localize(cmd, "", lang),
    }
}

/// A usage error said in `lang`: what was wrong, the usage line, and where to read more.
/// Help and version are shown as they are.
pub fn usage_error(e: &clap::Error, lang: Lang) -> String {
    let rendered = e.render().to_string();
    if lang == Lang::En || e.kind() == ErrorKind::DisplayVersion {
        return rendered;
    }
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return placeholders(&rendered, lang);
    }
    let get = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg) + &get(ContextKind::InvalidSubcommand);
    let value = get(ContextKind::InvalidValue);
    let suggested = get(ContextKind::SuggestedArg) + &get(ContextKind::SuggestedSubcommand);
    let valid = get(ContextKind::ValidValue).replace(", ", "、");
    let hans = lang == Lang::ZhHans;
    let mut said = match e.kind() {
        ErrorKind::UnknownArgument if hans => format!("没有 {arg} 这个选项"),
        ErrorKind::UnknownArgument => format!("沒有 {arg} 這個選項"),
        ErrorKind::InvalidSubcommand if hans => format!("没有 {arg} 这个命令"),
        ErrorKind::InvalidSubcommand => format!("沒有 {arg} 這個命令"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if hans => {
            format!("{arg} 不能取 “{value}”")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("{arg} 不能取「{value}」")
        }
        ErrorKind::MissingRequiredArgument if hans => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的參數：{arg}"),
        ErrorKind::ArgumentConflict if hans => format!("{arg} 不能与其他选项同用"),
        ErrorKind::ArgumentConflict => format!("{arg} 不能與其他選項同用"),
        _ => {
            let first = rendered.lines().next().unwrap_or_default();
            let first = first.trim_start_matches("error: ");
            lang.pick("命令行有误：", "命令列有誤：", "").to_string() + first
        }
    };
    let why = std::error::Error::source(e).map(|s| s.to_string());
    let (valid, range) = match why.as_deref().map(reason) {
        Some(Reason::Choices(c)) if valid.is_empty() => (c, None),
        Some(Reason::Range(from, to)) => (valid, Some((from, to))),
        _ => (valid, None),
    };
    if !valid.is_empty() {
        said += lang.pick("（可选：", "（可選：", "");
        said += &valid;
        said += "）";
    }
    if let Some((from, to)) = range {
        said += &lang.pick_owned(
            format!("（应为 {from} 到 {to} 之间的整数）"),
            format!("（應為 {from} 到 {to} 之間的整數）"),
            String::new(),
        );
    }
    if !suggested.is_empty() {
        said += lang.pick("；是不是要用 ", "；是不是要用 ", "");
        said += &suggested;
        said += "？";
    }
    // The usage line clap wrote for the command at fault, if it wrote one, in our words.
    let usage = rendered
        .lines()
        .find_map(|l| l.strip_prefix("Usage: "))
        .map(|u| format!("{}{}\n\n", frame("usage", lang), placeholders(u, lang)))
        .unwrap_or_default();
    let more = lang.pick(
        "更多说明请运行 yishi --help",
        "更多說明請執行 yishi --help",
        "",
    );
    format!(
        "{}{said}\n\n{usage}{more}\n",
        lang.pick("错误：", "錯誤：", "")
    )
}

/// What a value's own check said, where it says something a reader of Chinese needs again.
enum Reason {
    /// The values it takes, joined with 、.
    Choices(String),
    /// The range of a number: clap's "10 is not in 20..=400".
    Range(String, String),
    Other,
}

fn reason(said: &str) -> Reason {
    if let Some((_, range)) = said.split_once(" is not in ")
        && let Some((from, to)) = range.trim().split_once("..=")
    {
        return Reason::Range(from.to_string(), to.to_string());
    }
    // The languages' own check: "fr: zh-Hans | zh-Hant | en".
    match said.split_once(": ") {
        Some((_, list)) if list.contains(" | ") => Reason::Choices(list.replace(" | ", "、")),
        _ => Reason::Other,
    }
}

/// clap's placeholders in a usage line, in our words: [OPTIONS], [COMMAND].
fn placeholders(s: &str, lang: Lang) -> String {
    let (options, command) = (frame("options", lang), frame("commands", lang));
    s.replace("[OPTIONS]", &format!("[{options}]"))
        .replace("[COMMAND]", &format!("[{command}]"))
        .replace("<COMMAND>", &format!("<{command}>"))
}
