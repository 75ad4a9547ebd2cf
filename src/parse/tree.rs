//! The block tree: lines assembled into nested blocks with an explicit stack,
//! so that nesting depth never touches the call stack. Braces that do not
//! match are reported (P001) with a guess at where the missing one belongs,
//! and suppression comments are tied to the block or field they precede.

use pest::Parser;

use super::grammar::{RectParser, Rule};
use super::keywords::Keyword;
use super::lines::{Entry, Line, LineKind, span_of};
use crate::code::Code;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::model::{Suppression, SuppressionScope};
use crate::problem::ReadProblem;
use crate::span::{Span, Spanned};
use crate::tr;

/// Blocks nest at most this deep; deeper ones are reported and skipped.
pub const MAX_DEPTH: usize = 64;

/// The blocks and fields of a file, in order. Every block is held in one
/// vector and the items of every block in another, each block's together
/// (a large plan has tens of thousands of blocks: one vector each took
/// longer to make and free than to fill).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    items: Vec<Item>,
    blocks: Vec<Block>,
    /// The top level's items, in `items`.
    top: std::ops::Range<usize>,
}

/// A field line or a block, as a block holds it: eight bytes (a text under
/// 4 GiB has fewer lines and blocks than `u32` counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// The index of an entry line that opens no block.
    Field(u32),
    /// The index of a block in the tree.
    Block(u32),
}

/// A field line or a block, as the tree gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Node<'t> {
    /// The index of an entry line that opens no block.
    Field(usize),
    Block(&'t Block),
}

/// A block: its header line, its items, its closing brace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The index of the header line.
    pub line: usize,
    /// The header line had no `{` (a P001 was reported); read as if it had.
    pub missing_open: bool,
    /// The closing brace, if the block was closed.
    pub close: Option<Span>,
    /// Header to closing brace (to the end of the file when unclosed).
    pub span: Span,
    /// Its items, in the tree's ([`Tree::items`]).
    items: std::ops::Range<usize>,
    /// Lines inside that belong to no block of the language (inside `人员`,
    /// `部门` or a block too deep or unknown), read as plain entries.
    pub plain: bool,
}

impl Tree {
    /// The items of the top level.
    pub fn top(&self) -> &[Item] {
        &self.items[self.top.clone()]
    }

    /// The items of a block of this tree.
    pub fn items(&self, block: &Block) -> &[Item] {
        &self.items[block.items.clone()]
    }

    /// What an item of this tree is.
    pub fn node(&self, item: Item) -> Node<'_> {
        match item {
            Item::Field(line) => Node::Field(line as usize),
            Item::Block(index) => Node::Block(&self.blocks[index as usize]),
        }
    }

    /// The items of a block of this tree, as nodes.
    pub fn children<'t>(&'t self, block: &Block) -> impl Iterator<Item = Node<'t>> + use<'t> {
        self.items[block.items.clone()]
            .iter()
            .map(|&item| self.node(item))
    }

    /// A block closes: the items waiting from `first` on are its own.
    fn close(&mut self, mut block: Block, waiting: &mut Vec<Item>, first: usize) -> Item {
        let start = self.items.len();
        self.items.extend(waiting.drain(first..));
        block.items = start..self.items.len();
        self.blocks.push(block);
        Item::Block(index_u32(self.blocks.len() - 1))
    }
}

/// How an entry line acts on the tree.
enum Action {
    Field,
    Open { missing_open: bool },
}

struct Frame {
    block: Block,
    /// Where its items start in the stack of pending items.
    first_item: usize,
    indent: usize,
    /// Entries inside are plain lines, not fields or blocks.
    plain_inside: bool,
}

/// Assemble the lines into a tree; report unmatched braces and read the
/// suppression comments.
pub fn assemble(
    text: &str,
    lines: &[Line],
    diagnostics: &mut Vec<Diagnostic>,
) -> (Tree, Vec<Suppression>) {
    let mut stack: Vec<Frame> = Vec::new();
    let mut waiting: Vec<Item> = Vec::new();
    let mut top = Vec::new();
    let mut tree = Tree {
        items: Vec::with_capacity(lines.len()),
        ..Tree::default()
    };
    // Blocks opened beyond MAX_DEPTH, counted so that their braces match.
    let mut too_deep = 0usize;
    let mut reported_depth = false;
    // The first `}` whose indentation differs from its block's header.
    let mut suspicious_close: Option<(Span, usize)> = None;
    // The spans of the items suppressions are for, by line: only those
    // lines are looked up (most files have no suppression at all).
    let mut item_spans: rustc_hash::FxHashMap<usize, Option<Span>> =
        rustc_hash::FxHashMap::default();
    let mut suppressions = Vec::new();
    // The line each suppression is for, by index into `suppressions`.
    let mut targets: Vec<Option<usize>> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();

    for (index, line) in lines.iter().enumerate() {
        if let Some(comment) = line.comment
            && let Some(s) = read_suppression(text, comment, diagnostics)
        {
            let standalone = !matches!(line.kind, LineKind::Entry(_));
            let for_file = s.file;
            suppressions.push(s);
            targets.push(None);
            if !for_file {
                if standalone {
                    pending.push(suppressions.len() - 1);
                } else {
                    // A trailing suppression: for the entry on its own line.
                    targets[suppressions.len() - 1] = Some(index);
                    item_spans.insert(index, None);
                }
            }
        }
        match &line.kind {
            LineKind::Blank | LineKind::Invalid => {}
            LineKind::Closes(braces) => {
                for &brace in braces {
                    // A `}` ends the targets of pending suppressions: they
                    // precede nothing.
                    pending.clear();
                    if too_deep > 0 {
                        too_deep -= 1;
                        continue;
                    }
                    let Some(mut frame) = stack.pop() else {
                        diagnostics.push(stray_close(brace, suspicious_close.map(|s| s.0)));
                        continue;
                    };
                    let brace_indent = line.indent.len();
                    if brace_indent != frame.indent && suspicious_close.is_none() {
                        suspicious_close = Some((brace, frame.block.line));
                    }
                    frame.block.close = Some(brace);
                    frame.block.span = frame.block.span.join(brace);
                    note_span(&mut item_spans, frame.block.line, frame.block.span);
                    let item = tree.close(frame.block, &mut waiting, frame.first_item);
                    push(&stack, &mut waiting, &mut top, item);
                }
            }
            LineKind::Entry(entry) => {
                for s in pending.drain(..) {
                    targets[s] = Some(index);
                    item_spans.insert(index, None);
                }
                if too_deep > 0 {
                    if entry.open.is_some() {
                        too_deep += 1;
                    }
                    continue;
                }
                let plain = stack.last().is_some_and(|f| f.plain_inside);
                match action(entry, plain) {
                    Action::Field => {
                        note_span(&mut item_spans, index, line.span);
                        push(
                            &stack,
                            &mut waiting,
                            &mut top,
                            Item::Field(index_u32(index)),
                        );
                    }
                    Action::Open { missing_open } => {
                        if stack.len() >= MAX_DEPTH {
                            too_deep = 1;
                            if !reported_depth {
                                reported_depth = true;
                                diagnostics.push(too_deep_error(entry.key));
                            }
                            continue;
                        }
                        // A `{` on the next line is reported there, once.
                        if missing_open && !brace_follows(text, &lines[index + 1..]) {
                            diagnostics.push(missing_open_error(text, entry));
                        }
                        let plain_inside = plain
                            || entry.keyword.and_then(Keyword::opens).is_none()
                            || matches!(
                                entry.keyword,
                                Some(Keyword::People | Keyword::Departments)
                            );
                        stack.push(Frame {
                            block: Block {
                                line: index,
                                missing_open,
                                close: None,
                                span: Span::new(line.indent.end(), line.span.end()),
                                items: 0..0,
                                plain,
                            },
                            first_item: waiting.len(),
                            indent: line.indent.len(),
                            plain_inside,
                        });
                    }
                }
            }
        }
    }

    let mut unclosed = Vec::new();
    while let Some(mut frame) = stack.pop() {
        frame.block.span = Span::new(frame.block.span.start(), text.len());
        note_span(&mut item_spans, frame.block.line, frame.block.span);
        unclosed.push((frame.block.line, frame.block.span));
        let item = tree.close(frame.block, &mut waiting, frame.first_item);
        push(&stack, &mut waiting, &mut top, item);
    }
    if let Some(&(innermost, _)) = unclosed.first() {
        let mut d = unclosed_error(text, lines, innermost, unclosed.len(), suspicious_close);
        // With every `}` indented like its block, the missing ones may belong
        // at the end: close the blocks there, innermost first. That is sure
        // only when everything after each block's header is indented deeper
        // than the header; else (a file that does not indent, a header
        // standing where a block should have closed) the end is a guess that
        // can move items into another block, and the fix is unsafe.
        if suspicious_close.is_none() {
            let mut closing = String::new();
            if !text.is_empty() && !text.ends_with('\n') {
                closing.push('\n');
            }
            for &(line, _) in &unclosed {
                let indent = lines[line].indent;
                closing.push_str(&text[indent.range()]);
                closing.push_str("}\n");
            }
            let applicability = if closes_at_end(lines, &unclosed) {
                Applicability::Safe
            } else {
                Applicability::Unsafe
            };
            d = d.with_fix(Fix {
                applicability,
                edits: vec![Edit {
                    span: Span::point(text.len()),
                    replacement: closing,
                }],
            });
        }
        diagnostics.push(d);
    }

    for (s, target) in suppressions.iter_mut().zip(targets) {
        if let Some(index) = target {
            s.scope = item_spans
                .get(&index)
                .copied()
                .flatten()
                .map_or(SuppressionScope::Nothing, SuppressionScope::Node);
        }
    }
    let start = tree.items.len();
    tree.items.extend(top);
    tree.top = start..tree.items.len();
    (tree, suppressions)
}

/// Whether every line after the header of each unclosed block (innermost
/// first, as `unclosed` lists them) that is not blank or a comment is
/// indented deeper than that header: then the blocks plainly run to the end
/// of the file. One pass from the end.
fn closes_at_end(lines: &[Line], unclosed: &[(usize, Span)]) -> bool {
    let mut shallowest = usize::MAX;
    let mut next = lines.len();
    for &(header, _) in unclosed {
        for line in &lines[header + 1..next] {
            if line.kind != LineKind::Blank {
                shallowest = shallowest.min(line.indent.len());
            }
        }
        next = header + 1;
        if shallowest <= lines[header].indent.len() {
            return false;
        }
    }
    true
}

/// An index into the lines or blocks of a text, as an item holds it: a text
/// spans can point into (under 4 GiB, see [`crate::span::MAX_TEXT`]) has
/// fewer of either than `u32` counts.
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// Keep the span of the item on `line` if a suppression is for it.
fn note_span(spans: &mut rustc_hash::FxHashMap<usize, Option<Span>>, line: usize, span: Span) {
    if let Some(slot) = spans.get_mut(&line) {
        *slot = Some(span);
    }
}

/// Add an item to the innermost open block, or to the top level. The items
/// of open blocks wait on one stack, and a block moves its own into the
/// tree's items when it closes.
fn push(stack: &[Frame], waiting: &mut Vec<Item>, top: &mut Vec<Item>, item: Item) {
    match stack.last() {
        Some(_) => waiting.push(item),
        None => top.push(item),
    }
}

fn action(entry: &Entry, plain: bool) -> Action {
    if entry.open.is_some() {
        return Action::Open {
            missing_open: false,
        };
    }
    if plain {
        return Action::Field;
    }
    match entry.keyword {
        Some(Keyword::Milestone) => Action::Field,
        Some(Keyword::Departments) if entry.value.is_some() => Action::Field,
        Some(kw) if kw.opens().is_some() => Action::Open { missing_open: true },
        _ => Action::Field,
    }
}

/// Whether the next line that is not blank is a lone `{`.
fn brace_follows(text: &str, rest: &[Line]) -> bool {
    rest.iter()
        .find(|l| l.kind != LineKind::Blank || l.comment.is_none() && l.span.len() > l.indent.len())
        .is_some_and(|l| {
            l.kind == LineKind::Invalid
                && text[l.indent.end()..l.span.end()].starts_with(['{', '｛'])
        })
}

fn missing_open_error(text: &str, entry: &Entry) -> Diagnostic {
    let inline = entry
        .value
        .is_some_and(|v| text[v.span.range()].contains(['{', '｛']));
    let end = entry.span().end();
    let problem = if inline {
        ReadProblem::ContentAfterBrace
    } else {
        ReadProblem::HeaderWithoutBrace
    };
    problem
        .at(Span::point(end))
        .with_secondary(entry.key, tr!("这个块", "this block"))
}

fn stray_close(brace: Span, suspicious: Option<Span>) -> Diagnostic {
    let mut d = ReadProblem::StrayBrace.at(brace);
    if let Some(at) = suspicious {
        d = d.with_secondary(
            at,
            tr!(
                "缩进与所结束的块不一致",
                "indented differently from the block it closes"
            ),
        );
    }
    d
}

fn too_deep_error(key: Span) -> Diagnostic {
    ReadProblem::TooDeep { max: MAX_DEPTH }.at(key)
}

fn unclosed_error(
    text: &str,
    lines: &[Line],
    innermost: usize,
    count: usize,
    suspicious: Option<(Span, usize)>,
) -> Diagnostic {
    let header = &lines[innermost];
    let key = match &header.kind {
        LineKind::Entry(e) => e.span(),
        _ => header.span,
    };
    let title = text[key.range()].trim_end_matches(['{', '｛', ' ', '\t', '\u{3000}']);
    let unclosed = ReadProblem::Unclosed {
        title: title.to_owned(),
        count,
    };
    let mut d = unclosed
        .at(Span::point(text.len()))
        .with_secondary(key, tr!("这个块没有结束", "this block is never closed"));
    if let Some((brace, line)) = suspicious {
        let opened = &lines[line];
        let name = match &opened.kind {
            LineKind::Entry(e) => text[e.key.range()].to_owned(),
            _ => String::new(),
        };
        d = d.with_secondary(
            brace,
            tr!(
                "这个“}}”结束的是“{name}”，但缩进不同：也许少了一个“}}”",
                "this `}}` closes `{name}` but is indented differently: perhaps a `}}` is missing"
            ),
        );
    }
    d
}

/// Read `# rectlint: allow …` in a comment; `None` if the comment is not a
/// suppression.
fn read_suppression(
    text: &str,
    comment: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Suppression> {
    let raw = &text[comment.range()];
    let after_hash = raw[1..].trim_start_matches([' ', '\t', '\u{3000}']);
    let is_attempt = after_hash
        .get(..8)
        .is_some_and(|w| w.eq_ignore_ascii_case("rectlint"))
        && after_hash[8..]
            .trim_start_matches([' ', '\t', '\u{3000}'])
            .starts_with([':', '：']);
    if !is_attempt {
        return None;
    }
    let mut suppression = Suppression {
        span: comment,
        file: false,
        codes: Vec::new(),
        reason: None,
        scope: SuppressionScope::Nothing,
        effective: true,
    };
    let Ok(mut pairs) = RectParser::parse(Rule::suppression, raw) else {
        suppression.effective = false;
        diagnostics.push(ReadProblem::UnreadableSuppression.at(comment));
        return Some(suppression);
    };
    for pair in pairs
        .next()
        .into_iter()
        .flat_map(pest::iterators::Pair::into_inner)
    {
        let span = span_of(&pair, comment.start());
        match pair.as_rule() {
            Rule::allow_file => suppression.file = true,
            // The grammar reads a code only in the shape of one.
            Rule::rule_code => suppression
                .codes
                .extend(Code::parse(pair.as_str()).map(|code| Spanned::new(code, span))),
            Rule::reason => suppression.reason = Some(pair.as_str().trim().into()),
            _ => {}
        }
    }
    if suppression.file {
        suppression.scope = SuppressionScope::File;
    }
    if suppression.codes.is_empty() {
        suppression.effective = false;
        // A code written in lower case (`t007`) is read as the reason.
        let lower_case_code = suppression
            .reason
            .as_deref()
            .and_then(|r| {
                r.split([' ', '\t', '\u{3000}', ',', '，', '、', ';', '；', ':', '：'])
                    .next()
            })
            .filter(|w| {
                let b = w.as_bytes();
                b.len() == 4 && b[0].is_ascii_lowercase() && b[1..].iter().all(u8::is_ascii_digit)
            })
            .map(str::to_ascii_uppercase);
        let problem = ReadProblem::SuppressionWithoutCode {
            lower_case: lower_case_code,
        };
        diagnostics.push(problem.at(comment));
    } else if suppression.reason.is_none() {
        suppression.effective = false;
        diagnostics.push(ReadProblem::SuppressionWithoutReason.at(comment));
    }
    Some(suppression)
}
