//! The registry: every rule, one line each. A rule's code, name, severity,
//! messages and documentation live in its own file.

macro_rules! registry {
    ($($file:ident::$rule:ident),+ $(,)?) => {
        $(mod $file;)+
        /// Every rule, in code order.
        pub static ALL: &[&dyn super::Rule] = &[$(&$file::$rule),+];
    };
}

mod dates;

use std::cell::RefCell;
use std::rc::Rc;

/// What a rule made from a profile's word list, kept for the last list seen
/// on a thread: every plan of a run shares its profile's lists, and making
/// (lowering, indexing, building searchers) would otherwise be done per plan.
pub(crate) struct PerList<T>(RefCell<Option<(Vec<String>, Rc<T>)>>);

impl<T> PerList<T> {
    pub(crate) const fn new() -> Self {
        PerList(RefCell::new(None))
    }

    /// What `make` makes of `list`, made again only for another list; a
    /// list `make` fails on is not kept.
    pub(crate) fn get<E>(
        &self,
        list: &[String],
        make: impl FnOnce() -> Result<T, E>,
    ) -> Result<Rc<T>, E> {
        if let Some((kept, made)) = self.0.borrow().as_ref()
            && kept.as_slice() == list
        {
            return Ok(Rc::clone(made));
        }
        let fresh = Rc::new(make()?);
        *self.0.borrow_mut() = Some((list.to_vec(), Rc::clone(&fresh)));
        Ok(fresh)
    }
}

registry! {
    p001_syntax_error::SyntaxError,
    p002_not_utf8::NotUtf8,
    p003_unknown_key::UnknownKey,
    p004_unreadable_value::UnreadableValue,
    p005_repeated_field::RepeatedField,
    p006_bad_suppression::BadSuppression,
    p007_unreadable_file::UnreadableFile,
    s001_missing_plan_field::MissingPlanField,
    s002_issue_without_measure::IssueWithoutMeasure,
    s003_duplicate_id::DuplicateId,
    s004_undeclared_person::UndeclaredPerson,
    s005_undeclared_department::UndeclaredDepartment,
    s006_wrong_count::WrongCount,
    s007_empty_category::EmptyCategory,
    s008_measure_without_text::MeasureWithoutText,
    s009_duplicate_measure::DuplicateMeasure,
    r001_missing_leader::MissingLeader,
    r002_missing_department::MissingDepartment,
    r003_leader_not_leader::LeaderNotLeader,
    r004_overloaded_leader::OverloadedLeader,
    r005_bad_first_responsible::BadFirstResponsible,
    r006_collective_name::CollectiveName,
    r007_missing_assignee::MissingAssignee,
    t001_missing_deadline::MissingDeadline,
    t002_vague_deadline::VagueDeadline,
    t003_deadline_before_feedback::DeadlineBeforeFeedback,
    t004_deadline_beyond_window::DeadlineBeyondWindow,
    t005_long_term_without_milestones::LongTermWithoutMilestones,
    t006_inconsistent_milestone_dates::InconsistentMilestoneDates,
    t007_overdue::Overdue,
    t008_completed_late::CompletedLate,
    t009_completion_in_future::CompletionInFuture,
    t010_slow_immediate_fix::SlowImmediateFix,
    t011_due_soon::DueSoon,
    t012_invalid_extension::InvalidExtension,
    t013_unapproved_deferral::UnapprovedDeferral,
    e001_finished_without_evidence::FinishedWithoutEvidence,
    e002_closed_without_required_evidence::ClosedWithoutRequiredEvidence,
    e003_missing_evidence_file::MissingEvidenceFile,
    e004_evidence_outside_repository::EvidenceOutsideRepository,
    e005_closed_without_acceptance::ClosedWithoutAcceptance,
    e006_regulation_without_title::RegulationWithoutTitle,
    e007_closed_without_review::ClosedWithoutReview,
    q001_vague_measure::VagueMeasure,
    q002_placeholder_left_in::PlaceholderLeftIn,
    q003_meeting_or_document_only::MeetingOrDocumentOnly,
    q004_issue_without_cause::IssueWithoutCause,
}
