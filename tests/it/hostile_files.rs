//! Files that are not what they seem: a configuration that names a file
//! outside the repository or one holding secrets, FIFOs and devices where a
//! configuration, a baseline or a plan is expected, read-only, hard-linked
//! and foreign-owned files under `fmt` and `--fix`, and baselines written
//! onto links. Nothing is leaked, nothing hangs, nothing is silently
//! changed.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Output, Run, codes, json, plan, repo};

/// What must never appear in a log.
const SECRET: &str = "ghp_S3CRETtoken0123456789";

/// Run the binary in `dir`, killing it if it has not finished after ten
/// seconds; what it gave and how long it took.
fn timed(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (Output, Duration) {
    let started = Instant::now();
    let mut command = Command::new(env!("CARGO_BIN_EXE_rectlint"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let output = child.wait_with_output().unwrap();
    let elapsed = started.elapsed();
    (
        Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        },
        elapsed,
    )
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path and a mode.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A repository in `repo/` of the run's folder, with a secret beside it.
fn repository_beside_a_secret(config: &str) -> Run {
    Run::new()
        .file("outside/creds", format!("TOKEN={SECRET}\nOTHER=x\n"))
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/p.rect", plan(""))
        .file("repo/rectlint.toml", config)
}

#[test]
fn a_profile_outside_the_repository_is_not_read() {
    let run = repository_beside_a_secret("profile = \"../outside/creds\"\n");
    let out = run.exec_in(&run.path().join("repo"), &["check", "p.rect"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!out.stderr.contains(SECRET), "{}", out.stderr);
    assert!(
        out.stderr.contains("is outside the repository"),
        "{}",
        out.stderr
    );
    // Absolute, or by a link inside the repository: the same.
    let run = repository_beside_a_secret("profile = \"ours.toml\"\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        run.path().join("outside/creds"),
        run.path().join("repo/ours.toml"),
    )
    .unwrap();
    for args in [
        vec!["check", "p.rect"],
        vec![
            "check",
            "p.rect",
            "--config",
            "../outside/creds-config.toml",
        ],
    ] {
        std::fs::write(
            run.path().join("outside/creds-config.toml"),
            format!(
                "profile = \"{}\"\n",
                run.path().join("outside/creds").display()
            ),
        )
        .unwrap();
        let out = run.exec_in(&run.path().join("repo"), &args);
        assert_eq!(out.code, 2, "{out:?}");
        assert!(!out.stderr.contains(SECRET), "{}", out.stderr);
    }
}

/// On CI the job's environment holds its tokens.
#[cfg(target_os = "linux")]
#[test]
fn the_environment_of_the_run_is_never_shown() {
    let run = Run::new()
        .file("p.rect", plan(""))
        .file("rectlint.toml", "profile = \"/proc/self/environ\"\n");
    let (out, _) = timed(run.path(), &["check", "p.rect"], &[("CI_TOKEN", SECRET)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!out.stderr.contains(SECRET), "{}", out.stderr);
    assert!(
        out.stderr.contains("is outside the repository"),
        "{}",
        out.stderr
    );
    // The configuration itself a link to it: read (it is named
    // rectlint.toml where it is found), but its text is not shown.
    let run = Run::new().file("p.rect", plan(""));
    std::os::unix::fs::symlink("/proc/self/environ", run.path().join("rectlint.toml")).unwrap();
    let (out, _) = timed(run.path(), &["check", "p.rect"], &[("CI_TOKEN", SECRET)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!out.stderr.contains(SECRET), "{}", out.stderr);
    assert!(out.stderr.contains("not a TOML file"), "{}", out.stderr);
}

/// A file in the repository that is not a profile (`.git/config` holds the
/// token `actions/checkout` leaves behind) is named with the line and
/// column of the error, and none of its text.
#[test]
fn a_file_that_is_not_a_profile_is_not_echoed() {
    let git_config = format!(
        "[core]\n\tbare = false\n[http \"https://github.com/\"]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"
    );
    let run = Run::new()
        .file("p.rect", plan(""))
        .file("rectlint.toml", "profile = \".git/config\"\n")
        .file(".git/config", &git_config);
    let out = run.exec(&["check", "p.rect"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!out.stderr.contains(SECRET), "{}", out.stderr);
    assert!(!out.stderr.contains("extraheader"), "{}", out.stderr);
    assert!(
        out.stderr.contains(".git/config:3:6: not a TOML file"),
        "{}",
        out.stderr
    );
    // TOML, but not a profile: the key is named, not its value.
    let run = Run::new()
        .file("p.rect", plan(""))
        .file("rectlint.toml", "profile = \"secrets.toml\"\n")
        .file("secrets.toml", format!("api_key = \"{SECRET}\"\n"));
    let out = run.exec(&["check", "p.rect"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!out.stderr.contains(SECRET), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("secrets.toml:1:1: unknown field `api_key`"),
        "{}",
        out.stderr
    );
}

/// The project's own `rectlint.toml` still shows where it is wrong.
#[test]
fn a_mistake_in_rectlint_toml_is_still_pointed_at() {
    let run = Run::new()
        .file("p.rect", plan(""))
        .file("rectlint.toml", "due_soon_days = 7\nwindow_days = 3\n");
    let out = run.exec(&["check", "p.rect"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("rectlint.toml:2:1"), "{}", out.stderr);
    assert!(out.stderr.contains("2 │ window_days = 3"), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_as_configuration_or_baseline_is_refused_at_once() {
    let run = Run::new().file("p.rect", plan(""));
    mkfifo(&run.path().join("fifo"));
    std::fs::create_dir(run.path().join("folder")).unwrap();
    for (args, words) in [
        (
            ["check", "p.rect", "--config", "/dev/zero"],
            "cannot read the configuration: it is a character device, not a regular file",
        ),
        (
            ["check", "p.rect", "--config", "fifo"],
            "cannot read the configuration: it is a named pipe (FIFO), not a regular file",
        ),
        (
            ["check", "p.rect", "--config", "folder"],
            "cannot read the configuration: it is a folder, not a regular file",
        ),
        (
            ["check", "p.rect", "--profile", "fifo"],
            "cannot read the profile: it is a named pipe (FIFO), not a regular file",
        ),
        (
            ["check", "p.rect", "--baseline", "/dev/zero"],
            "cannot read the baseline /dev/zero: it is a character device, not a regular file",
        ),
        (
            ["check", "p.rect", "--baseline", "fifo"],
            "cannot read the baseline fifo: it is a named pipe (FIFO), not a regular file",
        ),
        (
            ["check", "p.rect", "--write-baseline", "fifo"],
            "cannot read the baseline fifo: it is a named pipe (FIFO), not a regular file",
        ),
    ] {
        let mut all = args.to_vec();
        all.extend(["--lang", "en"]);
        let (out, took) = timed(run.path(), &all, &[]);
        assert!(took < Duration::from_secs(1), "{args:?} took {took:?}");
        assert_eq!(out.code, 2, "{args:?}: {out:?}");
        assert!(out.stderr.contains(words), "{args:?}: {}", out.stderr);
    }
    // A profile named in rectlint.toml too.
    let run = run.file("rectlint.toml", "profile = \"fifo\"\n");
    let (out, took) = timed(run.path(), &["check", "p.rect"], &[]);
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("not a regular file"), "{}", out.stderr);
}

#[test]
fn an_oversized_configuration_is_not_read() {
    let mut text = String::from("description = \"\"\"\n");
    text.push_str(&"x".repeat(2 << 20));
    text.push_str("\n\"\"\"\n");
    let run = Run::new()
        .file("p.rect", plan(""))
        .file("rectlint.toml", text);
    let out = run.exec(&["check", "p.rect"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("larger than 1024 KB, too large for a configuration"),
        "{}",
        out.stderr
    );
}

/// A FIFO or a device named on the command line is a finding for that
/// path; the other files are checked.
#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_as_a_plan_is_a_finding_and_the_rest_is_checked() {
    let run = Run::new()
        .file("p.rect", super_plan())
        .file("q.rect", plan(""));
    mkfifo(&run.path().join("fifo.rect"));
    let (out, took) = timed(
        run.path(),
        &[
            "check",
            "fifo.rect",
            "/dev/zero",
            "p.rect",
            "q.rect",
            "--format",
            "json",
            "--lang",
            "en",
        ],
        &[],
    );
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(out.code, 1, "{out:?}");
    let doc = json(&out.stdout);
    assert_eq!(doc["summary"]["files"], 4, "{}", out.stdout);
    let found = codes(&doc);
    assert!(
        found.contains(&("/dev/zero".into(), "P007".into(), 1, 1)),
        "{found:?}"
    );
    assert!(
        found.contains(&("fifo.rect".into(), "P007".into(), 1, 1)),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(path, code, ..)| path == "p.rect" && code == "R001"),
        "{found:?}"
    );
    let messages: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "P007")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "this is a character device, not a regular file; it was not read",
            "this is a named pipe (FIFO), not a regular file; it was not read",
        ]
    );
}

/// [`plan`] without its 责任领导 (R001).
fn super_plan() -> String {
    plan("").replace("      责任领导：李明\n", "")
}

#[cfg(unix)]
#[test]
fn fmt_refuses_a_fifo_and_a_device_and_formats_the_rest() {
    let run = Run::new().file("p.rect", "方案   甲 {\n}\n");
    mkfifo(&run.path().join("fifo.rect"));
    let (out, took) = timed(
        run.path(),
        &["fmt", "fifo.rect", "/dev/zero", "p.rect", "--lang", "en"],
        &[],
    );
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr.contains(
            "rectlint fmt: fifo.rect: it is a named pipe (FIFO), not a regular file; not read"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("rectlint fmt: /dev/zero: it is a character device, not a regular file"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        "方案 甲 {\n}\n"
    );
}

const MESSY: &str = "方案   甲 {\n}\n";

/// Judged by the mode: tests run as root, who could write it anyway.
#[cfg(unix)]
#[test]
fn fmt_and_fix_refuse_a_read_only_file() {
    let run = Run::new().file("p.rect", MESSY);
    set_mode(&run.path().join("p.rect"), 0o444);
    let out = run.exec(&["fmt", "p.rect", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("rectlint fmt: p.rect: it is read-only (mode 0444); not rewritten"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        MESSY
    );
    assert_eq!(mode(&run.path().join("p.rect")), 0o444);

    let text = plan("").replace("责任领导：李明", "责任领到：李明");
    let run = Run::new().file("p.rect", &text);
    set_mode(&run.path().join("p.rect"), 0o444);
    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("p.rect: it is read-only (mode 0444); not rewritten"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        text
    );
}

/// Rewriting one name of a hard-linked file would leave the others with
/// the old text: refused, both names unchanged.
#[cfg(unix)]
#[test]
fn fmt_and_fix_refuse_a_hard_linked_file() {
    let run = Run::new().file("p.rect", MESSY);
    std::fs::hard_link(run.path().join("p.rect"), run.path().join("copy.rect")).unwrap();
    let out = run.exec(&["fmt", "p.rect", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(out.stderr.contains("it has 2 hard links"), "{}", out.stderr);
    for name in ["p.rect", "copy.rect"] {
        assert_eq!(
            std::fs::read_to_string(run.path().join(name)).unwrap(),
            MESSY
        );
    }
    let text = plan("").replace("责任领导：李明", "责任领到：李明");
    let run = Run::new().file("p.rect", &text);
    std::fs::hard_link(run.path().join("p.rect"), run.path().join("copy.rect")).unwrap();
    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes", "--lang", "en"]);
    assert!(out.stderr.contains("it has 2 hard links"), "{}", out.stderr);
    for name in ["p.rect", "copy.rect"] {
        assert_eq!(
            std::fs::read_to_string(run.path().join(name)).unwrap(),
            text
        );
    }
}

#[cfg(unix)]
#[test]
fn fmt_and_fix_keep_mode_and_owner() {
    use std::os::unix::fs::MetadataExt;
    let run = Run::new().file("p.rect", MESSY);
    let path = run.path().join("p.rect");
    set_mode(&path, 0o640);
    // SAFETY: no arguments, no state.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        std::os::unix::fs::chown(&path, Some(4321), Some(8765)).unwrap();
    }
    let out = run.exec(&["fmt", "p.rect"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "方案 甲 {\n}\n");
    assert_eq!(mode(&path), 0o640);
    if root {
        let metadata = std::fs::metadata(&path).unwrap();
        assert_eq!((metadata.uid(), metadata.gid()), (4321, 8765));
    }

    let text = plan("").replace("责任领导：李明", "责任领到：李明");
    let run = Run::new().file("p.rect", &text);
    let path = run.path().join("p.rect");
    set_mode(&path, 0o664);
    if root {
        std::os::unix::fs::chown(&path, Some(4321), Some(8765)).unwrap();
    }
    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("责任领导：李明")
    );
    assert_eq!(mode(&path), 0o664);
    if root {
        let metadata = std::fs::metadata(&path).unwrap();
        assert_eq!((metadata.uid(), metadata.gid()), (4321, 8765));
    }
}

#[cfg(unix)]
#[test]
fn a_baseline_keeps_its_mode_and_a_new_one_follows_the_umask() {
    let run = Run::new().file("p.rect", super_plan());
    let out = run.exec(&["check", "p.rect", "--write-baseline", "new.json"]);
    assert_eq!(out.code, 0, "{out:?}");
    // The run has the umask of this process: a file made here is the
    // reference.
    let reference = run.path().join("reference");
    std::fs::write(&reference, "").unwrap();
    assert_eq!(mode(&run.path().join("new.json")), mode(&reference));

    for kept in [0o644, 0o640, 0o604] {
        set_mode(&run.path().join("new.json"), kept);
        let out = run.exec(&["check", "p.rect", "--write-baseline", "new.json"]);
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(mode(&run.path().join("new.json")), kept);
    }
}

#[cfg(unix)]
#[test]
fn a_baseline_is_written_through_a_link_inside_the_repository() {
    let run = Run::new()
        .file("p.rect", super_plan())
        .file("ci/README", "");
    let out = run.exec(&["check", "p.rect", "--write-baseline", "ci/baseline.json"]);
    assert_eq!(out.code, 0, "{out:?}");
    std::os::unix::fs::symlink("ci/baseline.json", run.path().join("baseline.json")).unwrap();
    let run = run.file("p.rect", plan(""));
    let out = run.exec(&["check", "p.rect", "--write-baseline", "baseline.json"]);
    assert_eq!(out.code, 0, "{out:?}");
    let link = std::fs::symlink_metadata(run.path().join("baseline.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    let written = std::fs::read_to_string(run.path().join("ci/baseline.json")).unwrap();
    assert!(written.contains("\"findings\": []"), "{written}");
}

#[cfg(unix)]
#[test]
fn a_baseline_link_that_leads_out_of_the_repository_is_refused() {
    let run = Run::new()
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/p.rect", super_plan());
    let out = run.exec_in(
        &run.path().join("repo"),
        &["check", "p.rect", "--write-baseline", "../outside.json"],
    );
    assert_eq!(out.code, 0, "{out:?}");
    let before = std::fs::read_to_string(run.path().join("outside.json")).unwrap();
    std::os::unix::fs::symlink("../outside.json", run.path().join("repo/baseline.json")).unwrap();
    let run = run.file("repo/p.rect", plan(""));
    let out = run.exec_in(
        &run.path().join("repo"),
        &[
            "check",
            "p.rect",
            "--write-baseline",
            "baseline.json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("cannot write the baseline baseline.json: it is a symbolic link to"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("outside the repository"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("outside.json")).unwrap(),
        before
    );
    assert!(
        std::fs::symlink_metadata(run.path().join("repo/baseline.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// A profile file that sets one key changes that key only: the rules that
/// read word lists and thresholds it leaves alone find what the default
/// profile finds.
#[test]
fn a_one_key_profile_starts_from_the_default() {
    for fixture in [
        "Q001/bad-vague-measures.rect",
        "Q002/bad-placeholders.rect",
        "R003/ok-leaders.rect",
        "R004/ok-at-the-limit.rect",
        "R005/ok-by-post.rect",
    ] {
        let text = std::fs::read(repo().join("tests/fixtures/rules").join(fixture)).unwrap();
        let args = [
            "check",
            "p.rect",
            "--format",
            "json",
            "--as-of",
            "2025-04-27",
        ];
        let default = Run::new().file("p.rect", &text);
        let expected = codes(&json(&default.exec(&args).stdout));
        let run = Run::new()
            .file("p.rect", &text)
            // The default's own value, so that every finding must be the same.
            .file("rules/ours.toml", "due_soon_days = 14\n")
            .file("rectlint.toml", "profile = \"rules/ours.toml\"\n");
        let found = codes(&json(&run.exec(&args).stdout));
        assert_eq!(found, expected, "{fixture}");
        let mut with_option = args.to_vec();
        with_option.extend(["--profile", "rules/ours.toml"]);
        let found = codes(&json(&run.exec(&with_option).stdout));
        assert_eq!(found, expected, "{fixture} with --profile");
    }
}

#[test]
fn a_nested_configuration_may_name_a_profile_higher_up_in_its_repository() {
    let run = Run::new()
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/rules/ours.toml", "due_soon_days = 7\n")
        .file(
            "repo/plans/unit/rectlint.toml",
            "profile = \"../../rules/ours.toml\"\n",
        )
        .file("repo/plans/unit/p.rect", plan(""));
    let out = run.exec_in(&run.path().join("repo"), &["check", "plans/unit/p.rect"]);
    assert_ne!(out.code, 2, "{out:?}");
    assert!(
        !out.stderr.contains("outside the repository"),
        "{}",
        out.stderr
    );
}

/// `check -` reads standard input through the size limit: an endless input
/// (`/dev/zero`) is reported too large at once, not read until memory runs
/// out; `fmt -` likewise.
#[cfg(unix)]
#[test]
fn endless_standard_input_is_read_no_further_than_the_limit() {
    let run = Run::new();
    for args in [
        &["check", "-", "--max-file-size", "1MB", "--lang", "en"][..],
        &["check", "-", "--lang", "en"][..],
        &["fmt", "-", "--max-file-size", "1MB", "--lang", "en"][..],
    ] {
        let started = std::time::Instant::now();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rectlint"))
            .args(args)
            .current_dir(run.path())
            .stdin(std::fs::File::open("/dev/zero").unwrap())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stdout} {stderr}");
        assert!(
            format!("{stdout}{stderr}").contains("too large"),
            "{args:?}: {stdout} {stderr}"
        );
        assert!(started.elapsed().as_secs() < 20, "{args:?}");
    }
}
