//! The records one meeting's minutes are made from, read from the store.

use std::collections::BTreeMap;

use super::input::{Layout, MinutesInput};
use yishi_domain::{Council, Matter, Meeting, MeetingId, Motion, MotionId, ReadError};
use yishi_store::{Archive, StoreError};
use yishi_text::Lang;

/// A meeting with its council, its agenda's matters in order and their motions.
#[derive(Debug, Clone)]
pub struct MeetingRecord {
    pub council: Council,
    pub meeting: Meeting,
    pub matters: Vec<Matter>,
    pub motions: BTreeMap<MotionId, Motion>,
    /// The layout the minutes are read in: a sealed meeting's, the one it was signed in.
    pub layout: Layout,
}

fn read<T>(r: Result<Option<T>, ReadError>) -> Result<Option<T>, StoreError> {
    r.map_err(StoreError::from)
}

fn missing(what: &str, id: u64) -> StoreError {
    StoreError::Damaged {
        detail: format!("{what} {id} is missing"),
    }
}

impl MeetingRecord {
    pub fn load(store: &dyn Archive, id: MeetingId) -> Result<MeetingRecord, StoreError> {
        let meeting = read(store.meeting(id))?.ok_or_else(|| missing("meeting", id.0))?;
        let council = read(store.council(meeting.council))?
            .ok_or_else(|| missing("council", meeting.council.0))?;
        let mut matters = Vec::new();
        let mut motions = BTreeMap::new();
        for mid in &meeting.agenda {
            let x = read(store.matter(*mid))?.ok_or_else(|| missing("matter", mid.0))?;
            for vid in &x.motions {
                let v = read(store.motion(*vid))?.ok_or_else(|| missing("motion", vid.0))?;
                motions.insert(*vid, v);
            }
            matters.push(x);
        }
        let mut record = MeetingRecord {
            council,
            meeting,
            matters,
            motions,
            layout: Layout::default(),
        };
        record.layout = record.input().as_signed().layout;
        Ok(record)
    }

    /// The minutes' makings, in 简体 (what search reads).
    pub fn input(&self) -> MinutesInput<'_> {
        self.input_in(Lang::ZhHans)
    }

    /// The minutes' makings, written in `lang`.
    pub fn input_in(&self, lang: Lang) -> MinutesInput<'_> {
        MinutesInput {
            council: &self.council,
            meeting: &self.meeting,
            matters: self.matters.iter().collect(),
            motions: self.motions.iter().map(|(k, v)| (*k, v)).collect(),
            lang,
            layout: self.layout,
        }
    }

    /// The minutes as plain text at `width` columns in `lang`, exactly as `yishi minutes`
    /// prints them.
    pub fn text(&self, lang: Lang, width: usize) -> String {
        super::text(&self.input_in(lang), width)
    }

    /// The SHA-256 of the minutes as they are signed: the text in 简体 at 72 columns, in
    /// hexadecimal.
    pub fn digest(&self) -> String {
        super::plain::digest(&self.input())
    }

    pub fn markdown(&self, lang: Lang) -> String {
        super::markdown(&self.input_in(lang))
    }

    /// A file name for the minutes: 2026-11-21-2026年第5次会议纪要.txt
    pub fn file_name(&self, extension: &str) -> String {
        let m = &self.meeting;
        format!(
            "{}-{}纪要.{extension}",
            m.start.format("%Y-%m-%d"),
            m.label(Lang::ZhHans)
        )
    }
}
