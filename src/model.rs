//! The typed model of a plan. Every node keeps the byte span it was read
//! from, so that every diagnostic can point at the exact key, value or
//! header it is about. Nothing here knows about pest.

use jiff::civil::Date;
use serde::Serialize;

use crate::code::Code;

pub use crate::span::{Span, Spanned};

/// The text of a value in the model: names, IDs and short values (up to 24
/// bytes: eight Chinese characters) are held inline, without an allocation
/// of their own; a large plan has tens of thousands of them.
pub type Str = compact_str::CompactString;

/// The names of a field (`责任领导`, `责任部门`, …): mostly one, held inline.
pub type Names<T> = smallvec::SmallVec<[T; 1]>;

/// A field as written: `KEY[:] VALUE`.
///
/// `value` is `None` when the value could not be read; the reader has then
/// reported why (P004), and rules about the value stay quiet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field<T> {
    pub key_span: Span,
    pub value_span: Span,
    pub value: Option<T>,
}

impl<T> Field<T> {
    /// The whole entry, key to value.
    pub fn span(&self) -> Span {
        self.key_span.join(self.value_span)
    }

    /// The value, if it could be read.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref()
    }
}

/// The header line of a block: `KEYWORD [ID] [TITLE] {`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    /// The header line, keyword to brace.
    pub span: Span,
    pub keyword_span: Span,
    pub id: Option<Spanned<Str>>,
    pub title: Option<Spanned<Str>>,
}

impl Header {
    /// The ID, if the header has one.
    pub fn id(&self) -> Option<&str> {
        self.id.as_ref().map(|id| id.value.as_str())
    }

    /// The title, if the header has one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_ref().map(|t| t.value.as_str())
    }
}

/// The whole plan: one per file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub span: Span,
    pub header: Header,
    /// `被巡察单位`: the inspected unit.
    pub unit: Option<Field<Str>>,
    /// `巡察组`: who inspected.
    pub inspector: Option<Field<Str>>,
    /// `类型`: the kind of inspection.
    pub kind: Option<Field<InspectionKind>>,
    /// `巡察期间`: when the inspectors were on site.
    pub inspection: Option<Field<DateRange>>,
    /// `反馈日期`: when the inspectors reported their findings.
    pub feedback: Option<Field<DateSpec>>,
    /// `报告日期`: the date this plan's progress is reported as of.
    pub as_of: Option<Field<DateSpec>>,
    /// `公开期限`: when the plan or report is published for comment.
    pub publication: Option<Field<DateRange>>,
    /// `第一责任人`: the leader answerable for the whole rectification.
    pub first_responsible: Option<Field<PersonRef>>,
    /// `问题数`: the number of issues the plan says it answers.
    pub declared_issues: Option<Field<u32>>,
    /// `类别数`: the number of categories the plan says it has.
    pub declared_categories: Option<Field<u32>>,
    /// Persons declared under `人员`.
    pub people: Vec<Person>,
    /// Departments declared under `部门`.
    pub departments: Vec<Department>,
    /// The `人员` and `部门` blocks, for diagnostics that point at them.
    pub people_blocks: Vec<Span>,
    pub department_blocks: Vec<Span>,
    pub categories: Vec<Category>,
    /// Issues written directly in the plan, outside any category.
    pub issues: Vec<Issue>,
    /// The declared people and departments by name, built at the first
    /// look-up (rules look up every name of every measure).
    #[serde(skip)]
    pub directory: Directory,
}

/// Indexes of a plan's declared names: what [`Plan::person`],
/// [`Plan::resolve_person`] and [`Plan::has_department`] would find by
/// going through the lists. Derived data: it compares equal to any other, and
/// a clone starts empty.
#[derive(Default)]
pub struct Directory(std::sync::OnceLock<DirectoryIndex>);

#[derive(Default)]
struct DirectoryIndex {
    /// The first person of each name.
    by_name: rustc_hash::FxHashMap<Str, usize>,
    /// The people holding each post, in order.
    by_post: rustc_hash::FxHashMap<Str, Vec<usize>>,
    departments: rustc_hash::FxHashSet<Str>,
}

impl Directory {
    fn get(&self, plan: &Plan) -> &DirectoryIndex {
        self.0.get_or_init(|| {
            let mut index = DirectoryIndex::default();
            for (i, person) in plan.people.iter().enumerate() {
                index.by_name.entry(person.name.value.clone()).or_insert(i);
                for post in &person.posts {
                    let holders = index.by_post.entry(post.clone()).or_default();
                    if holders.last() != Some(&i) {
                        holders.push(i);
                    }
                }
            }
            index.departments = plan
                .departments
                .iter()
                .map(|d| d.name.value.clone())
                .collect();
            index
        })
    }
}

impl Clone for Directory {
    fn clone(&self) -> Self {
        Directory::default()
    }
}

impl PartialEq for Directory {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Directory {}

impl std::fmt::Debug for Directory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Directory")
    }
}

impl Plan {
    /// Every issue of the plan, at every depth, categories first, in order.
    pub fn all_issues(&self) -> Vec<&Issue> {
        let mut out = Vec::new();
        for issue in self
            .categories
            .iter()
            .flat_map(|c| &c.issues)
            .chain(&self.issues)
        {
            issue.collect(&mut out);
        }
        out
    }

    /// Every measure with the issue it belongs to, in source order.
    pub fn all_measures(&self) -> Vec<(&Issue, &Measure)> {
        let mut out: Vec<(&Issue, &Measure)> = self
            .all_issues()
            .into_iter()
            .flat_map(|issue| issue.measures.iter().map(move |m| (issue, m)))
            .collect();
        out.sort_by_key(|(_, m)| m.span.start());
        out
    }

    /// The top-level issues (directly under the plan or a category).
    pub fn top_issues(&self) -> impl Iterator<Item = &Issue> {
        self.categories
            .iter()
            .flat_map(|c| &c.issues)
            .chain(&self.issues)
    }

    /// The declared person of that name, if any.
    pub fn person(&self, name: &str) -> Option<&Person> {
        let index = self.directory.get(self);
        index.by_name.get(name).map(|&i| &self.people[i])
    }

    /// Who a name in a field refers to: a declared name, or a post that
    /// exactly one declared person holds (LANGUAGE.md §4).
    pub fn resolve_person(&self, reference: &PersonRef) -> PersonMatch<'_> {
        let index = self.directory.get(self);
        let name = reference.name.value.as_str();
        if let Some(&i) = index.by_name.get(name) {
            return PersonMatch::Declared(&self.people[i]);
        }
        match index.by_post.get(name).map(Vec::as_slice) {
            Some(&[one]) => PersonMatch::Declared(&self.people[one]),
            None | Some([]) => PersonMatch::Unknown,
            Some(holders) => {
                PersonMatch::Ambiguous(holders.iter().map(|&i| &self.people[i]).collect())
            }
        }
    }

    /// The index in [`Plan::people`] of the person a name refers to, when
    /// [`Plan::resolve_person`] finds one declared person.
    pub fn declared_index(&self, reference: &PersonRef) -> Option<usize> {
        let index = self.directory.get(self);
        let name = reference.name.value.as_str();
        if let Some(&i) = index.by_name.get(name) {
            return Some(i);
        }
        match index.by_post.get(name).map(Vec::as_slice) {
            Some(&[one]) => Some(one),
            _ => None,
        }
    }

    /// Whether a department of that name is declared.
    pub fn has_department(&self, name: &str) -> bool {
        self.directory.get(self).departments.contains(name)
    }
}

/// What a person named in a field refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonMatch<'a> {
    /// A declared person, by name or by a post only they hold.
    Declared(&'a Person),
    /// A post several declared persons hold.
    Ambiguous(Vec<&'a Person>),
    /// Nobody declared.
    Unknown,
}

/// The kind of inspection the plan answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InspectionKind {
    /// 巡视
    Xunshi,
    /// 巡察
    Xuncha,
    /// 审计
    Audit,
    /// 督查
    Supervision,
    /// 其他
    Other,
}

/// A person declared under `人员`: `NAME：ROLE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Person {
    pub span: Span,
    pub name: Spanned<Str>,
    pub role: Option<Spanned<Str>>,
    /// The posts of the role, split at list separators
    /// (`分局党委书记、局长` → `分局党委书记`, `局长`).
    pub posts: Vec<Str>,
}

/// A department declared under `部门`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Department {
    pub name: Spanned<Str>,
}

/// A person as named in a field: `李明` or `李明（副局长）`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonRef {
    /// The name as written, without the note.
    pub name: Spanned<Str>,
    /// A note in parentheses after the name, ignored for matching.
    pub note: Option<Str>,
}

/// A category (`方面`) grouping issues.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Category {
    pub span: Span,
    pub header: Header,
    pub issues: Vec<Issue>,
}

/// An issue (`问题`) the inspectors reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub span: Span,
    pub header: Header,
    /// `内容`: the issue's text when the header has no title.
    pub content: Option<Field<Str>>,
    /// `原因`: the root cause.
    pub cause: Option<Field<Str>>,
    /// `来源`: where in the feedback it comes from.
    pub source: Option<Field<Str>>,
    pub issues: Vec<Issue>,
    pub measures: Vec<Measure>,
}

impl Issue {
    fn collect<'a>(&'a self, out: &mut Vec<&'a Issue>) {
        out.push(self);
        for sub in &self.issues {
            sub.collect(out);
        }
    }

    /// The issue's text: its title, else its `内容`.
    pub fn text(&self) -> Option<&str> {
        self.header
            .title()
            .or_else(|| self.content.as_ref().and_then(|c| c.get()).map(Str::as_str))
    }
}

/// A measure (`措施`) that fixes an issue. The fields most measures lack
/// are boxed: a large plan has ten thousand measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Measure {
    pub span: Span,
    pub header: Header,
    /// `内容`: the measure's text when the header has no title.
    pub content: Option<Field<Str>>,
    /// `责任领导`
    pub leaders: Option<Field<Names<PersonRef>>>,
    /// `责任部门`
    pub departments: Option<Field<Names<Spanned<Str>>>>,
    /// `配合部门`
    pub assisting: Option<Field<Names<Spanned<Str>>>>,
    /// `责任人`
    pub assignees: Option<Field<Names<PersonRef>>>,
    /// `时限`
    pub deadline: Option<Field<Deadline>>,
    /// `目标`
    pub target: Option<Field<Str>>,
    /// `状态`
    pub status: Option<Field<StatusValue>>,
    /// `完成日期`
    pub completed: Option<Box<Field<DateSpec>>>,
    /// `佐证` (repeatable)
    pub evidence: Vec<Field<Evidence>>,
    /// `验收`
    pub verified: Option<Box<Field<WhoDate>>>,
    /// `延期` (repeatable: a deadline may move more than once)
    pub extensions: Vec<Field<Extension>>,
    /// `理由`
    pub reason: Option<Box<Field<Str>>>,
    /// `批准`
    pub approved: Option<Box<Field<WhoDate>>>,
    /// `回头看`
    pub review: Option<Box<Field<Review>>>,
    /// `节点`, one-line or block
    pub milestones: Vec<Milestone>,
    /// `备注`
    pub note: Option<Box<Field<Str>>>,
}

impl Measure {
    /// The measure's text: its title, else its `内容`.
    pub fn text(&self) -> Option<&str> {
        self.header
            .title()
            .or_else(|| self.content.as_ref().and_then(|c| c.get()).map(Str::as_str))
    }

    /// The status, if given and readable.
    pub fn status(&self) -> Option<Status> {
        self.status.as_ref().and_then(Field::get).map(|s| s.status)
    }

    /// The date it was completed: `完成日期`, else the date after `已完成`.
    pub fn completion_date(&self) -> Option<&DateSpec> {
        self.completed.as_deref().and_then(Field::get).or_else(|| {
            let status = self.status.as_ref()?.get()?;
            (status.status == Status::Done).then_some(status.date.as_ref()?)
        })
    }

    /// The readable deadline, if any.
    pub fn deadline(&self) -> Option<&Deadline> {
        self.deadline.as_ref().and_then(Field::get)
    }

    /// Whether the deadline is long-term (`长期坚持`).
    pub fn is_long_term(&self) -> bool {
        matches!(self.deadline(), Some(Deadline::LongTerm(_)))
    }

    /// The node name used in diagnostics: the ID, else the title.
    pub fn node(&self) -> Option<&str> {
        self.header.id().or_else(|| self.text())
    }
}

/// A milestone of a measure: one-line (`节点：DATE TEXT（状态）`) or a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub span: Span,
    /// Whether it was written as a block (`节点 { … }`).
    pub block: bool,
    pub date: Option<Spanned<DateSpec>>,
    pub content: Option<Spanned<Str>>,
    pub status: Option<Spanned<Status>>,
    pub evidence: Vec<Field<Evidence>>,
}

/// A day, month, quarter, half-year or year as written, resolved to the
/// first and the last day it covers. As a deadline it means `last`, as the
/// start of a range `first`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateSpec {
    pub first: Date,
    pub last: Date,
    pub precision: Precision,
}

impl DateSpec {
    /// A single day.
    pub fn day(date: Date) -> Self {
        Self {
            first: date,
            last: date,
            precision: Precision::Day,
        }
    }
}

/// How precise a written date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    HalfYear,
    Year,
}

/// Two dates: `2024-03-29 至 2024-06-28`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub start: DateSpec,
    pub end: DateSpec,
    pub start_span: Span,
    pub end_span: Span,
}

/// A measure's deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "date")]
pub enum Deadline {
    /// Must be done by then.
    Date(DateSpec),
    /// `立行立改`: at once; the date, if given, is when.
    Immediate(Option<DateSpec>),
    /// `长期坚持`: a standing task; the date, if given, is the horizon.
    LongTerm(Option<DateSpec>),
    /// Anything else, kept as written (`尽快`, `年内`).
    Vague(Str),
}

impl Deadline {
    /// The date by which the measure is due, if the deadline has one.
    pub fn due(&self) -> Option<Date> {
        match self {
            Deadline::Date(d) | Deadline::Immediate(Some(d)) | Deadline::LongTerm(Some(d)) => {
                Some(d.last)
            }
            _ => None,
        }
    }
}

/// A status with the date that may follow it (`已完成 2024-09-15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StatusValue {
    pub status: Status,
    pub date: Option<DateSpec>,
}

/// Where a measure or milestone stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// 未启动
    NotStarted,
    /// 推进中
    InProgress,
    /// 已完成: the department says it is done.
    Done,
    /// 已销号: the inspection office verified and closed it.
    Closed,
    /// 暂缓: cannot be done now.
    Deferred,
}

impl Status {
    /// Done or closed.
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Done | Status::Closed)
    }

    /// The Chinese word for it.
    pub fn zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未启动",
            Status::InProgress => "推进中",
            Status::Done => "已完成",
            Status::Closed => "已销号",
            Status::Deferred => "暂缓",
        }
    }

    /// The English word for it.
    pub fn en(self) -> &'static str {
        match self {
            Status::NotStarted => "not-started",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Closed => "closed",
            Status::Deferred => "deferred",
        }
    }
}

/// `佐证：KIND [REFERENCE]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub kind: Spanned<EvidenceKind>,
    pub reference: Option<Spanned<Reference>>,
}

/// What sort of evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// 报告
    Report,
    /// 台账
    Ledger,
    /// 会议记录, 纪要
    Minutes,
    /// 制度, 文件
    Regulation,
    /// 通报
    Notice,
    /// 照片
    Photo,
    /// 其他
    Other,
}

impl EvidenceKind {
    /// Every kind, in the order of the language page.
    pub const ALL: [EvidenceKind; 7] = [
        EvidenceKind::Report,
        EvidenceKind::Ledger,
        EvidenceKind::Minutes,
        EvidenceKind::Regulation,
        EvidenceKind::Notice,
        EvidenceKind::Photo,
        EvidenceKind::Other,
    ];

    /// The name used in profiles and JSON (`report`, `ledger`, …).
    pub fn name(self) -> &'static str {
        match self {
            EvidenceKind::Report => "report",
            EvidenceKind::Ledger => "ledger",
            EvidenceKind::Minutes => "minutes",
            EvidenceKind::Regulation => "regulation",
            EvidenceKind::Notice => "notice",
            EvidenceKind::Photo => "photo",
            EvidenceKind::Other => "other",
        }
    }

    /// The Chinese word for it.
    pub fn zh(self) -> &'static str {
        match self {
            EvidenceKind::Report => "报告",
            EvidenceKind::Ledger => "台账",
            EvidenceKind::Minutes => "会议记录",
            EvidenceKind::Regulation => "制度",
            EvidenceKind::Notice => "通报",
            EvidenceKind::Photo => "照片",
            EvidenceKind::Other => "其他",
        }
    }

    /// The kind of that profile name.
    pub fn from_name(name: &str) -> Option<EvidenceKind> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// What a piece of evidence points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "text")]
pub enum Reference {
    /// A path relative to the plan file (`/` separated).
    Path(Str),
    /// A document title, without the `《》`.
    Title(Str),
    /// Free text.
    Text(Str),
}

/// `WHO DATE`: who accepted or approved, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WhoDate {
    pub who: Option<Spanned<Str>>,
    pub date: Spanned<DateSpec>,
}

/// `延期：DATE 理由`: a deadline moved, with the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub date: Spanned<DateSpec>,
    pub reason: Option<Spanned<Str>>,
}

/// `回头看：DATE [TEXT]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Review {
    pub date: Spanned<DateSpec>,
    pub text: Option<Spanned<Str>>,
}

/// A comment `# rectlint: allow CODE… REASON` (or `allow-file`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The comment.
    pub span: Span,
    /// `allow-file`: for the whole file.
    pub file: bool,
    /// The codes it names.
    pub codes: Vec<Spanned<Code>>,
    pub reason: Option<Str>,
    /// What it silences.
    pub scope: SuppressionScope,
    /// False when it lacks codes or a reason; it then silences nothing (and
    /// the reader has said so).
    pub effective: bool,
}

/// What a suppression silences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "span")]
pub enum SuppressionScope {
    /// The whole file.
    File,
    /// The block or field that follows the comment.
    Node(Span),
    /// Nothing follows it (a `}` or the end of the file).
    Nothing,
}
