//! Elections (选举): candidates for a number of seats, 等额 (as many candidates as seats) or
//! 差额 (more), each ballot naming up to as many as there are seats, write-ins where allowed;
//! the box counted candidate by candidate, and those elected by the rule — more than half of
//! the valid ballots, or the most votes — with a tie for the last seats left to a run-off.

use serde::{Deserialize, Serialize};

/// Who is elected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectedBy {
    /// 获得参加投票的有效选票过半数: more than half of the valid ballots, the most votes first.
    MajorityOfBallots,
    /// 得票多者当选: the most votes.
    MostVotes,
}

/// An election, as it is put to the meeting, and its count once the box is opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Election {
    pub seats: u32,
    pub candidates: Vec<String>,
    /// Whether a ballot may name someone not on the list (另选他人).
    #[serde(default)]
    pub write_ins: bool,
    pub elected_by: ElectedBy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<ElectionCount>,
}

/// The box counted: valid ballots, spoiled ones, and the votes each name received (the
/// candidates in list order, then write-ins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionCount {
    pub valid: u32,
    pub spoiled: u32,
    pub votes: Vec<(String, u32)>,
}

/// Who the count elects, and who is tied for the seats still open (a run-off decides them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub elected: Vec<String>,
    /// Tied on the same votes for the last seats: more of them than seats left.
    pub tied: Vec<String>,
    /// Seats neither filled nor left to a tie (too few reached a majority).
    pub unfilled: u32,
}

impl Outcome {
    /// Every seat filled at this count.
    pub fn complete(&self) -> bool {
        self.tied.is_empty() && self.unfilled == 0
    }
}

impl Election {
    /// 等额 when there are as many candidates as seats; 差额 when more.
    pub fn contested(&self) -> bool {
        self.candidates.len() > self.seats as usize
    }

    /// Who the count elects: those who qualify (by the rule), in order of votes, up to the
    /// seats; where the last seats fall within a tie, all those tied go to a run-off.
    pub fn outcome(&self) -> Option<Outcome> {
        let count = self.count.as_ref()?;
        let qualifies = |v: u32| match self.elected_by {
            ElectedBy::MajorityOfBallots => u64::from(v) * 2 > u64::from(count.valid),
            ElectedBy::MostVotes => v > 0,
        };
        let mut ranked: Vec<&(String, u32)> =
            count.votes.iter().filter(|(_, v)| qualifies(*v)).collect();
        // Most votes first; among equals, list order (a stable sort keeps it).
        ranked.sort_by_key(|(_, v)| std::cmp::Reverse(*v));
        let seats = self.seats as usize;
        let mut elected = Vec::new();
        let mut tied = Vec::new();
        let mut i = 0;
        while i < ranked.len() && elected.len() < seats {
            let votes = ranked[i].1;
            let same: Vec<&String> = ranked[i..]
                .iter()
                .take_while(|(_, v)| *v == votes)
                .map(|(n, _)| n)
                .collect();
            if elected.len() + same.len() <= seats {
                elected.extend(same.iter().map(|n| (*n).clone()));
            } else {
                tied = same.iter().map(|n| (*n).clone()).collect();
                break;
            }
            i += same.len();
        }
        let filled = elected.len()
            + if tied.is_empty() {
                0
            } else {
                seats - elected.len()
            };
        Some(Outcome {
            elected,
            tied,
            unfilled: u32::try_from(seats - filled.min(seats)).unwrap_or(0),
        })
    }
}
