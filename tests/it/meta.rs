//! The registry keeps itself honest: codes are unique, every rule is
//! documented under the fixed headings in both languages, every code named in
//! a shipped profile exists, the README's rule table lists every rule,
//! `explain` and `rules` show every rule, and every fixable rule offers a fix.

use crate::common;

use std::collections::BTreeSet;

use common::{Run, repo};
use rectlint::check::{Dates, FileInfo, Fixable, HEADINGS_EN, HEADINGS_ZH, rules::ALL};
use rectlint::code::Code;
use rectlint::config::{self, Overrides};
use rectlint::engine::check_bytes;

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for rule in ALL {
        let meta = rule.meta();
        assert!(seen.insert(meta.code), "{} twice", meta.code);
        let (family, number) = meta.code.split_at(1);
        assert!("PSRTEQ".contains(family), "{}", meta.code);
        assert!(
            number.len() == 3 && number.chars().all(|c| c.is_ascii_digit()),
            "{}",
            meta.code
        );
        assert!(
            meta.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
            "{}: name `{}` is not kebab-case",
            meta.code,
            meta.name
        );
        assert!(
            !meta.summary.0.is_empty() && !meta.summary.1.is_empty(),
            "{}",
            meta.code
        );
    }
    let codes: Vec<&str> = ALL.iter().map(|r| r.meta().code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort_by_key(|c| ("PSRTEQ".find(&c[..1]), c.to_string()));
    assert_eq!(codes, sorted, "the registry is in catalog order");
}

/// The codes of `RULES.md` (the spec, kept beside the repository, not in it),
/// and P007 (a file that cannot be read), which had been a P001 there.
const CATALOG: &[&str] = &[
    "P001", "P002", "P003", "P004", "P005", "P006", "P007", "S001", "S002", "S003", "S004", "S005",
    "S006", "S007", "S008", "S009", "R001", "R002", "R003", "R004", "R005", "R006", "R007", "T001",
    "T002", "T003", "T004", "T005", "T006", "T007", "T008", "T009", "T010", "T011", "T012", "T013",
    "E001", "E002", "E003", "E004", "E005", "E006", "E007", "Q001", "Q002", "Q003", "Q004",
];

#[test]
fn every_rule_of_the_catalog_exists() {
    for code in CATALOG {
        assert!(
            rectlint::check::rule(Code::new(code)).is_some(),
            "{code} has no rule"
        );
    }
    assert_eq!(ALL.len(), CATALOG.len(), "a rule the catalog does not list");
    // Where the spec sits beside the checkout (the development machine), its
    // table is read too, so that a code added there is noticed here.
    let spec = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec/RULES.md");
    let Ok(catalog) = std::fs::read_to_string(spec) else {
        return;
    };
    for line in catalog.lines() {
        let Some(code) = line.strip_prefix("| ").and_then(|l| l.split(' ').next()) else {
            continue;
        };
        let is_code = code.len() == 4
            && "PSRTEQ".contains(&code[..1])
            && code[1..].chars().all(|c| c.is_ascii_digit());
        if is_code {
            assert!(
                CATALOG.contains(&code),
                "{code} of RULES.md is not in CATALOG"
            );
        }
    }
}

/// The headings in order, each followed by text, the examples fenced.
fn check_page(code: &str, page: &str, headings: [&str; 4]) {
    let mut at = 0;
    for heading in headings {
        let found = page[at..]
            .find(&format!("{heading}\n"))
            .unwrap_or_else(|| panic!("{code}: no `{heading}`"));
        at += found + heading.len();
    }
    let sections: Vec<&str> = page.split("\n## ").collect();
    assert_eq!(sections.len(), 4, "{code}: exactly the four headings");
    for section in sections {
        let body = section.split_once('\n').map_or("", |(_, b)| b);
        assert!(body.trim().len() > 10, "{code}: an empty section");
    }
    let example = &page[page.find(headings[2]).unwrap()..page.find(headings[3]).unwrap()];
    let instead = &page[page.find(headings[3]).unwrap()..];
    for part in [example, instead] {
        assert!(
            part.matches("```").count() >= 2,
            "{code}: examples are fenced code blocks"
        );
    }
}

#[test]
fn every_rule_is_documented_under_the_fixed_headings() {
    for rule in ALL {
        let meta = rule.meta();
        check_page(&meta.code, meta.doc.zh, HEADINGS_ZH);
        check_page(&meta.code, meta.doc.en, HEADINGS_EN);
    }
}

#[test]
fn every_code_in_the_shipped_profiles_exists() {
    for entry in std::fs::read_dir(repo().join("rules")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        if let Some(severity) = table.get("severity").and_then(|s| s.as_table()) {
            for code in severity.keys() {
                assert!(
                    Code::parse(code).and_then(rectlint::check::rule).is_some(),
                    "{}: no rule {code}",
                    path.display()
                );
            }
        }
        let name = path.file_stem().unwrap().to_str().unwrap();
        assert!(
            config::Profile::shipped(name).is_some(),
            "{name} is not embedded"
        );
    }
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for rule in ALL {
        let meta = rule.meta();
        let row = format!("| {} | ", meta.code);
        let line = readme
            .lines()
            .find(|l| l.starts_with(&row))
            .unwrap_or_else(|| panic!("README: no row for {}", meta.code));
        assert!(
            line.contains(meta.summary.0) && line.contains(meta.summary.1),
            "README row of {} is stale:\n{line}",
            meta.code
        );
        assert!(
            line.contains(meta.severity.as_str()),
            "README row of {} has the wrong severity",
            meta.code
        );
    }
}

#[test]
fn explain_shows_every_rule_in_both_languages() {
    let run = Run::new();
    for rule in ALL {
        let meta = rule.meta();
        let zh = run.exec(&["explain", &meta.code]);
        assert_eq!(zh.code, 0, "{}", meta.code);
        assert!(
            zh.stdout
                .starts_with(&format!("# {} {}", meta.code, meta.name)),
            "{}",
            zh.stdout
        );
        assert!(zh.stdout.contains(meta.doc.zh), "{}", meta.code);
        let en = run.exec(&["explain", &meta.code.to_lowercase(), "--lang", "en"]);
        assert!(en.stdout.contains(meta.doc.en), "{}", meta.code);
        let says_fixable = en.stdout.contains("fixable with --fix");
        assert_eq!(says_fixable, meta.fix != Fixable::No, "{}", meta.code);
    }
    let out = run.exec(&["explain", "T070"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("没有规则 T070；是否想查 T007？"),
        "{}",
        out.stderr
    );
}

#[test]
fn rules_lists_every_rule_with_its_level_under_the_profile() {
    let run = Run::new();
    let out = run.exec(&["rules", "--lang", "en"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), ALL.len() + 1);
    assert!(
        out.stdout
            .contains("R007  info     info     a measure with no"),
        "{}",
        out.stdout
    );
    let out = run.exec(&["rules", "--profile", "strict", "--lang", "en"]);
    assert!(
        out.stdout.starts_with("active profile: strict\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("R007  info     warning  "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("T004  warning  error    "),
        "{}",
        out.stdout
    );
}

#[test]
fn every_fixable_rule_offers_a_fix_in_its_fixtures() {
    for rule in ALL {
        let meta = rule.meta();
        if meta.fix == Fixable::No {
            continue;
        }
        let dir = repo().join("tests/fixtures/rules").join(meta.code.as_str());
        let resolved = config::resolve(&dir, &Overrides::default()).unwrap();
        let dates = Dates {
            as_of: Some("2025-04-27".parse().unwrap()),
            today: Some("2025-04-27".parse().unwrap()),
        };
        let mut offered = false;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rect") {
                continue;
            }
            let file = FileInfo {
                path: Some(path.clone()),
                root: resolved.root.clone(),
                files: None,
            };
            let bytes = std::fs::read(&path).unwrap();
            let checked = check_bytes(&bytes, &resolved.profile, dates, &file);
            offered |= checked
                .diagnostics
                .iter()
                .any(|d| d.code == meta.code && d.fix.is_some());
        }
        assert!(
            offered,
            "{} says it is fixable, but no fixture of it offers a fix",
            meta.code
        );
    }
}
