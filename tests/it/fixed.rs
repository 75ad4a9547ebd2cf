//! Every fix checked against the text it must give. Beside a rule fixture
//! `bad-NAME.rect` whose findings carry fixes lie
//!
//! - `bad-NAME.fixed.rect`: the exact text `check --fix` makes of it (the
//!   fixture itself when it has only unsafe fixes: `--fix` leaves it alone);
//! - `bad-NAME.unsafe-fixed.rect`: what `check --fix --unsafe-fixes` makes
//!   of it, where that differs.
//!
//! The fixes are applied as `check --fix` applies them: the fixes of the
//! findings, the text checked again, until nothing more applies. The files
//! were written by the real binary and read by a person; after a deliberate
//! change, `UPDATE_FIXED=1 cargo test --test it fixed::` rewrites them
//! (read the diff before committing it).

use crate::common::Run;
use crate::rules::{fixtures, plans, setting};

use std::path::{Path, PathBuf};

use rectlint::check::rules::ALL;
use rectlint::check::{Dates, FileInfo, Fixable};
use rectlint::config::Profile;
use rectlint::diagnostic::Applicability;
use rectlint::engine::check_bytes;
use rectlint::fix::{self, Mode};
use rectlint::source::LineEnding;

/// What `check --fix` in `mode` makes of a UTF-8 file: the loop of
/// `commands::check`, fixes applied and the text checked again until
/// nothing more applies.
fn fixed(bytes: &[u8], profile: &Profile, dates: Dates, file: &FileInfo, mode: Mode) -> String {
    let mut checked = check_bytes(bytes, profile, dates, file).into_owned();
    let ending = LineEnding::of(&checked.text);
    for _ in 0..fix::MAX_PASSES {
        let (text, applied) = fix::apply(&checked.text, &checked.diagnostics, mode, ending);
        if applied == 0 || text == checked.text {
            break;
        }
        checked = check_bytes(text.as_bytes(), profile, dates, file).into_owned();
    }
    checked.text.into_owned()
}

/// `bad-NAME.rect` → `bad-NAME.SUFFIX.rect`.
fn beside(fixture: &Path, suffix: &str) -> PathBuf {
    let stem = fixture.file_stem().unwrap().to_str().unwrap();
    fixture.with_file_name(format!("{stem}.{suffix}.rect"))
}

/// A fixture's name as failures show it: `P001/bad-unclosed.rect`.
fn shown(fixture: &Path) -> String {
    let rule = fixture.parent().unwrap().file_name().unwrap();
    let name = fixture.file_name().unwrap();
    format!("{}/{}", rule.to_string_lossy(), name.to_string_lossy())
}

/// Every fixture with a `.fixed.rect` beside it.
fn fixed_fixtures() -> Vec<PathBuf> {
    ALL.iter()
        .flat_map(|rule| plans(&fixtures().join(rule.meta().code)))
        .filter(|p| beside(p, "fixed").exists())
        .collect()
}

/// What the text a fixture's fixes give is expected to be: (safe, unsafe).
fn expected(fixture: &Path) -> (String, String) {
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let safe = read(&beside(fixture, "fixed"));
    let unsafe_path = beside(fixture, "unsafe-fixed");
    let unsafe_ = if unsafe_path.exists() {
        read(&unsafe_path)
    } else {
        safe.clone()
    };
    (safe, unsafe_)
}

#[test]
fn every_fixed_file_holds_what_fixing_its_fixture_gives() {
    let update = std::env::var_os("UPDATE_FIXED").is_some();
    let mut failures = Vec::new();
    let all = fixed_fixtures();
    assert!(all.len() >= 10, "{} fixtures with a .fixed.rect", all.len());
    for fixture in &all {
        let bytes = std::fs::read(fixture).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let (resolved, dates, file) = setting(fixture, &text);
        let safe = fixed(&bytes, &resolved.profile, dates, &file, Mode::Safe);
        let unsafe_ = fixed(&bytes, &resolved.profile, dates, &file, Mode::Unsafe);
        if update {
            std::fs::write(beside(fixture, "fixed"), &safe).unwrap();
            let unsafe_path = beside(fixture, "unsafe-fixed");
            if unsafe_ == safe {
                let _ = std::fs::remove_file(unsafe_path);
            } else {
                std::fs::write(unsafe_path, &unsafe_).unwrap();
            }
            continue;
        }
        let (want_safe, want_unsafe) = expected(fixture);
        if safe != want_safe {
            failures.push(format!(
                "{}: --fix gives\n{safe}\nnot\n{want_safe}",
                shown(fixture)
            ));
        }
        if unsafe_ != want_unsafe {
            failures.push(format!(
                "{}: --fix --unsafe-fixes gives\n{unsafe_}\nnot\n{want_unsafe}",
                shown(fixture)
            ));
        }
        if want_unsafe == want_safe && beside(fixture, "unsafe-fixed").exists() {
            failures.push(format!(
                "{}: the .unsafe-fixed.rect is the .fixed.rect: remove it",
                shown(fixture)
            ));
        }
        // Fixed is fixed: fixing the result again changes nothing.
        for (mode, text) in [(Mode::Safe, &safe), (Mode::Unsafe, &unsafe_)] {
            let again = fixed(text.as_bytes(), &resolved.profile, dates, &file, mode);
            if again != *text {
                failures.push(format!(
                    "{}: fixing the {mode:?} result again changes it:\n{again}",
                    shown(fixture)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The real binary writes the same bytes: `check --fix` on a copy.
#[test]
fn check_fix_writes_what_the_fixed_files_hold() {
    for fixture in fixed_fixtures() {
        let bytes = std::fs::read(&fixture).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let (want_safe, want_unsafe) = expected(&fixture);
        // The fixtures' directives, as options.
        let mut args = vec!["check", "p.rect", "--fix", "--as-of", "2025-04-27"];
        let directive = |name: &str| {
            text.lines()
                .find_map(|l| l.trim().strip_prefix(&format!("# {name}:")).map(str::trim))
        };
        if let Some(profile) = directive("profile") {
            args.extend(["--profile", profile]);
        }
        if let Some(as_of) = directive("as-of") {
            args[4] = as_of;
        }
        for (extra, want) in [(None, &want_safe), (Some("--unsafe-fixes"), &want_unsafe)] {
            let run = Run::new().file("p.rect", &bytes);
            let mut args = args.clone();
            args.extend(extra);
            let out = run.exec(&args);
            let written = std::fs::read_to_string(run.path().join("p.rect")).unwrap();
            assert_eq!(
                written,
                **want,
                "{} with {args:?}: exit {}, {}",
                shown(&fixture),
                out.code,
                out.stderr
            );
        }
    }
}

/// No fixable rule goes untested, and no rule offers fixes it does not
/// declare: every fixture whose findings carry a fix of its rule has its
/// `.fixed.rect`; every rule with safe fixes has a fixture they change, every
/// rule with unsafe fixes one with an `.unsafe-fixed.rect`; a rule that says
/// it has no fix offers none, and one whose fixes are unsafe offers no safe
/// one.
#[test]
fn every_fixable_rule_has_its_fixes_checked_and_offers_only_what_it_declares() {
    let mut failures = Vec::new();
    for rule in ALL {
        let meta = rule.meta();
        let code = meta.code;
        let mut changed_safely = false;
        let mut changed_unsafely = false;
        for fixture in plans(&fixtures().join(code)) {
            let bytes = std::fs::read(&fixture).unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let (resolved, dates, file) = setting(&fixture, &text);
            let checked = check_bytes(&bytes, &resolved.profile, dates, &file);
            let fixes: Vec<Applicability> = checked
                .diagnostics
                .iter()
                .filter(|d| d.code == code)
                .filter_map(|d| d.fix.as_ref().map(|f| f.applicability))
                .collect();
            let name = shown(&fixture);
            match meta.fix {
                Fixable::No if !fixes.is_empty() => {
                    failures.push(format!("{name}: {code} says it has no fix, but offers one"));
                }
                Fixable::Unsafe if fixes.contains(&Applicability::Safe) => {
                    failures.push(format!(
                        "{name}: {code} says its fixes are unsafe, but offers a safe one"
                    ));
                }
                _ => {}
            }
            if fixes.is_empty() {
                continue;
            }
            if !beside(&fixture, "fixed").exists() {
                failures.push(format!(
                    "{name}: its findings carry fixes, but there is no {}",
                    beside(&fixture, "fixed")
                        .file_name()
                        .unwrap()
                        .to_string_lossy()
                ));
                continue;
            }
            changed_safely |= std::fs::read(beside(&fixture, "fixed")).unwrap() != bytes;
            changed_unsafely |= beside(&fixture, "unsafe-fixed").exists();
        }
        if meta.fix == Fixable::Safe && !changed_safely {
            failures.push(format!(
                "{code} has safe fixes, but no fixture whose .fixed.rect they change"
            ));
        }
        if meta.fix != Fixable::No && !changed_unsafely {
            failures.push(format!(
                "{code} has fixes, but no fixture with an .unsafe-fixed.rect"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
