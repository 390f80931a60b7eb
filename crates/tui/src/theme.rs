//! Colours from `themes/*.toml`. The four bundled themes are compiled in so the console runs
//! with no files beside it; `--theme` also takes a path to a theme file of one's own.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::path::Path;

const BUNDLED: [&str; 4] = [
    include_str!("../../../themes/projector-dark.toml"),
    include_str!("../../../themes/projector-light.toml"),
    include_str!("../../../themes/high-contrast.toml"),
    include_str!("../../../themes/mono.toml"),
];

pub const DEFAULT: &str = "projector-dark";
pub const MONO: &str = "mono";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    background: String,
    text: String,
    muted: String,
    accent: String,
    current: String,
    done: String,
    pending: String,
    ok: String,
    warn: String,
    bad: String,
    border: String,
    selection_fg: String,
    selection_bg: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub background: Color,
    pub text: Color,
    pub muted: Color,
    pub accent: Color,
    pub current: Color,
    pub done: Color,
    pub pending: Color,
    pub ok: Color,
    pub warn: Color,
    pub bad: Color,
    pub border: Color,
    pub selection_fg: Color,
    pub selection_bg: Color,
}

fn color(field: &str, value: &str) -> Result<Color, String> {
    value
        .parse::<Color>()
        .map_err(|_| format!("{field} = {value:?} is not a colour"))
}

impl Theme {
    fn parse(source: &str) -> Result<Theme, String> {
        let f: ThemeFile = toml::from_str(source).map_err(|e| e.message().to_string())?;
        Ok(Theme {
            background: color("background", &f.background)?,
            text: color("text", &f.text)?,
            muted: color("muted", &f.muted)?,
            accent: color("accent", &f.accent)?,
            current: color("current", &f.current)?,
            done: color("done", &f.done)?,
            pending: color("pending", &f.pending)?,
            ok: color("ok", &f.ok)?,
            warn: color("warn", &f.warn)?,
            bad: color("bad", &f.bad)?,
            border: color("border", &f.border)?,
            selection_fg: color("selection_fg", &f.selection_fg)?,
            selection_bg: color("selection_bg", &f.selection_bg)?,
            name: f.name,
        })
    }

    /// The bundled themes, in the order the theme key cycles through them.
    pub fn bundled() -> Vec<Theme> {
        // The bundled files are checked by a test; a broken one is left out rather than
        // stopping the console.
        BUNDLED
            .iter()
            .filter_map(|s| Theme::parse(s).ok())
            .collect()
    }

    /// A bundled theme by name, or a theme file by path.
    pub fn find(name_or_path: &str) -> Result<Theme, String> {
        if let Some(t) = Theme::bundled()
            .into_iter()
            .find(|t| t.name == name_or_path)
        {
            return Ok(t);
        }
        let path = Path::new(name_or_path);
        if path.extension().is_some_and(|e| e == "toml") {
            let source =
                std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
            return Theme::parse(&source).map_err(|e| format!("{}: {e}", path.display()));
        }
        let names: Vec<String> = Theme::bundled().into_iter().map(|t| t.name).collect();
        Err(format!(
            "{name_or_path:?}: not one of {} nor a .toml file",
            names.join(", ")
        ))
    }

    /// The theme to start with: the one asked for, else mono under NO_COLOR, else the default.
    pub fn initial(asked: Option<&str>) -> Result<Theme, String> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let name = asked.unwrap_or(if no_color { MONO } else { DEFAULT });
        Theme::find(name)
    }

    fn is_mono(&self) -> bool {
        self.text == Color::Reset && self.selection_bg == Color::Reset
    }

    pub fn base(&self) -> Style {
        Style::new().fg(self.text).bg(self.background)
    }
    pub fn muted(&self) -> Style {
        Style::new().fg(self.muted)
    }
    pub fn title(&self) -> Style {
        Style::new().fg(self.accent).add_modifier(Modifier::BOLD)
    }
    pub fn border(&self) -> Style {
        Style::new().fg(self.border)
    }
    pub fn current(&self) -> Style {
        Style::new()
            .fg(self.current)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
    pub fn done(&self) -> Style {
        Style::new().fg(self.done)
    }
    pub fn pending(&self) -> Style {
        Style::new().fg(self.pending)
    }
    pub fn ok(&self) -> Style {
        Style::new().fg(self.ok).add_modifier(Modifier::BOLD)
    }
    pub fn warn(&self) -> Style {
        Style::new().fg(self.warn).add_modifier(Modifier::BOLD)
    }
    pub fn bad(&self) -> Style {
        Style::new().fg(self.bad).add_modifier(Modifier::BOLD)
    }
    pub fn selected(&self) -> Style {
        let s = Style::new()
            .fg(self.selection_fg)
            .bg(self.selection_bg)
            .add_modifier(Modifier::BOLD);
        if self.is_mono() {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_theme_parses_and_is_named_after_its_file() {
        let names = ["projector-dark", "projector-light", "high-contrast", "mono"];
        for (source, name) in BUNDLED.iter().zip(names) {
            let t = Theme::parse(source).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(t.name, name);
        }
        assert_eq!(Theme::bundled().len(), 4);
        assert!(Theme::find("mono").is_ok_and(|t| t.is_mono()));
        assert!(Theme::find("projector-dark").is_ok_and(|t| !t.is_mono()));
    }

    #[test]
    fn a_bad_colour_or_name_is_named_in_the_error() {
        let bad = BUNDLED[0].replace("#ffd54f", "not-a-colour");
        let err = Theme::parse(&bad).err().unwrap_or_default();
        assert!(err.contains("not-a-colour"), "{err}");
        let err = Theme::find("sepia").err().unwrap_or_default();
        assert!(err.contains("projector-light"), "{err}");
    }
}
