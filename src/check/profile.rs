//! The resolved profile: every value the rules read (thresholds, word
//! lists, levels). `config` builds it from profile files and
//! `rectlint.toml`; the rules only read it.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{EvidenceKind, InspectionKind};
use crate::source::LineEnding;

/// The default of `max_file_size`: 64 MB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A rule's level: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    /// The severity, or `None` when off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }
}

/// `line_ending`: how `fmt` ends a plan's lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LineEndings {
    /// As most of the file's lines end (see [`LineEnding::of`]).
    #[default]
    Auto,
    Lf,
    #[serde(alias = "cr-lf")]
    Crlf,
    /// CRLF on Windows, LF elsewhere.
    Native,
}

impl LineEndings {
    /// The line ending of a file whose text is `text`.
    pub fn of(self, text: &str) -> LineEnding {
        match self {
            LineEndings::Auto => LineEnding::of(text),
            LineEndings::Crlf => LineEnding::CrLf,
            LineEndings::Native if cfg!(windows) => LineEnding::CrLf,
            LineEndings::Lf | LineEndings::Native => LineEnding::Lf,
        }
    }
}

/// Every value the rules read, resolved from a profile chain and a project's
/// overrides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// The name of the profile the chain starts from (`xuncha`, or a path).
    pub name: String,
    pub description: String,
    pub kind: InspectionKind,
    pub rectification_window_days: u32,
    pub immediate_days: u32,
    pub due_soon_days: u32,
    pub max_measures_per_leader: u32,
    pub closure_evidence: Vec<EvidenceKind>,
    pub vague_deadlines: Vec<String>,
    pub vague_phrases: Vec<String>,
    pub placeholders: Vec<String>,
    pub collective_names: Vec<String>,
    pub leader_roles: Vec<String>,
    pub meeting_words: Vec<String>,
    pub document_words: Vec<String>,
    pub counters: Vec<String>,
    pub escalate: bool,
    pub allow_redaction: bool,
    /// Files larger than this many bytes are not read.
    pub max_file_size: u64,
    /// How `fmt` ends lines.
    pub line_ending: LineEndings,
    /// Explicit levels by code; rules not named keep their default
    /// (escalated if `escalate`).
    pub severity: BTreeMap<Code, Level>,
}

impl Profile {
    /// The level of a rule whose default severity is `default`.
    pub fn level(&self, code: Code, default: Severity) -> Level {
        if let Some(level) = self.severity.get(&code) {
            return *level;
        }
        match (default, self.escalate) {
            (Severity::Info, true) | (Severity::Warning, false) => Level::Warning,
            (Severity::Warning | Severity::Error, true) | (Severity::Error, false) => Level::Error,
            (Severity::Info, false) => Level::Info,
        }
    }
}
