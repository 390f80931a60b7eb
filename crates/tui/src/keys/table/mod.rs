//! The key table's parts.

mod archive;
mod console;
mod prompts;
mod steps;

pub use archive::ARCHIVE;
pub use console::CONSOLE;
pub use prompts::PROMPTS;
pub use steps::STEPS;
