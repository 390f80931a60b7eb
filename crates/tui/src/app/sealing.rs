//! 签发 with keys in the console: the passwords typed in the form open the signers' keys on
//! this machine, and the seal is recorded like any change. A wrong password or a missing key
//! keeps the form open, saying which.

use std::collections::BTreeMap;
use yishi_domain::SignMeeting;

use super::App;
use crate::form::Form;
use crate::forms::kind::FormKind;
use crate::model::Notice;
use yishi_domain::MemberId;
use yishi_minutes::MeetingRecord;
use yishi_store::seal;

impl App {
    pub(super) fn seal(&mut self, form: Box<Form>) {
        let FormKind::Seal { meeting, signers } = form.kind.clone() else {
            return;
        };
        let lang = self.model.lang;
        let passwords: BTreeMap<MemberId, String> = signers
            .iter()
            .enumerate()
            .map(|(i, m)| (*m, form.raw(i).to_string()))
            .collect();
        let made = MeetingRecord::load(&self.store, meeting)
            .map_err(|e| e.describe(lang))
            .and_then(|record| {
                let keys =
                    seal::secret_keys(&record.council, &signers).map_err(|e| e.describe(lang))?;
                let change = seal::sealed(
                    &self.store,
                    &record.meeting,
                    &record.digest(),
                    &keys,
                    &|m| passwords.get(&m).cloned(),
                )
                .map_err(|e| e.describe(lang))?;
                Ok((record, change))
            });
        let (record, change) = match made {
            Ok(made) => made,
            Err(why) => return self.reopen(form, why),
        };
        if let Err(why) = self.record(std::slice::from_ref(&change)) {
            return self.reopen(form, why);
        }
        self.model.overlay = None;
        let digest = match &change {
            yishi_domain::Change::SignMeeting(SignMeeting {
                sealed: Some(s), ..
            }) => yishi_domain::short_digest(&s.record),
            _ => String::new(),
        };
        let label = record.meeting.label(lang);
        self.model.notice = Some(Notice::Done(lang.pick_owned(
            format!("已用密钥签发{label}纪要，记录摘要 {digest}"),
            format!("已用金鑰簽發{label}紀要，記錄摘要 {digest}"),
            format!("signed the minutes of {label} with keys; record digest {digest}"),
        )));
    }
}
