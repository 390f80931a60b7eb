//! The one key table: every binding with its keys and its description in each language. The
//! console looks keys up here, the `?` overlay lists it, and README.md's key list is made
//! from it (`yishi keys`).

#[macro_use]
mod binding;
mod table;

pub(crate) use binding::hint;
pub use binding::{Binding, Key, Scope};

use crossterm::event::KeyEvent;

use crate::action::Action;
use yishi_text::Lang;

/// The table, in four parts: the meeting console's screens, a matter's steps, the secretary's
/// archive, and the forms and prompts over either. Within the scopes active at one time a key means one thing
/// (a test checks). Anything that seals a result or ends something asks first (see `update`).
pub fn table() -> impl Iterator<Item = &'static Binding> {
    table::CONSOLE
        .iter()
        .chain(table::STEPS)
        .chain(table::ARCHIVE)
        .chain(table::PROMPTS)
}

/// The action a key means in the given scopes, the most specific scope first.
pub fn lookup(scopes: &[Scope], event: &KeyEvent) -> Option<Action> {
    let key = Key::of(event)?;
    scopes.iter().rev().find_map(|scope| {
        table()
            .find(|b| b.scope == *scope && b.keys.contains(&key))
            .map(|b| b.action.clone())
    })
}

/// The bindings of the given scopes, in table order.
pub fn bindings(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    table().filter(move |b| scopes.contains(&b.scope))
}

/// What to show at the foot of a form or prompt: each binding of `scopes` as its keys (a
/// capital letter that only repeats a small one left out) and what it does.
pub fn hints(scopes: &[Scope], lang: Lang) -> Vec<(String, &'static str)> {
    bindings(scopes)
        .map(|b| {
            let keys: Vec<String> = b
                .keys
                .iter()
                .filter(|k| {
                    !matches!(k, Key::Char(c) if c.is_ascii_uppercase()
                        && b.keys.contains(&Key::Char(c.to_ascii_lowercase())))
                })
                .map(|k| k.label())
                .collect();
            (keys.join(" / "), b.help(lang))
        })
        .collect()
}

/// The key list for README.md: every scope, its keys, and what they do in 简体 and English.
pub fn markdown() -> String {
    let mut out = String::new();
    for scope in Scope::ALL {
        out.push_str(&format!(
            "**{} · {}**\n\n| 按键 Keys | 作用 | Does |\n|---|---|---|\n",
            scope.label(Lang::ZhHans),
            scope.label(Lang::En)
        ));
        for b in bindings(&[scope]) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                keys.join(" "),
                b.help[0],
                b.help[2]
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    /// The scope sets the console is in at once, as the console itself makes them: every
    /// screen's, a form's (text or choice focused), a confirmation's and a pick list's.
    fn stacks() -> Vec<Vec<Scope>> {
        use crate::model::{Screen, form_scopes, screen_scopes};
        use yishi_domain::{MatterId, Step};
        let mut screens = vec![
            Screen::Home,
            Screen::Council,
            Screen::RollCall,
            Screen::Agenda,
            Screen::Archive,
            Screen::Minutes,
            Screen::Results,
            Screen::Ledger,
            Screen::History,
        ];
        screens.extend(Step::ALL.map(|step| Screen::Matter {
            id: MatterId(0),
            step,
        }));
        let mut out: Vec<Vec<Scope>> = screens.into_iter().map(screen_scopes).collect();
        out.extend([
            form_scopes(true),
            form_scopes(false),
            vec![Scope::Confirm],
            vec![Scope::Pick],
            vec![Scope::Help],
        ]);
        out
    }

    #[test]
    fn a_key_means_one_thing_wherever_the_console_is() {
        let stacks = stacks();
        for scope in Scope::ALL {
            assert!(
                stacks.iter().any(|s| s.contains(&scope)),
                "{scope:?} is in no stack the console makes"
            );
        }
        for stack in &stacks {
            let mut seen: Vec<(Key, &str)> = Vec::new();
            for b in bindings(stack) {
                for k in b.keys {
                    if let Some((_, other)) = seen.iter().find(|(s, _)| s == k) {
                        panic!("{k:?} is both {other:?} and {:?} in {stack:?}", b.help[2]);
                    }
                    seen.push((*k, b.help[2]));
                }
            }
        }
    }

    #[test]
    fn every_scope_has_bindings_and_every_binding_a_description() {
        for scope in Scope::ALL {
            assert!(bindings(&[scope]).next().is_some(), "{scope:?} is empty");
        }
        for b in table() {
            assert!(b.help.iter().all(|h| !h.is_empty()), "{:?}", b.action);
        }
    }

    #[test]
    fn keys_are_looked_up_most_specific_scope_first() {
        use crate::model::{Screen, screen_scopes};
        use crossterm::event::KeyEvent;
        use yishi_domain::{MatterId, Step};
        let step = |step| {
            screen_scopes(Screen::Matter {
                id: MatterId(0),
                step,
            })
        };
        let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&screen_scopes(Screen::Home), &n),
            Some(Action::NewMeeting)
        );
        assert_eq!(lookup(&step(Step::Hear), &n), Some(Action::StartSpeaker));
        assert_eq!(lookup(&step(Step::Decide), &n), Some(Action::VoteNo));
        let big_c = KeyEvent::new(KeyCode::Char('C'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&step(Step::Decide), &big_c), Some(Action::CloseVote));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&step(Step::Decide), &ctrl_c), Some(Action::Quit));
    }
}
