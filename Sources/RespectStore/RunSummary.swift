/// One run as a history lists it.
public struct RunSummary: Sendable, Codable, Hashable {
    public var run: Int64
    /// When it was recorded, UTC: `2026-11-23T16:40:05Z`.
    public var recordedAt: String
    public var assessor: String
    /// The provider's name as the submission gave it.
    public var provider: String
    /// The organisation's registered number (charity, else company), normalised; `nil` when the
    /// submission gave neither.
    public var registeredNumber: String?
    public var submissionFile: String
    public var submissionSHA256: String?
    /// `id@edition`.
    public var framework: String
    public var frameworkSHA256: String?
    public var engineVersion: String
    /// `YYYY-MM-DD`.
    public var asOf: String
    /// `achieved`, `working-towards` or `not-yet`.
    public var verdict: String
    /// The outcome's label.
    public var outcome: String

    public init(run: Int64, recordedAt: String, assessor: String, provider: String, registeredNumber: String?,
                submissionFile: String, submissionSHA256: String?, framework: String, frameworkSHA256: String?,
                engineVersion: String, asOf: String, verdict: String, outcome: String) {
        self.run = run
        self.recordedAt = recordedAt
        self.assessor = assessor
        self.provider = provider
        self.registeredNumber = registeredNumber
        self.submissionFile = submissionFile
        self.submissionSHA256 = submissionSHA256
        self.framework = framework
        self.frameworkSHA256 = frameworkSHA256
        self.engineVersion = engineVersion
        self.asOf = asOf
        self.verdict = verdict
        self.outcome = outcome
    }
}
