//! The registry: every rule, one line each. A rule's code, name, severity,
//! messages and documentation live in its own file.

macro_rules! registry {
    ($($file:ident::$rule:ident),+ $(,)?) => {
        $(mod $file;)+
        /// Every rule, in code order.
        pub static ALL: &[&dyn super::Rule] = &[$(&$file::$rule),+];
    };
}

registry! {
    p001_syntax_error::SyntaxError,
    p002_not_utf8::NotUtf8,
    p003_unknown_key::UnknownKey,
    p004_unreadable_value::UnreadableValue,
    p005_repeated_field::RepeatedField,
    p006_bad_suppression::BadSuppression,
    r001_missing_leader::MissingLeader,
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
