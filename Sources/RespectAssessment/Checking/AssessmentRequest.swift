public import RespectModel

/// What to assess: a submission, and the choices a user can make about it.
public struct AssessmentRequest: Sendable {
    public var submission: InputSource
    /// A framework file or `ID@EDITION` to evaluate against; `nil`: the edition the submission
    /// targets.
    public var framework: String?
    /// The date evidence is judged at; `nil`: the submission's own as-of date, else `today`.
    public var asOf: CalendarDate?
    /// The date used when neither the request nor the submission gives one.
    public var today: CalendarDate
    /// Assessor findings; those that concern the submission are applied.
    public var findings: FindingsSet
    /// A crosswalk to read the result through (the status on another framework's standards).
    public var crosswalk: InputSource?
    /// The folder the submission's evidence file paths start from: when given, each declared
    /// file must be there with its declared SHA-256, or its item does not count.
    public var evidenceRoot: String?
    public init(submission: InputSource, framework: String? = nil, asOf: CalendarDate? = nil, today: CalendarDate,
                findings: FindingsSet = FindingsSet(), crosswalk: InputSource? = nil, evidenceRoot: String? = nil) {
        self.submission = submission
        self.framework = framework
        self.asOf = asOf
        self.today = today
        self.findings = findings
        self.crosswalk = crosswalk
        self.evidenceRoot = evidenceRoot
    }
}
