//! Reading a plan: the file split into logical lines, each read with the
//! pest grammar (`grammar/rectplan.pest`); the lines assembled into blocks
//! with an explicit stack; the blocks lowered into the typed model, each
//! value read with the grammar rule of its type. Every problem found on the
//! way is a P-diagnostic, worded in [`crate::problem`], and reading never
//! stops at the first.

pub(crate) mod expected;
mod fast;
pub(crate) mod grammar;
pub mod keywords;
pub mod lines;
mod lower;
pub mod tree;
mod values;

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::model::{Plan, Suppression};
use crate::problem::ReadProblem;
use crate::span::MAX_TEXT;

pub use lines::{Line, LineKind};
pub use tree::{Block, Item, Node, Tree};

/// What reading a file gives.
#[derive(Clone, Debug)]
pub struct Parsed {
    /// The plan, if the file has one (possibly incomplete when there are
    /// syntax errors).
    pub plan: Option<Plan>,
    pub suppressions: Vec<Suppression>,
    /// Everything the reader found wrong (P001, P003–P007), in no order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's lines, for `fmt`.
    pub lines: Vec<Line>,
    /// The file's blocks, for `fmt`.
    pub tree: Tree,
}

impl Parsed {
    /// Whether the file has syntax errors (P001), or could not be read at
    /// all (P007: a text too long to point into).
    pub fn has_syntax_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.code == Code::P001 || d.code == Code::P007)
    }
}

/// Read a plan from its text. A text of [`MAX_TEXT`] bytes or more (spans
/// could not point into it) is one P007, and nothing is read.
pub fn parse(text: &str) -> Parsed {
    let mut diagnostics = Vec::new();
    if text.len() as u64 >= MAX_TEXT {
        let problem = ReadProblem::TooLarge {
            size: text.len() as u64,
            limit: MAX_TEXT - 1,
        };
        diagnostics.push(problem.at(crate::span::Span::point(0)));
        return Parsed {
            plan: None,
            suppressions: Vec::new(),
            diagnostics,
            lines: Vec::new(),
            tree: Tree::default(),
        };
    }
    let lines = lines::read(text, &mut diagnostics);
    let (tree, suppressions) = tree::assemble(text, &lines, &mut diagnostics);
    let plan = lower::Lowerer::new(text, &lines, &tree, &mut diagnostics).file();
    Parsed {
        plan,
        suppressions,
        diagnostics,
        lines,
        tree,
    }
}

/// Read one date written in any form of the language (`2025-04-27`,
/// `2025年4月27日`); a month or coarse form gives its last day.
pub fn read_date(text: &str) -> Option<jiff::civil::Date> {
    let mut quiet = Vec::new();
    let mut reader = values::Reader {
        feedback: None,
        diagnostics: &mut quiet,
    };
    let value = values::ValueText {
        text: std::borrow::Cow::Borrowed(text),
        span: crate::span::Span::new(0, text.len()),
        exact: true,
        verbatim_quoted: false,
    };
    reader.date(&value).map(|d| d.last)
}
