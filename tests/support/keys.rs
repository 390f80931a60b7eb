//! A console driven by keys and read by its screen, in this process (`desk`) or in a
//! pseudo-terminal (`pty`): the chair's steps (`chair`) run on either.

pub trait Keys {
    /// Types text or key sequences as a terminal would send them.
    fn send(&mut self, s: &str);
    /// Text pasted with bracketed paste.
    fn paste(&mut self, s: &str);
    /// The screen as last drawn whole.
    fn screen(&self) -> String;
    /// The screen once it shows one of `needles`: which, and the screen. Fails with the screen
    /// when it does not.
    fn wait_for_any(&self, needles: &[&str]) -> (usize, String);
    /// The screen once it no longer shows `needle`; fails with the screen when it does.
    fn wait_for_gone(&self, needle: &str) -> String;

    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_any(&[needle]).1
    }

    fn enter(&mut self) {
        self.send("\r");
    }

    fn tab(&mut self) {
        self.send("\t");
    }
}

impl Keys for super::pty::Console {
    fn send(&mut self, s: &str) {
        super::pty::Console::send(self, s)
    }

    fn paste(&mut self, s: &str) {
        super::pty::Console::paste(self, s)
    }

    fn screen(&self) -> String {
        super::pty::Console::screen(self)
    }

    fn wait_for_any(&self, needles: &[&str]) -> (usize, String) {
        super::pty::Console::wait_for_any(self, needles)
    }

    fn wait_for_gone(&self, needle: &str) -> String {
        super::pty::Console::wait_for_gone(self, needle)
    }
}
