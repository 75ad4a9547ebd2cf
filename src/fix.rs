//! Applying fixes: the edits of the findings' fixes, those that do not
//! overlap, repeated on the re-checked text until nothing more applies.

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::source::LineEnding;

/// Passes over a file before giving up on reaching a fixed point.
pub const MAX_PASSES: usize = 10;

/// Which fixes to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Only fixes that never change what the plan means.
    Safe,
    /// Also fixes that may change what it means (`--unsafe-fixes`).
    Unsafe,
}

impl Mode {
    fn allows(self, applicability: Applicability) -> bool {
        applicability == Applicability::Safe || self == Mode::Unsafe
    }
}

/// Apply the fixes of `diagnostics` to `text`: each fix whole or not at all,
/// skipping those that overlap one already taken. The lines a fix adds end
/// with `ending` (the file's, [`LineEnding::of`]); the file's other lines
/// keep theirs. Returns the new text and how many fixes were applied.
pub fn apply(
    text: &str,
    diagnostics: &[Diagnostic],
    mode: Mode,
    ending: LineEnding,
) -> (String, usize) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if !mode.allows(fix.applicability) {
            continue;
        }
        // The same edit proposed twice (one per unused code of a
        // suppression) is applied once.
        if fix.edits.iter().all(|e| taken.contains(&e)) {
            applied += 1;
            continue;
        }
        let overlaps = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.span.start() < t.span.end() && t.span.start() < e.span.end()
                    || (e.span.is_empty() && t.span.is_empty() && e.span.start() == t.span.start())
            })
        });
        let in_bounds = fix.edits.iter().all(|e| {
            e.span.end() <= text.len()
                && text.is_char_boundary(e.span.start())
                && text.is_char_boundary(e.span.end())
        });
        if overlaps || !in_bounds {
            continue;
        }
        taken.extend(&fix.edits);
        applied += 1;
    }
    taken.sort_by_key(|e| (e.span.start(), e.span.end()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in taken {
        out.push_str(&text[at..edit.span.start()]);
        out.push_str(&ending.apply(&edit.replacement));
        at = edit.span.end();
    }
    out.push_str(&text[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;
    use crate::diagnostic::{Fix, Text};
    use crate::span::Span;

    fn with_fix(
        start: usize,
        end: usize,
        replacement: &str,
        applicability: Applicability,
    ) -> Diagnostic {
        Diagnostic::new(Code::new("X001"), Span::new(start, end), Text::default()).with_fix(Fix {
            applicability,
            edits: vec![Edit {
                span: Span::new(start, end),
                replacement: replacement.into(),
            }],
        })
    }

    #[test]
    fn applies_safe_fixes_and_skips_overlaps() {
        let text = "abcdef";
        let diags = [
            with_fix(0, 2, "X", Applicability::Safe),
            with_fix(1, 3, "Y", Applicability::Safe),
            with_fix(4, 4, "!", Applicability::Safe),
            with_fix(5, 6, "Z", Applicability::Unsafe),
        ];
        assert_eq!(
            apply(text, &diags, Mode::Safe, LineEnding::Lf),
            ("Xcd!ef".into(), 2)
        );
        assert_eq!(
            apply(text, &diags, Mode::Unsafe, LineEnding::Lf),
            ("Xcd!eZ".into(), 3)
        );
    }

    #[test]
    fn the_same_edit_twice_is_applied_once() {
        let diags = [
            with_fix(0, 1, "X", Applicability::Safe),
            with_fix(0, 1, "X", Applicability::Safe),
        ];
        assert_eq!(apply("ab", &diags, Mode::Safe, LineEnding::Lf).0, "Xb");
    }

    #[test]
    fn added_lines_end_as_the_file_says_and_the_others_are_kept() {
        // A file of mostly CRLF lines, one LF line among them.
        let text = "a\r\nb\nc\r\n";
        let diags = [with_fix(
            text.len(),
            text.len(),
            "}\n}\n",
            Applicability::Safe,
        )];
        assert_eq!(
            apply(text, &diags, Mode::Safe, LineEnding::CrLf).0,
            "a\r\nb\nc\r\n}\r\n}\r\n"
        );
        assert_eq!(
            apply(text, &diags, Mode::Safe, LineEnding::Lf).0,
            "a\r\nb\nc\r\n}\n}\n"
        );
    }
}
