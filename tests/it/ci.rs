//! What a repository wires into its CI: shell completions, man pages, the
//! composite GitHub Action, the pre-commit hooks, and the README's "Use in
//! CI" snippets, whose `rectlint` commands must be ones rectlint accepts.

use crate::common;

use clap::Parser;
use common::{Run, repo};
use rectlint::cli::Cli;
use yaml_rust2::{Yaml, YamlLoader};

fn yaml(text: &str) -> Yaml {
    let mut docs = YamlLoader::load_from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"));
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

/// `rectlint …` as a shell line would run it: the words up to a
/// redirection or another command, with CI variables given values.
fn accepts(line: &str) {
    let line = line
        .replace("${{ matrix.shard }}", "2")
        .replace("$CI_NODE_INDEX", "1")
        .replace("$CI_NODE_TOTAL", "2");
    let start = line.find("rectlint ").unwrap();
    let words: Vec<&str> = line[start..]
        .split_whitespace()
        .take_while(|w| !matches!(*w, ">" | "|" | "||" | "&&" | ";" | "#"))
        .collect();
    if let Err(e) = Cli::try_parse_from(&words) {
        panic!("rectlint does not accept `{}`:\n{e}", words.join(" "));
    }
}

#[test]
fn completions_for_every_shell() {
    let run = Run::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run.exec(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {out:?}");
        for word in ["check", "max-warnings", "write-baseline", "completions"] {
            assert!(out.stdout.contains(word), "{shell} lacks {word}");
        }
    }
    let bash = run.exec(&["completions", "bash"]).stdout;
    assert!(bash.contains("complete -F _rectlint"));
    // Values are completed too.
    assert!(
        bash.contains("human json sarif github gitlab junit"),
        "{bash}"
    );
    assert_eq!(run.exec(&["completions", "tcsh"]).code, 2);
}

#[test]
fn man_pages_from_the_command_line_definitions() {
    let run = Run::new();
    let out = run.exec(&["man"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains(".TH rectlint 1"), "{}", out.stdout);
    assert!(out.stdout.contains("rectlint\\-check(1)"), "{}", out.stdout);
    let check = run.exec(&["man", "check"]);
    assert_eq!(check.code, 0);
    assert!(
        check.stdout.contains(".TH rectlint-check 1"),
        "{}",
        check.stdout
    );
    for option in [
        "\\-\\-max\\-warnings",
        "\\-\\-baseline",
        "\\-\\-shard",
        "\\-\\-exclude",
    ] {
        assert!(check.stdout.contains(option), "{option}");
    }
    assert_eq!(run.exec(&["man", "nothing"]).code, 2);

    let out = run.exec(&["man", "--dir", "pages"]);
    assert_eq!(out.code, 0, "{out:?}");
    let mut pages: Vec<String> = std::fs::read_dir(run.path().join("pages"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "rectlint-check.1",
            "rectlint-completions.1",
            "rectlint-explain.1",
            "rectlint-fmt.1",
            "rectlint-man.1",
            "rectlint-rules.1",
            "rectlint.1"
        ]
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("pages/rectlint-check.1")).unwrap(),
        check.stdout
    );
}

#[test]
fn the_action_is_a_composite_action_that_uploads_sarif() {
    let text = std::fs::read_to_string(repo().join("action.yml")).unwrap();
    let action = yaml(&text);
    assert!(action["name"].as_str().is_some());
    assert!(action["description"].as_str().is_some());
    let inputs = action["inputs"].as_hash().unwrap();
    for (name, input) in inputs {
        assert!(input["description"].as_str().is_some(), "{name:?}");
    }
    let runs = &action["runs"];
    assert_eq!(runs["using"].as_str(), Some("composite"));
    let steps = runs["steps"].as_vec().unwrap();
    for step in steps {
        // A composite step is either `run` with a `shell` or `uses`.
        match (step["run"].as_str(), step["uses"].as_str()) {
            (Some(_), None) => assert!(step["shell"].as_str().is_some(), "{step:?}"),
            (None, Some(_)) => {}
            _ => panic!("a step needs exactly one of run and uses: {step:?}"),
        }
    }
    // Every `inputs.X` it reads is declared.
    for part in text.split("inputs.").skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        assert!(
            inputs.contains_key(&Yaml::String(name.clone())),
            "undeclared input {name}"
        );
    }
    let scripts: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(scripts[0].contains("cargo install --locked --path \"$ACTION_PATH\""));
    let check = scripts
        .iter()
        .find(|s| s.contains("--format sarif"))
        .unwrap();
    for line in check
        .lines()
        .filter(|l| l.trim_start().starts_with("rectlint "))
    {
        accepts(&line.replace("$RECTLINT_PATHS", "plans").replace(
            "$RECTLINT_ARGS",
            "--baseline .rectlint-baseline.json --deny warnings",
        ));
    }
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif@"))
        })
        .unwrap();
    assert_eq!(
        upload["with"]["sarif_file"].as_str(),
        Some("${{ inputs.sarif-file }}")
    );
}

#[test]
fn the_pre_commit_hooks_run_rectlint_on_plans() {
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks = yaml(&text);
    let hooks = hooks.as_vec().unwrap();
    let ids: Vec<&str> = hooks.iter().map(|h| h["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["rectlint", "rectlint-fmt"]);
    for hook in hooks {
        assert_eq!(hook["language"].as_str(), Some("rust"));
        assert_eq!(hook["files"].as_str(), Some("\\.rect$"));
        assert!(hook["name"].as_str().is_some());
        // pre-commit appends the file names to the entry.
        let entry = hook["entry"].as_str().unwrap();
        accepts(&format!("{entry} plans/a.rect plans/b.rect"));
    }
}

/// The fenced blocks of the README's "Use in CI" section: (language, text).
fn ci_snippets() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let start = readme.find("## 在 CI 中使用 · Use in CI").unwrap();
    let end = start + readme[start..].find("\n## ").unwrap();
    let mut blocks = Vec::new();
    let mut rest = &readme[start..end];
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let newline = after.find('\n').unwrap();
        let language = after[..newline].to_owned();
        let body_end = after.find("\n```").unwrap();
        blocks.push((language, after[newline + 1..=body_end].to_owned()));
        rest = &after[body_end + 4..];
    }
    blocks
}

#[test]
fn the_readme_snippets_are_valid() {
    let blocks = ci_snippets();
    let yaml_blocks: Vec<&String> = blocks
        .iter()
        .filter(|(l, _)| l == "yaml")
        .map(|(_, b)| b)
        .collect();
    assert_eq!(yaml_blocks.len(), 4);
    let mut commands = 0;
    for (language, block) in &blocks {
        if language == "yaml" {
            yaml(block);
        }
        for line in block.lines().filter(|l| l.contains("rectlint check")) {
            accepts(line);
            commands += 1;
        }
    }
    assert!(commands >= 5, "{commands}");

    // The workflow uses this repository's action with inputs it declares.
    let action = yaml(&std::fs::read_to_string(repo().join("action.yml")).unwrap());
    let workflow = yaml(yaml_blocks[0]);
    let steps = workflow["jobs"]["rectlint"]["steps"].as_vec().unwrap();
    let step = steps
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.contains("/rectlint@")))
        .unwrap();
    for (name, value) in step["with"].as_hash().unwrap() {
        assert!(
            !action["inputs"][name.as_str().unwrap()].is_badvalue(),
            "{name:?}"
        );
        if name.as_str() == Some("args") {
            accepts(&format!("rectlint check {}", value.as_str().unwrap()));
        }
    }
    assert_eq!(
        workflow["permissions"]["security-events"].as_str(),
        Some("write")
    );

    // pre-commit: hooks that exist, with arguments `check` accepts.
    let config = yaml(yaml_blocks[3]);
    let hooks = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    for hook in config["repos"][0]["hooks"].as_vec().unwrap() {
        let id = hook["id"].as_str().unwrap();
        assert!(hooks.contains(&format!("- id: {id}\n")), "{id}");
        if let Some(args) = hook["args"].as_vec() {
            let args: Vec<&str> = args.iter().map(|a| a.as_str().unwrap()).collect();
            accepts(&format!("rectlint check {} a.rect", args.join(" ")));
        }
    }

    // GitLab reads the reports the script writes.
    let gitlab = yaml(yaml_blocks[2]);
    let job = &gitlab["rectlint"];
    let script: Vec<&str> = job["script"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let reports = &job["artifacts"]["reports"];
    let quality = reports["codequality"].as_str().unwrap();
    let junit = reports["junit"].as_str().unwrap();
    assert!(
        script
            .iter()
            .any(|l| l.contains("--format gitlab") && l.ends_with(quality))
    );
    assert!(
        script
            .iter()
            .any(|l| l.contains("--format junit") && l.contains(junit))
    );
}
