//! Which files a folder walk checks (`.gitignore`, `.ignore`, hidden files,
//! `--exclude`), that explicit files are always checked, that the output is
//! the same bytes for any `--jobs`, and that shards add up to the full run.

use crate::common;

use std::collections::BTreeSet;

use common::{Run, faulty_plan, json, plan};
use serde_json::Value;

/// The shown paths of the files a JSON run checked with findings.
fn paths(doc: &Value) -> BTreeSet<String> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect()
}

/// Every file below gets a finding, so a checked file always shows up.
fn walked(run: &Run, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run.exec(&all);
    assert_ne!(out.code, 2, "{out:?}");
    paths(&json(&out.stdout)).into_iter().collect()
}

fn tree() -> Run {
    let bad = faulty_plan();
    Run::new()
        .file(".gitignore", "/build/\n*.tmp.rect\n")
        .file("plans/a.rect", &bad)
        .file("plans/drafts/b.rect", &bad)
        .file("plans/old/c.rect", &bad)
        .file("plans/x.tmp.rect", &bad)
        .file("build/d.rect", &bad)
        .file(".hidden/e.rect", &bad)
        .file("plans/.f.rect", &bad)
        .file("vendor/.ignore", "*.rect\n")
        .file("vendor/g.rect", &bad)
        .file("notes.txt", "not a plan")
}

#[test]
fn a_walk_honours_gitignore_ignore_and_hidden_files() {
    let run = tree();
    assert_eq!(
        walked(&run, &[]),
        ["plans/a.rect", "plans/drafts/b.rect", "plans/old/c.rect"]
    );
    assert_eq!(walked(&run, &["plans"]), walked(&run, &[]));
    // Walked in order (one or two threads) or in parallel (three or more):
    // the same files.
    for jobs in ["1", "2", "3", "8"] {
        assert_eq!(
            walked(&run, &["--jobs", jobs]),
            walked(&run, &[]),
            "--jobs {jobs}"
        );
        assert_eq!(
            walked(&run, &["--jobs", jobs, "./plans/"]),
            walked(&run, &[]),
            "--jobs {jobs}"
        );
    }
}

#[test]
fn gitignore_counts_outside_a_git_repository_too() {
    let run = tree();
    std::fs::remove_dir(run.path().join(".git")).unwrap();
    assert_eq!(
        walked(&run, &["."]),
        ["plans/a.rect", "plans/drafts/b.rect", "plans/old/c.rect"]
    );
}

#[test]
fn explicit_files_are_always_checked() {
    let run = tree();
    assert_eq!(
        walked(
            &run,
            &[
                "build/d.rect",
                ".hidden/e.rect",
                "plans/x.tmp.rect",
                "vendor/g.rect",
                "plans/drafts/b.rect",
                "--exclude",
                "drafts",
            ]
        ),
        [
            ".hidden/e.rect",
            "build/d.rect",
            "plans/drafts/b.rect",
            "plans/x.tmp.rect",
            "vendor/g.rect"
        ]
    );
}

#[test]
fn exclude_without_a_slash_matches_any_name_below_the_folder() {
    let run = tree();
    assert_eq!(
        walked(&run, &["--exclude", "drafts"]),
        ["plans/a.rect", "plans/old/c.rect"]
    );
    assert_eq!(
        walked(&run, &["--exclude", "c.*", "--exclude", "drafts/"]),
        ["plans/a.rect"]
    );
    // A folder named on the command line is walked even if its own name
    // matches: only what lies below it is matched.
    assert_eq!(
        walked(&run, &["plans/drafts", "--exclude", "drafts"]),
        ["plans/drafts/b.rect"]
    );
}

#[test]
fn exclude_with_a_slash_is_relative_to_the_working_directory() {
    let run = tree();
    assert_eq!(
        walked(&run, &["--exclude", "plans/old"]),
        ["plans/a.rect", "plans/drafts/b.rect"]
    );
    assert_eq!(
        walked(&run, &["--exclude", "./plans/*/*.rect"]),
        ["plans/a.rect"]
    );
    // `*` does not cross `/`, `**` does.
    assert_eq!(
        walked(&run, &["--exclude", "plans/*.rect"]),
        ["plans/drafts/b.rect", "plans/old/c.rect"]
    );
    assert_eq!(
        walked(&run, &["--exclude", "plans/**/*.rect"]),
        Vec::<String>::new()
    );
    // Run from a subfolder, paths are relative to it.
    let sub = run.path().join("plans");
    let out = run.exec_in(
        &sub,
        &["check", ".", "--format", "json", "--exclude", "old/*.rect"],
    );
    assert_eq!(
        paths(&json(&out.stdout)),
        ["a.rect".to_owned(), "drafts/b.rect".to_owned()].into()
    );
}

#[test]
fn a_bad_glob_stops_the_run() {
    let out = tree()
        .args(&["check", "--exclude", "a[", "--lang", "en"])
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("rectlint: --exclude has an invalid glob: "),
        "{}",
        out.stderr
    );
}

/// 200 plans in 20 folders, a third of them with defects.
fn many() -> Run {
    many_of(200)
}

/// `n` plans in 20 folders, a third of them with defects.
fn many_of(n: usize) -> Run {
    let mut run = Run::new();
    for i in 0..n {
        let text = match i % 3 {
            0 => faulty_plan(),
            1 => plan("").replace("    原因：缺少统一制度\n", ""),
            _ => plan(""),
        };
        run = run.file(&format!("dept-{:02}/plan-{i:03}.rect", i % 20), text);
    }
    run
}

#[test]
fn two_hundred_plans_give_the_same_bytes_for_any_jobs() {
    let run = many();
    for format in ["json", "human", "sarif", "junit"] {
        let one = run.exec(&["check", "--format", format, "--jobs", "1"]);
        let four = run.exec(&["check", "--format", format, "--jobs", "4"]);
        assert_eq!(one.code, 1);
        assert_eq!(four.code, 1);
        assert!(
            one.stdout == four.stdout,
            "{format}: --jobs 1 and --jobs 4 differ"
        );
    }
    let doc = json(
        &run.exec(&["check", "--format", "json", "--jobs", "4"])
            .stdout,
    );
    assert_eq!(doc["summary"]["files"], 200);
    assert_eq!(doc["summary"]["errors"], 67);
}

/// More files than are checked ahead of the one reported (512) are still
/// reported once each, in order, whatever the threads.
#[test]
fn more_plans_than_are_checked_ahead_give_the_same_bytes_for_any_jobs() {
    let run = many_of(1100);
    let one = run.exec(&["check", "--format", "json", "--jobs", "1"]);
    for jobs in ["2", "3"] {
        let other = run.exec(&["check", "--format", "json", "--jobs", jobs]);
        assert!(
            one.stdout == other.stdout,
            "--jobs 1 and --jobs {jobs} differ"
        );
    }
    let doc = json(&one.stdout);
    assert_eq!(doc["summary"]["files"], 1100);
    let paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    // Two plans in three have findings (defects, a missing cause), each
    // plan's together, in path order.
    assert!(paths.is_sorted(), "findings out of order");
    let mut files = paths.clone();
    files.dedup();
    assert_eq!(files.len(), 734);
}

#[test]
fn the_shards_add_up_to_the_full_run() {
    let run = many();
    let full = json(&run.exec(&["check", "--format", "json"]).stdout);
    let mut union = Vec::new();
    let mut files = 0;
    for i in 1..=3 {
        let shard = format!("{i}/3");
        let out = run.exec(&["check", "--format", "json", "--shard", &shard]);
        let doc = json(&out.stdout);
        let count = doc["summary"]["files"].as_u64().unwrap();
        assert!(count > 30 && count < 110, "shard {shard}: {count} files");
        files += count;
        union.extend(doc["diagnostics"].as_array().unwrap().iter().cloned());
        // Deterministic: the same shard twice gives the same bytes.
        let again = run.exec(&["check", "--format", "json", "--shard", &shard]);
        assert_eq!(out.stdout, again.stdout);
    }
    assert_eq!(files, 200);
    let key = |d: &Value| {
        (
            d["path"].as_str().unwrap().to_owned(),
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["code"].as_str().unwrap().to_owned(),
        )
    };
    union.sort_by_key(key);
    assert_eq!(&union, full["diagnostics"].as_array().unwrap());
}

#[test]
fn an_empty_shard_is_fine_and_bad_shards_stop_the_run() {
    let run = Run::new().file("a.rect", faulty_plan());
    let results: Vec<i32> = (1..=4)
        .map(|i| run.exec(&["check", "--shard", &format!("{i}/4")]).code)
        .collect();
    // The one file lands in exactly one shard; the others check nothing.
    assert_eq!(
        results.iter().filter(|&&c| c == 1).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results.iter().filter(|&&c| c == 0).count(),
        3,
        "{results:?}"
    );
    let empty = (1..=4).find(|i| results[i - 1] == 0).unwrap();
    let out = run.exec(&["check", "--shard", &format!("{empty}/4")]);
    assert_eq!(out.stdout, "检查了 0 个文件，未发现问题。\n");
    for bad in ["0/3", "4/3", "1", "a/b", "1/0"] {
        let out = run.exec(&["check", "--shard", bad]);
        assert_eq!(out.code, 2, "{bad}: {out:?}");
    }
}

/// Two names that are not UTF-8 and differ only where they are not
/// (`plan\xFE.rect`, `plan\xFF.rect`) were both shown `plan�.rect`, and
/// inputs were keyed by that: one was never checked ("checked 1 file"), and
/// SARIF pointed at a file that does not exist. Each is checked, shown with
/// its byte escaped, in the same order every time; SARIF names the real
/// bytes.
#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_each_checked_and_told_apart() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let run = Run::new();
    let bad = faulty_plan();
    let warned = common::warning_plan();
    for (name, text) in [(&b"plan\xfe.rect"[..], &bad), (b"plan\xff.rect", &warned)] {
        let dir = run.path().join("plans");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(OsStr::from_bytes(name)), text).unwrap();
    }
    let out = run.exec(&[
        "check",
        "plans",
        "--format",
        "json",
        "--as-of",
        "2025-04-27",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    let doc = json(&out.stdout);
    assert_eq!(doc["summary"]["files"], 2, "{}", out.stdout);
    let found: Vec<(String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("plans/plan\\xFE.rect".to_owned(), "R001".to_owned()),
            ("plans/plan\\xFE.rect".to_owned(), "S004".to_owned()),
            ("plans/plan\\xFF.rect".to_owned(), "S004".to_owned()),
        ]
    );
    let out = run.exec(&["check", "plans", "--lang", "en", "--as-of", "2025-04-27"]);
    assert!(
        out.stdout.contains("[plans/plan\\xFE.rect:18:5]"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("[plans/plan\\xFF.rect:21:11]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Checked 2 files"), "{}", out.stdout);
    // SARIF: a percent-encoded URI of each file's own bytes.
    let out = run.exec(&[
        "check",
        "plans",
        "--format",
        "sarif",
        "--as-of",
        "2025-04-27",
    ]);
    let log = json(&out.stdout);
    let uris: BTreeSet<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        uris,
        BTreeSet::from(["plans/plan%FE.rect", "plans/plan%FF.rect"])
    );
    // Named on the command line, each is its own file too.
    let fe = run
        .path()
        .join("plans")
        .join(OsStr::from_bytes(b"plan\xfe.rect"));
    let ff = run
        .path()
        .join("plans")
        .join(OsStr::from_bytes(b"plan\xff.rect"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rectlint"))
        .args([
            OsStr::new("check"),
            OsStr::new("--format"),
            OsStr::new("json"),
        ])
        .args([ff.as_os_str(), fe.as_os_str()])
        .current_dir(run.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let doc = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(doc["summary"]["files"], 2, "{doc}");
}
