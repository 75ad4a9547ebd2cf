//! The block tree turned into the typed model: one function per block kind,
//! fields read with their value readers, unknown keys (P003), misplaced
//! blocks (P001) and repeated fields (P005) reported on the way.

use std::borrow::Cow;

use rayon::prelude::*;

use super::fast;
use super::keywords::{BlockKind, KEYWORDS, Keyword};
use super::lines::{Entry, Line, LineKind, ValueForm, value_text};
use super::tree::{Block, Node, Tree};
use super::values::{Reader, ValueText};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Lang};
use crate::model::{
    Category, Department, Field, Header, Issue, Measure, Milestone, Person, Plan, Spanned, Str,
};
use crate::problem::{BlockHome, Named, ReadProblem};
use crate::span::Span;
use crate::{suggest, tr};

/// Turns a tree into a plan, reporting what does not fit.
pub(crate) struct Lowerer<'a, 'd> {
    text: &'a str,
    lines: &'a [Line],
    tree: &'a Tree,
    reader: Reader<'d>,
}

/// The single-valued fields seen so far in one block: the key of each, by
/// keyword (an array, not a map: one is made for every block).
struct Seen([Option<Span>; KEYWORD_COUNT]);

impl Default for Seen {
    fn default() -> Self {
        Seen([None; KEYWORD_COUNT])
    }
}

/// Parts of a block read apart, by item index, each with the findings
/// reading it gave (`None` for the other items).
type ReadApart<T> = Vec<Option<(T, Vec<Diagnostic>)>>;

/// What of a large plan is read apart ([`Lowerer::apart`]), by item index of
/// the plan block.
#[derive(Default)]
struct Apart {
    issues: ReadApart<Issue>,
    categories: ReadApart<Category>,
    /// Each people or departments block, as a plan of its own.
    declarations: ReadApart<Plan>,
}

/// Add to `plan` what a people or departments block read apart declared.
fn declare(plan: &mut Plan, declared: Plan) {
    plan.people_blocks.extend(declared.people_blocks);
    plan.people.extend(declared.people);
    plan.department_blocks.extend(declared.department_blocks);
    plan.departments.extend(declared.departments);
}

/// How many keywords there are (`Date` is the last).
const KEYWORD_COUNT: usize = Keyword::Date as usize + 1;

impl<'a, 'd> Lowerer<'a, 'd> {
    pub fn new(
        text: &'a str,
        lines: &'a [Line],
        tree: &'a Tree,
        diagnostics: &'d mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            text,
            lines,
            tree,
            reader: Reader {
                feedback: None,
                diagnostics,
            },
        }
    }

    fn report(&mut self, diagnostic: Diagnostic) {
        self.reader.diagnostics.push(diagnostic);
    }

    fn slice(&self, span: Span) -> &'a str {
        &self.text[span.range()]
    }

    fn entry(&self, line: usize) -> Option<&'a Entry> {
        match &self.lines[line].kind {
            LineKind::Entry(e) => Some(e),
            _ => None,
        }
    }

    /// The entry's value, or `None` when it has none (an empty value counts
    /// as no value).
    fn value(&self, entry: &Entry) -> Option<ValueText<'a>> {
        let value = entry.value?;
        // Plain values are read where they stand in the file.
        let text = match value.form {
            ValueForm::Plain => Cow::Borrowed(self.slice(value.span)),
            _ => Cow::Owned(value_text(self.text, value)),
        };
        if fast::trim_ws(&text).is_empty() {
            return None;
        }
        Some(ValueText {
            text,
            span: value.span,
            exact: value.form == ValueForm::Plain,
            verbatim_quoted: value.form == ValueForm::Quoted
                && !self.slice(value.span).contains('\\'),
        })
    }

    // ───────────────────────── the top level ─────────────────────────

    /// Lower the whole file: exactly one plan block.
    pub fn file(&mut self) -> Option<Plan> {
        let tree = self.tree;
        let items = tree.top();
        let mut plan: Option<Plan> = None;
        let has_plan = items.iter().any(|&i| {
            matches!(tree.node(i), Node::Block(b) if self.keyword(b.line) == Some(Keyword::Plan))
        });
        for item in items.iter().map(|&i| tree.node(i)) {
            match item {
                Node::Block(block) if self.keyword(block.line) == Some(Keyword::Plan) => {
                    if let Some(first) = &plan {
                        let key = self.entry(block.line).map_or(block.span, |e| e.key);
                        let first = first.header.keyword_span;
                        self.report(
                            ReadProblem::SecondPlan
                                .at(key)
                                .with_secondary(first, tr!("第一个方案", "the first plan")),
                        );
                    } else {
                        plan = Some(self.plan(block));
                    }
                }
                other if has_plan => self.misplaced(other, BlockKind::Top),
                _ => {}
            }
        }
        if plan.is_none() {
            let at = items
                .first()
                .map_or(Span::point(0), |&i| self.item_key(tree.node(i)));
            self.report(ReadProblem::NoPlan.at(at));
        }
        plan
    }

    /// How many blocks of this keyword `block` holds (to size a vector:
    /// measures are large, and vectors grown by doubling waste a third).
    fn count_blocks(&self, block: &Block, keyword: Keyword) -> usize {
        self.tree
            .children(block)
            .filter(|i| matches!(i, Node::Block(b) if self.keyword(b.line) == Some(keyword)))
            .count()
    }

    fn keyword(&self, line: usize) -> Option<Keyword> {
        self.entry(line).and_then(|e| e.keyword)
    }

    fn item_key(&self, item: Node) -> Span {
        let line = match item {
            Node::Field(l) => l,
            Node::Block(b) => b.line,
        };
        self.entry(line).map_or(self.lines[line].span, |e| e.key)
    }

    fn header(&self, block: &Block) -> Header {
        let Some(entry) = self.entry(block.line) else {
            return Header::default();
        };
        let (id, title) = match self.value(entry) {
            Some(v) => Reader::header(&v),
            None => (None, None),
        };
        Header {
            span: entry.span(),
            keyword_span: entry.key,
            id,
            title,
        }
    }

    // ───────────────────────── misplaced and unknown ─────────────────────────

    /// Report an item that may not stand in a block of kind `parent`.
    fn misplaced(&mut self, item: Node, parent: BlockKind) {
        let (line, is_block) = match item {
            Node::Field(l) => (l, false),
            Node::Block(b) => (b.line, true),
        };
        let Some(entry) = self.entry(line) else {
            return;
        };
        let key = self.slice(entry.key).to_owned();
        let d = match entry.keyword {
            _ if parent == BlockKind::Top => ReadProblem::OutsidePlan { key }.at(entry.key),
            Some(kw) if is_block && kw.opens().is_some() => ReadProblem::MisplacedBlock {
                key,
                parent: named(parent),
                home: block_home(kw),
            }
            .at(entry.key),
            Some(kw) if is_block => ReadProblem::FieldAsBlock { key }
                .at(entry.key)
                .with_node(kw.spelling(false)),
            Some(kw) => ReadProblem::MisplacedKey {
                key,
                parent: named(parent),
                home: named(kw.home().unwrap_or(BlockKind::Plan)),
            }
            .at(entry.key),
            None => Self::unknown_key(key, entry.key, parent, is_block),
        };
        self.report(d);
    }

    fn unknown_key(key: String, span: Span, parent: BlockKind, is_block: bool) -> Diagnostic {
        let english = key.is_ascii();
        let guess = key_suggester(parent, is_block, english).closest(&key);
        let allowed = parent
            .allowed()
            .iter()
            .map(|k| Named {
                zh: k.spelling(false),
                en: k.spelling(true),
            })
            .collect();
        let unknown = ReadProblem::UnknownKey {
            key,
            block: is_block,
            guess,
            parent: named(parent),
            allowed,
        };
        let d = unknown.at(span);
        match guess {
            // Renaming a key may change what the line means: unsafe.
            Some(g) if !is_block => d.with_fix(Fix {
                applicability: Applicability::Unsafe,
                edits: vec![Edit {
                    span,
                    replacement: g.to_owned(),
                }],
            }),
            _ => d,
        }
    }

    /// Report a repeated single-valued field; true when it was seen before.
    fn repeated(&mut self, seen: &mut Seen, keyword: Keyword, key: Span) {
        if keyword.repeatable() {
            return;
        }
        if let Some(first) = seen.0[keyword as usize] {
            let name = self.slice(key).to_owned();
            self.report(
                ReadProblem::RepeatedField { key: name }
                    .at(key)
                    .with_secondary(first, tr!("第一次出现", "first given here")),
            );
        } else {
            seen.0[keyword as usize] = Some(key);
        }
    }

    /// Read a field: its value with `read`, its spans, P005 if repeated.
    fn field<T>(
        &mut self,
        seen: &mut Seen,
        line: usize,
        read: impl FnOnce(&mut Reader<'d>, &ValueText) -> Option<T>,
    ) -> Option<Field<T>> {
        let entry = self.entry(line)?;
        let value = self.value(entry)?;
        if let Some(kw) = entry.keyword {
            self.repeated(seen, kw, entry.key);
        }
        let parsed = read(&mut self.reader, &value);
        Some(Field {
            key_span: entry.key,
            value_span: value.span,
            value: parsed,
        })
    }

    /// Like [`Self::field`], keeping the earlier value when the new one is
    /// empty.
    fn set<T>(
        &mut self,
        slot: &mut Option<Field<T>>,
        seen: &mut Seen,
        line: usize,
        read: impl FnOnce(&mut Reader<'d>, &ValueText) -> Option<T>,
    ) {
        if let Some(f) = self.field(seen, line, read) {
            *slot = Some(f);
        }
    }

    /// [`Self::set`] for a field kept in a box.
    fn set_boxed<T>(
        &mut self,
        slot: &mut Option<Box<Field<T>>>,
        seen: &mut Seen,
        line: usize,
        read: impl FnOnce(&mut Reader<'d>, &ValueText) -> Option<T>,
    ) {
        if let Some(f) = self.field(seen, line, read) {
            *slot = Some(Box::new(f));
        }
    }

    // ───────────────────────── the plan ─────────────────────────

    fn plan(&mut self, block: &Block) -> Plan {
        let mut plan = Plan {
            span: block.span,
            header: self.header(block),
            ..Plan::default()
        };
        // The feedback date first: dates without a year follow it.
        let mut scratch = Seen::default();
        for item in self.tree.children(block) {
            if let Node::Field(line) = item
                && self.keyword(line) == Some(Keyword::Feedback)
                && let Some(f) = self.field(&mut scratch, line, |r, v| {
                    r.feedback = None;
                    r.date(v)
                })
                && let Some(d) = f.value
            {
                self.reader.feedback = Some(d.last);
            }
        }
        // Those reads reported their problems; read again quietly below.
        let mut seen = Seen::default();
        let mut apart = self.apart(block);
        for (i, item) in self.tree.children(block).enumerate() {
            match item {
                Node::Field(line) => self.plan_field(&mut plan, &mut seen, line),
                Node::Block(b) => match self.keyword(b.line) {
                    Some(Keyword::People | Keyword::Departments) => {
                        match self.take_apart(&mut apart.declarations, i) {
                            Some(declared) => declare(&mut plan, declared),
                            None => self.declarations(&mut plan, b),
                        }
                    }
                    Some(Keyword::Category) => {
                        let c = self
                            .take_apart(&mut apart.categories, i)
                            .unwrap_or_else(|| self.category(b));
                        plan.categories.push(c);
                    }
                    Some(Keyword::Issue) => {
                        let issue = self
                            .take_apart(&mut apart.issues, i)
                            .unwrap_or_else(|| self.issue(b));
                        plan.issues.push(issue);
                    }
                    _ => self.misplaced(item, BlockKind::Plan),
                },
            }
        }
        plan
    }

    fn plan_field(&mut self, plan: &mut Plan, seen: &mut Seen, line: usize) {
        let Some(entry) = self.entry(line) else {
            return;
        };
        match entry.keyword {
            Some(Keyword::Unit) => self.set(&mut plan.unit, seen, line, text),
            Some(Keyword::Inspector) => self.set(&mut plan.inspector, seen, line, text),
            Some(Keyword::Kind) => self.set(&mut plan.kind, seen, line, Reader::inspection_kind),
            Some(Keyword::Inspection) => {
                self.set(&mut plan.inspection, seen, line, Reader::date_range);
            }
            Some(Keyword::Feedback) => {
                // Read (and reported) before; read again without reporting.
                let mut quiet = Vec::new();
                let feedback = self.reader.feedback;
                let mut reader = Reader {
                    feedback,
                    diagnostics: &mut quiet,
                };
                if let Some(value) = self.value(entry) {
                    self.repeated(seen, Keyword::Feedback, entry.key);
                    plan.feedback = Some(Field {
                        key_span: entry.key,
                        value_span: value.span,
                        value: reader.date(&value),
                    });
                }
            }
            Some(Keyword::AsOf) => self.set(&mut plan.as_of, seen, line, Reader::date),
            Some(Keyword::Publication) => {
                self.set(&mut plan.publication, seen, line, Reader::date_range);
            }
            Some(Keyword::FirstResponsible) => {
                self.set(&mut plan.first_responsible, seen, line, Reader::person);
            }
            Some(Keyword::DeclaredIssues) => {
                self.set(&mut plan.declared_issues, seen, line, Reader::number);
            }
            Some(Keyword::DeclaredCategories) => {
                self.set(&mut plan.declared_categories, seen, line, Reader::number);
            }
            Some(Keyword::Departments) => {
                if let Some(value) = self.value(entry) {
                    plan.department_blocks.push(entry.span());
                    plan.departments.extend(
                        Reader::names(&value)
                            .into_iter()
                            .map(|name| Department { name }),
                    );
                }
            }
            _ => self.misplaced(Node::Field(line), BlockKind::Plan),
        }
    }

    /// A people or departments block.
    fn declarations(&mut self, plan: &mut Plan, block: &Block) {
        if self.keyword(block.line) == Some(Keyword::People) {
            self.people(plan, block);
        } else {
            self.departments(plan, block);
        }
    }

    /// `人员 { NAME：ROLE … }`
    fn people(&mut self, plan: &mut Plan, block: &Block) {
        plan.people_blocks.push(block.span);
        for item in self.tree.children(block) {
            match item {
                Node::Field(line) => {
                    let Some(entry) = self.entry(line) else {
                        continue;
                    };
                    plan.people.push(self.person(entry));
                }
                Node::Block(_) => self.nested_in_list(item, BlockKind::People),
            }
        }
    }

    /// One line of `人员`: `NAME：ROLE`. A name may hold spaces
    /// (`Lee Ming: Deputy Director`) when a colon follows it.
    fn person(&self, entry: &Entry) -> Person {
        let mut name = Spanned::new(Str::from(self.slice(entry.key)), entry.key);
        let mut role = self.value(entry);
        if entry.colon.is_none()
            && let Some(v) = role.as_ref().filter(|v| v.exact)
            && let Some(at) = v.text.find([':', '：'])
        {
            let head = v.text[..at].trim_end_matches([' ', '\t', '\u{3000}']);
            let name_end = v.span.start() + head.len();
            name = Spanned::new(
                Str::from(self.slice(Span::new(entry.key.start(), name_end))),
                Span::new(entry.key.start(), name_end),
            );
            let colon_len = v.text[at..].chars().next().map_or(1, char::len_utf8);
            let rest = &v.text[at + colon_len..];
            let skipped = rest.len() - rest.trim_start_matches([' ', '\t', '\u{3000}']).len();
            let start = v.span.start() + at + colon_len + skipped;
            role = (start < v.span.end()).then(|| ValueText {
                text: Cow::Borrowed(self.slice(Span::new(start, v.span.end()))),
                span: Span::new(start, v.span.end()),
                exact: true,
                verbatim_quoted: false,
            });
        }
        let posts = role
            .as_ref()
            .map(|v| Reader::names(v).into_iter().map(|s| s.value).collect())
            .unwrap_or_default();
        Person {
            span: entry.span(),
            name,
            role: role.map(|v| Spanned::new(v.text.trim().into(), v.span)),
            posts,
        }
    }

    /// `部门 { NAME、NAME … }`
    fn departments(&mut self, plan: &mut Plan, block: &Block) {
        plan.department_blocks.push(block.span);
        for item in self.tree.children(block) {
            match item {
                Node::Field(line) => {
                    let Some(entry) = self.entry(line) else {
                        continue;
                    };
                    let span = entry.span();
                    let value = ValueText {
                        text: Cow::Borrowed(self.slice(span)),
                        span,
                        exact: true,
                        verbatim_quoted: false,
                    };
                    plan.departments.extend(
                        Reader::names(&value)
                            .into_iter()
                            .map(|name| Department { name }),
                    );
                }
                Node::Block(_) => self.nested_in_list(item, BlockKind::Departments),
            }
        }
    }

    fn nested_in_list(&mut self, item: Node, parent: BlockKind) {
        let key = self.item_key(item);
        self.report(
            ReadProblem::BlockInList {
                list: named(parent),
            }
            .at(key),
        );
    }

    // ───────────────────────── categories and issues ─────────────────────────

    fn category(&mut self, block: &Block) -> Category {
        let mut category = Category {
            span: block.span,
            header: self.header(block),
            issues: Vec::with_capacity(self.count_blocks(block, Keyword::Issue)),
        };
        let mut apart = if self.text.len() < crate::limits::PARALLEL_FILE_BYTES {
            Vec::new()
        } else {
            self.issues_apart(block)
        };
        for (i, item) in self.tree.children(block).enumerate() {
            match item {
                Node::Block(b) if self.keyword(b.line) == Some(Keyword::Issue) => {
                    let issue = self
                        .take_apart(&mut apart, i)
                        .unwrap_or_else(|| self.issue(b));
                    category.issues.push(issue);
                }
                other => self.misplaced(other, BlockKind::Category),
            }
        }
        category
    }

    /// What of a large file's plan `block` is read apart, on every core:
    /// its issues and its categories (their issues read apart in turn), and
    /// meanwhile, one after another, its people and departments blocks. Each
    /// part comes with the findings reading it gave, and is taken in the
    /// items' order ([`Self::take_apart`]), so that the findings come as if
    /// the plan had been read item by item. Empty for smaller files.
    fn apart(&self, block: &Block) -> Apart {
        if self.text.len() < crate::limits::PARALLEL_FILE_BYTES {
            return Apart::default();
        }
        let tree = self.tree;
        let items = tree.items(block);
        let ((issues, categories), declarations) = rayon::join(
            || {
                rayon::join(
                    || self.issues_apart(block),
                    || {
                        items
                            .par_iter()
                            .with_max_len(1)
                            .map(|&item| match tree.node(item) {
                                Node::Block(b)
                                    if self.keyword(b.line) == Some(Keyword::Category) =>
                                {
                                    let mut found = Vec::new();
                                    let category = self.apart_lowerer(&mut found).category(b);
                                    Some((category, found))
                                }
                                _ => None,
                            })
                            .collect()
                    },
                )
            },
            || {
                items
                    .iter()
                    .map(|&item| match tree.node(item) {
                        Node::Block(b) => self.declarations_apart(b),
                        Node::Field(_) => None,
                    })
                    .collect()
            },
        );
        Apart {
            issues,
            categories,
            declarations,
        }
    }

    /// A fresh lowerer for one part read apart, reporting into `found`.
    fn apart_lowerer<'f>(&self, found: &'f mut Vec<Diagnostic>) -> Lowerer<'a, 'f> {
        let mut lowerer = Lowerer::new(self.text, self.lines, self.tree, found);
        lowerer.reader.feedback = self.reader.feedback;
        lowerer
    }

    /// The issues among `block`'s items, read apart on every core, each with
    /// the findings reading it gave.
    fn issues_apart(&self, block: &Block) -> ReadApart<Issue> {
        let tree = self.tree;
        tree.items(block)
            .par_iter()
            .map(|&item| {
                let Node::Block(block) = tree.node(item) else {
                    return None;
                };
                if self.keyword(block.line) != Some(Keyword::Issue) {
                    return None;
                }
                let mut found = Vec::new();
                let issue = self.apart_lowerer(&mut found).issue(block);
                Some((issue, found))
            })
            .collect()
    }

    /// A people or departments block read apart into a plan of its own,
    /// with the findings reading it gave.
    fn declarations_apart(&self, block: &Block) -> Option<(Plan, Vec<Diagnostic>)> {
        if !matches!(
            self.keyword(block.line),
            Some(Keyword::People | Keyword::Departments)
        ) {
            return None;
        }
        let mut found = Vec::new();
        let mut declared = Plan::default();
        self.apart_lowerer(&mut found)
            .declarations(&mut declared, block);
        Some((declared, found))
    }

    /// The part of item `index` read apart, its findings now reported; `None`
    /// when it was not read apart.
    fn take_apart<T>(
        &mut self,
        apart: &mut [Option<(T, Vec<Diagnostic>)>],
        index: usize,
    ) -> Option<T> {
        let (part, found) = apart.get_mut(index).and_then(Option::take)?;
        self.reader.diagnostics.extend(found);
        Some(part)
    }

    fn issue(&mut self, block: &Block) -> Issue {
        let mut issue = Issue {
            span: block.span,
            header: self.header(block),
            content: None,
            cause: None,
            source: None,
            issues: Vec::new(),
            measures: Vec::with_capacity(self.count_blocks(block, Keyword::Measure)),
        };
        let mut seen = Seen::default();
        for item in self.tree.children(block) {
            match item {
                Node::Field(line) => match self.keyword(line) {
                    Some(Keyword::Content) => self.set(&mut issue.content, &mut seen, line, text),
                    Some(Keyword::Cause) => self.set(&mut issue.cause, &mut seen, line, text),
                    Some(Keyword::Source) => self.set(&mut issue.source, &mut seen, line, text),
                    _ => self.misplaced(item, BlockKind::Issue),
                },
                Node::Block(b) => match self.keyword(b.line) {
                    Some(Keyword::Issue) => {
                        let sub = self.issue(b);
                        issue.issues.push(sub);
                    }
                    Some(Keyword::Measure) => {
                        let m = self.measure(b);
                        issue.measures.push(m);
                    }
                    _ => self.misplaced(item, BlockKind::Issue),
                },
            }
        }
        issue
    }

    // ───────────────────────── measures and milestones ─────────────────────────

    fn measure(&mut self, block: &Block) -> Measure {
        let mut m = Measure {
            span: block.span,
            header: self.header(block),
            content: None,
            leaders: None,
            departments: None,
            assisting: None,
            assignees: None,
            deadline: None,
            target: None,
            status: None,
            completed: None,
            evidence: Vec::new(),
            verified: None,
            extensions: Vec::new(),
            reason: None,
            approved: None,
            review: None,
            milestones: Vec::new(),
            note: None,
        };
        let mut seen = Seen::default();
        for item in self.tree.children(block) {
            let line = match item {
                Node::Field(line) => line,
                Node::Block(b) => {
                    if self.keyword(b.line) == Some(Keyword::Milestone) {
                        let ms = self.milestone_block(b);
                        push(&mut m.milestones, ms);
                    } else {
                        self.misplaced(item, BlockKind::Measure);
                    }
                    continue;
                }
            };
            let s = &mut seen;
            match self.keyword(line) {
                Some(Keyword::Content) => self.set(&mut m.content, s, line, text),
                Some(Keyword::Leader) => {
                    self.set(&mut m.leaders, s, line, |_, v| Some(Reader::persons(v)));
                }
                Some(Keyword::Department) => {
                    self.set(&mut m.departments, s, line, |_, v| Some(Reader::names(v)));
                }
                Some(Keyword::Assist) => {
                    self.set(&mut m.assisting, s, line, |_, v| Some(Reader::names(v)));
                }
                Some(Keyword::Assignee) => {
                    self.set(&mut m.assignees, s, line, |_, v| Some(Reader::persons(v)));
                }
                Some(Keyword::Deadline) => self.set(&mut m.deadline, s, line, Reader::deadline),
                Some(Keyword::Target) => self.set(&mut m.target, s, line, text),
                Some(Keyword::Status) => self.set(&mut m.status, s, line, Reader::status),
                Some(Keyword::Completed) => self.set_boxed(&mut m.completed, s, line, Reader::date),
                Some(Keyword::Evidence) => {
                    if let Some(f) = self.field(s, line, Reader::evidence) {
                        push(&mut m.evidence, f);
                    }
                }
                Some(Keyword::Verified) => {
                    self.set_boxed(&mut m.verified, s, line, Reader::who_date);
                }
                Some(Keyword::Extension) => {
                    if let Some(f) = self.field(s, line, Reader::extension) {
                        push(&mut m.extensions, f);
                    }
                }
                Some(Keyword::Reason) => self.set_boxed(&mut m.reason, s, line, text),
                Some(Keyword::Approved) => {
                    self.set_boxed(&mut m.approved, s, line, Reader::who_date);
                }
                Some(Keyword::Review) => self.set_boxed(&mut m.review, s, line, Reader::review),
                Some(Keyword::Note) => self.set_boxed(&mut m.note, s, line, text),
                Some(Keyword::Milestone) => {
                    let span = self.lines[line].span;
                    let span = Span::new(self.lines[line].indent.end(), span.end());
                    // An unreadable milestone (P004) still counts as one, so
                    // that "no milestone" is not reported on top.
                    if let Some(field) = self.field(s, line, |r, v| r.milestone(v, span)) {
                        let milestone = field.value.unwrap_or(Milestone {
                            span,
                            block: false,
                            date: None,
                            content: None,
                            status: None,
                            evidence: Vec::new(),
                        });
                        push(&mut m.milestones, milestone);
                    }
                }
                _ => self.misplaced(item, BlockKind::Measure),
            }
        }
        m
    }

    /// `节点 { 日期：… 内容：… 状态：… 佐证：… }`
    fn milestone_block(&mut self, block: &Block) -> Milestone {
        let mut ms = Milestone {
            span: block.span,
            block: true,
            date: None,
            content: None,
            status: None,
            evidence: Vec::new(),
        };
        let mut seen = Seen::default();
        for item in self.tree.children(block) {
            let Node::Field(line) = item else {
                self.misplaced(item, BlockKind::Milestone);
                continue;
            };
            match self.keyword(line) {
                Some(Keyword::Date) => {
                    if let Some(d) = spanned(self.field(&mut seen, line, Reader::date)) {
                        ms.date = Some(d);
                    }
                }
                Some(Keyword::Content) => {
                    if let Some(c) = spanned(self.field(&mut seen, line, text)) {
                        ms.content = Some(c);
                    }
                }
                Some(Keyword::Status) => {
                    let f = self.field(&mut seen, line, Reader::status);
                    if let Some(s) = spanned(f) {
                        ms.status = Some(Spanned::new(s.value.status, s.span));
                    }
                }
                Some(Keyword::Evidence) => {
                    if let Some(f) = self.field(&mut seen, line, Reader::evidence) {
                        push(&mut ms.evidence, f);
                    }
                }
                _ => self.misplaced(item, BlockKind::Milestone),
            }
        }
        ms
    }
}

/// Push onto a vector that mostly holds one item: the first push makes room
/// for one, not the four a vector grows to (a large plan has thousands).
pub(super) fn push<T>(items: &mut Vec<T>, item: T) {
    if items.capacity() == 0 {
        items.reserve_exact(1);
    }
    items.push(item);
}

/// A field's value with the value's span, if it has a readable value.
fn spanned<T>(field: Option<Field<T>>) -> Option<Spanned<T>> {
    let field = field?;
    Some(Spanned::new(field.value?, field.value_span))
}

/// A text field: the value as written, trimmed unless it was quoted.
#[allow(clippy::unnecessary_wraps)]
fn text(_: &mut Reader, value: &ValueText) -> Option<Str> {
    // Quoted text (the only kind that is not `exact`) keeps its spaces.
    if value.exact {
        Some(fast::trim_ws(&value.text).into())
    } else {
        Some(Str::from(value.text.as_ref()))
    }
}

/// The did-you-mean for an unknown key in a block of kind `parent`: the
/// keys allowed there (blocks only, for a block), in English or Chinese
/// spellings. Made once for each, as a file may misspell a key thousands of
/// times.
fn key_suggester(
    parent: BlockKind,
    is_block: bool,
    english: bool,
) -> &'static suggest::Suggester<'static> {
    const KINDS: usize = BlockKind::Milestone as usize + 1;
    static MADE: [std::sync::OnceLock<suggest::Suggester<'static>>; KINDS * 4] =
        [const { std::sync::OnceLock::new() }; KINDS * 4];
    let slot = parent as usize * 4 + usize::from(is_block) * 2 + usize::from(english);
    MADE[slot].get_or_init(|| {
        let allowed = parent.allowed();
        suggest::Suggester::new(
            KEYWORDS
                .iter()
                .filter(|s| allowed.contains(&s.keyword))
                .filter(|s| !is_block || s.keyword.opens().is_some())
                .flat_map(|s| {
                    if english {
                        std::slice::from_ref(&s.english)
                    } else {
                        s.chinese
                    }
                })
                .copied(),
        )
    })
}

/// A kind of block as messages name it.
fn named(kind: BlockKind) -> Named {
    Named {
        zh: kind.name(Lang::Zh),
        en: kind.name(Lang::En),
    }
}

/// Where a block of keyword `kw` belongs.
fn block_home(kw: Keyword) -> BlockHome {
    match kw {
        Keyword::Plan => BlockHome::TopLevel,
        Keyword::Measure => BlockHome::Issue,
        Keyword::Milestone => BlockHome::Measure,
        Keyword::Issue => BlockHome::IssueParent,
        _ => BlockHome::Plan,
    }
}
