//! The targets, measured as a user meets them: the release binary as
//! a whole process on the generated corpora (written to `benches/corpus/`),
//! wall time as the median of several runs (`--jobs 1` and `--jobs 2` in
//! turn), peak memory from
//! `/usr/bin/time -v` (when it is there). Prints one table, target beside
//! measured figure.
//!
//! `cargo bench --bench targets` (add `-- --quick` for fewer runs, or
//! `-- --corpus-only` to write the corpora and stop; set `RECTLINT_BIN` to
//! measure another build of rectlint).

mod plangen;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Measured {
    median: Duration,
    peak_kib: Option<u64>,
}

/// The binary measured: this build's, or `RECTLINT_BIN` (to measure another
/// build the same way, e.g. an older commit's).
fn binary() -> PathBuf {
    std::env::var_os("RECTLINT_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_rectlint")),
        PathBuf::from,
    )
}

/// `rectlint check` with `args`, in the JSON format unless they name one.
fn check_args<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["check", "--as-of", "2025-04-27"];
    if !args.contains(&"--format") {
        all.extend(["--format", "json"]);
    }
    all.extend(args);
    all
}

fn command(args: &[&str], dir: &Path) -> Command {
    let mut c = Command::new(binary());
    c.args(check_args(args))
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// Median wall time of `runs` runs, and the peak resident memory of one more
/// run under `/usr/bin/time -v`.
fn measure(args: &[&str], dir: &Path, runs: usize) -> Measured {
    measure_in_turn(&[args], dir, runs).remove(0)
}

/// [`measure`] for several commands, run in turn (one run of each, then the
/// next round), so that a shared machine's slow minutes fall on all of them
/// alike: what compares them (the `--jobs` ratio) is not a minute apart.
fn measure_in_turn(commands: &[&[&str]], dir: &Path, runs: usize) -> Vec<Measured> {
    // One warm-up run each: the files are in the page cache afterwards.
    for args in commands {
        let _ = command(args, dir).status();
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); commands.len()];
    for _ in 0..runs {
        for (args, times) in commands.iter().zip(&mut times) {
            let start = Instant::now();
            let status = command(args, dir).status().expect("rectlint runs");
            assert!(matches!(status.code(), Some(0 | 1)), "{status}");
            times.push(start.elapsed());
        }
    }
    commands
        .iter()
        .zip(times)
        .map(|(args, mut times)| {
            times.sort();
            Measured {
                median: times[times.len() / 2],
                peak_kib: peak_memory(args, dir),
            }
        })
        .collect()
}

fn peak_memory(args: &[&str], dir: &Path) -> Option<u64> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = Command::new(time)
        .arg("-v")
        .arg(binary())
        .args(check_args(args))
        .current_dir(dir)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("Maximum resident set size (kbytes): ")
        })
        .and_then(|n| n.trim().parse().ok())
}

fn size_of(path: &Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path).map_or(0, |entries| {
            entries.flatten().map(|e| size_of(&e.path())).sum()
        })
    } else {
        std::fs::metadata(path).map_or(0, |m| m.len())
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[allow(clippy::cast_precision_loss)]
fn main() {
    // `cargo bench` passes `--bench`; anything else is ours.
    let quick = std::env::args().any(|a| a == "--quick");
    let runs = if quick { 3 } else { 11 };
    let dir = plangen::corpus_dir();
    plangen::write_corpora(&dir).expect("the corpora are written");
    if std::env::args().any(|a| a == "--corpus-only") {
        println!("corpora written to {}", dir.display());
        return;
    }

    let typical = measure(&["typical.rect"], &dir, runs * 3);
    let huge = measure(&["huge.rect"], &dir, runs);
    let huge_human = measure(&["--format", "human", "huge.rect"], &dir, runs);
    let repo_runs = runs.div_ceil(2);
    let repo = measure(&["repository"], &dir, repo_runs);
    // The two `--jobs` runs take turns: their ratio is of the same minutes.
    let mut jobs = measure_in_turn(
        &[
            &["--jobs", "1", "repository"],
            &["--jobs", "2", "repository"],
        ],
        &dir,
        runs,
    )
    .into_iter();
    let (repo1, repo2) = (
        jobs.next().expect("--jobs 1 measured"),
        jobs.next().expect("--jobs 2 measured"),
    );

    let repo_bytes = size_of(&dir.join("repository"));
    let mb = |bytes: u64, d: Duration| bytes as f64 / 1e6 / d.as_secs_f64();
    let peak = |m: &Measured| {
        m.peak_kib
            .map_or("?".to_owned(), |k| format!("{:.1} MB", k as f64 / 1024.0))
    };
    let verdict = |ok: bool| if ok { "met" } else { "NOT MET" };

    println!();
    println!("binary {}", binary().display());
    println!("corpora in {}", dir.display());
    println!(
        "typical.rect {} KB, huge.rect {:.2} MB, repository/ {} plans, {:.1} MB",
        size_of(&dir.join("typical.rect")) / 1000,
        size_of(&dir.join("huge.rect")) as f64 / 1e6,
        plangen::REPOSITORY_PLANS,
        repo_bytes as f64 / 1e6
    );
    println!();
    println!("| target | goal | measured | |");
    println!("|---|---|---|---|");
    println!(
        "| typical plan (30 measures), whole process | < 5 ms | {:.2} ms, peak {} | {} |",
        ms(typical.median),
        peak(&typical),
        verdict(typical.median < Duration::from_millis(5))
    );
    println!(
        "| huge plan (10,000 measures), whole process | < 60 ms | {:.1} ms | {} |",
        ms(huge.median),
        verdict(huge.median < Duration::from_millis(60))
    );
    println!(
        "| huge plan in the human format (the default), whole process | (none) | {:.1} ms, peak {} | |",
        ms(huge_human.median),
        peak(&huge_human)
    );
    let huge_peak_ok = huge.peak_kib.is_some_and(|k| k < 40 * 1024);
    println!(
        "| huge plan, peak memory | < 40 MB | {} | {} |",
        peak(&huge),
        verdict(huge_peak_ok)
    );
    println!(
        "| repository (2,000 plans), default jobs | ≥ 100 MB/s | {:.0} MB/s ({:.0} ms, {:.3} ms per plan), peak {} | {} |",
        mb(repo_bytes, repo.median),
        ms(repo.median),
        ms(repo.median) / plangen::REPOSITORY_PLANS as f64,
        peak(&repo),
        verdict(mb(repo_bytes, repo.median) >= 100.0)
    );
    let speedup = repo1.median.as_secs_f64() / repo2.median.as_secs_f64();
    println!(
        "| repository, --jobs 2 vs --jobs 1 | ≥ 1.7× | {speedup:.2}× ({:.0} ms vs {:.0} ms) | {} |",
        ms(repo2.median),
        ms(repo1.median),
        verdict(speedup >= 1.7)
    );
}
