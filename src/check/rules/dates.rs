//! What the time rules (T001–T013) share: the feedback date, a measure's
//! effective deadline and completion date, day arithmetic that cannot
//! overflow, and how a date is shown in a message.

use jiff::civil::Date;

use crate::model::{DateSpec, Deadline, Field, Measure, Plan, Precision};

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
pub(super) fn node(measure: &Measure) -> String {
    measure.node().unwrap_or_default().to_owned()
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
