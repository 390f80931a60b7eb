//! Where the console is: which screen, and the scopes of keys live there or in a form over it.

use super::keys::Scope;
use yishi_domain::{MatterId, Step};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// The council: its rule, and its members with when they joined and left.
    Council,
    RollCall,
    Agenda,
    /// A matter, and the step whose record is on screen.
    Matter {
        id: MatterId,
        step: Step,
    },
    /// The secretary's archive: past meetings, one meeting's minutes, search results, the
    /// ledger, one matter's history.
    Archive,
    Minutes,
    Results,
    Ledger,
    History,
}

impl Screen {
    pub fn is_archive(self) -> bool {
        matches!(
            self,
            Screen::Archive | Screen::Minutes | Screen::Results | Screen::Ledger | Screen::History
        )
    }
}

/// The scopes of a form whose focused field is text, or a choice.
pub fn form_scopes(text: bool) -> Vec<Scope> {
    vec![Scope::Form, if text { Scope::Text } else { Scope::Choice }]
}

/// The scopes of a screen, least specific first.
pub fn screen_scopes(screen: Screen) -> Vec<Scope> {
    let mut s = vec![Scope::Anywhere];
    match screen {
        Screen::Home => s.push(Scope::Home),
        Screen::Council => s.push(Scope::Council),
        Screen::RollCall => s.extend([Scope::Meeting, Scope::RollCall]),
        Screen::Agenda => s.extend([Scope::Meeting, Scope::Agenda]),
        Screen::Matter { step, .. } => s.extend([
            Scope::Meeting,
            Scope::Matter,
            match step {
                Step::Collect => Scope::Collect,
                Step::Hear => Scope::Hear,
                Step::Decide => Scope::Decide,
                Step::Execute => Scope::Execute,
                Step::Review => Scope::Review,
            },
        ]),
        Screen::Archive => s.extend([Scope::Archive, Scope::Meetings]),
        Screen::Minutes => s.extend([Scope::Archive, Scope::Minutes]),
        Screen::Results => s.extend([Scope::Archive, Scope::Results]),
        Screen::Ledger => s.extend([Scope::Archive, Scope::Ledger]),
        Screen::History => s.extend([Scope::Archive, Scope::History]),
    }
    s
}
