//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run,
//! `columnKind: "unicodeCodePoints"` (our columns count Unicode scalar
//! values; `endColumn` is one past the last character, as SARIF wants).
//!
//! Where things go:
//! - one `reportingDescriptor` per rule that fired, in catalog order: the
//!   rule's name in Pascal case as `name` (`MissingLeader`), its one-line
//!   summary as `shortDescription`, its `explain` page as
//!   `fullDescription` and as `help` (`text` and `markdown`: the page is
//!   Markdown that reads well as plain text), its default severity as
//!   `defaultConfiguration.level`;
//! - a result's `help` is not a SARIF result property, so the finding's own
//!   help (which names the measure and what to write) goes to the result's
//!   `properties.help`, next to `properties.node` and `properties.fixable`;
//!   `message.text` is the message alone, as in the JSON output;
//! - URIs are relative to the working directory, percent-encoded, with
//!   `uriBaseId: "%SRCROOT%"`, which `originalUriBaseIds` maps to the
//!   working directory's `file:` URI; a file outside it gets an absolute
//!   `file:` URI;
//! - secondary labels (the first use of a duplicate ID, …) are
//!   `relatedLocations`; `partialFingerprints["rectlint/v1"]` is the
//!   fingerprint that survives unrelated edits;
//! - with a baseline, results carry `baselineState: "new"`, and records that
//!   no longer occur are notes in `invocations[0].toolExecutionNotifications`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Located, Reporter, RunInfo, Summary};
use crate::check::{self, rules::ALL};
use crate::code::Code;
use crate::diagnostic::{Lang, Severity};
use crate::span::LineCol;

/// The `$schema` of the log: the OASIS schema of SARIF 2.1.0.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base of relative URIs.
const SRCROOT: &str = "%SRCROOT%";

/// Renders the run as one SARIF log.
pub struct Sarif {
    lang: Lang,
    /// The working directory as a `file:` URI ending in `/`.
    root: String,
    results: Vec<SarifResult>,
}

impl Sarif {
    /// `cwd`: the working directory, which relative URIs start from.
    pub fn new(lang: Lang, cwd: &std::path::Path) -> Self {
        // The folder's bytes, as the file system has them.
        let mut bytes = cwd.as_os_str().as_encoded_bytes().to_vec();
        if cfg!(windows) {
            for b in &mut bytes {
                if *b == b'\\' {
                    *b = b'/';
                }
            }
        }
        let mut root = file_uri(&bytes);
        if !root.ends_with('/') {
            root.push('/');
        }
        Self {
            lang,
            root,
            results: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation; 1],
    original_uri_base_ids: BTreeMap<&'static str, UriBase<'a>>,
    language: &'static str,
    column_kind: &'static str,
    results: &'a [SarifResult],
}

#[derive(Serialize)]
struct UriBase<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: Code,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    full_description: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Text>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Text {
    text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<String>,
}

impl Text {
    fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            markdown: None,
        }
    }
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: Code,
    /// Set in `finish`, once the rules that fired are known.
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    properties: ResultProperties,
}

#[derive(Serialize)]
struct ResultProperties {
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    node: Option<String>,
    fixable: bool,
}

// The field names are SARIF's.
#[allow(clippy::struct_field_names)]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

/// `missing-leader` → `MissingLeader`: SARIF wants a rule's friendly name
/// as one Pascal-case identifier.
fn pascal_case(name: &str) -> String {
    name.split('-')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Where a finding is in the file whose shown path has the bytes `path`.
fn physical(path: &[u8], start: LineCol, end: LineCol) -> PhysicalLocation {
    let relative = !is_absolute(path);
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: if relative {
                encode(path)
            } else {
                file_uri(path)
            },
            uri_base_id: relative.then_some(SRCROOT),
        },
        region: Region {
            start_line: start.line,
            start_column: start.column,
            end_line: end.line,
            end_column: end.column,
        },
    }
}

fn is_absolute(path: &[u8]) -> bool {
    path.starts_with(b"/") || drive(path).is_some()
}

/// `C` of `C:/…`.
fn drive(path: &[u8]) -> Option<char> {
    match path {
        [letter, b':', b'/', ..] if letter.is_ascii_alphabetic() => Some(char::from(*letter)),
        _ => None,
    }
}

/// A `file:` URI of an absolute `/`-separated path.
fn file_uri(path: &[u8]) -> String {
    if let Some(letter) = drive(path) {
        format!("file:///{letter}:{}", encode(&path[2..]))
    } else {
        format!("file://{}", encode(path))
    }
}

/// Percent-encode a `/`-separated path as a URI path: everything but
/// unreserved characters, `/` and the sub-delimiters, byte by byte (UTF-8,
/// or whatever bytes a name that is not UTF-8 has). `:` is encoded too, so a
/// relative path never reads as a scheme.
fn encode(path: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(path.len());
    for &b in path {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b);
        if keep {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

impl Reporter for Sarif {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let uri = file.raw_path.as_deref().unwrap_or(file.path.as_bytes());
        for located in &file.diagnostics {
            self.results.push(self.result(&file.path, uri, located));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary, run: &RunInfo) -> io::Result<()> {
        let lang = self.lang;
        // The rules that fired, in catalog order; codes outside the
        // catalog (none today) after them, sorted.
        let fired: std::collections::BTreeSet<Code> =
            self.results.iter().map(|r| r.rule_id).collect();
        let mut codes: Vec<Code> = ALL
            .iter()
            .map(|r| r.meta().code)
            .filter(|c| fired.contains(c))
            .collect();
        for &code in &fired {
            if check::rule(code).is_none() {
                codes.push(code);
            }
        }
        let index: BTreeMap<Code, usize> = codes.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        for result in &mut self.results {
            result.rule_index = index[&result.rule_id];
            if run.baseline.is_some() {
                result.baseline_state = Some("new");
            }
        }
        let rules = codes
            .iter()
            .map(|&code| match check::rule(code) {
                Some(rule) => {
                    let meta = rule.meta();
                    let page = meta.doc(lang).to_owned();
                    Descriptor {
                        id: code,
                        name: Some(pascal_case(meta.name)),
                        short_description: Text::plain(meta.summary(lang)),
                        full_description: Some(Text {
                            text: page.clone(),
                            markdown: Some(page.clone()),
                        }),
                        help: Some(Text {
                            text: page.clone(),
                            markdown: Some(page),
                        }),
                        default_configuration: Configuration {
                            level: level(meta.severity),
                        },
                    }
                }
                None => Descriptor {
                    id: code,
                    name: None,
                    short_description: Text::plain(code.to_string()),
                    full_description: None,
                    help: None,
                    default_configuration: Configuration { level: "error" },
                },
            })
            .collect();
        let notifications = run
            .baseline
            .iter()
            .flat_map(|b| &b.pruneable)
            .map(|key| {
                let (path, code) = (&key.path, &key.code);
                let node = key.node.as_deref().unwrap_or("-");
                Notification {
                    level: "note",
                    message: Text::plain(match lang {
                        Lang::Zh => format!(
                            "基线记录已不再出现，可用 --write-baseline 删去：{path} {code} {node}"
                        ),
                        Lang::En => format!(
                            "a baseline record no longer occurs; --write-baseline drops it: {path} {code} {node}"
                        ),
                    }),
                }
            })
            .collect();
        let log = Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "rectlint",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        rules,
                    },
                },
                invocations: [Invocation {
                    execution_successful: true,
                    tool_execution_notifications: notifications,
                }],
                original_uri_base_ids: BTreeMap::from([(SRCROOT, UriBase { uri: &self.root })]),
                language: lang.pick("zh-CN", "en-US"),
                column_kind: "unicodeCodePoints",
                results: &self.results,
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log).map_err(io::Error::other)?;
        writeln!(out)
    }
}

impl Sarif {
    /// The result of a finding in the file shown as `path`, whose shown
    /// path has the bytes `uri`.
    fn result(&self, path: &str, uri: &[u8], located: &Located) -> SarifResult {
        let d = &located.diagnostic;
        let related_locations = d
            .secondary
            .iter()
            .zip(&located.secondary)
            .enumerate()
            .map(|(i, (label, (start, end)))| Location {
                id: Some(i + 1),
                physical_location: physical(uri, *start, *end),
                message: label.text.as_ref().map(|t| Text::plain(t.get(self.lang))),
            })
            .collect();
        SarifResult {
            rule_id: d.code,
            rule_index: 0,
            level: level(d.severity),
            message: Text::plain(d.message.get(self.lang)),
            locations: [Location {
                id: None,
                physical_location: physical(uri, located.start, located.end),
                message: None,
            }],
            related_locations,
            partial_fingerprints: BTreeMap::from([("rectlint/v1", located.fingerprint(path))]),
            baseline_state: None,
            properties: ResultProperties {
                help: d.help.as_ref().map(|h| h.get(self.lang).to_owned()),
                node: d.node.clone(),
                fixable: d.fix.is_some(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        let encode = |path: &str| encode(path.as_bytes());
        assert_eq!(encode("plans/a.rect"), "plans/a.rect");
        assert_eq!(encode("整改/a b.rect"), "%E6%95%B4%E6%94%B9/a%20b.rect");
        assert_eq!(encode("a:b%c#d?.rect"), "a%3Ab%25c%23d%3F.rect");
        assert_eq!(super::encode(b"plan\xfe.rect"), "plan%FE.rect");
        let file_uri = |path: &str| file_uri(path.as_bytes());
        assert_eq!(file_uri("/work/计划"), "file:///work/%E8%AE%A1%E5%88%92");
        assert_eq!(file_uri("C:/work/a.rect"), "file:///C:/work/a.rect");
        assert!(is_absolute(b"/a") && is_absolute(b"D:/a") && !is_absolute(b"../a"));
    }

    #[test]
    fn rule_names_are_pascal_case() {
        assert_eq!(pascal_case("missing-leader"), "MissingLeader");
        assert_eq!(pascal_case("overdue"), "Overdue");
    }
}
