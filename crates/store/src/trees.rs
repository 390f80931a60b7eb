//! The names of the store's trees: one per kind of record, and the indexes beside them.

pub const COUNCILS: &str = "councils";
pub const MEETINGS: &str = "meetings";
pub const MATTERS: &str = "matters";
pub const MOTIONS: &str = "motions";
pub const HEADS: &str = "meeting_heads";
/// Matters not yet closed, keyed by council then matter: what home lists without reading
/// every matter.
pub const OPEN: &str = "open_matters";
/// Meetings keyed by council then meeting: what the console reads of its council's meetings
/// after every change, without reading every council's.
pub const BY_COUNCIL: &str = "council_meetings";
/// Meetings keyed by when they began, then by id: the latest meeting, and meetings in the
/// order they were held, without reading every meeting's head.
pub const BY_START: &str = "meetings_by_start";
