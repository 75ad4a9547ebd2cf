//! rectlint as a library, the way an editor uses it: a plan checked from
//! memory ([`rectlint::check_text`]), its evidence looked up in an
//! in-memory tree instead of the disk, and its findings placed in lines and
//! UTF-16 columns.

use std::path::Path;
use std::sync::Arc;

use rectlint::check::files::InMemory;
use rectlint::check::{Dates, FileInfo};
use rectlint::config::Profile;
use rectlint::diagnostic::Diagnostic;
use rectlint::span::{LineCol, LineIndex, Unit};
use rectlint::{Checked, check_bytes, check_text};

/// A repository that is nowhere on this disk: everything under it is
/// known only to the in-memory tree.
const ROOT: &str = "/nowhere-rectlint-in-memory/repo";
const PLAN_PATH: &str = "/nowhere-rectlint-in-memory/repo/plans/plan.rect";

/// A plan with an evidence path on line 13 (column 13) and, in a milestone,
/// on line 19 (column 15).
const PLAN: &str = "方案 测试方案 {
  被巡察单位：某局
  巡察组：市委第一巡察组
  反馈日期：2024-07-26
  第一责任人：张伟
  人员 {
    张伟：党委书记、局长
  }
  问题 A1 制度不健全 {
    措施 A1.1 制定制度 {
      状态：已完成 2024-09-15
      佐证：台账 evidence/A1.1/台账.xlsx
      佐证：报告 evidence/A1.1/整改报告.docx
    }
    措施 A1.2 执行制度 {
      状态：推进中
      节点 {
        日期：2024-08-31
        内容：完成宣传
        佐证：照片 shared/照片/001.jpg
      }
    }
  }
}
";

fn dates() -> Dates {
    Dates {
        as_of: None,
        today: Some(jiff::civil::date(2025, 4, 27)),
    }
}

fn profile() -> Profile {
    Profile::shipped("xuncha").unwrap()
}

/// The plan at `PLAN_PATH`, its evidence looked up in `tree` (which holds
/// the plan, and so its folder and the repository root).
fn in_tree(tree: InMemory) -> FileInfo {
    assert!(!Path::new(ROOT).exists(), "{ROOT} is to be nowhere on disk");
    FileInfo {
        path: Some(PLAN_PATH.into()),
        root: Some(ROOT.into()),
        files: Some(Arc::new(tree.file(PLAN_PATH))),
    }
}

/// The findings of `codes`: code, line, column (in characters) and the
/// English message.
fn found(checked: &Checked, codes: &[&str]) -> Vec<(String, usize, usize, String)> {
    let index = LineIndex::new(&checked.text);
    checked
        .diagnostics
        .iter()
        .filter(|d| codes.contains(&d.code.as_str()))
        .map(|d: &Diagnostic| {
            let at = index.line_col(&checked.text, d.primary.span.start());
            (d.code.to_string(), at.line, at.column, d.message.en.clone())
        })
        .collect()
}

#[test]
fn evidence_in_the_tree_is_found_and_what_is_missing_from_it_is_reported() {
    let tree = InMemory::new()
        .file(format!("{ROOT}/plans/evidence/A1.1/台账.xlsx"))
        .file(format!("{ROOT}/plans/shared/照片/001.jpg"));
    let checked = check_text(PLAN, &profile(), dates(), &in_tree(tree));
    assert_eq!(
        found(&checked, &["E003", "E004"]),
        [(
            "E003".to_owned(),
            13,
            13,
            "the evidence path `evidence/A1.1/整改报告.docx` does not exist".to_owned()
        )]
    );

    // An empty tree has none of them, the disk has none of them either: all
    // three reported, in place.
    let checked = check_text(PLAN, &profile(), dates(), &in_tree(InMemory::new()));
    let places: Vec<_> = found(&checked, &["E003", "E004"])
        .into_iter()
        .map(|(code, line, column, _)| (code, line, column))
        .collect();
    assert_eq!(
        places,
        [
            ("E003".to_owned(), 12, 13),
            ("E003".to_owned(), 13, 13),
            ("E003".to_owned(), 20, 15),
        ]
    );
}

#[test]
fn the_tree_is_asked_and_not_the_disk() {
    // The same plan on disk, under its real folder, with every evidence
    // file there: the in-memory tree, empty, still misses them all.
    let dir = tempfile::tempdir().unwrap();
    let root = std::fs::canonicalize(dir.path()).unwrap();
    for file in [
        "plans/evidence/A1.1/台账.xlsx",
        "plans/evidence/A1.1/整改报告.docx",
        "plans/shared/照片/001.jpg",
    ] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "").unwrap();
    }
    let on_disk = FileInfo {
        path: Some(root.join("plans/plan.rect")),
        root: Some(root.clone()),
        files: None,
    };
    let checked = check_text(PLAN, &profile(), dates(), &on_disk);
    assert_eq!(found(&checked, &["E003", "E004"]), []);
    let in_memory = FileInfo {
        files: Some(Arc::new(InMemory::new().file(root.join("plans/plan.rect")))),
        ..on_disk
    };
    let checked = check_text(PLAN, &profile(), dates(), &in_memory);
    assert_eq!(found(&checked, &["E003"]).len(), 3);
}

#[test]
fn links_of_the_tree_lead_evidence_out_of_the_repository() {
    let tree = InMemory::new()
        .file(format!("{ROOT}/plans/evidence/A1.1/台账.xlsx"))
        // A link inside the repository, relative, to a folder inside it.
        .file(format!("{ROOT}/archive/A1.1/整改报告.docx"))
        .link(
            format!("{ROOT}/plans/evidence/A1.1/整改报告.docx"),
            "../../../archive/A1.1/整改报告.docx",
        )
        // A link to a folder outside it; the file under it does not even
        // exist, and is outside all the same (E004, not E003).
        .folder("/srv/photos")
        .link(format!("{ROOT}/plans/shared"), "/srv/photos");
    let checked = check_text(PLAN, &profile(), dates(), &in_tree(tree));
    assert_eq!(
        found(&checked, &["E003", "E004"]),
        [(
            "E004".to_owned(),
            20,
            15,
            "the evidence path `shared/照片/001.jpg` leads out of the repository through a symbolic link"
                .to_owned()
        )]
    );
}

#[test]
fn a_path_through_a_file_of_the_tree_cannot_be_reached() {
    let plan = PLAN.replace(
        "evidence/A1.1/整改报告.docx",
        "evidence/A1.1/台账.xlsx/整改报告.docx",
    );
    let tree = InMemory::new()
        .file(format!("{ROOT}/plans/evidence/A1.1/台账.xlsx"))
        .file(format!("{ROOT}/plans/shared/照片/001.jpg"));
    let checked = check_text(&plan, &profile(), dates(), &in_tree(tree));
    let found = found(&checked, &["E003", "E004"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].1, found[0].2), (13, 13));
    assert!(
        found[0].3.contains("does not exist or cannot be reached"),
        "{found:?}"
    );
}

/// A plan read from no file has its evidence left unjudged, whatever the
/// tree holds.
#[test]
fn a_plan_with_no_path_has_its_evidence_unjudged() {
    let file = FileInfo {
        files: Some(Arc::new(InMemory::new())),
        ..FileInfo::default()
    };
    let checked = check_text(PLAN, &profile(), dates(), &file);
    assert_eq!(found(&checked, &["E003", "E004"]), []);
}

/// The text and the bytes it is written as are found the same things; a
/// lone `\r` breaks a line in both, and comes back as `\n`.
#[test]
fn a_text_is_found_what_its_bytes_are() {
    let file = in_tree(InMemory::new());
    for text in [
        PLAN.to_owned(),
        PLAN.replace('\n', "\r\n"),
        PLAN.replace('\n', "\r"),
    ] {
        let as_text = check_text(&text, &profile(), dates(), &file);
        let as_bytes = check_bytes(text.as_bytes(), &profile(), dates(), &file);
        assert_eq!(as_text.text, as_bytes.text);
        assert_eq!(as_text.diagnostics, as_bytes.diagnostics);
        assert!(!as_text.diagnostics.is_empty());
        assert!(!as_text.text.contains('\r') || text.contains("\r\n"));
    }
}

/// A finding over characters beyond the Basic Multilingual Plane, on a line
/// ending in `\r\n`: in UTF-16 units they count twice, and the line and
/// column lead back to the span.
#[test]
fn findings_are_placed_in_utf16_columns() {
    let plan = PLAN
        .replace("制定制度 {\n", "制定制度 {\r\n")
        .replace("evidence/A1.1/台账.xlsx\n", "evidence/𠀀😀/台账.xlsx\r\n");
    let file = in_tree(InMemory::new());
    let checked = check_text(&plan, &profile(), dates(), &file);
    let first = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "E003")
        .expect("an E003");
    let text = &checked.text;
    let index = LineIndex::new(text);
    let span = first.primary.span;
    assert_eq!(&text[span.range()], "evidence/𠀀😀/台账.xlsx");
    let utf16 = index.range_in(text, span, Unit::Utf16);
    let chars = index.range_in(text, span, Unit::Char);
    assert_eq!(
        utf16,
        (
            LineCol {
                line: 12,
                column: 13
            },
            LineCol {
                line: 12,
                column: 13 + 21
            }
        )
    );
    assert_eq!(
        chars,
        (
            LineCol {
                line: 12,
                column: 13
            },
            LineCol {
                line: 12,
                column: 13 + 19
            }
        )
    );
    for (unit, (start, end)) in [(Unit::Utf16, utf16), (Unit::Char, chars)] {
        assert_eq!(index.offset_at(text, start, unit), span.start());
        assert_eq!(index.offset_at(text, end, unit), span.end());
    }
    // The end of the line, as an editor may send it: before its `\r\n`.
    let past = LineCol {
        line: 12,
        column: 99,
    };
    assert_eq!(index.offset_at(text, past, Unit::Utf16), span.end());
}

proptest::proptest! {
    /// Any text is checked, even one that as bytes would be no text at all
    /// (a NUL): an editor's buffer may hold anything.
    #[test]
    fn any_text_is_checked(
        text in "[方案问题措施佐证：{}\n\r\0\u{feff}𠀀a-z0-9 ./-]{0,120}",
    ) {
        let file = in_tree(InMemory::new());
        let checked = check_text(&text, &profile(), dates(), &file);
        proptest::prop_assert_eq!(checked.text.len(), text.len());
        for d in &checked.diagnostics {
            proptest::prop_assert!(d.primary.span.end() <= text.len());
        }
    }
}
