//! What the time rules (T001–T013) share: the feedback date, a measure's
//! effective deadline and completion date, day arithmetic that cannot
//! overflow, and how a date is shown in a message.

use jiff::civil::Date;

use crate::diagnostic::Text;
use crate::model::{DateSpec, Deadline, Field, Measure, Plan, Precision, Status};
use crate::span::Span;
use crate::tr;

/// The plan's feedback date (`反馈日期`), if given and readable.
pub(super) fn feedback(plan: &Plan) -> Option<DateSpec> {
    plan.feedback.as_ref().and_then(Field::get).copied()
}

/// `date` plus `days` days; `None` past the end of the calendar (profile
/// values may be huge).
pub(super) fn add_days(date: Date, days: u32) -> Option<Date> {
    let span = jiff::Span::new().try_days(i64::from(days)).ok()?;
    date.checked_add(span).ok()
}

/// The date of a deadline, if it has one (`立行立改 DATE`, `长期坚持 DATE`
/// included).
pub(super) fn deadline_date(deadline: &Deadline) -> Option<&DateSpec> {
    match deadline {
        Deadline::Date(d) | Deadline::Immediate(Some(d)) | Deadline::LongTerm(Some(d)) => Some(d),
        _ => None,
    }
}

/// A date in ISO form as precise as it was written: `2024-10-31`, a month
/// `2024-12`; a quarter, half-year or year as its last day.
pub(super) fn shown(date: &DateSpec) -> String {
    match date.precision {
        Precision::Month => format!("{:04}-{:02}", date.last.year(), date.last.month()),
        _ => date.last.to_string(),
    }
}

/// The measure's ID (or title) for messages.
pub(super) fn node(measure: &Measure) -> &str {
    measure.node().unwrap_or_default()
}

// ───── effective deadlines and where a measure stands ─────

/// A measure's effective deadline: the date of its last `延期` if it has
/// one, else its `时限`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Due {
    pub date: DateSpec,
    /// The deadline's value, or the last `延期`'s date.
    pub span: Span,
    /// Whether a `延期` set it.
    pub extended: bool,
}

impl Due {
    /// The last day it allows.
    pub fn day(&self) -> Date {
        self.date.last
    }

    /// "时限 2024-10-31" or "延期后的时限 2024-12-31", after "the measure's".
    pub fn name(&self) -> Text {
        let date = shown(&self.date);
        if self.extended {
            tr!("延期后的时限 {date}", "extended deadline {date}")
        } else {
            tr!("时限 {date}", "deadline {date}")
        }
    }

    /// "时限 2024-10-31" or "延期至 2024-12-31".
    pub fn describe(&self) -> Text {
        let date = shown(&self.date);
        if self.extended {
            tr!("延期至 {date}", "extended to {date}")
        } else {
            tr!("时限 {date}", "deadline {date}")
        }
    }
}

/// The measure's effective deadline, if it has a date. `None` as well when
/// its last `延期` could not be read: the deadline is then unknown.
pub(super) fn effective_due(measure: &Measure) -> Option<Due> {
    if let Some(last) = measure.extensions.last() {
        let ext = last.get()?;
        return Some(Due {
            date: ext.date.value,
            span: ext.date.span,
            extended: true,
        });
    }
    let field = measure.deadline.as_ref()?;
    let date = deadline_date(field.get()?)?;
    Some(Due {
        date: *date,
        span: field.value_span,
        extended: false,
    })
}

/// Where the measure stands, for the rules that leave finished and deferred
/// measures alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Standing {
    /// Done, closed or deferred: nothing more is due.
    Settled,
    /// Not settled: the status as written, or `None` when there is none.
    Open(Option<Status>),
    /// The status could not be read (reported already): say nothing.
    Unknown,
}

/// Where the measure stands; see [`Standing`].
pub(super) fn standing(measure: &Measure) -> Standing {
    let Some(field) = &measure.status else {
        return Standing::Open(None);
    };
    match field.get().map(|s| s.status) {
        None => Standing::Unknown,
        Some(Status::Done | Status::Closed | Status::Deferred) => Standing::Settled,
        Some(status) => Standing::Open(Some(status)),
    }
}

/// "状态仍为推进中" or "未写状态".
pub(super) fn open_status(status: Option<Status>) -> Text {
    match status {
        Some(s) => {
            let (zh, en) = (s.zh(), s.en());
            tr!("状态仍为{zh}", "its status is still {en}")
        }
        None => tr!("未写状态", "it has no status"),
    }
}

// ───── completion ─────

/// When the measure was completed, and where that is written: `完成日期`,
/// else the date after `已完成` in its status. An unreadable `完成日期`
/// gives `None` (it has been reported already).
pub(super) fn completion(measure: &Measure) -> Option<(DateSpec, Span)> {
    if let Some(field) = &measure.completed {
        return field.get().map(|d| (*d, field.value_span));
    }
    let field = measure.status.as_ref()?;
    let status = field.get()?;
    match (status.status, status.date) {
        (Status::Done, Some(date)) => Some((date, field.value_span)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_day_counts_do_not_panic() {
        let d = Date::new(2024, 7, 26).unwrap();
        assert_eq!(add_days(d, u32::MAX), None);
        assert_eq!(add_days(d, 180), Some(Date::new(2025, 1, 22).unwrap()));
        assert_eq!(add_days(Date::MAX, 1), None);
    }

    #[test]
    fn dates_are_shown_as_written() {
        let day = DateSpec::day(Date::new(2024, 10, 31).unwrap());
        assert_eq!(shown(&day), "2024-10-31");
        let month = DateSpec {
            first: Date::new(2025, 12, 1).unwrap(),
            last: Date::new(2025, 12, 31).unwrap(),
            precision: Precision::Month,
        };
        assert_eq!(shown(&month), "2025-12");
    }
}
