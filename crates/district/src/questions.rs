//! The street office's everyday questions, asked of every council at once: which tasks are
//! overdue or under supervision, by community; and how each community's matters fared in the
//! residents' review (satisfaction, and how often a matter was sent back for 整改).

use chrono::NaiveDate;
use postgres::Client;

use super::{DistrictError, LABEL};

/// A task past its date and not done, or under supervision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskLine {
    pub council: String,
    pub matter: String,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub percent: i32,
    pub supervised: bool,
    pub overdue: bool,
}

/// Every task overdue as of `today` or under supervision, by community, the latest due first.
pub fn tasks(client: &mut Client, today: NaiveDate) -> Result<Vec<TaskLine>, DistrictError> {
    let today = today.to_string();
    let sql = format!(
        "SELECT {LABEL}, m.title, t.text, t.owner, t.due::text, t.percent, t.supervised,
                (t.percent < 100 AND t.due < $1::text::date)
         FROM tasks t
         JOIN council_chains c USING (chain)
         LEFT JOIN council_roles r ON r.chain = c.chain
         JOIN matters m ON m.chain = t.chain AND m.id = t.matter
         WHERE (t.percent < 100 AND t.due < $1::text::date) OR (t.supervised AND t.percent < 100)
         ORDER BY r.code, c.name, t.due DESC, m.title, t.position"
    );
    let rows = client.query(&sql, &[&today])?;
    rows.iter()
        .map(|r| {
            let due: String = r.get(4);
            Ok(TaskLine {
                council: r.get(0),
                matter: r.get(1),
                text: r.get(2),
                owner: r.get(3),
                due: due
                    .parse()
                    .map_err(|e: chrono::ParseError| DistrictError::Database(e.to_string()))?,
                percent: r.get(5),
                supervised: r.get(6),
                overdue: r.get(7),
            })
        })
        .collect()
}

/// How one community's matters fared in the residents' review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rates {
    pub council: String,
    /// Matters reviewed at least once.
    pub reviewed: i64,
    /// Of them, completed (办结) at their latest review.
    pub completed: i64,
    /// Reviews that sent a matter back for 整改.
    pub rectified: i64,
    /// Satisfied and basically satisfied over all who took part, in tenths of a percent.
    pub satisfaction_permille: Option<i64>,
}

/// Every community's review figures, by name.
pub fn rates(client: &mut Client) -> Result<Vec<Rates>, DistrictError> {
    let sql = format!(
        "WITH latest AS (
             SELECT DISTINCT ON (chain, matter) chain, matter, passed
             FROM reviews ORDER BY chain, matter, position DESC)
         SELECT {LABEL},
                (SELECT count(*) FROM latest l WHERE l.chain = c.chain),
                (SELECT count(*) FROM latest l WHERE l.chain = c.chain AND l.passed),
                (SELECT count(*) FROM reviews r WHERE r.chain = c.chain AND r.passed = false),
                (SELECT (sum(satisfied + basically) * 1000
                         / nullif(sum(satisfied + basically + dissatisfied), 0))::bigint
                 FROM reviews r WHERE r.chain = c.chain)
         FROM council_chains c LEFT JOIN council_roles r ON r.chain = c.chain
         ORDER BY r.code, c.name, c.chain"
    );
    let rows = client.query(&sql, &[])?;
    Ok(rows
        .iter()
        .map(|r| Rates {
            council: r.get(0),
            reviewed: r.get(1),
            completed: r.get(2),
            rectified: r.get(3),
            satisfaction_permille: r.get(4),
        })
        .collect())
}

/// A place the words occur in some council's minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub council: String,
    pub meeting: String,
    /// The paragraph the words are in.
    pub paragraph: String,
}

/// Every paragraph of every council's minutes holding `words` (Latin letters in any case),
/// by council and latest meeting first.
pub fn search(client: &mut Client, words: &str) -> Result<Vec<Place>, DistrictError> {
    let words = words.trim();
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // Words with no letters that have a case are sought byte for byte, which reads the text
    // several times faster than ILIKE folding every character of it.
    let caseless = words.to_lowercase() == words.to_uppercase();
    let (test, sought) = if caseless {
        ("strpos(m.text, $1) > 0", words.to_string())
    } else {
        let pattern = words
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        ("m.text ILIKE $1", format!("%{pattern}%"))
    };
    let sql = format!(
        "SELECT {LABEL}, m.label, m.text FROM minutes m JOIN council_chains c USING (chain)
         LEFT JOIN council_roles r ON r.chain = c.chain
         JOIN meetings g ON g.chain = m.chain AND g.id = m.meeting
         WHERE {test} ORDER BY r.code, c.name, g.start DESC"
    );
    let rows = client.query(&sql, &[&sought])?;
    let lower = words.to_lowercase();
    let mut out = Vec::new();
    for r in rows {
        let text: &str = r.get(2);
        for paragraph in text.lines().filter(|p| p.to_lowercase().contains(&lower)) {
            out.push(Place {
                council: r.get(0),
                meeting: r.get(1),
                paragraph: paragraph.to_string(),
            });
        }
    }
    Ok(out)
}
