//! The core: check one text under a resolved configuration and return its
//! findings, printing nothing. [`check_text`] is the one function that
//! does it; [`check_bytes`] decodes a file's bytes and hands them to the
//! same core. `check`, the fuzz target and editors call them; the front
//! ends decide what to do with what comes back.
//!
//! Everything the core has to say comes back in [`Checked`]: the findings
//! (problems of reading and encoding among them, as `P` codes), each with
//! the fix it carries, if any ([`Diagnostic::fix`], applied by
//! [`crate::fix::apply`]); the date the plan was judged as of; and how the
//! bytes were written. Nothing below the front ends prints (a test,
//! `tests/it/layers.rs`, holds it to that).

use std::borrow::Cow;

use jiff::civil::Date;

use crate::check::{self, Dates, FileInfo};
use crate::config::Profile;
use crate::diagnostic::Diagnostic;
use crate::{parse, source};

/// A text checked: the text as read, and everything the check found.
#[derive(Clone, Debug)]
pub struct Checked<'a> {
    /// The decoded text (empty when the bytes are not text), borrowed from
    /// the bytes when they are UTF-8.
    pub text: Cow<'a, str>,
    /// The findings, severities set, sorted by place; each carries its
    /// fix, if it has one.
    pub diagnostics: Vec<Diagnostic>,
    /// The date the file was judged as of.
    pub as_of: Date,
    /// How the bytes were written (UTF-8 when they are not text).
    pub encoding: source::Encoding,
}

impl Checked<'_> {
    /// The same, holding its own text.
    pub fn into_owned(self) -> Checked<'static> {
        Checked {
            text: Cow::Owned(self.text.into_owned()),
            diagnostics: self.diagnostics,
            as_of: self.as_of,
            encoding: self.encoding,
        }
    }
}

/// Files at least this long are freed on another thread.
const BACKGROUND_FREE_BYTES: usize = 1 << 20;

/// Free `value` on another thread of the current pool while the run goes
/// on, or here when the pool has one thread (`--jobs 1` works on one).
fn free_later<T: Send + 'static>(value: T) {
    if rayon::current_num_threads() > 1 {
        rayon::spawn(move || drop(value));
    } else {
        drop(value);
    }
}

/// Check a plan's text under `profile`: read it, run every rule the
/// profile enables, apply its suppression comments and set each finding's
/// severity. The findings come back sorted by place, each with the fix it
/// carries, if any.
///
/// `dates` says what day it is for the rules about time; `file` says where
/// the plan is (evidence paths are relative to its folder and may not
/// leave its repository) and in which file system its evidence is looked
/// up: the disk, or an [`InMemory`](crate::check::files::InMemory) tree.
/// A plan with no path (`FileInfo::default()`) has its evidence paths left
/// unjudged.
///
/// The text is taken as it stands, as an editor holds it: lines end with
/// `\n` or `\r\n`, and a lone `\r` breaks a line as it does in an editor
/// (the text then comes back with `\n` in its place, every offset
/// unchanged). Spans are byte offsets into the text;
/// [`LineIndex`](crate::span::LineIndex) turns them into lines and columns
/// counted in characters or in UTF-16 code units.
///
/// ```
/// use std::sync::Arc;
/// use rectlint::check::files::InMemory;
/// use rectlint::check::{Dates, FileInfo};
/// use rectlint::config::Profile;
/// use rectlint::span::LineIndex;
///
/// let plan = "\
/// 方案 示例方案 {
///   被巡察单位：某局
///   巡察组：市委第一巡察组
///   反馈日期：2024-07-26
///   第一责任人：张伟
///   人员 {
///     张伟：党委书记、局长
///   }
///   问题 A1 制度不健全 {
///     措施 A1.1 制定制度 {
///       状态：已完成 2024-09-15
///       佐证：台账 evidence/台账.xlsx
///       佐证：报告 evidence/报告.docx
///     }
///   }
/// }
/// ";
/// // The plan and its evidence exist only here: one of the two files is there.
/// let file = FileInfo {
///     path: Some("/repo/plans/a.rect".into()),
///     root: Some("/repo".into()),
///     files: Some(Arc::new(InMemory::new().file("/repo/plans/evidence/台账.xlsx"))),
/// };
/// let dates = Dates { as_of: None, today: Some(jiff::civil::date(2025, 4, 27)) };
/// let profile = Profile::shipped("xuncha").unwrap();
///
/// let checked = rectlint::check_text(plan, &profile, dates, &file);
///
/// let missing: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == "E003").collect();
/// assert_eq!(missing.len(), 1);
/// assert!(missing[0].message.en.contains("evidence/报告.docx"));
/// let at = LineIndex::new(&checked.text).line_col(&checked.text, missing[0].primary.span.start());
/// assert_eq!((at.line, at.column), (13, 13));
/// ```
pub fn check_text<'a>(
    text: &'a str,
    profile: &Profile,
    dates: Dates,
    file: &FileInfo,
) -> Checked<'a> {
    let text = source::lone_crs_as_line_feeds(Cow::Borrowed(text));
    check_read(text, source::Encoding::Utf8, None, profile, dates, file)
}

/// Decode a file's bytes (UTF-8, GB18030 or UTF-16, a byte-order mark
/// left out) and check the text as [`check_text`] does. An encoding other
/// than UTF-8 is a finding (P002); bytes that are not text are one too
/// (P001), and nothing else is checked.
pub fn check_bytes<'a>(
    bytes: &'a [u8],
    profile: &Profile,
    dates: Dates,
    file: &FileInfo,
) -> Checked<'a> {
    let (text, encoding_finding) = source::read_text(bytes);
    let Some((text, encoding)) = text else {
        return Checked {
            text: Cow::Borrowed(""),
            diagnostics: check::finalize(encoding_finding.into_iter().collect(), profile),
            as_of: dates.as_of(None),
            encoding: source::Encoding::Utf8,
        };
    };
    check_read(text, encoding, encoding_finding, profile, dates, file)
}

/// The core of [`check_text`] and [`check_bytes`]: parse and check a text
/// read in `encoding`, with what reading it found.
fn check_read<'a>(
    text: Cow<'a, str>,
    encoding: source::Encoding,
    encoding_finding: Option<Diagnostic>,
    profile: &Profile,
    dates: Dates,
    file: &FileInfo,
) -> Checked<'a> {
    let mut parsed = parse::parse(&text);
    // The rules need the model, not the lines and blocks it was read from.
    let reading = (
        std::mem::take(&mut parsed.lines),
        std::mem::take(&mut parsed.tree),
    );
    if text.len() >= BACKGROUND_FREE_BYTES {
        free_later(reading);
    } else {
        drop(reading);
    }
    parsed.diagnostics.extend(encoding_finding);
    let diagnostics = check::check(&text, &parsed, profile, dates, file);
    let as_of = dates.as_of(parsed.plan.as_ref());
    // A large plan's model takes a while to free: free it on another thread
    // while its findings are reported.
    if text.len() >= BACKGROUND_FREE_BYTES {
        free_later(parsed);
    }
    Checked {
        text,
        diagnostics,
        as_of,
        encoding,
    }
}
