//! No input makes rectlint panic: thousands of mutated versions of the
//! examples and fixtures (truncations, byte flips, deleted braces, inserted
//! syntax, shuffled lines, long runs of one piece on a line), very deep
//! nesting, a long run of `"""x"""` pairs and a 50 MB file all end in a
//! clean exit 0, 1 or 2, and mutants made into long lines (a finding past
//! column 70,000, 20,000 findings on one line) are checked and rendered
//! every way without a panic. Files over the size limit are a P007 and binary
//! files met in folders are skipped with a note, the other files checked.
//! The inputs the fuzzer (`fuzz/`) found troublesome stay here as tests.

use crate::common;

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};

use common::{Run, plan, repo};
use rectlint::check::{Dates, FileInfo};
use rectlint::commands::check::long_lines;
use rectlint::config::Profile;
use rectlint::engine::check_bytes;
use rectlint::report::FileReport;

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }
}

/// Pieces of syntax worth inserting: braces, colons, quotes, dates, keywords.
const PIECES: &[&str] = &[
    "{",
    "}",
    "｛",
    "｝",
    "：",
    ":",
    "\"",
    "\"\"\"",
    "#",
    " # ",
    "\n",
    "\r\n",
    "\u{3000}",
    "、",
    "至",
    "年",
    "月底",
    "前",
    "2024-02-30",
    "2024年13月",
    "99999999999999999999",
    "长期坚持",
    "立行立改",
    "已完成",
    "佐证：",
    "节点：",
    "措施 X {",
    "问题 {",
    "方案 {",
    "# rectlint: allow T004",
    "# rectlint: allow-file",
    "《",
    "》",
    "..",
    "\\",
    "\u{feff}",
    "\0",
    "\u{200b}",
    "😀",
];

fn seeds() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for root in [repo().join("examples"), repo().join("tests/fixtures")] {
        for entry in ignore::WalkBuilder::new(root)
            .hidden(false)
            .build()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "rect") {
                out.push(std::fs::read(entry.path()).unwrap());
            }
        }
    }
    assert!(out.len() >= 10);
    out
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=rng.below(4) {
        match rng.below(7) {
            0 => bytes.truncate(rng.below(bytes.len() + 1)),
            1 => {
                for _ in 0..=rng.below(8) {
                    let at = rng.below(bytes.len());
                    if let Some(b) = bytes.get_mut(at) {
                        *b ^= 1 << rng.below(8);
                    }
                }
            }
            2 => {
                let braces: Vec<usize> = bytes
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'{' || **b == b'}')
                    .map(|(i, _)| i)
                    .collect();
                if !braces.is_empty() {
                    bytes.remove(braces[rng.below(braces.len())]);
                }
            }
            3 | 4 => {
                let at = rng.below(bytes.len() + 1);
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                bytes.splice(at..at, piece.iter().copied());
            }
            5 => {
                let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(a, b);
                bytes = lines.join(&b'\n');
            }
            _ => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
                let at = rng.below(lines.len());
                let line = lines[at].clone();
                lines.insert(at, line);
                bytes = lines.join(&b'\n');
            }
        }
    }
    bytes
}

fn mutants(count: usize) -> Vec<Vec<u8>> {
    let seeds = seeds();
    let mut rng = Rng(0x5EED_2024_0726);
    (0..count)
        .map(|i| mutate(&seeds[i % seeds.len()], &mut rng))
        .collect()
}

/// Pieces worth repeating into one long line: a run of `"""x"""` pairs made
/// the line reader recurse once per pair and overflow the stack.
const RUNS: &[&str] = &[
    "\"\"\"x\"\"\"",
    "\"\"\"",
    "\"",
    "\"x\" ",
    "{",
    "}",
    "｝",
    " #",
    "、",
    "\\",
    "很长",
    " ",
];

/// `count` mutants, each with one long run of a piece of [`RUNS`] (up to
/// `bytes` bytes) put in a line or after a key.
fn long_run_mutants(count: usize, bytes: usize) -> Vec<Vec<u8>> {
    let mut rng = Rng(0x1046_2024_0726);
    mutants(count)
        .into_iter()
        .enumerate()
        .map(|(i, mut mutant)| {
            let piece = RUNS[i % RUNS.len()];
            let run = piece.repeat(bytes / piece.len() / (1 + rng.below(4)));
            let at = match rng.below(3) {
                0 => rng.below(mutant.len() + 1),
                _ => mutant
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(mutant.len(), |n| n + 1),
            };
            let run = if at == 0 || mutant.get(at - 1) == Some(&b'\n') {
                format!("  备注：{run}\n")
            } else {
                run
            };
            mutant.splice(at..at, run.bytes());
            mutant
        })
        .collect()
}

#[test]
fn thousands_of_mutants_never_panic_the_checker() {
    let profile = Profile::shipped("strict").unwrap();
    let dates = Dates {
        as_of: None,
        today: Some("2025-04-27".parse().unwrap()),
    };
    let dir = tempfile::tempdir().unwrap();
    let file = FileInfo {
        path: Some(dir.path().join("plan.rect")),
        root: Some(dir.path().to_path_buf()),
        files: None,
    };
    let mut failures = Vec::new();
    let all = mutants(4000)
        .into_iter()
        .chain(long_run_mutants(48, 200_000));
    for (i, bytes) in all.enumerate() {
        let result = catch_unwind(AssertUnwindSafe(|| {
            check_bytes(&bytes, &profile, dates, &file)
        }));
        if result.is_err() {
            let path = std::env::temp_dir().join(format!("rectlint-panic-{i}.rect"));
            std::fs::write(&path, &bytes).unwrap();
            failures.push(path);
        }
    }
    assert!(failures.is_empty(), "inputs that panic: {failures:?}");
}

/// What the fuzz target does with one input in sixteen
/// ([`rectlint::commands::check::exercise_long_lines`]), on mutants: their first finding
/// moved past column 70,000 (where miette once panicked), and 20,000 stray
/// `}` on one line after them (each finding once reprinted the line). The
/// second takes seconds (20,000 findings rendered every way), so a few.
#[test]
fn mutants_made_into_long_lines_never_panic() {
    let profile = Profile::shipped("strict").unwrap();
    let dates = Dates {
        as_of: None,
        today: Some("2025-04-27".parse().unwrap()),
    };
    let mut failures = Vec::new();
    for (i, bytes) in mutants(60).iter().enumerate() {
        let [shifted, braces] = long_lines(bytes, &profile, dates);
        let mut variants = vec![shifted];
        if i % 30 == 0 {
            variants.push(braces);
        }
        for (j, variant) in variants.iter().enumerate() {
            let result = catch_unwind(AssertUnwindSafe(|| {
                rectlint::commands::check::exercise(variant, &profile, dates);
            }));
            if result.is_err() {
                let path = std::env::temp_dir().join(format!("rectlint-panic-long-{i}-{j}.rect"));
                std::fs::write(&path, variant).unwrap();
                failures.push(path);
            }
        }
    }
    assert!(failures.is_empty(), "inputs that panic: {failures:?}");
}

/// The long lines the fuzz target and the test above make are what they
/// say: a finding past column 70,000, and 20,000 findings on one line.
#[test]
fn long_line_variants_hold_what_they_claim() {
    let profile = Profile::shipped("strict").unwrap();
    let dates = Dates {
        as_of: None,
        today: Some("2025-04-27".parse().unwrap()),
    };
    let seed = plan("      责任人：赵六\n");
    let [shifted, braces] = long_lines(seed.as_bytes(), &profile, dates);
    let located = |bytes: &[u8]| {
        let checked = check_bytes(bytes, &profile, dates, &FileInfo::default());
        FileReport::new(
            "plan.rect".into(),
            &checked.text,
            checked.diagnostics,
            false,
        )
        .diagnostics
    };
    assert!(
        located(&shifted).iter().any(|d| d.start.column > 70_000),
        "no finding past column 70,000"
    );
    let found = located(&braces);
    let last_line = found.iter().map(|d| d.start.line).max().unwrap();
    let on_it = found.iter().filter(|d| d.start.line == last_line).count();
    assert!(on_it >= 20_000, "{on_it} findings on the last line");
    let start = std::time::Instant::now();
    rectlint::commands::check::exercise_long_lines(seed.as_bytes(), &profile, dates);
    let took = start.elapsed();
    assert!(took.as_secs() < 60, "{took:?}");
}

#[test]
fn the_binary_checks_a_folder_of_mutants_and_exits_cleanly() {
    let mut run = Run::new();
    for (i, bytes) in mutants(600).into_iter().enumerate() {
        run = run.file(&format!("m/{i:04}.rect"), bytes);
    }
    for format in ["human", "json"] {
        let out = run.args(&["check", "m", "--format", format]).run();
        assert!(
            matches!(out.code, 0..=2),
            "exit {}: {}",
            out.code,
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        run = Run::new();
        for (i, bytes) in mutants(600).into_iter().enumerate() {
            run = run.file(&format!("m/{i:04}.rect"), bytes);
        }
    }
}

#[test]
fn very_deep_nesting_is_a_diagnostic() {
    for depth in [1000, 100_000] {
        let mut text = String::from("方案 深 {\n");
        for i in 0..depth {
            let _ = writeln!(text, "问题 I{i} {{");
        }
        for _ in 0..=depth {
            text.push_str("}\n");
        }
        let out = Run::new()
            .file("deep.rect", &text)
            .args(&["check", "deep.rect", "--format", "json"])
            .run();
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(
            out.stdout.contains("嵌套超过 64 层"),
            "{}",
            &out.stdout[..out.stdout.len().min(2000)]
        );
    }
}

#[test]
fn a_50_megabyte_plan_is_checked() {
    let mut text = String::from("方案 大 {\n  被巡察单位：某局\n  反馈日期：2024-07-26\n");
    let mut i = 0;
    while text.len() < 50 * 1024 * 1024 {
        let _ = write!(
            text,
            "  问题 A{i} 问题{i} {{\n    措施 A{i}.1 措施内容{i} {{\n      责任领导：张伟\n      时限：2024-09-30\n      状态：推进中\n    }}\n  }}\n"
        );
        i += 1;
    }
    text.push_str("}\n");
    let out = Run::new()
        .file("big.rect", &text)
        .args(&["check", "big.rect", "--format", "json"])
        .run();
    assert!(
        matches!(out.code, 0 | 1),
        "exit {}: {}",
        out.code,
        out.stderr
    );
    assert!(out.stdout.contains("\"files\": 1"));
}

#[test]
fn a_very_long_line_is_checked() {
    let long = "很长".repeat(500_000);
    let text = format!("方案 长 {{\n  被巡察单位：{long}\n  问题 A1 {long} {{\n  }}\n}}\n");
    let out = Run::new()
        .file("long.rect", &text)
        .args(&["check", "long.rect", "--format", "json"])
        .run();
    assert!(
        matches!(out.code, 0 | 1),
        "exit {}: {}",
        out.code,
        out.stderr
    );
}

/// A line of `"""x"""` pairs, 140 KB and 1 MB long, alone or as a value
/// in a plan: the search for a triple-quote opener recursed once per pair
/// (the 1 MB line overflowed the stack and aborted `check` and `fmt`).
#[test]
fn a_long_run_of_triple_quoted_pairs_is_read() {
    for pairs in [20_000, 150_000] {
        let run = "\"\"\"x\"\"\"".repeat(pairs);
        let alone = format!("{run}\n");
        let in_plan = plan(&format!("      备注：见{run}\n"));
        let files = Run::new()
            .file("alone.rect", &alone)
            .file("plan.rect", &in_plan);
        let out = files.exec(&["check", "alone.rect"]);
        assert_eq!(out.code, 1, "{pairs}: {}", out.stderr);
        assert!(out.stdout.contains("P001"), "{pairs}");
        assert!(out.stdout.contains("没有方案块"), "{pairs}");
        let out = files.exec(&["check", "plan.rect", "--format", "json"]);
        assert!(
            matches!(out.code, 0 | 1),
            "{pairs}: exit {}: {}",
            out.code,
            out.stderr
        );
        assert!(!out.stdout.contains("P001"), "{pairs}");
        let out = files.exec(&["check", "."]);
        assert_eq!(out.code, 1, "{pairs}: {}", out.stderr);
        let out = files.exec(&["fmt", "--check", "alone.rect"]);
        assert_eq!(out.code, 1, "{pairs}: {}", out.stderr);
        assert!(out.stderr.contains("没有方案块"), "{pairs}: {}", out.stderr);
        let out = files.exec(&["fmt", "plan.rect"]);
        assert_eq!(out.code, 0, "{pairs}: {}", out.stderr);
        let formatted = std::fs::read_to_string(files.path().join("plan.rect")).unwrap();
        assert!(formatted.contains(&format!("备注：见{run}\n")), "{pairs}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_a_p007_and_the_others_are_checked() {
    let big = plan(&"      备注：很长的备注\n".repeat(100));
    assert!(big.len() > 2048);
    let run = Run::new()
        .file("big.rect", &big)
        .file("small.rect", plan(""));
    for args in [
        &["check", ".", "--format", "json", "--max-file-size", "2KB"][..],
        &[
            "check",
            "big.rect",
            "small.rect",
            "--format",
            "json",
            "--max-file-size",
            "2048",
        ],
    ] {
        let out = run.exec(args);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(out.stdout.contains("\"files\": 2"), "{}", out.stdout);
        assert!(out.stdout.contains("文件过大"), "{}", out.stdout);
        assert!(out.stdout.contains("上限 2 KB"), "{}", out.stdout);
        assert_eq!(
            out.stdout.matches("\"code\": \"P007\"").count(),
            1,
            "{}",
            out.stdout
        );
    }
    let out = run.exec(&["check", ".", "--lang", "en", "--max-file-size", "2KB"]);
    assert!(out.stdout.contains("too large to check"), "{}", out.stdout);
    // Under the limit, the same file is checked.
    let out = run.exec(&[
        "check",
        "big.rect",
        "--format",
        "json",
        "--max-file-size",
        "1MB",
    ]);
    assert!(!out.stdout.contains("文件过大"), "{}", out.stdout);
}

#[test]
fn the_size_limit_comes_from_rectlint_toml_and_the_option_wins() {
    let run = Run::new()
        .file("rectlint.toml", "max_file_size = 200\n")
        .file("plan.rect", plan(""));
    let out = run.exec(&["check", "plan.rect", "--format", "json"]);
    assert!(out.stdout.contains("文件过大"), "{}", out.stdout);
    let out = run.exec(&[
        "check",
        "plan.rect",
        "--format",
        "json",
        "--max-file-size",
        "64MB",
    ]);
    assert!(!out.stdout.contains("文件过大"), "{}", out.stdout);
    let out = Run::new()
        .file("rectlint.toml", "max_file_size = \"lots\"\n")
        .file("plan.rect", plan(""))
        .args(&["check", "plan.rect"])
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("not a size"), "{}", out.stderr);
    let out = Run::new().args(&["check", "--max-file-size", "big"]).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn the_default_size_limit_is_64_megabytes() {
    for name in ["xuncha", "xunshi", "audit", "strict"] {
        assert_eq!(
            Profile::shipped(name).unwrap().max_file_size,
            64 * 1024 * 1024
        );
    }
    assert_eq!(rectlint::config::parse_size("64MB"), Ok(64 << 20));
    assert_eq!(rectlint::config::parse_size("512 KiB"), Ok(512 << 10));
    assert_eq!(rectlint::config::parse_size("1g"), Ok(1 << 30));
    assert_eq!(rectlint::config::parse_size("100"), Ok(100));
    assert!(rectlint::config::parse_size("1TB").is_err());
    assert!(rectlint::config::parse_size("99999999999999999999G").is_err());
}

#[test]
fn binary_files_met_in_folders_are_skipped_with_a_note() {
    let run = Run::new()
        .file("plans/a.rect", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .file("plans/b.rect", plan(""));
    let out = run.exec(&["check", "plans", "--format", "json"]);
    assert_eq!(out.code, 0, "{} {}", out.stdout, out.stderr);
    assert!(out.stdout.contains("\"files\": 1"), "{}", out.stdout);
    assert!(!out.stdout.contains("P007"), "{}", out.stdout);
    assert!(
        out.stderr.contains("跳过二进制文件 plans/a.rect"),
        "{}",
        out.stderr
    );
    let out = run.exec(&["check", "plans", "--lang", "en"]);
    assert!(
        out.stderr.contains("skipped plans/a.rect: a binary file"),
        "{}",
        out.stderr
    );
    // Named on the command line, it is read, and is no plan.
    let out = run.exec(&["check", "plans/a.rect", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("这不是文本文件"), "{}", out.stdout);
    assert!(out.stdout.contains("\"code\": \"P007\""), "{}", out.stdout);
}

/// What the fuzz target does with an input ([`rectlint::commands::check::exercise`]):
/// check it, render its findings every way, apply the fixes (safe, then
/// unsafe) and check again, format it and check again.
fn as_the_fuzzer_does(bytes: &[u8]) {
    let profile = Profile::shipped("strict").unwrap();
    let dates = Dates {
        as_of: None,
        today: Some("2025-04-27".parse().unwrap()),
    };
    rectlint::commands::check::exercise(bytes, &profile, dates);
}

/// The inputs the fuzzer reported (as slow units and one time-out, each
/// under a heavily loaded machine: alone they take well under a second even
/// in the fuzzer's sanitised build) stay quick.
#[test]
fn what_the_fuzzer_found_stays_quick() {
    let dir = repo().join("tests/fixtures/fuzz");
    let mut found = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let start = std::time::Instant::now();
        as_the_fuzzer_does(&bytes);
        let took = start.elapsed();
        assert!(took.as_secs() < 10, "{}: {took:?}", path.display());
        found += 1;
    }
    assert!(found >= 3);
}
