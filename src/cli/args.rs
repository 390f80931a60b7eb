use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use crate::text::Lang;

#[derive(Parser, Debug)]
#[command(
    name = "yishi",
    version,
    about = "议事 · a terminal console for neighbourhood council meetings"
)]
pub struct Cli {
    /// The database directory [default: the user's data directory, e.g. ~/.local/share/yishi]
    #[arg(long, global = true, env = "YISHI_DB", value_name = "DIR")]
    pub db: Option<PathBuf>,

    /// Interface language: zh-Hans, zh-Hant or en
    #[arg(long, global = true, env = "YISHI_LANG", default_value = "zh-Hans", value_parser = clap::value_parser!(LangArg))]
    pub lang: LangArg,

    /// Console colours: projector-dark, projector-light, high-contrast, mono, or a theme .toml
    /// file [default: projector-dark; mono when NO_COLOR is set]
    #[arg(long, global = true, env = "YISHI_THEME", value_name = "NAME")]
    pub theme: Option<String>,

    /// How the terminal draws ambiguous-width characters (box drawing, ·, —, quotes): auto asks
    /// it; wide (xterm -cjk_width, PuTTY, iTerm2 or VTE set for East Asian text) draws them as
    /// one-column stand-ins
    #[arg(long, global = true, env = "YISHI_AMBIGUOUS", value_enum, default_value_t = AmbiguousArg::Auto)]
    pub ambiguous: AmbiguousArg,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Debug)]
pub struct LangArg(pub Lang);

impl std::str::FromStr for LangArg {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(LangArg)
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The meeting console on a throwaway copy of the sample, a meeting under way at the vote
    Demo,
    /// The room's screen for a projector: follows the meeting the console runs, from another
    /// terminal or machine, without taking the database
    Wall,
    /// Print the console's key list as Markdown (README.md's list is made with this)
    #[command(hide = true)]
    Keys,
    /// Load an export document into an empty database (all or nothing)
    Import {
        /// The export document; - reads it from standard input
        file: PathBuf,
    },
    /// Councils: the roster template, and a council made from a roster file
    Council {
        #[command(subcommand)]
        action: CouncilAction,
    },
    /// The quorum and majority rules: every preset with its statute, article and date
    Rules {
        #[command(subcommand)]
        action: Option<RulesAction>,
    },
    /// Write the whole database as one JSON document
    Export {
        /// Write to FILE (replaced whole, only once complete); - or none: standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Meetings, one a line
    List {
        /// One JSON array of the meetings instead of lines
        #[arg(long)]
        json: bool,
    },
    /// One meeting's record
    Show {
        /// A meeting id, 2026-3 (year and number), or latest
        meeting: String,
        /// The meeting, its council, matters and motions as one JSON document
        #[arg(long)]
        json: bool,
    },
    /// A meeting's minutes (会议纪要)
    Minutes {
        /// A meeting id, 2026-3 (year and number), or latest
        #[arg(default_value = "latest")]
        meeting: String,
        /// Plain text in the customary layout, Markdown, or PDF for A4 paper (GB/T 9704, PDF/A,
        /// fonts embedded)
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// A folder of fonts for the PDF (Noto Serif CJK, Noto Sans CJK, LXGW WenKai)
        /// [default: the system's]
        #[arg(long, value_name = "DIR")]
        fonts: Option<PathBuf>,
        /// Wrap text to this many display columns (text only: Markdown paragraphs stay one line)
        #[arg(long, default_value_t = 72, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
        /// The minutes' language, zh-Hans, zh-Hant or en, whatever --lang shows [default: --lang]
        #[arg(long, value_name = "LANG", value_parser = clap::value_parser!(LangArg))]
        minutes_lang: Option<LangArg>,
        /// Write to FILE (replaced whole, only once complete); - or none: standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write the seal of a meeting signed with keys as a QR code (SVG) to FILE, for
        /// the paper copy
        #[arg(long, value_name = "FILE")]
        qr: Option<PathBuf>,
    },
    /// The matter ledger (台账): every matter, its steps, vote, tasks and satisfaction
    Ledger {
        /// CSV for Excel and WPS, or text to read
        #[arg(long, value_enum, default_value_t = LedgerFormat::Csv)]
        format: LedgerFormat,
        /// Count tasks overdue as of this date (2026-11-22, 2026/11/22 or 11月22日) [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Write to FILE (replaced whole, only once complete); - or none: standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check the journal's hash chain and that the store agrees with it
    Verify {
        /// The verdict as one JSON object: ok, changes, through_checkpoint, problems
        #[arg(long)]
        json: bool,
        /// Replay the whole journal from its first line and check against that (memory grows
        /// with the archive)
        #[arg(long)]
        replay: bool,
    },
    /// Make the record whole from the journal, or from the store where the journal is
    /// damaged, keeping the damaged files aside
    Repair {
        /// Go ahead where only part of the record can be kept, listing what is dropped
        #[arg(long)]
        accept_loss: bool,
    },
    /// Signers' keys: one made for a member and registered with the council, or the list
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Sign (签发) a meeting's minutes with the keys of its chair and recorder, sealing its
    /// record
    Sign {
        /// A meeting id, 2026-3 (year and number), or latest
        #[arg(default_value = "latest")]
        meeting: String,
    },
    /// Send this council's journal to the street office's PostgreSQL: only the lines it lacks,
    /// each checked against the council's hash chain there
    Publish {
        /// The district's database: postgres://user@host/db (password from the URL,
        /// PGPASSWORD or .pgpass)
        #[arg(long, env = "YISHI_DISTRICT", value_name = "URL")]
        to: String,
    },
    /// The street office's archive: every council's record on PostgreSQL
    District {
        #[command(subcommand)]
        action: DistrictAction,
        /// The district's database: postgres://user@host/db
        #[arg(long, global = true, env = "YISHI_DISTRICT", value_name = "URL")]
        from: Option<String>,
    },
    /// Shell completions, for bash, zsh, fish, powershell or elvish
    Completions { shell: clap_complete::Shell },
    /// The manual page (roff), for man(1)
    Man,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Pdf,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LedgerFormat {
    /// UTF-8 with a byte-order mark, for Excel and WPS
    Csv,
    Text,
}

#[derive(Subcommand, Debug)]
pub enum CouncilAction {
    /// Write the roster template (CSV for Excel and WPS): 姓名, 所属, 表决权, one member a row;
    /// or with --owners the register's: 房号, 业主, 专有部分面积, one unit a row
    Template {
        /// Write to FILE (replaced whole); - or none: standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The register of units, for an owners' rule
        #[arg(long)]
        owners: bool,
    },
    /// Make a council from a roster file (CSV in UTF-8, with or without a BOM, or GB18030);
    /// under an owners' rule, from a register of units
    Import {
        /// The roster; - reads it from standard input
        file: PathBuf,
        /// The council's name, e.g. 青禾里社区居民议事会
        #[arg(long)]
        name: String,
        /// Its quorum and majority rule, a preset (`yishi rules` lists them)
        #[arg(long, default_value = "representatives-meeting")]
        rule: String,
        /// Satisfaction (满意 + 基本满意, in percent) below which a review sends a matter back
        /// for 整改
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u8).range(0..=100))]
        threshold: u8,
        /// How many members one person may hold proxies for at a meeting, where the rule admits
        /// proxies (an owners' assembly sets its own in its rules of procedure)
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=99))]
        proxy_limit: Option<u32>,
    },
}

#[derive(Subcommand, Debug)]
pub enum KeyAction {
    /// Make a member's signing key (Ed25519, minisign format) in the keys folder and register
    /// its public key with the council
    New {
        /// The member's name, as the council lists it
        #[arg(long)]
        member: String,
        /// Keep the secret key without a password (anyone with the file can sign as them)
        #[arg(long)]
        no_password: bool,
    },
    /// The registered keys: member, key id, when registered, whether the secret key is here
    List,
}

#[derive(Subcommand, Debug)]
pub enum DistrictAction {
    /// Enrol a council (as the district database's owner): its code and a login of its own,
    /// which may publish to that council's record only
    Enrol {
        /// The community's 12-digit 统计用区划代码, a hyphen and the council's number:
        /// 110101001001-01
        #[arg(long)]
        code: String,
        /// The council's name, as the street office knows it
        #[arg(long)]
        name: String,
    },
    /// Every council's matter ledger as one CSV for Excel and WPS
    Ledger {
        /// Count tasks overdue as of this date [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
        /// Write to FILE (replaced whole, only once complete); - or none: standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Prove what the district holds: every council's chain, the heads its laptop signed,
    /// every record derived again from the lines, and nothing gone since the last verify
    Verify,
    /// Tasks overdue or under supervision, by community
    Overdue {
        /// Count tasks overdue as of this date [default: today]
        #[arg(long, value_name = "DATE")]
        as_of: Option<String>,
    },
    /// Each community's residents' review: satisfaction, matters completed, 整改
    Rates,
    /// Every council's minutes searched for the words
    Search {
        /// The words, as they stand in the minutes
        words: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum RulesAction {
    /// One preset explained in plain words: who counts, what a meeting and a decision need,
    /// and the statute's own words
    Show {
        /// The preset's key, e.g. owners-special
        key: String,
    },
}

/// `--ambiguous`: how the terminal draws ambiguous-width characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousArg {
    Auto,
    Narrow,
    Wide,
}

impl From<AmbiguousArg> for crate::tui::Ambiguous {
    fn from(a: AmbiguousArg) -> Self {
        match a {
            AmbiguousArg::Auto => crate::tui::Ambiguous::Auto,
            AmbiguousArg::Narrow => crate::tui::Ambiguous::Narrow,
            AmbiguousArg::Wide => crate::tui::Ambiguous::Wide,
        }
    }
}
