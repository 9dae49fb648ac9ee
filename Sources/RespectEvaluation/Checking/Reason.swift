import RespectModel

/// Why a requirement is not satisfied (or why an indicator has its status), in plain words and
/// with the figures behind it, so both people and programs can act on it.
public struct Reason: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case noEvidence = "no-evidence"
        case tooFewItems = "too-few-items"
        case tooOld = "too-old"
        case reviewDatePassed = "review-date-passed"
        case reviewDateMissing = "review-date-missing"
        case issuedAfterAsOf = "issued-after-as-of"
        case unknownEvidenceType = "unknown-evidence-type"
        case factMissing = "fact-missing"
        case factUnitMismatch = "fact-unit-mismatch"
        case factKindMismatch = "fact-kind-mismatch"
        case thresholdFailed = "threshold-failed"
        case serviceNotOffered = "service-not-offered"
        case alternativesNotMet = "alternatives-not-met"
        case notApplicable = "not-applicable"
        case needsAssessor = "needs-assessor"
        /// An assessor's finding decided the status.
        case assessorFinding = "assessor-finding"
    }

    public var kind: Kind
    /// The sentence a user reads.
    public var message: String
    public var evidenceType: String?
    public var evidenceID: String?
    public var factID: String?
    /// The submission's figure (count, value or date).
    public var actual: String?
    /// What the framework requires (count, threshold or date limit).
    public var required: String?

    public init(kind: Kind, message: String, evidenceType: String? = nil, evidenceID: String? = nil,
                factID: String? = nil, actual: String? = nil, required: String? = nil) {
        self.kind = kind
        self.message = message
        self.evidenceType = evidenceType
        self.evidenceID = evidenceID
        self.factID = factID
        self.actual = actual
        self.required = required
    }
}
