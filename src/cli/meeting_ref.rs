//! How a meeting is named on the command line: `latest`, `2026-3`, `2026年第3次`, or its id.

use crate::cli::words;
use crate::domain::MeetingId;
use crate::store::Archive;
use crate::text::Lang;

use super::Failure;

/// The meeting `arg` names. The latest meeting and a meeting by id are read through the
/// store's indexes; a year and number looks through the meetings' heads.
pub fn resolve(arg: &str, store: &dyn Archive, lang: Lang) -> Result<MeetingId, Failure> {
    let arg = arg.trim();
    let found = if arg == "latest" || arg == "最新" {
        store.latest_meeting()?
    } else if let Some((y, n)) = parse_year_number(arg) {
        let heads = store.meetings()?;
        heads
            .into_iter()
            .rev()
            .find(|h| h.year == y && h.number == n)
    } else if let Ok(id) = arg.parse::<u64>() {
        store.meeting_head(MeetingId(id))?
    } else {
        None
    };
    found
        .map(|h| h.id)
        .ok_or_else(|| Failure::Said(words::no_such_meeting(lang, arg)))
}

fn parse_year_number(s: &str) -> Option<(i32, u32)> {
    let s = s
        .trim_end_matches("会议")
        .trim_end_matches("會議")
        .trim_end_matches('次');
    let (y, n) = s.split_once('-').or_else(|| s.split_once("年第"))?;
    Some((y.parse().ok()?, n.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::parse_year_number;

    #[test]
    fn names() {
        assert_eq!(parse_year_number("2026-3"), Some((2026, 3)));
        assert_eq!(parse_year_number("2026年第3次"), Some((2026, 3)));
        assert_eq!(parse_year_number("2026年第12次会议"), Some((2026, 12)));
        assert_eq!(parse_year_number("abc"), None);
    }
}
