//! Baselines: a file recording the findings a repository has today, so that
//! a CI gate can fail only on new ones. A finding is recorded by the file it
//! is in (its shown path), its code, its node (measure or issue ID, else
//! title) and a hash of the text it points at — never by line, so edits
//! elsewhere in the file do not make an old finding look new. Keys may repeat:
//! each record hides one finding.
//!
//! The file is pretty JSON, sorted, with a version:
//!
//! ```json
//! {
//!   "version": 1,
//!   "tool": "rectlint",
//!   "findings": [
//!     { "path": "plans/a.rect", "code": "T007", "node": "A1.2", "content": "6f0c1d2e3a4b5c6d" }
//!   ]
//! }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::code::Code;
use crate::diagnostic::Text;
use crate::source::{self, ReadError};
use crate::tr;
use crate::write::{self, WriteError};

/// Baselines longer than this are not read: some two million findings.
pub const MAX_SIZE: u64 = 256 * 1024 * 1024;

/// The version of the file format written and understood.
pub const VERSION: u32 = 1;

/// What identifies a recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// The file, as shown: relative to the working directory, `/`-separated.
    pub path: String,
    /// The rule's code.
    pub code: Code,
    /// The measure or issue ID (else title) the finding is about.
    pub node: Option<String>,
    /// A hash of the text at the finding's place, white space normalised.
    pub content: String,
}

/// The baseline file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    tool: String,
    findings: Vec<Key>,
}

/// A baseline being matched against a run: how many findings of each key
/// are still unaccounted for.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    remaining: BTreeMap<Key, usize>,
}

impl Baseline {
    pub fn new(keys: impl IntoIterator<Item = Key>) -> Self {
        let mut remaining = BTreeMap::new();
        for key in keys {
            *remaining.entry(key).or_default() += 1;
        }
        Self { remaining }
    }

    /// Whether a finding of this key is recorded and not yet matched; if so,
    /// it is matched now.
    pub fn take(&mut self, key: &Key) -> bool {
        match self.remaining.get_mut(key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// The records not matched by any finding whose path `in_scope` accepts,
    /// sorted, repeated as often as they are recorded.
    pub fn unmatched(&self, in_scope: impl Fn(&str) -> bool) -> Vec<Key> {
        self.remaining
            .iter()
            .filter(|(key, _)| in_scope(&key.path))
            .flat_map(|(key, &n)| std::iter::repeat_n(key.clone(), n))
            .collect()
    }
}

/// Read a baseline file.
pub fn read(path: &Path) -> Result<Vec<Key>, Text> {
    let shown = path.display().to_string();
    let bytes = source::read_file(path, MAX_SIZE).map_err(|e| {
        let (zh, en) = match e {
            ReadError::NotRegular(special) => {
                let name = special.name();
                (
                    format!("这是{}，不是普通文件", name.zh),
                    format!("it is {}, not a regular file", name.en),
                )
            }
            ReadError::TooLarge(_) => {
                let mb = MAX_SIZE >> 20;
                (
                    format!("文件超过 {mb} MB，不是基线文件"),
                    format!("it is larger than {mb} MB, too large for a baseline"),
                )
            }
            ReadError::Io(e) => (e.to_string(), e.to_string()),
        };
        tr!(
            "无法读取基线 {shown}：{zh}",
            "cannot read the baseline {shown}: {en}"
        )
    })?;
    let document: Document = serde_json::from_slice(&bytes).map_err(|e| {
        let e = e.to_string();
        tr!(
            "{shown} 不是 rectlint 的基线文件：{e}",
            "{shown} is not a rectlint baseline: {e}"
        )
    })?;
    if document.version != VERSION || document.tool != "rectlint" {
        let version = document.version;
        return Err(tr!(
            "{shown} 是第 {version} 版的基线，本程序只认第 {VERSION} 版",
            "{shown} is a version {version} baseline; this rectlint reads version {VERSION}"
        ));
    }
    Ok(document.findings)
}

/// Write a baseline file: sorted, pretty, ending in a newline, replacing
/// any old file only once the new one is complete. A new file gets the
/// permissions the umask gives; an old one keeps its own and its owner. A
/// symbolic link is written through, to its target, when that is inside
/// the repository the link is in; otherwise nothing is written.
pub fn write(path: &Path, mut keys: Vec<Key>) -> Result<(), Text> {
    keys.sort();
    let document = Document {
        version: VERSION,
        tool: "rectlint".to_owned(),
        findings: keys,
    };
    let shown = path.display().to_string();
    let fail = |e: &dyn std::fmt::Display| {
        let e = e.to_string();
        tr!(
            "无法写入基线 {shown}：{e}",
            "cannot write the baseline {shown}: {e}"
        )
    };
    let mut text = serde_json::to_string_pretty(&document).map_err(|e| fail(&e))?;
    text.push('\n');
    let target = through_link(path, &shown)?;
    write::store(&target, text.as_bytes()).map_err(|e| match e {
        WriteError::Refused(why) => {
            let (zh, en) = (why.zh, why.en);
            tr!(
                "无法写入基线 {shown}：{zh}",
                "cannot write the baseline {shown}: {en}"
            )
        }
        WriteError::Io(e) => fail(&e),
        // `through_link` leaves no link; nothing was read to change.
        WriteError::Symlink | WriteError::Changed => fail(&"it changed while being written"),
    })
}

/// Where to write a baseline named `path`: the path itself, or, if it is
/// a symbolic link, its target when that is inside the repository the
/// link is in (see [`crate::config::find_root`]).
fn through_link(path: &Path, shown: &str) -> Result<PathBuf, Text> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(path.to_path_buf());
    }
    let Ok(target) = std::fs::canonicalize(path) else {
        return Err(tr!(
            "无法写入基线 {shown}：它是指向不存在的文件的符号链接",
            "cannot write the baseline {shown}: it is a symbolic link to a file that does not exist"
        ));
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let absolute = crate::config::normalize(&absolute);
    let folder = absolute.parent().unwrap_or(&absolute);
    let root = crate::config::find_root(folder)
        .0
        .unwrap_or_else(|| folder.to_path_buf());
    let root = std::fs::canonicalize(&root).unwrap_or(root);
    if target.starts_with(&root) {
        Ok(target)
    } else {
        let target = target.display().to_string();
        Err(tr!(
            "无法写入基线 {shown}：它是指向仓库外（{target}）的符号链接，未写入",
            "cannot write the baseline {shown}: it is a symbolic link to {target}, outside the repository; nothing was written"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str, code: &str) -> Key {
        Key {
            path: path.into(),
            code: Code::new(code),
            node: Some("A1.1".into()),
            content: "0".repeat(16),
        }
    }

    #[test]
    fn each_record_hides_one_finding() {
        let mut baseline = Baseline::new([key("a", "T007"), key("a", "T007"), key("b", "R001")]);
        assert!(baseline.take(&key("a", "T007")));
        assert!(baseline.take(&key("a", "T007")));
        assert!(!baseline.take(&key("a", "T007")));
        assert!(!baseline.take(&key("a", "R001")));
        assert_eq!(baseline.unmatched(|_| true), vec![key("b", "R001")]);
        assert_eq!(baseline.unmatched(|p| p == "a"), vec![]);
    }

    #[test]
    fn round_trip_is_sorted_and_versioned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        write(&path, vec![key("b", "R001"), key("a", "T007")]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"tool\": \"rectlint\",\n"));
        assert!(text.find("\"a\"").unwrap() < text.find("\"b\"").unwrap());
        assert_eq!(
            read(&path).unwrap(),
            vec![key("a", "T007"), key("b", "R001")]
        );
        std::fs::write(
            &path,
            "{\"version\": 2, \"tool\": \"rectlint\", \"findings\": []}",
        )
        .unwrap();
        assert!(read(&path).unwrap_err().en.contains("version 2"));
        std::fs::write(&path, "[]").unwrap();
        assert!(
            read(&path)
                .unwrap_err()
                .en
                .contains("is not a rectlint baseline")
        );
    }
}
