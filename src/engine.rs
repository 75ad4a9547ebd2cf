//! The core: check one text under a resolved configuration and return its
//! findings, printing nothing. `check`, the fuzz target and editors call it;
//! the front ends decide what to do with what it returns.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::check::{self, Dates, FileInfo};
use crate::config::Profile;
use crate::diagnostic::Diagnostic;
use crate::{parse, source};

/// A file's text and findings.
#[derive(Clone, Debug)]
pub struct Checked<'a> {
    /// The decoded text (empty when the bytes are not text), borrowed from
    /// the bytes when they are UTF-8.
    pub text: Cow<'a, str>,
    /// The findings, severities set, sorted by place.
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

/// Decode, parse and check a file's bytes.
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
