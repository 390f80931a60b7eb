use std::fmt;
use std::str::FromStr;

/// The interface language. Simplified Chinese is the default; the record itself keeps whatever
/// the users typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    ZhHans,
    ZhHant,
    En,
}

/// A message with values in all three languages, each rendering its own `format!` with the
/// values in scope: `say!(lang, "共{n}条", "共{n}條", "{n} in all")`.
#[macro_export]
macro_rules! say {
    ($l:expr, $hans:literal, $hant:literal, $en:literal $(,)?) => {
        match $l {
            $crate::Lang::ZhHans => format!($hans),
            $crate::Lang::ZhHant => format!($hant),
            $crate::Lang::En => format!($en),
        }
    };
}

/// A catalog entry: the same words in 简体, 繁體 and English. The type holds all three, so an
/// entry that lacks one does not compile.
pub type Words = [&'static str; 3];

impl Lang {
    /// The catalog entry's words in this language.
    pub fn say(self, words: Words) -> &'static str {
        let [hans, hant, en] = words;
        self.pick(hans, hant, en)
    }

    /// The space between two items on a line: an ideographic space in Chinese, two spaces in
    /// English (where a full-width space reads as a hole).
    pub fn gap(self) -> &'static str {
        self.pick("\u{3000}", "\u{3000}", "  ")
    }

    /// Between two clauses: a full-width comma in Chinese, ", " in English.
    pub fn comma(self) -> &'static str {
        self.pick("\u{ff0c}", "\u{ff0c}", ", ")
    }

    /// The colon after a label: full-width in Chinese, ": " in English.
    pub fn colon(self) -> &'static str {
        self.pick("\u{ff1a}", "\u{ff1a}", ": ")
    }

    /// An indent of two characters' width: two ideographic spaces, or four spaces.
    pub fn indent(self) -> &'static str {
        self.pick("\u{3000}\u{3000}", "\u{3000}\u{3000}", "    ")
    }

    /// A mark set off in brackets: ［…］ in Chinese, […] in English.
    pub fn bracketed(self, words: &str) -> String {
        match self {
            Lang::En => format!("[{words}]"),
            _ => format!("\u{ff3b}{words}\u{ff3d}"),
        }
    }

    /// Words the council wrote, quoted as the language quotes: 「…」 in Chinese, “…” in English.
    pub fn quoted(self, words: &str) -> String {
        match self {
            Lang::En => format!("\u{201c}{words}\u{201d}"),
            _ => format!("\u{300c}{words}\u{300d}"),
        }
    }

    /// Picks one of three renderings of the same message.
    pub fn pick<'a>(self, hans: &'a str, hant: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhHans => hans,
            Lang::ZhHant => hant,
            Lang::En => en,
        }
    }

    /// Picks one of three whole messages, each written out in its own language.
    pub fn pick_owned(self, hans: String, hant: String, en: String) -> String {
        match self {
            Lang::ZhHans => hans,
            Lang::ZhHant => hant,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "zh-hans" | "zh-cn" | "zh" => Ok(Lang::ZhHans),
            "zh-hant" | "zh-tw" | "zh-hk" => Ok(Lang::ZhHant),
            "en" => Ok(Lang::En),
            _ => Err(format!("{s}: zh-Hans | zh-Hant | en")),
        }
    }
}
