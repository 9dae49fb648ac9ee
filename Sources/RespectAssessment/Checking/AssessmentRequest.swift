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
    public init(submission: InputSource, framework: String? = nil, asOf: CalendarDate? = nil, today: CalendarDate,
                findings: FindingsSet = FindingsSet(), crosswalk: InputSource? = nil) {
        self.submission = submission
        self.framework = framework
        self.asOf = asOf
        self.today = today
        self.findings = findings
        self.crosswalk = crosswalk
    }
}
