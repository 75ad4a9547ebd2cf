//! One diagnostic type for every finding: its code, severity, place, and its
//! words in Chinese and English. Rendering happens only in `report`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::code::Code;
use crate::span::Span;

/// The language of messages.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (the default)
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// The language the environment asks for: `LC_ALL`, `LC_MESSAGES`, then
    /// `LANG`; English when that names English, Chinese otherwise.
    pub fn from_env() -> Lang {
        let wanted = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        match wanted {
            Some(value) if value.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// Pick the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// `tr!("中文 {x}", "English {x}")`: a [`Text`] formatted in both languages.
#[macro_export]
macro_rules! tr {
    ($zh:expr, $en:expr $(,)?) => {
        $crate::diagnostic::Text::new(format!($zh), format!($en))
    };
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The word shown to users.
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Info, Lang::Zh) => "提示",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A marked place in the file, with an optional caption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub text: Option<Text>,
}

impl Label {
    pub fn new(span: Span) -> Self {
        Self { span, text: None }
    }

    pub fn with_text(span: Span, text: Text) -> Self {
        Self {
            span,
            text: Some(text),
        }
    }
}

/// One text edit: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// Whether a fix can be applied without a person looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Never changes what the plan means.
    Safe,
    /// May change what the plan means; applied only with `--unsafe-fixes`.
    Unsafe,
}

/// A mechanical repair of a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// Replace what is written at `span` with `replacement`, a change of
    /// meaning a person should check (`--unsafe-fixes`).
    pub fn unsafe_replace(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }
}

/// A finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable code (`T007`).
    pub code: Code,
    /// Set from the rule and the active profile by `check`.
    pub severity: Severity,
    pub message: Text,
    /// What to write instead.
    pub help: Option<Text>,
    /// The place the finding is about.
    pub primary: Label,
    /// Other places that explain it (the first use of a duplicate ID, …).
    pub secondary: Vec<Label>,
    /// The ID (or title) of the node the finding is about, if any.
    pub node: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A finding of rule `code` at `span`. Its severity is set later, from the
    /// rule and the active profile.
    pub fn new(code: Code, span: Span, message: Text) -> Self {
        Self {
            code,
            severity: Severity::Error,
            message,
            help: None,
            primary: Label::new(span),
            secondary: Vec::new(),
            node: None,
            fix: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: Text) -> Self {
        self.help = Some(help);
        self
    }

    #[must_use]
    pub fn with_label(mut self, text: Text) -> Self {
        self.primary.text = Some(text);
        self
    }

    #[must_use]
    pub fn with_secondary(mut self, span: Span, text: Text) -> Self {
        self.secondary.push(Label::with_text(span, text));
        self
    }

    #[must_use]
    pub fn with_node(mut self, node: impl Into<String>) -> Self {
        self.node = Some(node.into());
        self
    }

    #[must_use]
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn span(&self) -> Span {
        self.primary.span
    }

    /// Set the help of a reported finding (see `check::Context::report`).
    pub fn help(&mut self, help: Text) -> &mut Self {
        self.help = Some(help);
        self
    }

    /// Caption the primary place.
    pub fn label(&mut self, text: Text) -> &mut Self {
        self.primary.text = Some(text);
        self
    }

    /// Add another place that explains the finding.
    pub fn secondary(&mut self, span: Span, text: Text) -> &mut Self {
        self.secondary.push(Label::with_text(span, text));
        self
    }

    /// Name the node the finding is about (its ID, else its title).
    pub fn node(&mut self, node: Option<&str>) -> &mut Self {
        self.node = node.map(str::to_owned);
        self
    }

    /// Attach a fix.
    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }
}
