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
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Text;
use crate::tr;

/// The version of the file format written and understood.
pub const VERSION: u32 = 1;

/// What identifies a recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Key {
    /// The file, as shown: relative to the working directory, `/`-separated.
    pub path: String,
    /// The rule's code.
    pub code: String,
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
    let bytes = std::fs::read(path).map_err(|e| {
        let e = e.to_string();
        tr!(
            "无法读取基线 {shown}：{e}",
            "cannot read the baseline {shown}: {e}"
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
/// any old file only once the new one is complete.
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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".rectlint-baseline-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail(&e))?;
    temp.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    temp.as_file().sync_all().map_err(|e| fail(&e))?;
    temp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(path: &str, code: &str) -> Key {
        Key {
            path: path.into(),
            code: code.into(),
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
