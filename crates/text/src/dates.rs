//! Dates as people type them: 2026-12-5, 2026/12/5, 2026.12.5, 2026年12月5日, and without the
//! year (12-05, 12/5, 12月5日, 12月5号) in the current one; full-width figures as an input method
//! gives them. A date that does not exist is none.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The date `typed` names, with `today` giving the year where none is written.
pub fn parse_date(typed: &str, today: NaiveDate) -> Option<NaiveDate> {
    // Full-width figures and separators to their ASCII forms, and the Chinese marks to one.
    let s: String = typed
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            '年' | '月' | '-' | '/' | '.' | '－' | '／' | '．' => Some('-'),
            '日' | '号' | '號' => None,
            c => Some(c),
        })
        .collect();
    let parts: Vec<&str> = s.split('-').collect();
    let number = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(y)? as i32, number(m)?, number(d)?),
        [m, d] if m.len() <= 2 && d.len() <= 2 => (today.year(), number(m)?, number(d)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A date and a time of day as people type them: a date as `parse_date` reads it, then
/// 19:30, 19：30, 19点30 or 19点 (a space between them, or none after 日).
pub fn parse_date_time(typed: &str, today: NaiveDate) -> Option<NaiveDateTime> {
    let typed = typed.trim();
    let split = typed
        .find(char::is_whitespace)
        .or_else(|| typed.find(['日', '号', '號']).map(|i| i + '日'.len_utf8()))?;
    let (date, time) = typed.split_at(split);
    let date = parse_date(date, today)?;
    let time: String = time
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '：' | '点' | '點' | '时' | '時' => ':',
            c => c,
        })
        .filter(|c| *c != '分')
        .collect();
    let (h, m) = time.split_once(':').unwrap_or((&time, ""));
    let figures = |p: &str| p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if h.is_empty() || !figures(h) || !figures(m) {
        return None;
    }
    let hour = h.parse().ok()?;
    let minute = if m.is_empty() { 0 } else { m.parse().ok()? };
    date.and_hms_opt(hour, minute, 0)
}

#[cfg(test)]
mod tests {
    use super::{parse_date, parse_date_time};
    use chrono::NaiveDate;

    #[test]
    fn times_as_people_type_them() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let at = |m, d, h, min| {
            NaiveDate::from_ymd_opt(2026, m, d).and_then(|d| d.and_hms_opt(h, min, 0))
        };
        for (typed, expected) in [
            ("2026-12-05 19:30", at(12, 5, 19, 30)),
            ("2026/12/5 9:05", at(12, 5, 9, 5)),
            ("12月5日 19：30", at(12, 5, 19, 30)),
            ("12月5日19点30", at(12, 5, 19, 30)),
            ("12月5日19点30分", at(12, 5, 19, 30)),
            ("12月5日 19点", at(12, 5, 19, 0)),
            ("12-5 8:00", at(12, 5, 8, 0)),
            ("2026-12-05", None),
            ("2026-12-05 25:00", None),
            ("2026-12-05 19:60", None),
            ("2026-12-05 晚上", None),
            ("2026-12-05 1930", None),
        ] {
            assert_eq!(parse_date_time(typed, today), expected, "{typed:?}");
        }
    }

    #[test]
    fn dates_as_people_type_them() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (typed, expected) in [
            ("2026-12-05", day(2026, 12, 5)),
            ("2026-12-5", day(2026, 12, 5)),
            ("2026/12/5", day(2026, 12, 5)),
            ("2026.12.5", day(2026, 12, 5)),
            ("2026年12月5日", day(2026, 12, 5)),
            ("２０２６年１２月５日", day(2026, 12, 5)),
            (" 2027-1-31 ", day(2027, 1, 31)),
            ("12月5日", day(2026, 12, 5)),
            ("12月5号", day(2026, 12, 5)),
            ("12-05", day(2026, 12, 5)),
            ("12/5", day(2026, 12, 5)),
            ("1-2", day(2026, 1, 2)),
            ("2028-2-29", day(2028, 2, 29)),
            ("2026-2-29", None),
            ("2026-13-1", None),
            ("12月32日", None),
            ("26-12-5", None),
            ("2026-12", None),
            ("下周五", None),
            ("", None),
            ("2026--5", None),
            ("12345-1-1", None),
        ] {
            assert_eq!(parse_date(typed, today), expected, "{typed:?}");
        }
    }
}
