//! A file's bytes turned into text: UTF-8 with or without a byte-order mark,
//! GB18030 (which covers GBK and GB2312) or UTF-16 with a byte-order mark
//! with a warning, anything else a clear error for that file alone.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::problem::ReadProblem;

/// How a file's bytes were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    /// UTF-8 that started with a byte-order mark (dropped from the text).
    Utf8Bom,
    Gb18030,
    /// GB18030 that started with its byte-order mark (`84 31 95 33`).
    Gb18030Bom,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Gb18030 => "GB18030",
            Encoding::Gb18030Bom => "GB18030 (BOM)",
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

/// What a path holds when it is not a regular file, and so is not read:
/// reading a FIFO waits for a writer, a device such as `/dev/zero` never
/// ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Socket,
    Other,
}

impl Special {
    /// What a file of this type is, if it is not a regular file.
    pub fn of(file_type: std::fs::FileType) -> Option<Special> {
        if file_type.is_file() {
            return None;
        }
        if file_type.is_dir() {
            return Some(Special::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if file_type.is_fifo() {
                return Some(Special::Fifo);
            }
            if file_type.is_char_device() {
                return Some(Special::CharDevice);
            }
            if file_type.is_block_device() {
                return Some(Special::BlockDevice);
            }
            if file_type.is_socket() {
                return Some(Special::Socket);
            }
        }
        Some(Special::Other)
    }

    /// Its name, with an article in English: `a named pipe (FIFO)`.
    pub fn name(self) -> crate::diagnostic::Text {
        use crate::tr;
        match self {
            Special::Folder => tr!("文件夹", "a folder"),
            Special::Fifo => tr!("命名管道（FIFO）", "a named pipe (FIFO)"),
            Special::CharDevice => tr!("字符设备", "a character device"),
            Special::BlockDevice => tr!("块设备", "a block device"),
            Special::Socket => tr!("套接字", "a socket"),
            Special::Other => tr!("特殊文件", "a special file"),
        }
    }
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// It is not a regular file.
    NotRegular(Special),
    /// It is longer than the limit: its size, as far as it was read (more
    /// than the limit).
    TooLarge(u64),
    Io(std::io::Error),
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Open a regular file for reading, without ever waiting: what `path`
/// holds is looked at before it is opened (a FIFO or a device is never
/// opened), it is opened without blocking, and looked at again once open,
/// in case it was replaced in between. Its size comes with it.
fn open_regular(path: &std::path::Path) -> Result<(std::fs::File, u64), ReadError> {
    if let Some(special) = Special::of(std::fs::metadata(path)?.file_type()) {
        return Err(ReadError::NotRegular(special));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    if let Some(special) = Special::of(metadata.file_type()) {
        return Err(ReadError::NotRegular(special));
    }
    Ok((file, metadata.len()))
}

/// A regular file's bytes, at most `limit` of them: anything else (a
/// folder, a FIFO, a device) is refused without waiting, and a longer file
/// is not read. Files whose size the system does not tell (`/proc`) are
/// read through the limit.
///
/// A large file is read in two halves at once when the current thread pool
/// has more than one thread: copying it out of the page cache (and faulting
/// in the pages it goes to) is then shared by two cores instead of holding
/// up the run before its lines can be read in parallel. A file that is not
/// as long as it was when its size was taken is read again from the start,
/// the plain way.
pub fn read_file(path: &std::path::Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let (file, size) = open_regular(path)?;
    if size > limit {
        return Err(ReadError::TooLarge(size));
    }
    let size = usize::try_from(size).unwrap_or(0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
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
    // Positioned reads leave the file's offset at the start.
    let mut bytes = Vec::with_capacity(size.saturating_add(1));
    (&file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decode a file's bytes. A byte-order mark is not part of the text, in
/// whatever encoding it was written. UTF-8 text is borrowed from the bytes
/// (a large plan is not held twice); other encodings are decoded into a new
/// string. A carriage return not followed by a line feed (the line break of
/// old Mac files) is read as a line feed (see [`lone_crs_as_line_feeds`]).
pub fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Encoding), DecodeError> {
    decode_raw(bytes).map(|(text, encoding)| {
        let text = match text {
            Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
            Cow::Owned(t) => match t.strip_prefix('\u{feff}') {
                Some(rest) => Cow::Owned(rest.to_owned()),
                None => Cow::Owned(t),
            },
        };
        (lone_crs_as_line_feeds(text), encoding)
    })
}

/// `text` with every `\r` that is not followed by `\n` turned into `\n`: a
/// file whose lines end with a lone carriage return (old Mac files) has its
/// lines read, numbered, shown and formatted as every editor shows them,
/// and a lone `\r` inside a line breaks it, as it does there. The text keeps
/// its length, so every offset still points at the same byte of the file.
/// Text without a lone `\r` is returned as it is.
pub fn lone_crs_as_line_feeds(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |at: &usize| bytes.get(at + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(|at| lone(&at)) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in memchr::memchr_iter(b'\r', bytes).filter(lone) {
        // A `\r` is one byte: both ends of it are character boundaries.
        out.push_str(&text[from..at]);
        out.push('\n');
        from = at + 1;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
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
            .map(|text| {
                let encoding = if text.starts_with('\u{feff}') {
                    Encoding::Gb18030Bom
                } else {
                    Encoding::Gb18030
                };
                (Cow::Owned(text.into_owned()), encoding)
            })
            .ok_or(DecodeError::Undecodable {
                offset: valid_up_to,
            }),
    }
}

/// Text that cannot be written in a file's encoding without changing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unencodable {
    /// The first character the encoding cannot hold as it is.
    pub character: char,
}

/// `text` as the bytes of a file written in `encoding`, with its
/// byte-order mark if it had one: the way `decode` read it, so that a file
/// fixed or formatted keeps its encoding. `fmt` and `--fix` both write
/// through this. UTF-8 without a mark is the text's own bytes.
///
/// GB18030 as the WHATWG encoder writes it; a character it cannot write is
/// an error (never a numeric character reference). A few GB18030 byte
/// sequences read as characters it writes otherwise (`80` as €, written
/// `A2 E3`): whoever writes a file back checks that its text comes back as
/// its bytes.
pub fn encode(text: &str, encoding: Encoding) -> Result<Cow<'_, [u8]>, Unencodable> {
    let with_mark = |mark: &[u8], body: &[u8]| {
        let mut out = Vec::with_capacity(mark.len() + body.len());
        out.extend_from_slice(mark);
        out.extend_from_slice(body);
        Cow::Owned(out)
    };
    let utf16 = |mark: [u8; 2], unit: fn(u16) -> [u8; 2]| {
        let mut out = Vec::with_capacity(2 + text.len() * 2);
        out.extend_from_slice(&mark);
        for u in text.encode_utf16() {
            out.extend_from_slice(&unit(u));
        }
        Cow::Owned(out)
    };
    Ok(match encoding {
        Encoding::Utf8 => Cow::Borrowed(text.as_bytes()),
        Encoding::Utf8Bom => with_mark(b"\xEF\xBB\xBF", text.as_bytes()),
        Encoding::Gb18030 | Encoding::Gb18030Bom => {
            let mut encoder = encoding_rs::GB18030.new_encoder();
            let mut out = Vec::new();
            if encoding == Encoding::Gb18030Bom {
                out.extend_from_slice(b"\x84\x31\x95\x33");
            }
            let mut rest = text;
            loop {
                // At most four bytes a character: a full buffer is only a
                // reason to make room.
                out.reserve(
                    encoder
                        .max_buffer_length_from_utf8_without_replacement(rest.len())
                        .unwrap_or(rest.len()),
                );
                let (result, read) =
                    encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
                rest = &rest[read..];
                match result {
                    encoding_rs::EncoderResult::InputEmpty => break Cow::Owned(out),
                    encoding_rs::EncoderResult::OutputFull => {}
                    encoding_rs::EncoderResult::Unmappable(character) => {
                        return Err(Unencodable { character });
                    }
                }
            }
        }
        Encoding::Utf16Le => utf16([0xFF, 0xFE], u16::to_le_bytes),
        Encoding::Utf16Be => utf16([0xFE, 0xFF], u16::to_be_bytes),
    })
}

/// How a text ends its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineEnding {
    /// `\n`.
    Lf,
    /// `\r\n`.
    CrLf,
}

impl LineEnding {
    /// The line ending most lines of `text` end with. With as many of each,
    /// the first line's; with none (one line), LF. A file of mixed endings
    /// is thus written back with its majority: `fmt` ends every line so,
    /// `--fix` ends the lines it adds so and leaves the others as they are.
    pub fn of(text: &str) -> LineEnding {
        let bytes = text.as_bytes();
        let (mut crlf, mut lf, mut first) = (0usize, 0usize, None);
        for at in memchr::memchr_iter(b'\n', bytes) {
            let ending = if at > 0 && bytes[at - 1] == b'\r' {
                crlf += 1;
                LineEnding::CrLf
            } else {
                lf += 1;
                LineEnding::Lf
            };
            first.get_or_insert(ending);
        }
        match crlf.cmp(&lf) {
            std::cmp::Ordering::Greater => LineEnding::CrLf,
            std::cmp::Ordering::Less => LineEnding::Lf,
            std::cmp::Ordering::Equal => first.unwrap_or(LineEnding::Lf),
        }
    }

    /// `text` with every line ended this way (a `\r` not before `\n` is
    /// left alone).
    pub fn apply(self, text: &str) -> Cow<'_, str> {
        match self {
            LineEnding::Lf if text.contains("\r\n") => Cow::Owned(text.replace("\r\n", "\n")),
            LineEnding::CrLf => {
                let bytes = text.as_bytes();
                let bare = memchr::memchr_iter(b'\n', bytes)
                    .filter(|&at| at == 0 || bytes[at - 1] != b'\r')
                    .count();
                if bare == 0 {
                    return Cow::Borrowed(text);
                }
                let mut out = String::with_capacity(text.len() + bare);
                let mut from = 0;
                for at in memchr::memchr_iter(b'\n', bytes) {
                    if at == 0 || bytes[at - 1] != b'\r' {
                        out.push_str(&text[from..at]);
                        out.push_str("\r\n");
                        from = at + 1;
                    }
                }
                out.push_str(&text[from..]);
                Cow::Owned(out)
            }
            LineEnding::Lf => Cow::Borrowed(text),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LineEnding::Lf => "LF",
            LineEnding::CrLf => "CRLF",
        }
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

/// Decode a file's bytes into text (with the encoding it was read in) and
/// the findings about its encoding: P002 for GB18030 or UTF-16, P007 for
/// bytes that are not text.
pub fn read_text(
    bytes: &[u8],
) -> (
    Option<(Cow<'_, str>, Encoding)>,
    Option<crate::diagnostic::Diagnostic>,
) {
    let start = crate::span::Span::point(0);
    match decode(bytes) {
        Ok((text, encoding)) if encoding.is_utf8() => (Some((text, encoding)), None),
        Ok((text, encoding)) => {
            let found = ReadProblem::NotUtf8 {
                encoding: encoding.name(),
            };
            (Some((text, encoding)), Some(found.at(start)))
        }
        Err(DecodeError::Binary) => (None, Some(ReadProblem::Binary.at(start))),
        Err(DecodeError::Undecodable { offset }) => {
            (None, Some(ReadProblem::Undecodable { offset }.at(start)))
        }
    }
}

/// `a/b/../c` → `a/c`, without touching the file system, so that the
/// folders a plan's configuration, repository root and evidence are looked
/// for in are the plan's own, whatever way its path was written. `..` above
/// the root of an absolute path stays at the root; above a relative path it
/// is kept.
pub fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(part),
            },
            other => out.push(other),
        }
    }
    out
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
            assert!(pool.install(|| read_file(&path, u64::MAX).unwrap()) == bytes);
        }
        let small = dir.path().join("small.rect");
        std::fs::write(&small, "方案 甲 {\n}\n").unwrap();
        assert_eq!(
            read_file(&small, u64::MAX).unwrap(),
            "方案 甲 {\n}\n".as_bytes()
        );
        assert!(read_file(&dir.path().join("missing.rect"), u64::MAX).is_err());
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
    fn a_lone_carriage_return_is_read_as_a_line_feed() {
        let read = |bytes: &[u8]| decode(bytes).unwrap().0.into_owned();
        assert_eq!(read(b"a\rb\r"), "a\nb\n");
        assert_eq!(read(b"a\r\nb\r\r\nc\rd\n"), "a\r\nb\n\r\nc\nd\n");
        assert_eq!(read("\u{feff}方案\r}".as_bytes()), "方案\n}");
        assert!(matches!(decode(b"a\r\nb\n").unwrap().0, Cow::Borrowed(_)));
        let (gb, _, _) = encoding_rs::GB18030.encode("方案 甲 {\r}\r");
        assert_eq!(
            decode(&gb).unwrap(),
            ("方案 甲 {\n}\n".into(), Encoding::Gb18030)
        );
        let mut utf16 = vec![0xFE, 0xFF];
        for unit in "甲\r乙".encode_utf16() {
            utf16.extend(unit.to_be_bytes());
        }
        assert_eq!(
            decode(&utf16).unwrap(),
            ("甲\n乙".into(), Encoding::Utf16Be)
        );
    }

    #[test]
    fn encode_writes_back_the_bytes_decode_read() {
        let text = "\u{feff}方案 甲 {\r\n  备注：€ 𠀀\r\n}\r\n";
        let (mut little, mut big) = (Vec::new(), Vec::new());
        for unit in text.encode_utf16() {
            little.extend(unit.to_le_bytes());
            big.extend(unit.to_be_bytes());
        }
        let gb = encoding_rs::GB18030.encode(text).0.into_owned();
        assert!(gb.starts_with(b"\x84\x31\x95\x33"), "GB18030's own mark");
        let samples: [(&[u8], Encoding); 6] = [
            (&text.as_bytes()[3..], Encoding::Utf8),
            (text.as_bytes(), Encoding::Utf8Bom),
            (&gb[4..], Encoding::Gb18030),
            (&gb, Encoding::Gb18030Bom),
            (&little, Encoding::Utf16Le),
            (&big, Encoding::Utf16Be),
        ];
        for (bytes, encoding) in samples {
            let (decoded, found) = decode(bytes).unwrap();
            assert_eq!(found, encoding);
            assert_eq!(decoded, &text[3..], "{encoding:?}");
            assert_eq!(
                encode(&decoded, encoding).unwrap().as_ref(),
                bytes,
                "{encoding:?}"
            );
        }
        // Some GB18030 bytes read as a character the encoder writes
        // otherwise: `A3 A0` as U+3000, written `A1 A1`; `80` as €.
        for odd in [&b"\xD6\xD0\xA3\xA0"[..], b"\xD6\xD0\x80"] {
            let (text, encoding) = decode(odd).unwrap();
            assert_eq!(encoding, Encoding::Gb18030);
            assert_ne!(encode(&text, encoding).unwrap().as_ref(), odd);
        }
    }

    #[test]
    fn the_majority_of_line_endings_wins() {
        assert_eq!(LineEnding::of("a\r\nb\r\nc\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::of("a\nb\r\nc\n"), LineEnding::Lf);
        // A tie goes to the first line; no line break at all is LF.
        assert_eq!(LineEnding::of("a\r\nb\n"), LineEnding::CrLf);
        assert_eq!(LineEnding::of("a\nb\r\n"), LineEnding::Lf);
        assert_eq!(LineEnding::of("a"), LineEnding::Lf);
        assert_eq!(LineEnding::of("\n"), LineEnding::Lf);
        assert_eq!(LineEnding::CrLf.apply("\na\nb\r\nc"), "\r\na\r\nb\r\nc");
        assert_eq!(LineEnding::Lf.apply("a\r\nb\rc\n"), "a\nb\rc\n");
        assert!(matches!(LineEnding::CrLf.apply("a\r\n"), Cow::Borrowed(_)));
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
