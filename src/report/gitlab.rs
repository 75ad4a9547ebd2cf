//! GitLab Code Quality: a JSON array with one issue per finding, which
//! GitLab shows in merge requests, comparing the fingerprints of the source
//! and target branches.
//!
//! ```json
//! [
//!   {
//!     "description": "T007: 措施 A1.2 已逾期…",
//!     "check_name": "T007",
//!     "fingerprint": "3f1c…(32 hexadecimal digits)",
//!     "severity": "major",
//!     "location": { "path": "plans/a.rect", "lines": { "begin": 37 } }
//!   }
//! ]
//! ```
//!
//! The fingerprint is the finding's stable fingerprint (FNV-1a over its
//! path, code, node, the text it points at and its occurrence, never its
//! line), so an edit elsewhere in the file does not make an old finding look
//! new. Severities: error → `major`, warning → `minor`, info → `info`
//! (`critical` and `blocker` are left to tools whose findings break
//! things).

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Reporter, RunInfo, Summary};
use crate::diagnostic::{Lang, Severity};

/// Renders findings as a GitLab Code Quality report.
pub struct Gitlab {
    lang: Lang,
    issues: Vec<Issue>,
}

impl Gitlab {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            issues: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

impl Reporter for Gitlab {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for located in &file.diagnostics {
            let d = &located.diagnostic;
            self.issues.push(Issue {
                description: format!("{}: {}", d.code, d.message.get(self.lang)),
                check_name: d.code.to_string(),
                fingerprint: located.fingerprint(&file.path),
                severity: severity(d.severity),
                location: Location {
                    path: file.path.clone(),
                    lines: Lines {
                        begin: located.start.line,
                    },
                },
            });
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary, _run: &RunInfo) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.issues).map_err(io::Error::other)?;
        writeln!(out)
    }
}
