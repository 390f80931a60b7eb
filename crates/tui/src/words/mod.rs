//! The console's words in 简体, 繁體 and English, each entry all three (the type allows no
//! fewer), kept apart from the code so that every message can be read, and translated, in one
//! place. Messages that carry values are functions in `values`.

mod archive;
mod console;
mod floor;
mod forms;
mod setup;
pub mod values;
mod wall;

pub use archive::*;
pub use console::*;
pub use floor::*;
pub use forms::*;
pub use setup::*;
pub use wall::*;
