//! The key table's parts.

mod archive;
mod console;
mod prompts;

pub use archive::ARCHIVE;
pub use console::CONSOLE;
pub use prompts::PROMPTS;
