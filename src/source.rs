//! A file's bytes turned into text: UTF-8 with or without a byte-order mark,
//! GB18030 (which covers GBK and GB2312) or UTF-16 with a byte-order mark
//! with a warning, anything else a clear error for that file alone.

use std::borrow::Cow;

use serde::Serialize;

/// How a file's bytes were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 that started with a byte-order mark (dropped from the text).
    Utf8Bom,
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Gb18030 => "GB18030",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
        }
    }

    /// Whether this is UTF-8, with or without a byte-order mark.
    pub fn is_utf8(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }
}

/// Why a file's bytes are not text we can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Holds NUL bytes: a binary file, not a plan.
    Binary,
    /// Neither UTF-8 nor GB18030; `offset` is the first byte UTF-8 rejects.
    Undecodable { offset: usize },
}

/// Files at least this long are read in two halves at once.
const PARALLEL_READ_BYTES: usize = 1 << 20;

/// A file's bytes. A large file is read in two halves at once when the
/// current thread pool has more than one thread: copying it out of the page
/// cache (and faulting in the pages it goes to) is then shared by two cores
/// instead of holding up the run before its lines can be read in parallel.
/// A file that is not as long as it was when its size was taken is read
/// again from the start, the plain way.
pub fn read_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        let file = std::fs::File::open(path)?;
        let size = usize::try_from(file.metadata()?.len()).unwrap_or(0);
        if size >= PARALLEL_READ_BYTES && rayon::current_num_threads() > 1 {
            let mut bytes = vec![0; size];
            let half = size / 2;
            let (first, second) = bytes.split_at_mut(half);
            let (a, b) = rayon::join(
                || file.read_exact_at(first, 0),
                || file.read_exact_at(second, half as u64),
            );
            if a.is_ok() && b.is_ok() && matches!(file.read_at(&mut [0], size as u64), Ok(0)) {
                return Ok(bytes);
            }
        }
    }
    std::fs::read(path)
}

/// Decode a file's bytes. A byte-order mark is not part of the text, in
/// whatever encoding it was written. UTF-8 text is borrowed from the bytes
/// (a large plan is not held twice); other encodings are decoded into a new
/// string.
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), DecodeError> {
    decode_raw(bytes).map(|(text, encoding)| match text {
        Cow::Borrowed(t) => (
            Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
            encoding,
        ),
        Cow::Owned(t) => match t.strip_prefix('\u{feff}') {
            Some(rest) => (Cow::Owned(rest.to_owned()), encoding),
            None => (Cow::Owned(t), encoding),
        },
    })
}

/// The text of bytes that are UTF-8, validated with SIMD (plans are mostly
/// Chinese, where the standard library's check goes byte by byte); where
/// they are not, the offset of the first byte that is not.
fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    simdutf8::basic::from_utf8(bytes)
        .map_err(|_| std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len()))
}

fn decode_raw(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match utf8(rest) {
            Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8Bom)),
            Err(valid_up_to) => Err(DecodeError::Undecodable {
                offset: valid_up_to + 3,
            }),
        };
    }
    if let Some((encoding, which)) = utf16_bom(bytes) {
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        if !had_errors && !text.contains('\0') {
            return Ok((Cow::Owned(text.into_owned()), which));
        }
    }
    if memchr::memchr(0, bytes).is_some() {
        return Err(DecodeError::Binary);
    }
    match utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), Encoding::Utf8)),
        Err(valid_up_to) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| (Cow::Owned(text.into_owned()), Encoding::Gb18030))
            .ok_or(DecodeError::Undecodable {
                offset: valid_up_to,
            }),
    }
}

/// Whether `decode` would call these bytes binary (NUL bytes, and not
/// UTF-16 text), without decoding them.
pub fn is_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xEF\xBB\xBF") || memchr::memchr(0, bytes).is_none() {
        return false;
    }
    match utf16_bom(bytes) {
        Some((encoding, _)) => {
            let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
            had_errors || text.contains('\0')
        }
        None => true,
    }
}

fn utf16_bom(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, Encoding)> {
    match bytes {
        [0xFF, 0xFE, ..] => Some((encoding_rs::UTF_16LE, Encoding::Utf16Le)),
        [0xFE, 0xFF, ..] => Some((encoding_rs::UTF_16BE, Encoding::Utf16Be)),
        _ => None,
    }
}

/// The P001 for a file larger than `limit` bytes, which is not read.
pub fn too_large(size: u64, limit: u64) -> crate::diagnostic::Diagnostic {
    use crate::tr;
    let (size_text, limit_text) = (shown_size(size), shown_size(limit));
    crate::diagnostic::Diagnostic::new(
        "P001",
        crate::span::Span::point(0),
        tr!(
            "文件过大（{size_text}），超过上限 {limit_text}，未检查",
            "the file is too large to check ({size_text}; the limit is {limit_text})"
        ),
    )
    .with_help(tr!(
        "把方案拆成几个文件；确需检查更大的文件时，在 rectlint.toml 中设 max_file_size，或用 --max-file-size",
        "split the plan into several files; to check larger files, set max_file_size in rectlint.toml or pass --max-file-size"
    ))
}

/// A size as people read it: `64 MB`, `1.5 MB`, `900 KB`, `12 bytes`.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn shown_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    match bytes {
        b if b >= MB && b % MB == 0 => format!("{} MB", b / MB),
        b if b >= MB => format!("{:.1} MB", b as f64 / MB as f64),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// Decode a file's bytes into text and the findings about its encoding:
/// P002 for GB18030 or UTF-16, P001 for bytes that are not text.
pub fn read_text(bytes: &[u8]) -> (Option<Cow<'_, str>>, Option<crate::diagnostic::Diagnostic>) {
    use crate::diagnostic::Diagnostic;
    use crate::span::Span;
    use crate::tr;
    match decode(bytes) {
        Ok((text, encoding)) if encoding.is_utf8() => (Some(text), None),
        Ok((text, encoding)) => {
            let name = encoding.name();
            let d = Diagnostic::new(
                "P002",
                Span::point(0),
                tr!(
                    "文件不是 UTF-8 编码，已按 {name} 读取",
                    "the file is not UTF-8; it was read as {name}"
                ),
            )
            .with_help(tr!(
                "另存为 UTF-8 编码，或运行 rectlint fmt 改写",
                "save it as UTF-8, or run `rectlint fmt` to rewrite it"
            ));
            (Some(text), Some(d))
        }
        Err(DecodeError::Binary) => (
            None,
            Some(
                Diagnostic::new(
                    "P001",
                    Span::point(0),
                    tr!("这不是文本文件", "this is not a text file"),
                )
                .with_help(tr!(
                    "方案文件须是 UTF-8 文本",
                    "a plan is a UTF-8 text file"
                )),
            ),
        ),
        Err(DecodeError::Undecodable { offset }) => (
            None,
            Some(
                Diagnostic::new(
                    "P001",
                    Span::point(0),
                    tr!(
                        "无法识别文件编码：第 {offset} 个字节起既不是 UTF-8 也不是 GB18030",
                        "cannot decode the file: from byte {offset} it is neither UTF-8 nor GB18030"
                    ),
                )
                .with_help(tr!("把文件另存为 UTF-8 编码", "save the file as UTF-8")),
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_is_read_whole_in_halves() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.rect");
        // Odd-sized, so that the halves differ; every byte told from its place.
        let bytes: Vec<u8> = (0..PARALLEL_READ_BYTES * 3 + 7)
            .map(|i| u8::try_from(i % 251).unwrap())
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            assert!(pool.install(|| read_file(&path).unwrap()) == bytes);
        }
        let small = dir.path().join("small.rect");
        std::fs::write(&small, "方案 甲 {\n}\n").unwrap();
        assert_eq!(read_file(&small).unwrap(), "方案 甲 {\n}\n".as_bytes());
        assert!(read_file(&dir.path().join("missing.rect")).is_err());
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("方案".as_bytes()).unwrap(),
            ("方案".into(), Encoding::Utf8)
        );
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend("方案".as_bytes());
        assert_eq!(decode(&bytes).unwrap(), ("方案".into(), Encoding::Utf8Bom));
    }

    #[test]
    fn gb18030_is_read() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("整改方案：责任领导");
        assert_eq!(
            decode(&bytes).unwrap(),
            ("整改方案：责任领导".into(), Encoding::Gb18030)
        );
    }

    #[test]
    fn utf16_with_bom_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "方案 {".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(
            decode(&bytes).unwrap(),
            ("方案 {".into(), Encoding::Utf16Le)
        );
    }

    #[test]
    fn is_binary_says_what_decode_says() {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "方案 {".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let mut utf16_nul = utf16.clone();
        utf16_nul.extend([0, 0]);
        for bytes in [
            &b"ab\0cd"[..],
            b"abc",
            b"\xEF\xBB\xBFa\0",
            b"\xFF\xFE\0",
            &utf16,
            &utf16_nul,
            b"",
            b"\0",
        ] {
            assert_eq!(
                is_binary(bytes),
                decode(bytes) == Err(DecodeError::Binary),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn binary_and_garbage_are_errors() {
        assert_eq!(decode(b"ab\0cd"), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"abc\xFF\xFF"),
            Err(DecodeError::Undecodable { offset: 3 })
        );
    }
}
