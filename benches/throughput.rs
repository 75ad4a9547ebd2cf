//! Throughput of each stage on the generated corpora (see `plangen`): parse
//! alone, check alone (on a parsed plan), the two together as `check_bytes`
//! does them, and the whole `rectlint check` process. divan reports time per
//! iteration and MB/s; the repository benches also report plans per second.
//!
//! `cargo bench --bench throughput`

mod plangen;

use std::process::{Command, Stdio};
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use rectlint::check::{self, Dates, FileInfo};
use rectlint::config::Profile;
use rectlint::engine::check_bytes;
use rectlint::parse;

fn main() {
    plangen::write_corpora(&plangen::corpus_dir()).expect("the corpora are written");
    divan::main();
}

static TYPICAL: LazyLock<String> = LazyLock::new(|| plangen::plan(plangen::TYPICAL));
static HUGE: LazyLock<String> = LazyLock::new(|| plangen::plan(plangen::HUGE));
static REPOSITORY: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0..plangen::REPOSITORY_PLANS)
        .map(plangen::repository_plan)
        .collect()
});
static PROFILE: LazyLock<Profile> =
    LazyLock::new(|| Profile::shipped("xuncha").expect("the default profile is shipped"));

const DATES: Dates = Dates {
    as_of: None,
    today: Some(jiff::civil::date(2025, 4, 27)),
};

fn file() -> FileInfo {
    let dir = plangen::corpus_dir();
    FileInfo {
        path: Some(dir.join("plan.rect")),
        root: Some(dir),
        files: None,
    }
}

fn single(which: &str) -> &'static str {
    match which {
        "typical" => &TYPICAL,
        _ => &HUGE,
    }
}

fn repository_bytes() -> usize {
    REPOSITORY.iter().map(String::len).sum()
}

// ───────────────────────────── parse ─────────────────────────────

#[divan::bench(args = ["typical", "huge"])]
fn parse_plan(bencher: Bencher, which: &str) {
    let text = single(which);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| parse::parse(divan::black_box(text)));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn parse_repository(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(repository_bytes()))
        .counter(ItemsCount::new(REPOSITORY.len()))
        .bench(|| {
            for text in REPOSITORY.iter() {
                divan::black_box(parse::parse(text));
            }
        });
}

// ───────────────────────────── check ─────────────────────────────

#[divan::bench(args = ["typical", "huge"])]
fn check_plan(bencher: Bencher, which: &str) {
    let text = single(which);
    let parsed = parse::parse(text);
    let file = file();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| check::check(text, &parsed, &PROFILE, DATES, &file));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn check_repository(bencher: Bencher) {
    let parsed: Vec<_> = REPOSITORY.iter().map(|t| parse::parse(t)).collect();
    let file = file();
    bencher
        .counter(BytesCount::new(repository_bytes()))
        .counter(ItemsCount::new(REPOSITORY.len()))
        .bench(|| {
            for (text, parsed) in REPOSITORY.iter().zip(&parsed) {
                divan::black_box(check::check(text, parsed, &PROFILE, DATES, &file));
            }
        });
}

// ───────────────────────── decode, parse and check ─────────────────────────

#[divan::bench(args = ["typical", "huge"])]
fn check_bytes_plan(bencher: Bencher, which: &str) {
    let text = single(which);
    let file = file();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| check_bytes(text.as_bytes(), &PROFILE, DATES, &file));
}

// ───────────────────────────── the whole process ─────────────────────────────

fn run(args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_rectlint"))
        .args(["check", "--format", "json", "--as-of", "2025-04-27"])
        .args(args)
        .current_dir(plangen::corpus_dir())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("rectlint runs");
    assert!(matches!(status.code(), Some(0 | 1)), "{status}");
}

#[divan::bench(args = ["typical", "huge"])]
fn process_plan(bencher: Bencher, which: &str) {
    let text = single(which);
    let file = format!("{which}.rect");
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| run(&[&file]));
}

#[divan::bench(args = ["1", "2"], sample_count = 5, sample_size = 1)]
fn process_repository(bencher: Bencher, jobs: &str) {
    bencher
        .counter(BytesCount::new(repository_bytes()))
        .counter(ItemsCount::new(REPOSITORY.len()))
        .bench(|| run(&["--jobs", jobs, "repository"]));
}
