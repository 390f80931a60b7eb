//! The running speaker's countdown kept in a small file beside the database while it runs, so
//! that a console that stops mid-speech (a crash, a pulled plug) starts again with the speech
//! still running and its time used counted from when it began. The file is not the record: the
//! time used is recorded when the speech is, and a missing or stale file only means no running
//! countdown.

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::data::Data;
use super::model::Timer;
use yishi_domain::{MatterId, MeetingId};

const FILE: &str = "speaking.json";

#[derive(Serialize, Deserialize)]
struct Running {
    meeting: MeetingId,
    matter: MatterId,
    index: usize,
    started: chrono::NaiveDateTime,
}

/// Keeps `timer` of `meeting` (or, for none, that nobody is speaking). A file that cannot be
/// written costs only the countdown after a crash; the console goes on.
pub fn keep(dir: &Path, meeting: Option<MeetingId>, timer: Option<&Timer>) {
    let path = dir.join(FILE);
    let running = meeting.zip(timer).map(|(meeting, t)| Running {
        meeting,
        matter: t.matter,
        index: t.index,
        started: t.started,
    });
    let _ = match running.and_then(|r| serde_json::to_vec(&r).ok()) {
        Some(bytes) => yishi_store::file::replace(&path, &bytes),
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    };
}

/// The countdown kept for `meeting`, if any, as the file says.
pub fn kept(dir: &Path, meeting: MeetingId) -> Option<Timer> {
    let bytes = std::fs::read(dir.join(FILE)).ok()?;
    let r: Running = serde_json::from_slice(&bytes).ok()?;
    (r.meeting == meeting).then_some(Timer {
        matter: r.matter,
        index: r.index,
        started: r.started,
    })
}

/// The countdown of `meeting` still running: kept in the file, its speech not recorded since
/// (a speech recorded after the file was written no longer runs).
pub fn running(dir: &Path, meeting: MeetingId, data: &Data) -> Option<Timer> {
    kept(dir, meeting).filter(|t| {
        data.matter(t.matter)
            .and_then(|x| x.speeches.get(t.index))
            .is_some_and(|s| !s.done)
    })
}
