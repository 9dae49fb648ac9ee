public import RespectEvaluation
public import RespectModel

/// The result of assessing one submission: what was read, the edition it was evaluated against,
/// and the assessment, its inputs filled in.
public struct SubmissionAssessment: Sendable {
    /// The submission file's name and SHA-256.
    public var input: InputFile
    public var submission: Submission
    public var resolved: ResolvedEdition
    /// The date the evidence was judged at.
    public var asOf: CalendarDate
    /// The findings applied (those that concern the submission).
    public var findings: [Findings]
    public var assessment: Assessment
}

/// The figures of one submission's assessment, and what they were worked out from.
public struct SubmissionFigures: Sendable {
    public var input: InputFile
    public var submission: Submission
    public var resolved: ResolvedEdition
    public var asOf: CalendarDate
    public var figures: AssessmentFigures
}

/// A submission read, loaded and matched to its edition, ready to evaluate.
struct PreparedSubmission {
    var input: InputFile
    var submission: Submission
    var resolved: ResolvedEdition
    var asOf: CalendarDate
    var findings: [Findings]
    /// The declared evidence files, checked under the request's evidence root.
    var evidenceFiles: EvidenceFileChecks?
}

/// A submission that could not be assessed: the error, and what was learnt before it (so a batch
/// row can still name the file's digest, the provider and the edition).
public struct AssessmentFailure: Error, Sendable, CustomStringConvertible {
    public var error: AssessmentError
    /// The submission file's name and SHA-256, when it could be read.
    public var input: InputFile?
    /// The submission, when it could be loaded.
    public var submission: Submission?
    /// `id@edition` of the edition chosen, when it could be found.
    public var framework: String?
    public var asOf: CalendarDate?

    public var kind: FailureKind { error.kind }
    public var description: String { error.description }
}
