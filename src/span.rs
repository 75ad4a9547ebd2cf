//! Byte spans into a file's decoded text, and the line index that turns them
//! into the 1-based line and column (in Unicode scalar values) that users
//! see, or in UTF-16 code units (what editors and the Language Server
//! Protocol count), and back.

use serde::Serialize;

/// A half-open byte range `start..end` in a file's decoded text.
///
/// The offsets are kept as `u32`, which halves every node of a large plan's
/// lines, tree and model; files of 4 GiB or more are never read (see
/// [`MAX_TEXT`]), so every offset fits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

/// The longest text a span can point into: `max_file_size` is capped here.
pub const MAX_TEXT: u64 = u32::MAX as u64;

/// An offset as stored in a span (offsets past [`MAX_TEXT`] cannot occur:
/// such files are refused before they are read).
const fn offset(at: usize) -> u32 {
    if at > u32::MAX as usize {
        u32::MAX
    } else {
        #[allow(clippy::cast_possible_truncation)]
        let at = at as u32;
        at
    }
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Self {
            start: offset(start),
            end: offset(end),
        }
    }

    /// An empty span at `at`.
    pub const fn point(at: usize) -> Self {
        Self::new(at, at)
    }

    /// Where it starts.
    pub const fn start(self) -> usize {
        self.start as usize
    }

    /// Where it ends (exclusive).
    pub const fn end(self) -> usize {
        self.end as usize
    }

    /// `start..end`, to slice the text with.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    pub const fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// This span moved `by` bytes to the right.
    #[must_use]
    pub const fn shift(self, by: usize) -> Span {
        Span::new(self.start() + by, self.end() + by)
    }

    pub fn contains(self, offset: usize) -> bool {
        self.start() <= offset && offset < self.end().max(self.start() + 1)
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.start().into(), span.len())
    }
}

/// A value together with the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub const fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// 1-based line and column; the column counts Unicode scalar values
/// (or, where a [`Unit`] says so, UTF-16 code units).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// What a column counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values (characters): what rectlint shows and reports.
    #[default]
    Char,
    /// UTF-16 code units: what the Language Server Protocol counts by
    /// default (and JavaScript, Java, .NET). A character beyond the Basic
    /// Multilingual Plane (`𠀀`, most emoji) counts two.
    Utf16,
}

impl Unit {
    /// How many of this unit `c` counts.
    fn width(self, c: char) -> usize {
        match self {
            Unit::Char => 1,
            Unit::Utf16 => c.len_utf16(),
        }
    }

    /// How many of this unit `text` counts.
    fn count(self, text: &str) -> usize {
        match self {
            Unit::Char => text.chars().count(),
            Unit::Utf16 => text.chars().map(char::len_utf16).sum(),
        }
    }
}

/// Where each line of a text starts, to turn byte offsets into [`LineCol`].
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Self { starts }
    }

    /// The 1-based line and column of `offset` (clamped to the text and to a
    /// character boundary).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        self.line_col_in(text, offset, Unit::Char)
    }

    /// The 1-based line and column of `offset` (clamped to the text and to a
    /// character boundary), the column counted in `unit`. A Language Server
    /// Protocol position is `(line - 1, column - 1)` of [`Unit::Utf16`].
    pub fn line_col_in(&self, text: &str, offset: usize, unit: Unit) -> LineCol {
        let offset = char_floor(text, offset);
        let line = self.line_of(offset);
        let column = unit.count(&text[self.starts[line]..offset]) + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Where `span` starts and ends, as [`LineIndex::line_col_in`] gives them.
    pub fn range_in(&self, text: &str, span: Span, unit: Unit) -> (LineCol, LineCol) {
        (
            self.line_col_in(text, span.start(), unit),
            self.line_col_in(text, span.end(), unit),
        )
    }

    /// The byte offset of the 1-based line and column `at`, the column
    /// counted in `unit`: the way back from [`LineIndex::line_col_in`], for
    /// positions an editor sends. What lies beyond is brought back, as the
    /// Language Server Protocol asks: a column past the end of its line to
    /// the line's end (before its `\n` or `\r\n`), a line past the last
    /// to the end of the text, a column inside a character (between the
    /// two UTF-16 units of `𠀀`) to where the character starts; line and
    /// column 0 are taken as 1.
    pub fn offset_at(&self, text: &str, at: LineCol, unit: Unit) -> usize {
        let line = at.line.max(1) - 1;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = match self.starts.get(line + 1) {
            // Before the line break: `\n`, or `\r\n`.
            Some(&next) => {
                let end = next - 1;
                if end > start && text.as_bytes()[end - 1] == b'\r' {
                    end - 1
                } else {
                    end
                }
            }
            None => text.len(),
        };
        let mut left = at.column.max(1) - 1;
        for (i, c) in text[start..end].char_indices() {
            let width = unit.width(c);
            if left < width {
                return start + i;
            }
            left -= width;
        }
        end
    }

    /// The byte offset where 1-based `line` starts, if there is such a line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// The 0-based line that `offset` is on; a line break is on the line it
    /// ends.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// How many lines the text has (one more than its line breaks).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

/// The line and column of each of `offsets`, which must be in ascending
/// order, as [`LineIndex::line_col`] gives them: found in one pass over the
/// text, counting line breaks with SIMD, which for a long text with few
/// findings is cheaper than indexing every line. A long text with many
/// offsets is gone over in pieces, on every core of the current pool.
pub fn line_cols_sorted(text: &str, offsets: &[usize]) -> Vec<LineCol> {
    let threads = rayon::current_num_threads();
    let pieces = if threads > 1 && text.len() >= PARALLEL_TEXT && offsets.len() >= PARALLEL_OFFSETS
    {
        threads * 2
    } else {
        1
    };
    line_cols_in_pieces(text, offsets, pieces)
}

/// Texts at least this long, with at least this many offsets, have their
/// offsets located in pieces.
const PARALLEL_TEXT: usize = 1 << 20;
const PARALLEL_OFFSETS: usize = 256;

/// [`line_cols_sorted`], the offsets cut into about `pieces` runs, each
/// located on its own from where it starts (the line breaks before each
/// start are counted apart, also in parallel).
fn line_cols_in_pieces(text: &str, offsets: &[usize], pieces: usize) -> Vec<LineCol> {
    use rayon::prelude::*;
    if pieces <= 1 || offsets.len() < 2 {
        return line_cols_from(text, offsets, 0, 1, 0);
    }
    let bytes = text.as_bytes();
    let runs: Vec<&[usize]> = offsets.chunks(offsets.len().div_ceil(pieces)).collect();
    // Each run starts where its first offset is read from (0 for the first).
    let starts: Vec<usize> = runs
        .iter()
        .enumerate()
        .map(|(i, run)| if i == 0 { 0 } else { char_floor(text, run[0]) })
        .collect();
    let breaks: Vec<usize> = (0..runs.len())
        .into_par_iter()
        .map(|i| {
            let from = if i == 0 { 0 } else { starts[i - 1] };
            memchr::memchr_iter(b'\n', &bytes[from..starts[i]]).count()
        })
        .collect();
    let lines: Vec<usize> = breaks
        .iter()
        .scan(1, |line, &b| {
            *line += b;
            Some(*line)
        })
        .collect();
    let located: Vec<Vec<LineCol>> = runs
        .par_iter()
        .zip(starts.par_iter().zip(lines.par_iter()))
        .map(|(run, (&start, &line))| {
            let line_start = memchr::memrchr(b'\n', &bytes[..start]).map_or(0, |i| i + 1);
            line_cols_from(text, run, start, line, line_start)
        })
        .collect();
    located.concat()
}

/// `offset`, at most the text's length, moved back to a character boundary.
fn char_floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The places of `offsets`, none before `at`, which is on `line`, a line
/// that starts at `line_start`. Columns on a line are counted on from the
/// previous offset on it, so that many offsets on one long line (20,000
/// stray braces) cost the line once, not once each.
fn line_cols_from(
    text: &str,
    offsets: &[usize],
    mut at: usize,
    mut line: usize,
    mut line_start: usize,
) -> Vec<LineCol> {
    let bytes = text.as_bytes();
    // The previous offset and its column, while on the same line.
    let mut previous: Option<(usize, usize)> = None;
    offsets
        .iter()
        .map(|&offset| {
            // Offsets snapped back may go backwards only within a character.
            let offset = char_floor(text, offset).max(at);
            let passed = &bytes[at..offset];
            line += memchr::memchr_iter(b'\n', passed).count();
            if let Some(last) = memchr::memrchr(b'\n', passed) {
                line_start = at + last + 1;
                previous = None;
            }
            at = offset;
            let column = match previous {
                Some((from, column)) => column + text[from..offset].chars().count(),
                None => text[line_start..offset].chars().count() + 1,
            };
            previous = Some((offset, column));
            LineCol { line, column }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_scalar_values() {
        let text = "方案 甲 {\n  问题：乙\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), LineCol { line: 1, column: 1 });
        let at = text.find('乙').unwrap();
        assert_eq!(index.line_col(text, at), LineCol { line: 2, column: 6 });
        assert_eq!(
            index.line_col(text, text.len()),
            LineCol { line: 3, column: 1 }
        );
    }

    #[test]
    fn one_pass_agrees_with_the_index() {
        let text = "方案 甲 {\n  问题：乙\r\n\n  措施 丙丁 {\n}";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).collect();
        let expected: Vec<LineCol> = offsets.iter().map(|&o| index.line_col(text, o)).collect();
        assert_eq!(line_cols_sorted(text, &offsets), expected);
        assert_eq!(line_cols_sorted(text, &[]), Vec::new());
    }

    proptest::proptest! {
        /// Located in pieces or in one pass, offsets have the same places.
        #[test]
        fn offsets_located_in_pieces_have_the_same_places(
            text in "[a\n\r方 ]{0,64}",
            mut offsets in proptest::collection::vec(0usize..70, 0..40),
            pieces in 1usize..9,
        ) {
            offsets.sort_unstable();
            let whole = line_cols_from(&text, &offsets, 0, 1, 0);
            proptest::prop_assert_eq!(line_cols_in_pieces(&text, &offsets, pieces), whole);
        }
    }

    /// `𠀀` (U+20000) and `😀` are one character each and two UTF-16 units;
    /// `方` is one of each; lines end in `\r\n` or `\n`.
    #[test]
    fn columns_in_utf16_units_and_back() {
        let text = "方案 𠀀x\r\n😀方\n\r\nend";
        let index = LineIndex::new(text);
        let at = |s: &str| text.find(s).unwrap();
        let utf16 = |o| index.line_col_in(text, o, Unit::Utf16);
        let chars = |o| index.line_col_in(text, o, Unit::Char);
        assert_eq!(utf16(at("x")), LineCol { line: 1, column: 6 });
        assert_eq!(chars(at("x")), LineCol { line: 1, column: 5 });
        assert_eq!(utf16(at("\r")), LineCol { line: 1, column: 7 });
        assert_eq!(utf16(at("方\n")), LineCol { line: 2, column: 3 });
        assert_eq!(chars(at("方\n")), LineCol { line: 2, column: 2 });
        assert_eq!(utf16(at("end")), LineCol { line: 4, column: 1 });
        assert_eq!(utf16(text.len()), LineCol { line: 4, column: 4 });
        // The range of a span over `𠀀x`.
        let span = Span::new(at("𠀀"), at("\r"));
        assert_eq!(
            index.range_in(text, span, Unit::Utf16),
            (
                LineCol { line: 1, column: 4 },
                LineCol { line: 1, column: 7 }
            )
        );
        assert_eq!(
            index.range_in(text, span, Unit::Char),
            (
                LineCol { line: 1, column: 4 },
                LineCol { line: 1, column: 6 }
            )
        );

        let back = |line, column, unit| index.offset_at(text, LineCol { line, column }, unit);
        assert_eq!(back(1, 6, Unit::Utf16), at("x"));
        assert_eq!(back(1, 5, Unit::Char), at("x"));
        assert_eq!(back(1, 4, Unit::Utf16), at("𠀀"));
        // Between the two units of `𠀀`: where it starts.
        assert_eq!(back(1, 5, Unit::Utf16), at("𠀀"));
        assert_eq!(back(2, 2, Unit::Utf16), at("😀"));
        // Past the end of a line: before its `\r\n` (or `\n`).
        assert_eq!(back(1, 99, Unit::Utf16), at("\r"));
        assert_eq!(back(2, 99, Unit::Utf16), at("方\n") + "方".len());
        assert_eq!(back(3, 99, Unit::Utf16), text.rfind('\r').unwrap());
        assert_eq!(back(3, 1, Unit::Utf16), text.rfind('\r').unwrap());
        // Past the last line, and the zeros.
        assert_eq!(back(9, 1, Unit::Utf16), text.len());
        assert_eq!(back(4, 99, Unit::Char), text.len());
        assert_eq!(back(0, 0, Unit::Utf16), 0);
    }

    proptest::proptest! {
        /// Every offset comes back from its line and column, in either
        /// unit (but one between `\r` and `\n`, which comes back before
        /// the `\r`); a UTF-16 column counts the line's UTF-16 units.
        #[test]
        fn line_and_column_lead_back_to_the_offset(text in "[a方𠀀😀\r\n ]{0,40}") {
            let index = LineIndex::new(&text);
            for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
                for unit in [Unit::Char, Unit::Utf16] {
                    let at = index.line_col_in(&text, offset, unit);
                    let back = index.offset_at(&text, at, unit);
                    let after_cr = text[..offset].ends_with('\r') && text[offset..].starts_with('\n');
                    if after_cr {
                        proptest::prop_assert_eq!(back, offset - 1);
                    } else {
                        proptest::prop_assert_eq!(back, offset);
                    }
                }
                let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                let units = text[line_start..offset].encode_utf16().count();
                proptest::prop_assert_eq!(
                    index.line_col_in(&text, offset, Unit::Utf16).column,
                    units + 1
                );
                proptest::prop_assert_eq!(
                    index.line_col_in(&text, offset, Unit::Char),
                    index.line_col(&text, offset)
                );
            }
        }
    }

    #[test]
    fn offsets_inside_a_character_snap_back() {
        let text = "甲乙";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 4), LineCol { line: 1, column: 2 });
    }
}
