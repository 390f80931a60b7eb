//! Why part of the record breaks: a journal line off the chain, a signed meeting whose record is
//! no longer the one signed. Findings name these, and the readers that find them make them.

use yishi_domain::MeetingId;

/// Why a journal line breaks the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Break {
    Unreadable(String),
    Numbered { found: u64 },
    NotChained,
    Altered,
}

/// Where the journal and a signature disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// The signature's line is `line`, and the record before it is not the one signed.
    Rewritten { meeting: MeetingId, line: u64 },
    /// The store holds the meeting signed over a record no line of the journal leads to.
    NotInJournal { meeting: MeetingId },
    /// The signature at `line` is not its signer's over what it names: the line was altered.
    Invalid { meeting: MeetingId, line: u64 },
}

impl Broken {
    pub fn meeting(&self) -> MeetingId {
        match self {
            Broken::Rewritten { meeting, .. }
            | Broken::NotInJournal { meeting }
            | Broken::Invalid { meeting, .. } => *meeting,
        }
    }
}
