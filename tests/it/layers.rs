//! The crate's layers (see the module list in `src/lib.rs`) go one way: a
//! module names only modules of its own layer or of the layers before it,
//! and the top-level modules import each other in no circle. Read from the
//! source: every `crate::…` path outside comments.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every top-level module and its layer: 0 leaves, 1 reading, 2 checking,
/// 3 front ends, 4 the crate root (`lib.rs`, `main.rs`). A module missing
/// here fails the test, so a new one is placed on purpose.
const LAYERS: &[(&str, u8)] = &[
    ("span", 0),
    ("code", 0),
    ("hash", 0),
    ("suggest", 0),
    ("limits", 0),
    ("diagnostic", 1),
    // `tr!`, the two-language message macro, is defined in `diagnostic`.
    ("tr", 1),
    ("problem", 1),
    ("source", 1),
    ("model", 1),
    ("parse", 1),
    ("check", 2),
    ("config", 2),
    ("fix", 2),
    ("fmt", 2),
    ("engine", 2),
    ("write", 3),
    ("baseline", 3),
    ("report", 3),
    ("cli", 3),
    ("hugepages", 3),
    ("commands", 3),
    ("lib", 4),
];

/// The top-level modules named by `crate::` paths in `code`: `crate::a::b`
/// names `a`, `crate::{a, b::c}` names `a` and `b`.
fn named(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        // `$crate::` in a macro is the crate too; `rectlint::` is not here.
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 1;
            let mut start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => start = true,
                    c if c.is_whitespace() => {}
                    _ if start && depth == 1 => {
                        let name = ident(&group[i..]);
                        if !name.is_empty() && name != "self" {
                            out.insert(name);
                        }
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                out.insert(name);
            }
        }
        rest = after;
    }
    out
}

/// The code of a file without its comments (line comments and doc
/// comments; the crate uses no block comments).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(at) if !l[..at].contains('"') => &l[..at],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Which top-level module imports which, from the source.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        let module = match first.trim_end_matches(".rs") {
            "main" | "lib" => "lib".to_owned(),
            other => other.to_owned(),
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let names = named(&without_comments(&text));
        let entry = graph.entry(module.clone()).or_default();
        for name in names {
            if name != module {
                // An item of the crate root (`crate::run`) is the root's.
                let target = if LAYERS.iter().any(|(m, _)| *m == name) {
                    name
                } else {
                    "lib".to_owned()
                };
                if target != module {
                    entry.insert(target);
                }
            }
        }
    }
    graph
}

fn layer(module: &str) -> u8 {
    LAYERS.iter().find(|(m, _)| *m == module).map_or_else(
        || panic!("module `{module}` has no layer in tests/it/layers.rs"),
        |(_, l)| *l,
    )
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let graph = imports();
    assert!(graph.contains_key("engine") && graph.contains_key("commands"));
    let mut wrong = Vec::new();
    for (module, names) in &graph {
        for name in names {
            if layer(name) > layer(module) {
                wrong.push(format!(
                    "{module} (layer {}) imports {name} (layer {})",
                    layer(module),
                    layer(name)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Depth-first search from `module` for a circle, reported as its modules.
fn visit(
    module: &str,
    graph: &BTreeMap<String, BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|m| m == module) {
        let mut circle = path[at..].to_vec();
        circle.push(module.to_owned());
        return Some(circle);
    }
    if done.contains(module) {
        return None;
    }
    path.push(module.to_owned());
    for next in graph.get(module).into_iter().flatten() {
        if let Some(circle) = visit(next, graph, path, done) {
            return Some(circle);
        }
    }
    path.pop();
    done.insert(module.to_owned());
    None
}

#[test]
fn top_level_modules_import_each_other_in_no_circle() {
    let graph = imports();
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(circle) = visit(module, &graph, &mut Vec::new(), &mut done) {
            panic!("a circle of imports: {}", circle.join(" → "));
        }
    }
}

#[test]
fn the_reader_of_imports_reads_groups_and_paths() {
    let code = "use crate::{check::{self, Dates}, diagnostic::Lang, tr};\n\
                let x = crate::limits::PARALLEL_FILE_BYTES;";
    let names: Vec<String> = named(code).into_iter().collect();
    assert_eq!(names, ["check", "diagnostic", "limits", "tr"]);
    assert_eq!(
        without_comments("a // crate::x\n/// crate::y\nb"),
        "a \n\nb"
    );
}

/// What may write to standard output or error: the commands, the reports
/// and the crate root. Everything else (the whole checking core among it)
/// returns what it has to say as values.
const MAY_PRINT: &[&str] = &["commands", "report", "lib"];

/// The ways Rust code writes to standard output or error.
const PRINTING: &[&str] = &[
    "eprintln!",
    "eprint!",
    "println!",
    "print!",
    "dbg!",
    "stdout()",
    "stderr()",
];

#[test]
fn nothing_below_the_front_ends_prints() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut printing = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let module = first.to_string_lossy();
        let module = match module.trim_end_matches(".rs") {
            "main" | "lib" => "lib",
            other => other,
        };
        if MAY_PRINT.contains(&module) {
            continue;
        }
        let code = without_comments(&std::fs::read_to_string(file).unwrap());
        for (number, line) in code.lines().enumerate() {
            // The longest first: `eprintln!` is not also `print!`.
            if let Some(way) = PRINTING.iter().find(|w| line.contains(*w)) {
                printing.push(format!("{}:{}: {way}", relative.display(), number + 1));
            }
        }
    }
    assert!(printing.is_empty(), "{}", printing.join("\n"));
}
