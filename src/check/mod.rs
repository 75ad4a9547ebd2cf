//! The rule engine. A rule is one file under `rules/` holding its code,
//! default severity, messages, documentation and check; the registry lists
//! them. `check` runs every rule the profile enables over a plan, applies the
//! suppression comments, reports the unused ones (P006) and sets every
//! finding's severity from the profile.

pub mod files;
pub mod profile;
pub mod rules;
mod suppress;

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use crate::check::profile::{Level, Profile};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Lang, Severity, Text};
use crate::model::{Issue, Measure, Plan};
use crate::parse::Parsed;
use crate::span::Span;

/// The documentation of a rule, under fixed headings (see [`HEADINGS_ZH`],
/// [`HEADINGS_EN`]), as `explain` prints it.
#[derive(Debug)]
pub struct Doc {
    pub zh: &'static str,
    pub en: &'static str,
}

/// The headings every Chinese rule page has, in order.
pub const HEADINGS_ZH: [&str; 4] = ["## 检查什么", "## 为什么", "## 错误示例", "## 正确写法"];
/// The headings every English rule page has, in order.
pub const HEADINGS_EN: [&str; 4] = [
    "## What it checks",
    "## Why reviewers care",
    "## Example",
    "## Use instead",
];

/// Whether a rule's findings come with a fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixable {
    No,
    /// `--fix` applies it: it never changes what the plan means.
    Safe,
    /// Only `--fix --unsafe-fixes` applies it: it may change what the plan
    /// means (a renamed key, a corrected count).
    Unsafe,
}

/// What a rule is, in one place: its file.
#[derive(Debug)]
pub struct RuleMeta {
    /// The stable code (`T007`).
    pub code: Code,
    /// A short name for what it forbids (`overdue`).
    pub name: &'static str,
    pub severity: Severity,
    /// One line: (Chinese, English).
    pub summary: (&'static str, &'static str),
    /// Whether `--fix` can repair its findings, and how safely.
    pub fix: Fixable,
    pub doc: Doc,
}

impl RuleMeta {
    pub fn summary(&self, lang: Lang) -> &'static str {
        lang.pick(self.summary.0, self.summary.1)
    }

    pub fn doc(&self, lang: Lang) -> &'static str {
        lang.pick(self.doc.zh, self.doc.en)
    }
}

/// What a rule's verdict depends on besides the plan's text and the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depends {
    /// Nothing else: the same text always gets the same findings.
    Text,
    /// The as-of date, which is today when neither `--as-of` nor the
    /// plan's `报告日期` gives it.
    Date,
    /// The file system: what exists, where links lead.
    Disk,
}

/// A rule: stateless, so files can be checked in parallel.
pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// What the rule's verdict depends on besides the text, declared in the
    /// rule's own file when it is the date or the disk. A suppression of
    /// such a rule that silences nothing today may be needed tomorrow (or
    /// on another machine), so P006 does not call it unused.
    fn depends_on(&self) -> Depends {
        Depends::Text
    }

    /// Look at the plan and report through `ctx`. Rules reported by the
    /// reader (the P family) have nothing to do here.
    fn check(&self, _plan: &Plan, _ctx: &mut Context) {}
}

/// The built-in rule of that code, if any.
pub fn rule(code: Code) -> Option<&'static dyn Rule> {
    rules::ALL.iter().copied().find(|r| r.meta().code == code)
}

/// The file being checked, for rules that look at the file system.
#[derive(Clone, Debug, Default)]
pub struct FileInfo {
    /// The plan file's path, absolute; `None` for standard input without
    /// `--stdin-filename`.
    pub path: Option<PathBuf>,
    /// The repository root: evidence paths may not leave it.
    pub root: Option<PathBuf>,
    /// Where evidence paths are looked up: the real disk when `None`.
    pub files: Option<Arc<dyn files::Files>>,
}

impl FileInfo {
    /// The folder evidence paths are relative to.
    pub fn dir(&self) -> Option<PathBuf> {
        self.path.as_ref()?.parent().map(PathBuf::from)
    }

    /// The file system evidence paths are looked up in.
    pub fn files(&self) -> &dyn files::Files {
        self.files.as_deref().unwrap_or(&files::Disk)
    }
}

/// What a rule sees while it checks, and where it reports.
pub struct Context<'a> {
    /// The file's text: `&ctx.text[span.range()]` is what was
    /// written at a span.
    pub text: &'a str,
    pub profile: &'a Profile,
    /// The date against which overdue and due-soon are judged.
    pub as_of: Date,
    pub file: &'a FileInfo,
    /// Every measure of the plan, in source order ([`Plan::all_measures`],
    /// made once for all the rules).
    pub measures: &'a [&'a Measure],
    /// Every issue of the plan, at every depth ([`Plan::all_issues`]).
    pub issues: &'a [&'a Issue],
    code: Code,
    found: Vec<Diagnostic>,
}

impl Context<'_> {
    /// Report a finding of the running rule at `span`; the returned
    /// diagnostic takes a help, labels and a node:
    ///
    /// ```ignore
    /// ctx.report(span, tr!("…", "…")).help(tr!("…", "…")).node(measure.node());
    /// ```
    pub fn report(&mut self, span: Span, message: Text) -> &mut Diagnostic {
        self.found.push(Diagnostic::new(self.code, span, message));
        let last = self.found.len() - 1;
        &mut self.found[last]
    }
}

/// How a run judges time.
#[derive(Clone, Copy, Debug)]
pub struct Dates {
    /// `--as-of`, if given.
    pub as_of: Option<Date>,
    /// Today, the last resort for as-of; `None` asks the clock, once per
    /// run and only when a plan needs it (finding the local time zone reads
    /// the system's time zone database, which costs more than checking a
    /// typical plan).
    pub today: Option<Date>,
}

impl Dates {
    /// As of: `--as-of`, else the plan's `报告日期`, else today.
    pub fn as_of(&self, plan: Option<&Plan>) -> Date {
        self.as_of
            .or_else(|| plan?.as_of.as_ref()?.get().map(|d| d.last))
            .unwrap_or_else(|| self.today.unwrap_or_else(clock_today))
    }
}

/// Today's date in the local time zone, read once.
fn clock_today() -> Date {
    static TODAY: std::sync::OnceLock<Date> = std::sync::OnceLock::new();
    *TODAY.get_or_init(|| jiff::Zoned::now().date())
}

/// Check a parsed file: the reader's findings, then every enabled rule
/// (unless the file has syntax errors), suppressions applied, severities set,
/// sorted by place.
pub fn check(
    text: &str,
    parsed: &Parsed,
    profile: &Profile,
    dates: Dates,
    file: &FileInfo,
) -> Vec<Diagnostic> {
    let mut found = parsed.diagnostics.clone();
    if let (Some(plan), false) = (&parsed.plan, parsed.has_syntax_errors()) {
        let as_of = dates.as_of(Some(plan));
        let measures: Vec<&Measure> = plan.all_measures().into_iter().map(|(_, m)| m).collect();
        let issues = plan.all_issues();
        let run = |rule: &&dyn Rule| {
            let meta = rule.meta();
            if profile.level(meta.code, meta.severity) == Level::Off {
                return Vec::new();
            }
            let mut ctx = Context {
                text,
                profile,
                as_of,
                file,
                measures: &measures,
                issues: &issues,
                code: meta.code,
                found: Vec::new(),
            };
            rule.check(plan, &mut ctx);
            ctx.found
        };
        // The rules of a large plan run on every core; their findings are
        // joined in the registry's order all the same.
        let by_rule: Vec<Vec<Diagnostic>> = if text.len() >= crate::limits::PARALLEL_FILE_BYTES {
            use rayon::prelude::*;
            rules::ALL.par_iter().with_max_len(1).map(run).collect()
        } else {
            rules::ALL.iter().map(run).collect()
        };
        found.extend(by_rule.into_iter().flatten());
        suppress::apply(text, &parsed.suppressions, &mut found, profile, true);
    } else {
        suppress::apply(text, &parsed.suppressions, &mut found, profile, false);
    }
    finalize(found, profile)
}

/// Set severities from the profile, drop what is off, sort by place.
pub fn finalize(found: Vec<Diagnostic>, profile: &Profile) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = found
        .into_iter()
        .filter_map(|mut d| {
            let default = rule(d.code).map_or(Severity::Error, |r| r.meta().severity);
            d.severity = profile.level(d.code, default).severity()?;
            Some(d)
        })
        .collect();
    out.sort_by(|a, b| {
        (
            a.primary.span.start(),
            &a.code,
            a.primary.span.end(),
            &a.message.en,
        )
            .cmp(&(
                b.primary.span.start(),
                &b.code,
                b.primary.span.end(),
                &b.message.en,
            ))
    });
    out.dedup();
    out
}

/// Report, at its header, every measure that lacks a field: `missing` tells
/// whether it does, `message` words the finding from the measure's ID.
pub fn report_measures_missing(
    ctx: &mut Context,
    missing: impl Fn(&Measure) -> bool,
    message: impl Fn(&str) -> Text,
    help: &Text,
) {
    for &measure in ctx.measures {
        if missing(measure) {
            let id = measure.node().unwrap_or_default();
            ctx.report(measure.header.keyword_span, message(id))
                .help(help.clone())
                .node(measure.node());
        }
    }
}

/// Whether `text` holds a word of `words`; the first one found.
pub fn find_word<'w>(text: &str, words: &'w [String]) -> Option<&'w str> {
    words
        .iter()
        .find(|w| !w.is_empty() && text.contains(w.as_str()))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::Dates;
    use jiff::civil::date;

    #[test]
    fn as_of_is_the_option_then_the_plan_then_today() {
        let plan = crate::parse::parse("方案 示例 {\n  报告日期：2025-04-27\n}\n")
            .plan
            .unwrap();
        let given = Dates {
            as_of: Some(date(2025, 1, 1)),
            today: Some(date(2026, 11, 22)),
        };
        assert_eq!(given.as_of(Some(&plan)), date(2025, 1, 1));
        let unset = Dates {
            as_of: None,
            today: Some(date(2026, 11, 22)),
        };
        assert_eq!(unset.as_of(Some(&plan)), date(2025, 4, 27));
        assert_eq!(unset.as_of(None), date(2026, 11, 22));
        // Asked of the clock: some date, the same each time.
        let clock = Dates {
            as_of: None,
            today: None,
        };
        assert_eq!(clock.as_of(None), clock.as_of(None));
    }
}
