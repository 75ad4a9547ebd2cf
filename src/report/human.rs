//! The human format: miette's graphical report for each finding (labels
//! aligned under Chinese text, which miette measures in terminal cells), in
//! colour on a terminal and plain otherwise, then a one-line summary.
//!
//! What a finding shows is bounded, whatever the plan holds:
//! - the lines of its labels with one line around each, a label over more
//!   than [`LABEL_LINES`] lines drawn over its first ones (the last of them
//!   ending in `…`);
//! - a line wider than [`WHOLE_LINE`] columns cut to a window around each
//!   label's ends ([`BEFORE`] columns before, [`AFTER`] after), `…` where
//!   the line goes on; the header still gives the true line and column;
//! - messages, help and captions of more than [`TEXT_CHARS`] characters cut
//!   in the middle;
//! - control characters (of the plan, its file name and the messages that
//!   quote it) escaped as `\u{1b}` ([`super::terminal`]);
//! - after the first [`DRAWN_PER_FILE`] findings of a file, the rest one
//!   line each (`path:line:column: severity[CODE] message`).
//!
//! So a finding takes at most some 30 lines of at most some 250 columns,
//! and the findings past the first [`DRAWN_PER_FILE`] one line each: 20,000
//! stray `}` on one 40 KB line give under 3 MB, where every finding once
//! reprinted the whole line (1.2 GB).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use unicode_width::UnicodeWidthChar;

use super::{FileReport, Located, Reporter, RunInfo, Summary, plural, terminal};
use crate::diagnostic::{Lang, Severity};
use crate::span::{LineCol, LineIndex, Span};

/// Lines up to this many columns are shown whole.
pub const WHOLE_LINE: usize = 200;
/// A longer line shows this many columns before each end of a label,
pub const BEFORE: usize = 60;
/// and this many after.
pub const AFTER: usize = 100;
/// A label over more lines is drawn over its first this many.
pub const LABEL_LINES: usize = 8;
/// Messages, help and captions longer than this many characters are cut in
/// the middle.
pub const TEXT_CHARS: usize = 1000;
/// Findings of a file drawn with their lines; the rest are one line each.
pub const DRAWN_PER_FILE: usize = 200;
/// Lines shown around each label (miette's context).
const CONTEXT: usize = 1;
/// Where a line or a text is cut.
const ELLIPSIS: &str = "…";

/// Renders findings for people.
pub struct Human {
    handler: GraphicalReportHandler,
    lang: Lang,
}

impl Human {
    /// `color`: whether to use colour (a terminal without `NO_COLOR`);
    /// `width`: where to wrap long messages.
    pub fn new(lang: Lang, color: bool, width: usize) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false)
                .with_context_lines(CONTEXT)
                .without_syntax_highlighting(),
            lang,
        }
    }

    /// Render one finding, drawn with its lines.
    pub fn render(&self, path: &str, text: &str, lines: &LineIndex, located: &Located) -> String {
        let d = &located.diagnostic;
        let lang = self.lang;
        let mut spans = vec![(d.primary.span, located.start)];
        spans.extend(
            d.secondary
                .iter()
                .zip(&located.secondary)
                .map(|(label, (start, _))| (label.span, *start)),
        );
        let (view, shown_spans) = View::new(path, text, lines, &spans);
        let caption = |t: &Option<crate::diagnostic::Text>| {
            t.as_ref()
                .map(|t| terminal::line(&clip(t.get(lang), TEXT_CHARS)).into_owned())
        };
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            caption(&d.primary.text),
            shown_spans[0],
        )];
        labels.extend(
            d.secondary
                .iter()
                .zip(&shown_spans[1..])
                .map(|(l, &span)| LabeledSpan::new_with_span(caption(&l.text), span)),
        );
        let shown = Shown {
            code: format!(
                "{}[{}]",
                d.severity.word(lang),
                terminal::line(d.code.as_str())
            ),
            severity: d.severity,
            message: shown_text(d.message.get(lang)),
            help: d.help.as_ref().map(|h| shown_text(h.get(lang))),
            labels,
            source: view,
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &shown).is_err() {
            out = format!("{}: {}\n", shown.code, shown.message);
        }
        out
    }

    /// One finding on one line: `path:line:column: severity[CODE] message`.
    pub fn line(&self, path: &str, located: &Located) -> String {
        let d = &located.diagnostic;
        let message = terminal::line(&clip(d.message.get(self.lang), TEXT_CHARS)).into_owned();
        format!(
            "{}:{}:{}: {}[{}] {message}\n",
            terminal::line(path),
            located.start.line,
            located.start.column,
            d.severity.word(self.lang),
            terminal::line(d.code.as_str()),
        )
    }
}

/// A message or help as shown: cut if very long, control characters
/// escaped, its line breaks kept.
fn shown_text(text: &str) -> String {
    terminal::text(&clip(text, TEXT_CHARS)).into_owned()
}

/// `text`, cut in the middle (`…`) to at most `max` characters and the
/// ellipsis.
fn clip(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let count = text.chars().count();
    if count <= max {
        return Cow::Borrowed(text);
    }
    let head: String = text.chars().take(max / 2).collect();
    let tail: String = text.chars().skip(count - (max - max / 2)).collect();
    Cow::Owned(format!("{head} {ELLIPSIS} {tail}"))
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let text = file.text.as_deref().unwrap_or("");
        if file.diagnostics.is_empty() {
            return Ok(());
        }
        let lines = LineIndex::new(text);
        for (i, located) in file.diagnostics.iter().enumerate() {
            if i < DRAWN_PER_FILE {
                write!(out, "{}", self.render(&file.path, text, &lines, located))?;
                writeln!(out)?;
                continue;
            }
            if i == DRAWN_PER_FILE {
                let rest = file.diagnostics.len() - DRAWN_PER_FILE;
                let path = terminal::line(&file.path);
                let note = match self.lang {
                    Lang::Zh => format!(
                        "{path} 中其余 {rest} 个问题每个只列一行（--format json 给出全部详情）："
                    ),
                    Lang::En => format!(
                        "{rest} more {} in {path}, one line each (--format json gives them in full):",
                        plural(rest, "finding", "findings")
                    ),
                };
                writeln!(out, "{note}")?;
            }
            write!(out, "{}", self.line(&file.path, located))?;
        }
        if file.diagnostics.len() > DRAWN_PER_FILE {
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary, run: &RunInfo) -> io::Result<()> {
        if let Some(rows) = &run.statistics {
            write!(out, "{}", super::statistics_table(rows, self.lang))?;
        }
        if s.fixed > 0 {
            let fixed = match self.lang {
                Lang::Zh => format!("已自动修复 {} 处问题。", s.fixed),
                Lang::En => format!(
                    "Fixed {} {}.",
                    s.fixed,
                    plural(s.fixed, "problem", "problems")
                ),
            };
            writeln!(out, "{fixed}")?;
        }
        write!(out, "{}", super::notes(s, run, true))?;
        writeln!(out, "{}", super::summary_line(s, self.lang))
    }
}

/// The columns a character takes when deciding where to cut a line: its
/// width on a terminal, a zero-width one counted as one (a line of
/// combining marks is not shown whole), a tab as four, an escaped control
/// character as its escape.
fn columns(c: char) -> usize {
    if c == '\t' {
        4
    } else if terminal::is_control(c) {
        terminal::shown_len(c)
    } else {
        c.width().unwrap_or(0).max(1)
    }
}

/// What the human format shows of a file for one finding: the lines its
/// labels cover (at most [`LABEL_LINES`] of each) with [`CONTEXT`] lines
/// around, in order, each cut to windows around the labels' ends when it is
/// long, control characters escaped, CRLF made LF. Each line but the
/// file's last ends in `\n`; lines that are not next to each other in the
/// file never share a context, so miette numbers every line it draws right.
///
/// It also stands in for miette's reader, which goes over the text from its
/// start for every label (40 s for the benches' huge plan and its 1,735
/// findings), and counts columns in bytes where users count characters.
struct View {
    /// The file name, escaped.
    name: String,
    text: String,
    /// Where each shown line starts in `text`, and its 0-based line in the
    /// file.
    lines: Vec<(usize, usize)>,
    /// Where each label starts in `text`, with its 0-based column in the
    /// file (for the header).
    columns: BTreeMap<usize, usize>,
}

/// A label's place in the file, found when the view is built.
struct Place {
    /// Its start and its end, clamped to the text and to characters.
    start: usize,
    end: usize,
    /// The 0-based lines it is drawn over (miette's: a label that ends with
    /// a line break ends on the next line).
    first: usize,
    last: usize,
    /// Whether it goes on past `last`, which then ends in `…`.
    cut: bool,
}

impl View {
    /// The view of `text` for labels at `spans` (each with where it starts
    /// in the file), and where those spans are in it.
    fn new(
        name: &str,
        text: &str,
        index: &LineIndex,
        spans: &[(Span, LineCol)],
    ) -> (View, Vec<SourceSpan>) {
        let bytes = text.as_bytes();
        let count = index.lines();
        let line_start = |line: usize| index.line_start(line + 1).unwrap_or(text.len());
        // Where the line's text ends, before its line break.
        let content_end = |line: usize| {
            if line + 1 < count {
                let end = line_start(line + 1) - 1;
                if end > line_start(line) && bytes[end - 1] == b'\r' {
                    end - 1
                } else {
                    end
                }
            } else {
                text.len()
            }
        };
        let places: Vec<Place> = spans
            .iter()
            .map(|(span, _)| {
                let start = char_floor(text, span.start());
                let end = char_floor(text, span.end()).max(start);
                let first = index.line_of(start);
                let last = if end > start || start == 0 {
                    let last = end.saturating_sub(1);
                    let breaks = match bytes.get(last) {
                        Some(b'\n') => true,
                        Some(b'\r') => bytes.get(last + 1) == Some(&b'\n'),
                        _ => false,
                    };
                    (index.line_of(last) + usize::from(breaks)).min(count - 1)
                } else {
                    first
                };
                let cut = last - first >= LABEL_LINES;
                Place {
                    start,
                    end,
                    first,
                    last: if cut { first + LABEL_LINES - 1 } else { last },
                    cut,
                }
            })
            .collect();
        // The lines to show, and on each the offsets that must be seen.
        let mut shown: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for place in &places {
            let after = if place.cut {
                place.last
            } else {
                (place.last + CONTEXT).min(count - 1)
            };
            for line in place.first.saturating_sub(CONTEXT)..=after {
                shown.entry(line).or_default();
            }
            let mut see = |at: usize| {
                let line = index.line_of(at);
                if let Some(points) = shown.get_mut(&line) {
                    points.push(at.min(content_end(line)));
                }
            };
            see(place.start);
            if !place.cut {
                see(place.end);
            }
        }
        let mut view = View {
            name: terminal::line(name).into_owned(),
            text: String::new(),
            lines: Vec::with_capacity(shown.len()),
            columns: BTreeMap::new(),
        };
        // Where each offset that must be seen is in the view.
        let mut at_in_view: BTreeMap<usize, usize> = BTreeMap::new();
        let mut cut_ends: BTreeMap<usize, usize> = BTreeMap::new();
        for (&line, points) in &mut shown {
            points.sort_unstable();
            points.dedup();
            let (from, to) = (line_start(line), content_end(line));
            view.lines.push((view.text.len(), line));
            let mut at = from;
            for (start, end) in windows(text, from, to, points) {
                if start > at {
                    view.text.push_str(ELLIPSIS);
                }
                let mut next = points.partition_point(|&p| p < start);
                for (i, c) in text[start..end].char_indices() {
                    while points.get(next) == Some(&(start + i)) {
                        at_in_view.insert(start + i, view.text.len());
                        next += 1;
                    }
                    if terminal::is_control(c) {
                        terminal::push_escaped(&mut view.text, c);
                    } else {
                        view.text.push(c);
                    }
                }
                if points.get(next) == Some(&end) {
                    at_in_view.insert(end, view.text.len());
                }
                at = end;
            }
            if at < to {
                view.text.push_str(ELLIPSIS);
            }
            if places.iter().any(|p| p.cut && p.last == line) {
                if at >= to {
                    view.text.push(' ');
                    view.text.push_str(ELLIPSIS);
                }
                cut_ends.insert(line, view.text.len());
            }
            if line + 1 < count {
                view.text.push('\n');
            }
        }
        let spans = places
            .iter()
            .zip(spans)
            .map(|(place, (_, start))| {
                let from = at_in_view.get(&place.start).copied().unwrap_or(0);
                let to = if place.cut {
                    cut_ends.get(&place.last).copied().unwrap_or(from)
                } else {
                    let line = index.line_of(place.end);
                    at_in_view
                        .get(&place.end.min(content_end(line)))
                        .copied()
                        .unwrap_or(from)
                };
                view.columns.insert(from, start.column.saturating_sub(1));
                SourceSpan::new(from.into(), to.max(from) - from)
            })
            .collect();
        (view, spans)
    }

    /// The index in `lines` of the shown line holding `at`.
    fn line_of(&self, at: usize) -> usize {
        self.lines
            .partition_point(|&(start, _)| start <= at)
            .saturating_sub(1)
    }

    /// Where the shown line at `index` starts in the view (the view's end
    /// past the last).
    fn line_start(&self, index: usize) -> usize {
        self.lines
            .get(index)
            .map_or(self.text.len(), |&(start, _)| start)
    }
}

/// `offset`, at most the text's length, moved back to a character boundary.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The parts of the line `from..to` to show: all of it when it is at most
/// [`WHOLE_LINE`] columns wide, else windows around `points` (its start
/// when there are none), merged where they meet.
fn windows(text: &str, from: usize, to: usize, points: &[usize]) -> Vec<(usize, usize)> {
    let line = &text[from..to];
    let mut width = 0;
    let long = line.chars().any(|c| {
        width += columns(c);
        width > WHOLE_LINE
    });
    if !long {
        return vec![(from, to)];
    }
    let starts = [from];
    let points = if points.is_empty() {
        &starts[..]
    } else {
        points
    };
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &point in points {
        let mut start = point;
        let mut width = 0;
        for (i, c) in text[from..point].char_indices().rev() {
            width += columns(c);
            if width > BEFORE {
                break;
            }
            start = from + i;
        }
        let mut end = point;
        let mut width = 0;
        for c in text[point..to].chars() {
            width += columns(c);
            if width > AFTER {
                break;
            }
            end += c.len_utf8();
        }
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

impl SourceCode for View {
    /// The shown lines of `span` with `before` lines above and `after`
    /// below (only lines next to them in the file), as miette reads them;
    /// with none above, from the span's start, and with none below, to its
    /// end. The line is the file's; with none above, the column is the
    /// file's column of the label starting there, in characters.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = &self.text;
        let start = span.offset().min(text.len());
        let end = span
            .offset()
            .saturating_add(span.len())
            .clamp(start, text.len());
        let mut first = self.line_of(start);
        let mut last = if end > start || start == 0 {
            let breaks = text.as_bytes().get(end.saturating_sub(1)) == Some(&b'\n');
            self.line_of(end.saturating_sub(1)) + usize::from(breaks)
        } else {
            first
        }
        .min(self.lines.len().saturating_sub(1));
        let next_to = |a: usize, b: usize| matches!((self.lines.get(a), self.lines.get(b)), (Some(x), Some(y)) if x.1 + 1 == y.1);
        for _ in 0..before {
            if first > 0 && next_to(first - 1, first) {
                first -= 1;
            }
        }
        for _ in 0..after {
            if next_to(last, last + 1) {
                last += 1;
            }
        }
        let from = if before == 0 {
            start
        } else {
            self.line_start(first)
        };
        let to = if after == 0 {
            end
        } else {
            self.line_start(last + 1)
        };
        let column = match before {
            0 => self.columns.get(&start).copied().unwrap_or(0),
            _ => 0,
        };
        let line = self.lines.get(first).map_or(0, |l| l.1);
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            last - first + 1,
        )))
    }
}

/// A finding in one language, as miette wants it, every text already as
/// shown.
struct Shown {
    /// `error[T007]`.
    code: String,
    severity: Severity,
    message: String,
    help: Option<String>,
    labels: Vec<LabeledSpan>,
    source: View,
}

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shown")
            .field("code", &self.code)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown {}

impl miette::Diagnostic for Shown {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.help.as_ref()?;
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;
    use crate::diagnostic::Diagnostic;
    use crate::tr;

    /// Texts with CRLF and LF breaks, blank lines, wide characters, and with
    /// and without a final line break.
    const TEXTS: [&str; 4] = [
        "甲乙\r\n  丙：丁\n\n戊 {\n  己\r\n}\n末",
        "方案 甲 {\n  问题 A1 乙 {\n  }\n}\n",
        "\n\n一\n",
        "",
    ];

    /// Where a span may start or end: at a character, but not between the
    /// two bytes of a CRLF, where no finding points.
    fn boundaries(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i) && !text[..i].ends_with('\r'))
            .collect()
    }

    /// The view of `text` for one label at `start..end`, and its span there.
    fn view(text: &str, start: usize, end: usize) -> (View, SourceSpan) {
        let lines = LineIndex::new(text);
        let at = lines.line_col(text, start);
        let (view, spans) = View::new("plan.rect", text, &lines, &[(Span::new(start, end), at)]);
        (view, spans[0])
    }

    #[test]
    fn a_span_reads_as_miette_reads_it_but_for_columns_in_characters() {
        for text in TEXTS {
            for &start in &boundaries(text) {
                for &end in boundaries(text).iter().filter(|&&e| e >= start) {
                    let (view, shown) = view(text, start, end);
                    for context in [0, CONTEXT] {
                        let span = SourceSpan::new(start.into(), end - start);
                        let ours = view.read_span(&shown, context, context).unwrap();
                        let theirs = text.read_span(&span, context, context).unwrap();
                        let at = format!("{text:?} {start}..{end} with {context}");
                        // With no context miette reads only where the span
                        // starts, for the header; what it reads is not shown.
                        // The view has LF where the text has CRLF.
                        if context > 0 {
                            let theirs =
                                String::from_utf8_lossy(theirs.data()).replace("\r\n", "\n");
                            assert_eq!(String::from_utf8_lossy(ours.data()), theirs, "{at}");
                        }
                        assert_eq!(ours.line(), theirs.line(), "{at}");
                        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                        let column = match context {
                            0 => text[line_start..start].chars().count(),
                            _ => 0,
                        };
                        assert_eq!(ours.column(), column, "{at}");
                        assert_eq!(ours.name(), Some("plan.rect"));
                    }
                }
            }
        }
    }

    #[test]
    fn a_context_covers_its_own_lines_and_a_lone_cr_breaks_none() {
        use std::fmt::Write as _;
        let mut text = String::new();
        for i in 1..=100 {
            writeln!(text, "第{i}行").unwrap();
        }
        text.push_str("甲\r乙\n丙");
        let at = text.find("第80行").unwrap();
        let (shown, span) = view(&text, at, at + 3);
        let read = shown.read_span(&span, 1, 1).unwrap();
        assert_eq!((read.line(), read.line_count()), (78, 3));
        assert_eq!(read.data(), "第79行\n第80行\n第81行\n".as_bytes());
        // As in the JSON output: `\r` alone ends no line. It is shown
        // escaped.
        let at = text.find('丙').unwrap();
        let (shown, span) = view(&text, at, at + 3);
        let read = shown.read_span(&span, 0, 0).unwrap();
        assert_eq!((read.line(), read.column()), (101, 0));
        let read = shown.read_span(&span, 1, 1).unwrap();
        assert_eq!(read.data(), "甲\\u{d}乙\n丙".as_bytes());
        assert_eq!(LineIndex::new(&text).line_col(&text, at).line, 102);
    }

    /// The plain rendering of the findings of `text`.
    fn render(text: &str, diagnostics: Vec<Diagnostic>) -> String {
        let file = FileReport::new("plan.rect".into(), text, diagnostics, true);
        let mut out = Vec::new();
        Human::new(Lang::En, false, 100)
            .file(&mut out, &file)
            .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_finding_far_along_a_long_line_is_drawn_in_a_window() {
        // miette once panicked past display column 65,535 ("Formatting
        // argument out of range"): 70,000 ASCII columns, and 35,000 wide
        // characters (70,000 columns, 105 KB).
        for (filler, chars) in [("x", 70_000), ("很", 35_000)] {
            let line = format!("  备注：{}}}尾巴", filler.repeat(chars));
            let text = format!("方案 甲 {{\n{line}\n}}\n");
            let brace = text.rfind("}尾").unwrap();
            let found = Diagnostic::new(
                Code::P001,
                Span::new(brace, brace + 1),
                tr!("多余", "stray"),
            )
            .with_label(tr!("这里", "here"));
            let out = render(&text, vec![found]);
            let column = "  备注：".chars().count() + chars + 1;
            assert!(out.contains(&format!("[plan.rect:2:{column}]")), "{out}");
            assert!(out.contains("…"), "{out}");
            assert!(out.contains("}尾巴"), "{out}");
            assert!(out.contains("╰── here"), "{out}");
            let widest = out.lines().map(|l| l.chars().count()).max().unwrap();
            assert!(widest < WHOLE_LINE, "{widest}: {out}");
            // The underline is under the brace: as many columns in as the
            // brace is on its line.
            let drawn = out.lines().find(|l| l.contains("}尾巴")).unwrap();
            let under = out.lines().find(|l| l.contains('┬')).unwrap();
            let width = |s: &str| s.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
            let brace_at = width(&drawn[..drawn.find('}').unwrap()]);
            let mark_at = width(&under[..under.find('┬').unwrap()]);
            assert_eq!(brace_at, mark_at, "{out}");
        }
    }

    #[test]
    fn a_label_from_one_end_of_a_long_line_to_the_other_shows_both_ends() {
        let line = format!("开头{}结尾", "x".repeat(10_000));
        let text = format!("{line}\n");
        let found = Diagnostic::new(
            Code::new("Q001"),
            Span::new(0, line.len()),
            tr!("长", "long"),
        );
        let out = render(&text, vec![found]);
        assert!(out.contains("开头x") && out.contains("x结尾"), "{out}");
        assert!(out.contains("x…x"), "{out}");
        assert!(
            out.lines().all(|l| l.chars().count() < 2 * WHOLE_LINE),
            "{out}"
        );
    }

    #[test]
    fn a_label_over_many_lines_is_drawn_over_its_first() {
        let text = format!("值：\"\"\"\n{}\"\"\"\n", "一行\n".repeat(10_000));
        let found = Diagnostic::new(
            Code::new("Q001"),
            Span::new(3, text.len() - 1),
            tr!("长", "long"),
        )
        .with_label(tr!("这个值", "this value"));
        let out = render(&text, vec![found]);
        assert!(out.lines().count() < 30, "{out}");
        assert!(
            out.contains(&format!(" {LABEL_LINES} │ ├─▶ 一行 …")),
            "{out}"
        );
        assert!(!out.contains(&format!(" {} │", LABEL_LINES + 1)), "{out}");
        assert!(out.contains("this value"), "{out}");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        let evil = "标题\u{1b}]0;owned\u{7}\u{1b}]52;c;ZWNobw==\u{7}\u{9b}2J\r";
        let text = format!("问题 A1 {evil} {{\n}}\n");
        let span = Span::new(9, 9 + evil.len());
        let found = Diagnostic::new(Code::new("T001"), span, tr!("问题 {evil}", "issue {evil}"))
            .with_help(tr!("{evil}", "help {evil}"))
            .with_label(tr!("{evil}", "label {evil}"));
        for color in [false, true] {
            let file = FileReport::new(
                format!("a\u{1b}[31m{evil}.rect"),
                &text,
                vec![found.clone()],
                true,
            );
            let mut out = Vec::new();
            Human::new(Lang::En, color, 100)
                .file(&mut out, &file)
                .unwrap();
            let out = String::from_utf8(out).unwrap();
            // What remains of escape sequences are the colours (CSI … m).
            let mut rest = out.as_str();
            while let Some(at) = rest.find('\u{1b}') {
                rest = &rest[at + 1..];
                let end = rest.find(|c: char| c.is_ascii_alphabetic()).unwrap();
                assert!(
                    rest.starts_with('[') && rest[end..].starts_with('m'),
                    "{out:?}"
                );
            }
            assert!(
                !out.chars().any(|c| matches!(c, '\u{7}' | '\u{9b}' | '\r')),
                "{out:?}"
            );
            let escaped = "标题\\u{1b}]0;owned\\u{7}\\u{1b}]52;c;ZWNobw==\\u{7}\\u{9b}2J\\u{d}";
            // The message, the file name, the line, the caption, the help.
            assert_eq!(out.matches(escaped).count(), 5, "{out}");
            if !color {
                for part in [
                    "× issue ",
                    "[a\\u{1b}[31m",
                    "│ 问题 A1 ",
                    "╰── label ",
                    "help: help ",
                ] {
                    assert!(out.contains(&format!("{part}{escaped}")), "{part}: {out}");
                }
            }
        }
    }

    #[test]
    fn past_the_first_findings_of_a_file_each_takes_one_line() {
        let text = format!("{}\n", "}".repeat(DRAWN_PER_FILE + 50));
        let found = (0..DRAWN_PER_FILE + 50)
            .map(|i| Diagnostic::new(Code::P001, Span::new(i, i + 1), tr!("多余", "stray")))
            .collect();
        let out = render(&text, found);
        assert_eq!(out.matches("× stray").count(), DRAWN_PER_FILE, "{out}");
        assert!(
            out.contains("50 more findings in plan.rect, one line each"),
            "{out}"
        );
        let last = DRAWN_PER_FILE + 50;
        assert!(
            out.contains(&format!("\nplan.rect:1:{last}: error[P001] stray\n")),
            "{out}"
        );
    }

    #[test]
    fn long_texts_are_cut_in_the_middle() {
        let long = format!("头{}尾", "长".repeat(5000));
        let shown = clip(&long, TEXT_CHARS);
        assert_eq!(shown.chars().count(), TEXT_CHARS + 3);
        assert!(shown.starts_with("头长") && shown.ends_with("长尾") && shown.contains(" … "));
        assert_eq!(clip("短", TEXT_CHARS), "短");
    }
}
