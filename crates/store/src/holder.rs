//! Who holds a database: the process named in its lock file, as a second process says so.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use yishi_text::{Lang, sanitize_line};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    pub command: String,
    pub since: NaiveDateTime,
}

impl Holder {
    pub fn describe(&self, lang: Lang) -> String {
        let command = sanitize_line(&self.command);
        let since = self.since.format("%Y-%m-%d %H:%M:%S");
        crate::words::holder(lang, self.pid, &command, &since.to_string())
    }
}
