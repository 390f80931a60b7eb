//! Drawing pieces the screens share.

pub mod big;
pub mod dots;
pub mod popup;
pub mod stack;
pub mod stepper;
