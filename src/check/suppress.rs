//! Suppression comments applied to the findings, and the ones that silence
//! nothing reported (P006).
//!
//! A suppression of a rule whose verdict depends on the date or the disk
//! ([`Depends`]) is never called unused: T007 silenced on a quiet day is
//! overdue again next month. And removing a suppression removes the reason
//! written in it, so the fixes that do are unsafe.

use super::Depends;
use crate::check::profile::{Level, Profile};
use crate::code::Code;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::model::{Suppression, SuppressionScope};
use crate::problem::ReadProblem;
use crate::span::Span;
use crate::suggest;

/// Codes a suppression may not silence: a syntax error or a file that
/// cannot be read is never hidden, and the findings about suppressions
/// themselves are not suppressible.
const UNSUPPRESSIBLE: [Code; 3] = [Code::P001, Code::P006, Code::P007];

/// Drop the findings the suppressions silence; report the suppressions (or
/// codes) that silence nothing. `complete` says whether every rule ran (it
/// did not when the file has syntax errors), so that "silences nothing" can
/// be told.
pub(super) fn apply(
    text: &str,
    suppressions: &[Suppression],
    found: &mut Vec<Diagnostic>,
    profile: &Profile,
    complete: bool,
) {
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.len()])
        .collect();
    found.retain(|d| {
        if UNSUPPRESSIBLE.contains(&d.code) {
            return true;
        }
        let at = d.primary.span.start();
        let mut silenced = false;
        for (s, used) in suppressions.iter().zip(used.iter_mut()) {
            let covers = match s.scope {
                SuppressionScope::File => true,
                SuppressionScope::Node(span) => span.start() <= at && at <= span.end(),
                SuppressionScope::Nothing => false,
            };
            if !s.effective || !covers {
                continue;
            }
            for (code, used) in s.codes.iter().zip(used.iter_mut()) {
                if code.value == d.code {
                    *used = true;
                    silenced = true;
                }
            }
        }
        !silenced
    });

    let known: Vec<&str> = super::rules::ALL
        .iter()
        .map(|r| r.meta().code.as_str())
        .collect();
    for (s, used) in suppressions.iter().zip(&used) {
        if !s.effective {
            continue;
        }
        if s.scope == SuppressionScope::Nothing {
            found.push(
                ReadProblem::SuppressionBeforeNothing
                    .at(s.span)
                    .with_fix(unsafe_fix(removal(text, s.span))),
            );
            continue;
        }
        let unused: Vec<bool> = s
            .codes
            .iter()
            .zip(used)
            .map(|(code, &used)| {
                super::rule(code.value).is_some_and(|rule| {
                    let meta = rule.meta();
                    let off = profile.level(meta.code, meta.severity) == Level::Off;
                    let varies = rule.depends_on() != Depends::Text;
                    complete && !used && !off && !varies && !UNSUPPRESSIBLE.contains(&meta.code)
                })
            })
            .collect();
        // One fix for every unused code of this comment: the same edit,
        // applied once.
        let fix = if unused.iter().all(|u| *u) {
            removal(text, s.span)
        } else {
            without_codes(s, &unused)
        };
        for (code, unused) in s.codes.iter().zip(unused) {
            let name = code.value;
            if super::rule(name).is_none() {
                let guess = suggest::closest(&name, known.iter().copied());
                found.push(ReadProblem::NoSuchRule { code: name, guess }.at(code.span));
            } else if unused {
                found.push(
                    ReadProblem::NothingToSilence { code: name }
                        .at(code.span)
                        .with_fix(unsafe_fix(fix.clone())),
                );
            }
        }
    }
}

/// A fix that removes (part of) a suppression: unsafe, since the comment
/// holds a reason a person wrote, and what it silences may come back.
fn unsafe_fix(edit: Edit) -> Fix {
    Fix {
        applicability: Applicability::Unsafe,
        edits: vec![edit],
    }
}

/// Remove a comment: its whole line when it stands alone, else the comment
/// and the white space before it.
fn removal(text: &str, comment: Span) -> Edit {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\u{3000}');
    let line_start = text[..comment.start()].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..comment.start()];
    let span = if before.chars().all(is_ws) {
        let end = text[comment.end()..]
            .find('\n')
            .map_or(text.len(), |i| comment.end() + i + 1);
        Span::new(line_start, end)
    } else {
        Span::new(
            comment.start() - (before.len() - before.trim_end_matches(is_ws).len()),
            comment.end(),
        )
    };
    Edit {
        span,
        replacement: String::new(),
    }
}

/// The suppression comment rewritten without its unused codes.
fn without_codes(s: &Suppression, unused: &[bool]) -> Edit {
    let codes: Vec<&str> = s
        .codes
        .iter()
        .zip(unused)
        .filter(|(_, unused)| !**unused)
        .map(|(c, _)| c.value.as_str())
        .collect();
    let allow = if s.file { "allow-file" } else { "allow" };
    let reason = s.reason.as_deref().unwrap_or_default();
    Edit {
        span: s.span,
        replacement: format!("# rectlint: {allow} {} {reason}", codes.join(", ")),
    }
}
