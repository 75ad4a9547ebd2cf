//! Running the real `rectlint` binary in a temporary folder.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A run of the binary: arguments, files, standard input, environment.
pub struct Run {
    args: Vec<String>,
    dir: tempfile::TempDir,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
    cwd: Option<PathBuf>,
}

/// What a run gave.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        // The folder is its own repository, so nothing above it is read.
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        Self {
            args: Vec::new(),
            dir,
            stdin: None,
            env: Vec::new(),
            cwd: None,
        }
    }

    pub fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(|a| (*a).to_owned()));
        self
    }

    /// Write a file (creating folders) in the run's folder.
    pub fn file(self, path: &str, content: impl AsRef<[u8]>) -> Self {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
        self
    }

    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(bytes.into());
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// Run in this folder instead of the run's own.
    pub fn cwd(mut self, dir: &Path) -> Self {
        self.cwd = Some(dir.to_path_buf());
        self
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Run with these arguments (after any given with [`Run::args`]),
    /// keeping the folder for another run.
    pub fn exec(&self, args: &[&str]) -> Output {
        let mut all: Vec<&str> = self.args.iter().map(String::as_str).collect();
        all.extend_from_slice(args);
        self.spawn(&all)
    }

    pub fn run(&self) -> Output {
        self.exec(&[])
    }

    /// Run with these arguments in `dir`, keeping the folder.
    pub fn exec_in(&self, dir: &Path, args: &[&str]) -> Output {
        let mut all: Vec<&str> = self.args.iter().map(String::as_str).collect();
        all.extend_from_slice(args);
        self.spawn_in(dir, &all)
    }

    fn spawn(&self, args: &[&str]) -> Output {
        self.spawn_in(self.cwd.as_deref().unwrap_or(self.dir.path()), args)
    }

    fn spawn_in(&self, dir: &Path, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rectlint"));
        command
            .args(args)
            .current_dir(dir)
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            command.env(k, v);
        }
        let mut child = command.spawn().unwrap();
        let input = self.stdin.clone().unwrap_or_default();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let output = child.wait_with_output().unwrap();
        writer.join().unwrap();
        Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The repository's own folder.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A clean plan with one measure, as of 2025-04-27 (R007 and Q004 infos
/// aside); `extra` is added to the measure's fields.
pub fn plan(extra: &str) -> String {
    format!(
        "方案 测试方案 {{
  被巡察单位：某局
  巡察组：市委第一巡察组
  反馈日期：2024-07-26
  报告日期：2025-04-27
  第一责任人：张伟
  问题数：1
  人员 {{
    张伟：党委书记、局长
    李明：党委委员、副局长
    王芳：办公室主任
  }}
  部门 {{
    办公室、法制大队
  }}
  问题 A1 制度不健全 {{
    原因：缺少统一制度
    措施 A1.1 制定工作制度 {{
      责任领导：李明
      责任部门：办公室
      责任人：王芳
      时限：2024-09-30
      目标：印发制度1项
      状态：已完成
      完成日期：2024-09-20
      佐证：制度 《某局工作制度》
{extra}    }}
  }}
}}
"
    )
}

/// [`plan`] with two defects in measure A1.1: no 责任领导 (R001, an error,
/// at 18:5) and an undeclared 责任人 赵六 (S004, a warning, at 20:11).
pub fn faulty_plan() -> String {
    plan("")
        .replace("      责任领导：李明\n", "")
        .replace("责任人：王芳", "责任人：赵六")
}

/// [`plan`] with one warning: an undeclared 责任人 赵六 (S004, at 21:11).
pub fn warning_plan() -> String {
    plan("").replace("责任人：王芳", "责任人：赵六")
}

/// Parse standard output as JSON.
pub fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}"))
}

/// The path, code, line and column of each finding of a JSON report.
pub fn codes(doc: &serde_json::Value) -> Vec<(String, String, u64, u64)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_owned(),
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}
