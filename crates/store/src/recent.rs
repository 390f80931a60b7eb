//! The records the last change wrote or read, kept decoded: a meeting's changes come one after
//! another on the same motion, meeting and council, and decoding them again from sled costs
//! more than the rest of checking a ballot.

use std::cell::RefCell;

use yishi_domain::{Council, Matter, Meeting, Motion, Write};

#[derive(Default)]
pub(super) struct Recent {
    council: RefCell<Option<Council>>,
    meeting: RefCell<Option<Meeting>>,
    matter: RefCell<Option<Matter>>,
    motion: RefCell<Option<Motion>>,
}

/// A record kept here, with the id it is kept under.
pub(super) trait Kept: Clone {
    fn slot(recent: &Recent) -> &RefCell<Option<Self>>;
    fn id(&self) -> u64;
}

macro_rules! kept {
    ($t:ty, $field:ident) => {
        impl Kept for $t {
            fn slot(recent: &Recent) -> &RefCell<Option<Self>> {
                &recent.$field
            }
            fn id(&self) -> u64 {
                self.id.0
            }
        }
    };
}

kept!(Council, council);
kept!(Meeting, meeting);
kept!(Matter, matter);
kept!(Motion, motion);

impl Recent {
    /// The record `id` of its kind, from here if kept, else from `read` (and kept).
    pub(super) fn get<T: Kept, E>(
        &self,
        id: u64,
        read: impl FnOnce() -> Result<Option<T>, E>,
    ) -> Result<Option<T>, E> {
        if let Some(kept) = T::slot(self).borrow().as_ref().filter(|k| k.id() == id) {
            return Ok(Some(kept.clone()));
        }
        let found = read()?;
        if let Some(found) = &found {
            *T::slot(self).borrow_mut() = Some(found.clone());
        }
        Ok(found)
    }

    /// Keeps what a change wrote, as it now stands in the store.
    pub(super) fn wrote(&self, writes: &[Write]) {
        for w in writes {
            match w {
                Write::Council(c) => *self.council.borrow_mut() = Some(c.clone()),
                Write::Meeting(m) => *self.meeting.borrow_mut() = Some(m.clone()),
                Write::Matter(m) => *self.matter.borrow_mut() = Some(m.clone()),
                Write::Motion(m) => *self.motion.borrow_mut() = Some(m.clone()),
            }
        }
    }

    /// Forgets everything: the store was written other than by one change (an import, a
    /// change replayed, a change taken back).
    pub(super) fn forget(&self) {
        *self.council.borrow_mut() = None;
        *self.meeting.borrow_mut() = None;
        *self.matter.borrow_mut() = None;
        *self.motion.borrow_mut() = None;
    }
}
