//! The clock a change is recorded with: the computer's, or one started at a set time.

use chrono::NaiveDateTime;

/// How far the clock is set from the computer's, once for the process (`start_clock_at`).
static CLOCK_SHIFT: std::sync::OnceLock<chrono::TimeDelta> = std::sync::OnceLock::new();

/// Starts the clock at `start` and runs it on from there for the rest of the process: a
/// meeting rehearsed on its day, or one held over several evenings in the tests. A second
/// call changes nothing, so every record of a run keeps one clock.
pub fn start_clock_at(start: NaiveDateTime) {
    let _ = CLOCK_SHIFT.set(start - chrono::Local::now().naive_local());
}

/// The wall clock to the second: the time a change is recorded with.
pub fn now() -> NaiveDateTime {
    use chrono::Timelike;
    let t = chrono::Local::now().naive_local() + CLOCK_SHIFT.get().copied().unwrap_or_default();
    t.with_nanosecond(0).unwrap_or(t)
}
