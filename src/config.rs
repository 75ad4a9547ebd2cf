//! Profiles and `rectlint.toml`: every threshold, word list and severity the
//! rules use. The shipped profiles (`rules/*.toml`) are embedded in the
//! binary; a project picks one and overrides single values in its
//! `rectlint.toml`, found from each checked file upward.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::code::Code;
use crate::model::{EvidenceKind, InspectionKind};

pub use crate::check::profile::{DEFAULT_MAX_FILE_SIZE, Level, LineEndings, Profile};
pub use crate::source::normalize;

/// The profiles shipped with rectlint: name and TOML text.
pub const SHIPPED: [(&str, &str); 4] = [
    ("xuncha", include_str!("../rules/xuncha.toml")),
    ("xunshi", include_str!("../rules/xunshi.toml")),
    ("audit", include_str!("../rules/audit.toml")),
    ("strict", include_str!("../rules/strict.toml")),
];

/// The profile used when nothing names one.
pub const DEFAULT_PROFILE: &str = "xuncha";

/// The name of the configuration file.
pub const CONFIG_FILE: &str = "rectlint.toml";

/// The keys of a profile file and of `rectlint.toml`; all optional, so that
/// each file sets only what it changes.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `rectlint.toml` only: the profile to start from, a shipped name or a
    /// path relative to the file (inside its repository).
    pub profile: Option<String>,
    /// Profile files only: the profile this one changes; without it, the
    /// default profile ([`DEFAULT_PROFILE`]).
    pub extends: Option<String>,
    /// What the profile is for.
    pub description: Option<String>,
    /// The inspection kind assumed when a plan has no `类型`.
    pub kind: Option<KindName>,
    /// T004: days after feedback within which dated measures are due.
    pub rectification_window_days: Option<u32>,
    /// T010: days after feedback within which an immediate item is due.
    pub immediate_days: Option<u32>,
    /// T011: how close to as-of a deadline counts as due soon.
    pub due_soon_days: Option<u32>,
    /// R004: how many measures one leader may answer for.
    pub max_measures_per_leader: Option<u32>,
    /// E002: the evidence kinds a closed measure must carry.
    pub closure_evidence: Option<Vec<EvidenceName>>,
    /// T002: words of vague deadlines.
    pub vague_deadlines: Option<Vec<String>>,
    /// Q001: vague verbs.
    pub vague_phrases: Option<Vec<String>>,
    /// Q002: placeholder and redaction marks.
    pub placeholders: Option<Vec<String>>,
    /// R006: collective names.
    pub collective_names: Option<Vec<String>>,
    /// R003, R005: words of a leader's role.
    pub leader_roles: Option<Vec<String>>,
    /// Q003: words naming a meeting as the deliverable.
    pub meeting_words: Option<Vec<String>>,
    /// Q003: words naming a document as the deliverable.
    pub document_words: Option<Vec<String>>,
    /// Q001, Q003: counters that make a numeral a checkable quantity
    /// (`3项`, `95%`).
    pub counters: Option<Vec<String>>,
    /// Raise infos to warnings and warnings to errors.
    pub escalate: Option<bool>,
    /// Accept runs of `*` and `×` as redaction, not placeholders.
    pub allow_redaction: Option<bool>,
    /// Files larger than this are not read (a P007 says so): a number of
    /// bytes, or a size such as `"64MB"`.
    pub max_file_size: Option<FileSize>,
    /// How `fmt` ends lines: `"auto"` (as the file mostly does), `"lf"`,
    /// `"crlf"` or `"native"`.
    pub line_ending: Option<LineEndings>,
    /// Levels of single rules, by code.
    #[serde(default, deserialize_with = "rule_levels")]
    pub severity: BTreeMap<Code, Level>,
}

/// A rule code as a `[severity]` key: any case, and one the catalog has.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct RuleCode(Code);

impl<'de> Deserialize<'de> for RuleCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?.to_ascii_uppercase();
        if let Some(known) = Code::parse(&code).filter(|c| crate::check::rule(*c).is_some()) {
            return Ok(Self(known));
        }
        let codes = crate::check::rules::ALL
            .iter()
            .map(|r| r.meta().code.as_str());
        Err(serde::de::Error::custom(
            match crate::suggest::closest(&code, codes) {
                Some(guess) => format!("unknown rule `{code}`; did you mean `{guess}`?"),
                None => format!("unknown rule `{code}`; `rectlint rules` lists them"),
            },
        ))
    }
}

fn rule_levels<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<Code, Level>, D::Error> {
    // Keys read as `RuleCode`, so that an unknown one is an error at the key.
    let levels = BTreeMap::<RuleCode, Level>::deserialize(d)?;
    Ok(levels
        .into_iter()
        .map(|(code, level)| (code.0, level))
        .collect())
}

/// A size in bytes, written as a number or as `"64MB"`, `"512KB"`, `"1GB"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileSize(pub u64);

impl<'de> Deserialize<'de> for FileSize {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Bytes(u64),
            Text(String),
        }
        match Written::deserialize(d)? {
            Written::Bytes(n) => Ok(FileSize(n)),
            Written::Text(t) => parse_size(&t)
                .map(FileSize)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// Read a size: bytes (`1048576`), or a number with `K`, `M` or `G`
/// (optionally followed by `B` or `iB`; all binary: `64MB` is 64 × 1024 ×
/// 1024 bytes).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(digits);
    let wrong = || format!("not a size: `{text}` (write bytes, or e.g. 64MB, 512KB)");
    let number: u64 = number.parse().map_err(|_| wrong())?;
    let unit = unit.trim().to_ascii_uppercase();
    let shift = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        _ => return Err(wrong()),
    };
    number.checked_mul(1 << shift).ok_or_else(wrong)
}

/// An inspection kind as named in a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KindName {
    Xunshi,
    Xuncha,
    Audit,
    Supervision,
    Other,
}

impl From<KindName> for InspectionKind {
    fn from(k: KindName) -> Self {
        match k {
            KindName::Xunshi => InspectionKind::Xunshi,
            KindName::Xuncha => InspectionKind::Xuncha,
            KindName::Audit => InspectionKind::Audit,
            KindName::Supervision => InspectionKind::Supervision,
            KindName::Other => InspectionKind::Other,
        }
    }
}

/// An evidence kind as named in a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceName {
    Report,
    Ledger,
    Minutes,
    Regulation,
    Notice,
    Photo,
    Other,
}

impl From<EvidenceName> for EvidenceKind {
    fn from(k: EvidenceName) -> Self {
        match k {
            EvidenceName::Report => EvidenceKind::Report,
            EvidenceName::Ledger => EvidenceKind::Ledger,
            EvidenceName::Minutes => EvidenceKind::Minutes,
            EvidenceName::Regulation => EvidenceKind::Regulation,
            EvidenceName::Notice => EvidenceKind::Notice,
            EvidenceName::Photo => EvidenceKind::Photo,
            EvidenceName::Other => EvidenceKind::Other,
        }
    }
}

impl Profile {
    /// Apply the keys of `s` over this profile.
    fn apply(&mut self, s: Settings) {
        macro_rules! take {
            ($($key:ident),+) => { $(if let Some(v) = s.$key { self.$key = v; })+ };
        }
        take!(
            description,
            rectification_window_days,
            immediate_days,
            due_soon_days,
            max_measures_per_leader,
            vague_deadlines,
            vague_phrases,
            placeholders,
            collective_names,
            leader_roles,
            meeting_words,
            document_words,
            counters,
            escalate,
            allow_redaction,
            line_ending
        );
        if let Some(size) = s.max_file_size {
            self.max_file_size = size.0;
        }
        if let Some(kind) = s.kind {
            self.kind = kind.into();
        }
        if let Some(kinds) = s.closure_evidence {
            self.closure_evidence = kinds.into_iter().map(Into::into).collect();
        }
        self.severity.extend(s.severity);
    }

    fn empty(name: &str) -> Profile {
        Profile {
            name: name.to_owned(),
            description: String::new(),
            kind: InspectionKind::Xuncha,
            rectification_window_days: 0,
            immediate_days: 0,
            due_soon_days: 0,
            max_measures_per_leader: 0,
            closure_evidence: Vec::new(),
            vague_deadlines: Vec::new(),
            vague_phrases: Vec::new(),
            placeholders: Vec::new(),
            collective_names: Vec::new(),
            leader_roles: Vec::new(),
            meeting_words: Vec::new(),
            document_words: Vec::new(),
            counters: Vec::new(),
            escalate: false,
            allow_redaction: false,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            line_ending: LineEndings::Auto,
            severity: BTreeMap::new(),
        }
    }

    /// A shipped profile by name.
    pub fn shipped(name: &str) -> Option<Profile> {
        SHIPPED.iter().find(|(n, _)| *n == name)?;
        load_profile(name, Path::new("."), None, 0).ok()
    }
}

/// A configuration file or profile that cannot be used.
#[derive(Debug)]
pub struct ConfigError {
    /// The file, as shown to the user.
    pub path: String,
    /// Its text, when it may be shown (for pointing into it): only that of
    /// a file named `rectlint.toml` or of a shipped profile, see
    /// `may_show`.
    pub text: Option<Box<miette::NamedSource<String>>>,
    /// Where in the text the problem is.
    pub span: Option<std::ops::Range<usize>>,
    /// The line and column of the problem, shown after the path when the
    /// text is not shown.
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl ConfigError {
    /// An error about a file as a whole.
    fn file(path: impl Into<String>, message: impl Into<String>) -> ConfigError {
        ConfigError {
            path: path.into(),
            text: None,
            span: None,
            at: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) if self.text.is_none() => {
                write!(f, "{}:{line}:{column}: {}", self.path, self.message)
            }
            _ => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl miette::Diagnostic for ConfigError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("config"))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.text.as_deref().map(|t| t as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        Some(Box::new(std::iter::once(
            miette::LabeledSpan::new_with_span(None, span),
        )))
    }
}

/// Configuration and profile files longer than this are not read: a
/// profile, word lists and all, is a few kilobytes.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// The text of a configuration or profile file: a regular file (a FIFO or
/// a device is refused without waiting) of at most [`MAX_CONFIG_SIZE`]
/// bytes, in UTF-8. `what` names it in messages ("configuration",
/// "profile").
fn read_config(path: &Path, shown: &str, what: &str) -> Result<String, ConfigError> {
    let bytes = crate::source::read_file(path, MAX_CONFIG_SIZE).map_err(|e| {
        let why = match e {
            crate::source::ReadError::NotRegular(special) => {
                format!("it is {}, not a regular file", special.name().en)
            }
            crate::source::ReadError::TooLarge(_) => format!(
                "it is larger than {} KB, too large for a {what}",
                MAX_CONFIG_SIZE / 1024
            ),
            crate::source::ReadError::Io(e) => e.to_string(),
        };
        ConfigError::file(shown, format!("cannot read the {what}: {why}"))
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        ConfigError::file(
            shown,
            format!("cannot read the {what}: from byte {at} it is not UTF-8 text"),
        )
    })
}

/// Whether the text of the file at `path` may be shown in an error: only
/// when the file, once symbolic links are followed, is named
/// `rectlint.toml`. Anything else a configuration can name (a profile at
/// any path in the repository, a link to a file the job wrote) may hold
/// what must not reach a log — `.git/config` holds a CI job's token — so
/// its errors give the line and column and the parser's words, never its
/// lines.
fn may_show(path: &Path) -> bool {
    std::fs::canonicalize(path).is_ok_and(|real| real.file_name().is_some_and(|n| n == CONFIG_FILE))
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Read settings from a file's text; `show` says whether the error may
/// point into the text (see [`may_show`]). When it may not, a text that is
/// not TOML at all is said to be so, with its line and column only.
fn parse_settings(path: &str, text: &str, show: bool) -> Result<Settings, ConfigError> {
    let shown = |e: &toml::de::Error, message: String| ConfigError {
        path: path.to_owned(),
        text: show.then(|| Box::new(miette::NamedSource::new(path, text.to_owned()))),
        span: e.span(),
        at: e.span().map(|s| line_column(text, s.start)),
        message,
    };
    if !show && let Err(e) = text.parse::<toml::Table>() {
        return Err(shown(
            &e,
            format!(
                "not a TOML file ({}); its text is not shown",
                e.message().trim()
            ),
        ));
    }
    toml::from_str(text).map_err(|e| shown(&e, e.message().trim().to_owned()))
}

/// Profiles may extend each other this deep.
const MAX_EXTENDS: usize = 8;

/// Where a profile file named in a file may be: inside the repository of
/// the file that names it, as the file system sees it. That is the nearest
/// folder above it holding `.git`, so that a `rectlint.toml` in a
/// subfolder may name a profile kept higher up in the same repository
/// (`../rules/ours.toml`); outside any git repository, the nearest folder
/// holding `rectlint.toml`, else the file's own folder.
fn boundary(naming_file: &Path) -> PathBuf {
    let absolute = std::path::absolute(naming_file).unwrap_or_else(|_| naming_file.to_path_buf());
    let absolute = normalize(&absolute);
    let folder = absolute.parent().unwrap_or(&absolute);
    let root = folder
        .ancestors()
        .find(|a| a.join(".git").exists())
        .map(Path::to_path_buf)
        .or_else(|| find_root(folder).0)
        .unwrap_or_else(|| folder.to_path_buf());
    // A root that cannot be resolved is compared as written, which keeps
    // out every file whose real path differs.
    std::fs::canonicalize(&root).unwrap_or(root)
}

/// Load a profile by shipped name or path (relative to `base`). A path
/// named in a file must lead, links followed, inside `inside` (see
/// [`boundary`]); one given on the command line (`inside` is `None`) may be
/// anywhere. A profile file without `extends` starts from the default
/// profile.
fn load_profile(
    name: &str,
    base: &Path,
    inside: Option<&Path>,
    depth: usize,
) -> Result<Profile, ConfigError> {
    if depth > MAX_EXTENDS {
        return Err(ConfigError::file(
            name,
            format!("profiles extend each other more than {MAX_EXTENDS} deep (a loop?)"),
        ));
    }
    let shipped = SHIPPED.iter().find(|(n, _)| *n == name);
    let (display, text, dir, show) = if let Some((n, text)) = shipped {
        (
            format!("rules/{n}.toml"),
            (*text).to_owned(),
            base.to_path_buf(),
            true,
        )
    } else {
        let path = base.join(name);
        let display = path.display().to_string();
        let real = std::fs::canonicalize(&path).map_err(|e| {
            ConfigError::file(
                &display,
                format!(
                    "no such profile: it is neither a shipped profile ({}) nor a readable file ({e})",
                    SHIPPED.map(|(n, _)| n).join(", ")
                ),
            )
        })?;
        if let Some(root) = inside
            && !real.starts_with(root)
        {
            return Err(ConfigError::file(
                &display,
                format!(
                    "the profile `{name}` is outside the repository ({}); a profile named in a file must be inside it (name one elsewhere with --profile)",
                    root.display()
                ),
            ));
        }
        let text = read_config(&path, &display, "profile")?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        (display, text, dir, may_show(&path))
    };
    let settings = parse_settings(&display, &text, show)?;
    if settings.profile.is_some() {
        return Err(key_error(
            &display,
            &text,
            show,
            "profile",
            "a profile file starts from another with `extends`, not `profile`",
        ));
    }
    let mut profile = match (&settings.extends, shipped) {
        (Some(parent), _) => {
            let inside = match shipped {
                Some(_) => None,
                None => Some(boundary(&base.join(name))),
            };
            load_profile(parent, &dir, inside.as_deref(), depth + 1)?
        }
        // The default profile is the root every other starts from.
        (None, Some(_)) => Profile::empty(name),
        (None, None) => load_profile(DEFAULT_PROFILE, &dir, None, depth + 1)?,
    };
    name.clone_into(&mut profile.name);
    profile.apply(settings);
    Ok(profile)
}

fn key_error(path: &str, text: &str, show: bool, key: &str, message: &str) -> ConfigError {
    let span = text
        .lines()
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .find(|(_, line)| line.trim_start().starts_with(key))
        .map(|(start, line)| {
            let indent = line.len() - line.trim_start().len();
            start + indent..start + indent + key.len()
        });
    ConfigError {
        path: path.to_owned(),
        text: show.then(|| Box::new(miette::NamedSource::new(path, text.to_owned()))),
        at: span.as_ref().map(|s| line_column(text, s.start)),
        span,
        message: message.to_owned(),
    }
}

/// Where a checked file's configuration comes from.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--profile`: replaces the `profile` of the config file.
    pub profile: Option<String>,
    /// `--config`: used instead of looking for `rectlint.toml`.
    pub config: Option<PathBuf>,
    /// `--allow-redaction`.
    pub allow_redaction: bool,
}

/// The configuration of one file: its profile and where its repository
/// starts.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub profile: Arc<Profile>,
    /// The repository root: the nearest ancestor holding `.git` or
    /// `rectlint.toml`.
    pub root: Option<PathBuf>,
}

/// The nearest ancestor of `dir` (itself included) holding `.git` or
/// `rectlint.toml`, and the `rectlint.toml` there if any.
pub fn find_root(dir: &Path) -> (Option<PathBuf>, Option<PathBuf>) {
    for ancestor in dir.ancestors() {
        let config = ancestor.join(CONFIG_FILE);
        if config.is_file() {
            return (Some(ancestor.to_path_buf()), Some(config));
        }
        if ancestor.join(".git").exists() {
            return (Some(ancestor.to_path_buf()), None);
        }
    }
    (None, None)
}

/// Resolve the configuration for files in `dir` (an absolute path).
pub fn resolve(dir: &Path, overrides: &Overrides) -> Result<Resolved, ConfigError> {
    let (root, found) = find_root(dir);
    let config_path = overrides.config.clone().or(found);
    let (settings, base, inside) = match &config_path {
        Some(path) => {
            let display = path.display().to_string();
            let text = read_config(path, &display, "configuration")?;
            let show = may_show(path);
            let settings = parse_settings(&display, &text, show)?;
            if settings.extends.is_some() {
                return Err(key_error(
                    &display,
                    &text,
                    show,
                    "extends",
                    "rectlint.toml names its profile with `profile`, not `extends`",
                ));
            }
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (settings, base, Some(boundary(path)))
        }
        None => (Settings::default(), dir.to_path_buf(), None),
    };
    let (name, name_base, inside) = match &overrides.profile {
        Some(p) => (p.clone(), std::env::current_dir().unwrap_or_default(), None),
        None => (
            settings
                .profile
                .clone()
                .unwrap_or_else(|| DEFAULT_PROFILE.to_owned()),
            base,
            inside,
        ),
    };
    let mut profile = load_profile(&name, &name_base, inside.as_deref(), 0)?;
    profile.apply(Settings {
        profile: None,
        ..settings
    });
    if overrides.allow_redaction {
        profile.allow_redaction = true;
    }
    Ok(Resolved {
        profile: Arc::new(profile),
        root,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    #[test]
    fn paths_are_normalised_by_their_text() {
        let n = |p: &str| normalize(Path::new(p)).display().to_string();
        assert_eq!(n("/a/b/../c/./d"), "/a/c/d");
        assert_eq!(n("/a/../../b"), "/b");
        assert_eq!(n("a/../../b"), "../b");
        assert_eq!(n("./a"), "a");
    }

    #[test]
    fn shipped_profiles_load() {
        let xuncha = Profile::shipped("xuncha").unwrap();
        assert_eq!(xuncha.rectification_window_days, 180);
        assert_eq!(xuncha.immediate_days, 15);
        assert_eq!(xuncha.due_soon_days, 14);
        assert_eq!(xuncha.max_measures_per_leader, 15);
        assert_eq!(
            xuncha.closure_evidence,
            [EvidenceKind::Report, EvidenceKind::Ledger]
        );
        assert!(xuncha.vague_deadlines.iter().any(|w| w == "尽快"));
        let xunshi = Profile::shipped("xunshi").unwrap();
        assert_eq!(xunshi.kind, InspectionKind::Xunshi);
        assert_eq!(xunshi.rectification_window_days, 90);
        assert_eq!(xunshi.due_soon_days, 14, "inherited from xuncha");
        let audit = Profile::shipped("audit").unwrap();
        assert_eq!(audit.kind, InspectionKind::Audit);
        assert_eq!(audit.level(Code::new("Q004"), Severity::Info), Level::Off);
    }

    #[test]
    fn strict_raises_every_level() {
        let strict = Profile::shipped("strict").unwrap();
        assert_eq!(
            strict.level(Code::new("R007"), Severity::Info),
            Level::Warning
        );
        assert_eq!(
            strict.level(Code::new("T004"), Severity::Warning),
            Level::Error
        );
        assert_eq!(
            strict.level(Code::new("T001"), Severity::Error),
            Level::Error
        );
        let xuncha = Profile::shipped("xuncha").unwrap();
        assert_eq!(xuncha.level(Code::new("R007"), Severity::Info), Level::Info);
    }

    #[test]
    fn a_profile_file_starts_from_the_default_profile() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ours.toml"), "due_soon_days = 7\n").unwrap();
        let ours = load_profile("ours.toml", dir.path(), None, 0).unwrap();
        let mut expected = Profile::shipped("xuncha").unwrap();
        expected.name = "ours.toml".to_owned();
        expected.due_soon_days = 7;
        assert_eq!(ours, expected);
        // What it sets, even empty, it sets.
        std::fs::write(
            dir.path().join("ours.toml"),
            "extends = \"xunshi\"\nvague_phrases = []\n",
        )
        .unwrap();
        let ours = load_profile("ours.toml", dir.path(), None, 0).unwrap();
        assert!(ours.vague_phrases.is_empty());
        assert_eq!(ours.rectification_window_days, 90);
        assert!(!ours.leader_roles.is_empty());
    }

    #[test]
    fn errors_in_files_not_shown_give_line_and_column() {
        assert_eq!(line_column("a = 1\nb = 2\n", 6), (2, 1));
        assert_eq!(line_column("键 = 1\nb = 2", 4), (1, 3));
        let err = parse_settings("x.json", "{\n  \"token\": \"abc\"\n}\n", false).unwrap_err();
        assert!(err.text.is_none());
        assert!(
            err.message.starts_with("not a TOML file ("),
            "{}",
            err.message
        );
        assert!(!err.to_string().contains("abc"), "{err}");
        assert!(err.to_string().starts_with("x.json:1:"), "{err}");
    }

    #[test]
    fn unknown_keys_point_into_the_toml() {
        let err = parse_settings(
            "rectlint.toml",
            "profile = \"xuncha\"\nwindow_days = 3\n",
            true,
        )
        .unwrap_err();
        assert!(
            err.message.contains("unknown field `window_days`"),
            "{}",
            err.message
        );
        assert_eq!(err.span, Some(19..30));
    }
}
