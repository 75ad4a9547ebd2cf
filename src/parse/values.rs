//! Typed values: each field's text read with the grammar rule of its type
//! (`deadline`, `status`, `evidence`, …) and turned into the model. A value
//! that cannot be read is a P004 pointing at the offending part (the day of
//! `2025-02-30`), and the field keeps no value.

use std::borrow::Cow;

use jiff::civil::Date;
use pest::Parser;
use pest::iterators::Pair;

use super::fast;
use super::grammar::{RectParser, Rule};
use crate::diagnostic::{Diagnostic, Fix};
use crate::model::{
    DateRange, DateSpec, Deadline, Evidence, EvidenceKind, Extension, InspectionKind, Milestone,
    Names, PersonRef, Precision, Reference, Review, Status, StatusValue, Str, WhoDate,
};
use crate::problem::ReadProblem;
use crate::span::{Span, Spanned};
use crate::suggest;

/// A value's text and where it is. `exact` is false when the text was
/// quoted, unescaped or dedented, so that offsets in it no longer match the
/// file; every part then points at the whole value, unless the value is
/// quoted without escapes.
#[derive(Clone, Debug)]
pub(crate) struct ValueText<'a> {
    /// Borrowed from the file when the value is written plainly.
    pub text: Cow<'a, str>,
    pub span: Span,
    pub exact: bool,
    /// A quoted value without escapes: its text stands in the file one byte
    /// after the span's start, so parts can still point inside it.
    pub verbatim_quoted: bool,
}

impl ValueText<'_> {
    /// The span of `start..end` of the text (the whole value if not exact).
    fn sub(&self, start: usize, end: usize) -> Span {
        if self.exact {
            Span::new(self.span.start() + start, self.span.start() + end)
        } else if self.verbatim_quoted {
            Span::new(self.span.start() + 1 + start, self.span.start() + 1 + end)
        } else {
            self.span
        }
    }

    fn pair_span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        self.sub(s.start(), s.end())
    }

    fn spanned(&self, pair: &Pair<Rule>) -> Spanned<Str> {
        Spanned::new(suggest::trim(pair.as_str()).into(), self.pair_span(pair))
    }

    /// [`Self::spanned`] for a range a fast path found.
    fn spanned_range(&self, (start, end): fast::Range) -> Spanned<Str> {
        Spanned::new(
            suggest::trim(&self.text[start..end]).into(),
            self.sub(start, end),
        )
    }
}

/// Reads values, reporting what it cannot read.
pub(crate) struct Reader<'d> {
    /// The plan's feedback date: a date without a year is the first such day
    /// on or after it.
    pub feedback: Option<Date>,
    pub diagnostics: &'d mut Vec<Diagnostic>,
}

/// A date as written, before its year is known.
struct RawDate {
    year: Option<(i16, Span)>,
    month: Option<(i8, Span)>,
    day: Option<(i8, Span)>,
    shape: Shape,
    span: Span,
}

#[derive(Clone, Copy)]
enum Shape {
    Day,
    Month,
    Quarter(i8),
    Half { first: bool },
    Year,
}

fn number_of(digits: &str) -> i64 {
    digits.chars().fold(0i64, |n, c| {
        let d = match c {
            '0'..='9' => c as i64 - '0' as i64,
            '０'..='９' => c as i64 - '０' as i64,
            _ => 0,
        };
        n.saturating_mul(10).saturating_add(d)
    })
}

fn small(n: i64) -> i8 {
    i8::try_from(n).unwrap_or(i8::MAX)
}

impl Reader<'_> {
    fn report(&mut self, span: Span, problem: &ReadProblem) {
        self.diagnostics.push(problem.at(span));
    }

    fn parse<'v>(rule: Rule, value: &'v ValueText) -> Option<Pair<'v, Rule>> {
        RectParser::parse(rule, &value.text).ok()?.next()
    }

    // ───────────────────────── dates ─────────────────────────

    fn raw_date(value: &ValueText, pair: Pair<Rule>) -> RawDate {
        let span = value.pair_span(&pair);
        let mut raw = RawDate {
            year: None,
            month: None,
            day: None,
            shape: Shape::Year,
            span,
        };
        let mut shape = None;
        for part in pair.into_inner().flatten() {
            let at = value.pair_span(&part);
            match part.as_rule() {
                Rule::year => {
                    raw.year = Some((
                        i16::try_from(number_of(part.as_str())).unwrap_or(i16::MAX),
                        at,
                    ));
                }
                Rule::month => raw.month = Some((small(number_of(part.as_str())), at)),
                Rule::day => raw.day = Some((small(number_of(part.as_str())), at)),
                Rule::first_half => shape = Some(Shape::Half { first: true }),
                Rule::second_half => shape = Some(Shape::Half { first: false }),
                Rule::quarter_number => {
                    let q = match part.as_str() {
                        "一" | "1" | "１" => 1,
                        "二" | "2" | "２" => 2,
                        "三" | "3" | "３" => 3,
                        _ => 4,
                    };
                    shape = Some(Shape::Quarter(q));
                }
                _ => {}
            }
        }
        raw.shape = shape.unwrap_or(if raw.day.is_some() {
            Shape::Day
        } else if raw.month.is_some() {
            Shape::Month
        } else {
            Shape::Year
        });
        raw
    }

    /// A date a fast path read: a day, or a month when it has no day.
    fn raw_date_parts(value: &ValueText, parts: fast::DateParts) -> RawDate {
        let number = |(start, end): fast::Range| number_of(&value.text[start..end]);
        RawDate {
            year: Some((
                i16::try_from(number(parts.year)).unwrap_or(i16::MAX),
                value.sub(parts.year.0, parts.year.1),
            )),
            month: Some((
                small(number(parts.month)),
                value.sub(parts.month.0, parts.month.1),
            )),
            day: parts.day.map(|d| (small(number(d)), value.sub(d.0, d.1))),
            shape: if parts.day.is_some() {
                Shape::Day
            } else {
                Shape::Month
            },
            span: value.sub(parts.span.0, parts.span.1),
        }
    }

    /// Read a date a fast path found.
    fn date_parts(
        &mut self,
        value: &ValueText,
        parts: fast::DateParts,
        base: Option<Date>,
    ) -> Option<Spanned<DateSpec>> {
        let raw = Self::raw_date_parts(value, parts);
        let span = raw.span;
        self.resolve(&raw, base).map(|d| Spanned::new(d, span))
    }

    /// Resolve a written date; `base` is the date a year-less date follows.
    fn resolve(&mut self, raw: &RawDate, base: Option<Date>) -> Option<DateSpec> {
        if let Some((month, at)) = raw.month
            && !(1..=12).contains(&month)
        {
            self.report(at, &ReadProblem::NoSuchMonth { month });
            return None;
        }
        if let Some((year, at)) = raw.year
            && !(1900..=2999).contains(&year)
        {
            self.report(at, &ReadProblem::UnlikelyYear { year });
            return None;
        }
        if let (Some((month, _)), Some((day, at))) = (raw.month, raw.day) {
            // With no year, 2024 (a leap year) tells whether the day exists.
            let year = raw.year.map_or(2024, |(y, _)| y);
            if Date::new(year, month, day).is_err() {
                let written = raw.year.map(|(y, _)| y);
                let problem = ReadProblem::NoSuchDay {
                    year: written,
                    month,
                    day,
                };
                self.report(at, &problem);
                return None;
            }
        }
        if let Some((year, _)) = raw.year {
            return spec(raw, year);
        }
        let Some(base) = base else {
            self.report(raw.span, &ReadProblem::DateWithoutYear);
            return None;
        };
        // The first such day on or after `base`.
        (base.year()..base.year().saturating_add(9))
            .filter_map(|year| spec(raw, year))
            .find(|s| s.last >= base)
    }

    /// Read a `date` pair.
    fn date_pair(
        &mut self,
        value: &ValueText,
        pair: Pair<Rule>,
        base: Option<Date>,
    ) -> Option<Spanned<DateSpec>> {
        let raw = Self::raw_date(value, pair);
        let span = raw.span;
        self.resolve(&raw, base).map(|d| Spanned::new(d, span))
    }

    /// A date (`反馈日期`, `完成日期`, a milestone's `日期`).
    pub fn date(&mut self, value: &ValueText) -> Option<DateSpec> {
        if fast::enabled()
            && let Some(parts) = fast::date(&value.text)
        {
            let base = self.feedback;
            return self.date_parts(value, parts, base).map(|d| d.value);
        }
        let Some(top) = Self::parse(Rule::date_value, value) else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::UnreadableDate { text });
            return None;
        };
        let pair = top.into_inner().find(|p| p.as_rule() == Rule::date)?;
        let base = self.feedback;
        self.date_pair(value, pair, base).map(|d| d.value)
    }

    /// Two dates (`巡察期间`, `公开期限`); the second may leave out the year.
    pub fn date_range(&mut self, value: &ValueText) -> Option<DateRange> {
        if fast::enabled()
            && let Some((first, second)) = fast::date_range(&value.text)
        {
            let base = self.feedback;
            let start = self.date_parts(value, first, base)?;
            let end = self.date_parts(value, second, Some(start.value.first))?;
            return Some(DateRange {
                start: start.value,
                end: end.value,
                start_span: start.span,
                end_span: end.span,
            });
        }
        let Some(top) = Self::parse(Rule::date_range, value) else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::UnreadableDateRange { text });
            return None;
        };
        let mut dates = top.into_inner().filter(|p| p.as_rule() == Rule::date);
        let (first, second) = (dates.next()?, dates.next()?);
        let base = self.feedback;
        let start = self.date_pair(value, first, base)?;
        let end = self.date_pair(value, second, Some(start.value.first))?;
        Some(DateRange {
            start: start.value,
            end: end.value,
            start_span: start.span,
            end_span: end.span,
        })
    }

    // ───────────────────────── deadlines and statuses ─────────────────────────

    /// A deadline; anything that is not a date, `立行立改` or `长期坚持` is
    /// kept as written.
    pub fn deadline(&mut self, value: &ValueText) -> Option<Deadline> {
        if fast::enabled() {
            if let Some(parts) = fast::date(&value.text) {
                let base = self.feedback;
                return self
                    .date_parts(value, parts, base)
                    .map(|d| Deadline::Date(d.value));
            }
            match &*value.text {
                "立行立改" => return Some(Deadline::Immediate(None)),
                "长期坚持" | "长期" => return Some(Deadline::LongTerm(None)),
                t if t.eq_ignore_ascii_case("immediate") => return Some(Deadline::Immediate(None)),
                t if t.eq_ignore_ascii_case("long-term") => return Some(Deadline::LongTerm(None)),
                _ => {}
            }
        }
        let Some(top) = Self::parse(Rule::deadline, value) else {
            return Some(Deadline::Vague(value.text.trim().into()));
        };
        let base = self.feedback;
        for part in top.into_inner() {
            match part.as_rule() {
                Rule::date => {
                    return self
                        .date_pair(value, part, base)
                        .map(|d| Deadline::Date(d.value));
                }
                Rule::immediate | Rule::long_term => {
                    let immediate = part.as_rule() == Rule::immediate;
                    let date = match part.into_inner().find(|p| p.as_rule() == Rule::date) {
                        Some(d) => Some(self.date_pair(value, d, base)?.value),
                        None => None,
                    };
                    return Some(if immediate {
                        Deadline::Immediate(date)
                    } else {
                        Deadline::LongTerm(date)
                    });
                }
                _ => {}
            }
        }
        None
    }

    fn status_of(rule: Rule) -> Option<Status> {
        Some(match rule {
            Rule::not_started => Status::NotStarted,
            Rule::in_progress => Status::InProgress,
            Rule::done => Status::Done,
            Rule::closed => Status::Closed,
            Rule::deferred => Status::Deferred,
            _ => return None,
        })
    }

    const STATUS_WORDS: [&'static str; 15] = [
        "未启动",
        "未开始",
        "推进中",
        "整改中",
        "进行中",
        "已完成",
        "已整改",
        "已销号",
        "暂缓",
        "暂缓整改",
        "not-started",
        "in-progress",
        "done",
        "closed",
        "deferred",
    ];

    fn unknown_status(&mut self, span: Span, word: &str) {
        let guess = suggest::closest(word, Self::STATUS_WORDS);
        let unknown = ReadProblem::UnknownStatus {
            word: word.to_owned(),
            guess,
        };
        let mut d = unknown.at(span);
        // Whether `完成了` meant 已完成 is for the drafter to confirm.
        if let Some(g) = guess {
            d = d.with_fix(Fix::unsafe_replace(span, g));
        }
        self.diagnostics.push(d);
    }

    /// A status with its optional date.
    pub fn status(&mut self, value: &ValueText) -> Option<StatusValue> {
        if fast::enabled()
            && let Some((rule, _, parts)) = fast::status(&value.text)
        {
            let status = Self::status_of(rule)?;
            let base = self.feedback;
            let date = match parts {
                Some(parts) => Some(self.date_parts(value, parts, base)?.value),
                None => None,
            };
            return Some(StatusValue { status, date });
        }
        let Some(top) = Self::parse(Rule::status, value) else {
            self.unknown_status(value.span, value.text.trim());
            return None;
        };
        let mut out = None;
        let mut date = None;
        let base = self.feedback;
        for part in top.into_inner() {
            if let Some(status) = Self::status_of(part.as_rule()) {
                out = Some(status);
            } else if part.as_rule() == Rule::date {
                date = Some(self.date_pair(value, part, base)?.value);
            }
        }
        out.map(|status| StatusValue { status, date })
    }

    // ───────────────────────── evidence and milestones ─────────────────────────

    /// `KIND [REFERENCE]`.
    pub fn evidence(&mut self, value: &ValueText) -> Option<Evidence> {
        if fast::enabled()
            && let Some((rule, kind_range, reference)) = fast::evidence(&value.text)
        {
            let kind = Self::evidence_kind_of(rule)?;
            return Some(Evidence {
                kind: Spanned::new(kind, value.sub(kind_range.0, kind_range.1)),
                reference: reference.map(|((start, end), parts)| {
                    let title = match parts {
                        fast::ReferenceParts::Title((a, b)) => Some(&value.text[a..b]),
                        fast::ReferenceParts::Text => None,
                    };
                    Spanned::new(
                        classify(title, &value.text[start..end]),
                        value.sub(start, end),
                    )
                }),
            });
        }
        let Some(top) = Self::parse(Rule::evidence, value) else {
            let first = value
                .text
                .split([' ', '\t', '\u{3000}', ':', '：', '《'])
                .next()
                .unwrap_or("");
            let kinds = [
                "报告",
                "台账",
                "会议记录",
                "纪要",
                "制度",
                "文件",
                "通报",
                "照片",
                "其他",
            ];
            let english = [
                "report",
                "ledger",
                "minutes",
                "regulation",
                "notice",
                "photo",
                "other",
            ];
            let guess = suggest::closest(first, kinds.iter().chain(&english).copied());
            let problem = if first.is_empty() {
                ReadProblem::EvidenceWithoutKind
            } else {
                ReadProblem::UnknownEvidenceKind {
                    word: first.to_owned(),
                    guess,
                }
            };
            let span = if first.is_empty() {
                value.span
            } else {
                value.sub(0, first.len())
            };
            self.report(span, &problem);
            return None;
        };
        let mut kind = None;
        let mut reference = None;
        for part in top.into_inner() {
            let at = value.pair_span(&part);
            let k = match part.as_rule() {
                Rule::reference => {
                    reference = Some(Spanned::new(classify_reference(part), at));
                    None
                }
                rule => Self::evidence_kind_of(rule),
            };
            if let Some(k) = k {
                kind = Some(Spanned::new(k, at));
            }
        }
        Some(Evidence {
            kind: kind?,
            reference,
        })
    }

    fn evidence_kind_of(rule: Rule) -> Option<EvidenceKind> {
        Some(match rule {
            Rule::ev_report => EvidenceKind::Report,
            Rule::ev_ledger => EvidenceKind::Ledger,
            Rule::ev_minutes => EvidenceKind::Minutes,
            Rule::ev_regulation => EvidenceKind::Regulation,
            Rule::ev_notice => EvidenceKind::Notice,
            Rule::ev_photo => EvidenceKind::Photo,
            Rule::ev_other => EvidenceKind::Other,
            _ => return None,
        })
    }

    /// The one-line milestone `DATE TEXT [（STATUS）]`.
    pub fn milestone(&mut self, value: &ValueText, span: Span) -> Option<Milestone> {
        if fast::enabled()
            && let Some(parts) = fast::milestone(&value.text)
        {
            let base = self.feedback;
            let date = self.date_parts(value, parts.date, base)?;
            let content = parts.text.map(|range| value.spanned_range(range));
            if let Some(content) = &content {
                self.unknown_milestone_status(content);
            }
            return Some(Milestone {
                span,
                block: false,
                date: Some(date),
                content,
                status: parts.status.and_then(|(rule, (start, end))| {
                    Some(Spanned::new(Self::status_of(rule)?, value.sub(start, end)))
                }),
                evidence: Vec::new(),
            });
        }
        let Some(top) = Self::parse(Rule::milestone, value) else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::UnreadableMilestone { text });
            return None;
        };
        let mut milestone = Milestone {
            span,
            block: false,
            date: None,
            content: None,
            status: None,
            evidence: Vec::new(),
        };
        let base = self.feedback;
        for part in top.into_inner() {
            let at = value.pair_span(&part);
            match part.as_rule() {
                Rule::date => milestone.date = Some(self.date_pair(value, part, base)?),
                Rule::milestone_text => {
                    let content = value.spanned(&part);
                    self.unknown_milestone_status(&content);
                    milestone.content = Some(content);
                }
                rule => {
                    if let Some(status) = Self::status_of(rule) {
                        milestone.status = Some(Spanned::new(status, at));
                    }
                }
            }
        }
        Some(milestone)
    }

    /// A milestone's text that ends in parentheses holding a near miss of a
    /// status (`完成首轮培训（已完工）`) was meant as its status.
    fn unknown_milestone_status(&mut self, content: &Spanned<Str>) {
        let text = content.value.as_str();
        let Some(close) = text.strip_suffix('）').or_else(|| text.strip_suffix(')')) else {
            return;
        };
        let Some(open) = close.rfind(['（', '(']) else {
            return;
        };
        let inner = close[open..].trim_start_matches(['（', '(']).trim();
        if inner.is_empty() || Self::STATUS_WORDS.contains(&inner) {
            return;
        }
        // A word of two characters is a near miss only when a status holds
        // it (`（完成）`); otherwise titles' `（暂行）` and `（试行）` would be
        // taken for `暂缓`.
        let guess = if inner.chars().count() <= 2 {
            Self::STATUS_WORDS
                .iter()
                .copied()
                .find(|w| w.contains(inner))
        } else {
            suggest::closest(inner, Self::STATUS_WORDS)
        };
        if let Some(g) = guess {
            let start = content.span.start() + open;
            let span = if content.span.len() == text.len() {
                Span::new(start, content.span.end())
            } else {
                content.span
            };
            let unknown = ReadProblem::UnknownMilestoneStatus {
                word: inner.to_owned(),
                guess: g,
            };
            self.report(span, &unknown);
        }
    }

    // ───────────────────────── who and when ─────────────────────────

    /// `WHO DATE` (`验收`, `批准`).
    pub fn who_date(&mut self, value: &ValueText) -> Option<WhoDate> {
        if fast::enabled()
            && let Some((who, parts)) = fast::who_date(&value.text)
        {
            let base = self.feedback;
            let who = value.spanned_range(who);
            let date = self.date_parts(value, parts, base)?;
            return Some(WhoDate {
                who: Some(who),
                date,
            });
        }
        let Some(top) = Self::parse(Rule::who_date, value) else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::UnreadableWhoDate { text });
            return None;
        };
        let mut who = None;
        let mut date = None;
        let base = self.feedback;
        for part in top.into_inner() {
            match part.as_rule() {
                Rule::who_before | Rule::who_after => who = Some(value.spanned(&part)),
                Rule::date => date = Some(self.date_pair(value, part, base)?),
                _ => {}
            }
        }
        Some(WhoDate { who, date: date? })
    }

    /// `[至] DATE [理由]` (`延期`).
    pub fn extension(&mut self, value: &ValueText) -> Option<Extension> {
        let Some(top) = Self::parse(Rule::extension, value) else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::UnreadableExtension { text });
            return None;
        };
        let mut date = None;
        let mut reason = None;
        let base = self.feedback;
        for part in top.into_inner() {
            match part.as_rule() {
                Rule::date => date = Some(self.date_pair(value, part, base)?),
                Rule::extension_reason => reason = Some(value.spanned(&part)),
                _ => {}
            }
        }
        Some(Extension {
            date: date?,
            reason,
        })
    }

    /// `DATE [TEXT]` (`回头看`).
    pub fn review(&mut self, value: &ValueText) -> Option<Review> {
        if fast::enabled()
            && let Some((parts, text)) = fast::review(&value.text)
        {
            let base = self.feedback;
            let date = self.date_parts(value, parts, base)?;
            return Some(Review {
                date,
                text: text.map(|range| value.spanned_range(range)),
            });
        }
        let Some(top) = Self::parse(Rule::review, value) else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::UnreadableReview { text });
            return None;
        };
        let mut date = None;
        let mut text = None;
        let base = self.feedback;
        for part in top.into_inner() {
            match part.as_rule() {
                Rule::date => date = Some(self.date_pair(value, part, base)?),
                Rule::review_text => text = Some(value.spanned(&part)),
                _ => {}
            }
        }
        Some(Review { date: date?, text })
    }

    // ───────────────────────── names and plan values ─────────────────────────

    /// Names separated by `、` `,` `;`, each with its span.
    pub fn names(value: &ValueText) -> Names<Spanned<Str>> {
        if fast::enabled() {
            let mut names = Names::new();
            fast::name_list(&value.text, |range| {
                let name = value.spanned_range(range);
                if !name.value.is_empty() {
                    names.push(name);
                }
            });
            return names;
        }
        let Some(top) = Self::parse(Rule::name_list, value) else {
            return smallvec::smallvec![Spanned::new(value.text.trim().into(), value.span)];
        };
        top.into_inner()
            .filter(|p| p.as_rule() == Rule::list_item)
            .map(|p| value.spanned(&p))
            .filter(|s| !s.value.is_empty())
            .collect()
    }

    /// Persons separated by `、` `,` `;`: `李明`, `李明（副局长）`.
    pub fn persons(value: &ValueText) -> Names<PersonRef> {
        if fast::enabled() {
            let mut persons = Names::new();
            fast::name_list(&value.text, |range| {
                let name = value.spanned_range(range);
                if !name.value.is_empty() {
                    persons.push(person(name));
                }
            });
            return persons;
        }
        Self::names(value).into_iter().map(person).collect()
    }

    /// One person (`第一责任人`).
    pub fn person(&mut self, value: &ValueText) -> Option<PersonRef> {
        let mut persons = Self::persons(value);
        if persons.len() > 1 {
            self.report(value.span, &ReadProblem::MoreThanOneFirstResponsible);
            return None;
        }
        persons.pop()
    }

    /// A whole number (`问题数`).
    pub fn number(&mut self, value: &ValueText) -> Option<u32> {
        let fast = fast::enabled().then(|| fast::number(&value.text)).flatten();
        let digits = fast.or_else(|| {
            Self::parse(Rule::number, value).and_then(|top| {
                top.into_inner()
                    .find(|p| p.as_rule() == Rule::number_digits)
                    .map(|p| p.as_str())
            })
        });
        let Some(digits) = digits else {
            let text = value.text.trim().to_owned();
            self.report(value.span, &ReadProblem::NotWholeNumber { text });
            return None;
        };
        let n = number_of(digits);
        u32::try_from(n).ok().filter(|n| *n < 100_000).or_else(|| {
            self.report(value.span, &ReadProblem::NumberTooLarge { number: n });
            None
        })
    }

    /// The kind of inspection (`类型`).
    pub fn inspection_kind(&mut self, value: &ValueText) -> Option<InspectionKind> {
        if fast::enabled() {
            match &*value.text {
                "巡视" => return Some(InspectionKind::Xunshi),
                "巡察" => return Some(InspectionKind::Xuncha),
                "审计" => return Some(InspectionKind::Audit),
                "督查" => return Some(InspectionKind::Supervision),
                "其他" | "其它" => return Some(InspectionKind::Other),
                _ => {}
            }
        }
        let Some(top) = Self::parse(Rule::inspection_kind, value) else {
            let word = value.text.trim();
            let words = [
                "巡视",
                "巡察",
                "审计",
                "督查",
                "其他",
                "xunshi",
                "xuncha",
                "audit",
                "supervision",
                "other",
            ];
            let unknown = ReadProblem::UnknownInspectionKind {
                word: word.to_owned(),
                guess: suggest::closest(word, words),
            };
            self.report(value.span, &unknown);
            return None;
        };
        top.into_inner().find_map(|p| {
            Some(match p.as_rule() {
                Rule::kind_xunshi => InspectionKind::Xunshi,
                Rule::kind_xuncha => InspectionKind::Xuncha,
                Rule::kind_audit => InspectionKind::Audit,
                Rule::kind_supervision => InspectionKind::Supervision,
                Rule::kind_other => InspectionKind::Other,
                _ => return None,
            })
        })
    }

    /// Read the header of a block: `[ID] [TITLE]`.
    pub fn header(value: &ValueText) -> (Option<Spanned<Str>>, Option<Spanned<Str>>) {
        if fast::enabled() {
            let (id, title) = fast::header(&value.text);
            return (
                id.map(|r| value.spanned_range(r)),
                title
                    .map(|r| value.spanned_range(r))
                    .filter(|t| !t.value.is_empty()),
            );
        }
        let Some(top) = Self::parse(Rule::header, value) else {
            return (
                None,
                Some(Spanned::new(value.text.trim().into(), value.span)),
            );
        };
        let mut id = None;
        let mut title = None;
        for part in top.into_inner() {
            match part.as_rule() {
                Rule::block_id => id = Some(value.spanned(&part)),
                Rule::title => title = Some(value.spanned(&part)).filter(|t| !t.value.is_empty()),
                _ => {}
            }
        }
        (id, title)
    }
}

/// The days a written date covers, in `year`.
fn spec(raw: &RawDate, year: i16) -> Option<DateSpec> {
    let month_span = |m: i8| -> Option<(Date, Date)> {
        let first = Date::new(year, m, 1).ok()?;
        Some((first, first.last_of_month()))
    };
    let (first, last, precision) = match raw.shape {
        Shape::Day => {
            let d = Date::new(year, raw.month?.0, raw.day?.0).ok()?;
            (d, d, Precision::Day)
        }
        Shape::Month => {
            let (f, l) = month_span(raw.month?.0)?;
            (f, l, Precision::Month)
        }
        Shape::Quarter(q) => {
            let (f, _) = month_span(q * 3 - 2)?;
            let (_, l) = month_span(q * 3)?;
            (f, l, Precision::Quarter)
        }
        Shape::Half { first } => {
            let (f, _) = month_span(if first { 1 } else { 7 })?;
            let (_, l) = month_span(if first { 6 } else { 12 })?;
            (f, l, Precision::HalfYear)
        }
        Shape::Year => {
            let (f, _) = month_span(1)?;
            let (_, l) = month_span(12)?;
            (f, l, Precision::Year)
        }
    };
    Some(DateSpec {
        first,
        last,
        precision,
    })
}

/// `《title》`, a path (it holds `/` or `\`, or ends in a file extension, and
/// is not a web address: [`is_url`]), or free text.
fn classify_reference(pair: Pair<Rule>) -> Reference {
    let Some(inner) = pair.into_inner().next() else {
        return Reference::Text(Str::default());
    };
    if inner.as_rule() == Rule::book_title {
        let title = inner.into_inner().next().map_or("", |p| p.as_str());
        return classify(Some(title), "");
    }
    classify(None, inner.as_str())
}

/// Whether a reference is or cites a web address: `http://`, `https://` or
/// `ftp://` (in any case) at its start, or after white space or a character
/// of the text around it (`见 https://…`, `见https://…`). Nothing else is: a
/// `://` elsewhere (`C://Users/…`, `../x?y=://`, `a/https://b`) leaves a
/// path a path, which E003 and E004 then check.
fn is_url(text: &str) -> bool {
    text.match_indices("://").any(|(at, _)| {
        let before = &text[..at];
        let scheme_start = before
            .rfind(|c: char| !c.is_ascii_alphabetic())
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
        let scheme = &before[scheme_start..];
        let web = ["http", "https", "ftp"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s));
        let cut_off = before[..scheme_start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || !c.is_ascii());
        web && cut_off
    })
}

/// A reference: the inside of `《title》`, else the text as written.
fn classify(title: Option<&str>, text: &str) -> Reference {
    if let Some(title) = title {
        return Reference::Title(suggest::trim(title).into());
    }
    let text = suggest::trim(text);
    let is_url = is_url(text);
    let has_extension = text.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && (1..=5).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
            && ext.chars().any(|c| c.is_ascii_alphabetic())
    });
    if !is_url && (text.contains(['/', '\\']) || has_extension) {
        Reference::Path(text.replace('\\', "/").into())
    } else {
        Reference::Text(text.into())
    }
}

/// `李明` or `李明（副局长）`.
fn person(name: Spanned<Str>) -> PersonRef {
    // Without parentheses the whole name is the name (`person_name`).
    if fast::enabled() && !name.value.contains(['(', '（']) {
        let end = name.span.start() + name.value.len();
        return PersonRef {
            name: Spanned::new(name.value, Span::new(name.span.start(), end)),
            note: None,
        };
    }
    let text = ValueText {
        text: Cow::Borrowed(&name.value),
        span: name.span,
        exact: true,
        verbatim_quoted: false,
    };
    let parsed = RectParser::parse(Rule::person, &text.text)
        .ok()
        .and_then(|mut p| p.next());
    let Some(top) = parsed else {
        return PersonRef {
            name: name.clone(),
            note: None,
        };
    };
    let mut out = PersonRef {
        name: name.clone(),
        note: None,
    };
    for part in top.into_inner() {
        match part.as_rule() {
            Rule::person_name => out.name = text.spanned(&part),
            Rule::person_note => {
                out.note = part
                    .into_inner()
                    .next()
                    .map(|p| Str::from(p.as_str().trim()))
                    .filter(|n| !n.is_empty());
            }
            _ => {}
        }
    }
    out
}
