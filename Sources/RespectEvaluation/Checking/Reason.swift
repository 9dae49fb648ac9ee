public import RespectModel

/// Why a requirement is not satisfied, or why an indicator has its status: a cause with the
/// figures behind it. Reports word it (`ResultWording`); programs read the figures.
///
/// Encoded as one flat JSON object: `code` (the `Kind`'s stable raw value), the figures as
/// fields and, when a wording is given, `message`.
public enum Reason: Sendable, Hashable {
    /// No item of the type is linked to the indicator.
    case noEvidence(evidenceType: TermReference, required: Int)
    /// Fewer items of the type count than the minimum.
    case tooFewItems(evidenceType: TermReference, counted: Int, required: Int)
    /// An item was issued before the oldest date the age limit accepts
    /// (`asOf` − `maximumAgeMonths`).
    case tooOld(evidenceID: String, evidenceType: TermReference, issued: CalendarDate,
                oldestAccepted: CalendarDate, maximumAgeMonths: Int, asOf: CalendarDate)
    /// An item's review-by date is before the as-of date.
    case reviewDatePassed(evidenceID: String, evidenceType: TermReference, reviewBy: CalendarDate, asOf: CalendarDate)
    /// An item has no review-by date where a current one is required.
    case reviewDateMissing(evidenceID: String, evidenceType: TermReference)
    /// An item is dated after the as-of date.
    case issuedAfterAsOf(evidenceID: String, evidenceType: TermReference, issued: CalendarDate, asOf: CalendarDate)
    /// The requirement names an evidence type the framework's vocabulary lacks.
    case unknownEvidenceType(evidenceType: TermReference)
    /// The submission does not state the fact.
    case factMissing(fact: TermReference, threshold: FactThreshold)
    /// The fact is stated in another unit than the threshold's.
    case factUnitMismatch(fact: TermReference, stated: StatedValue, threshold: FactThreshold)
    /// The fact is stated as a number where a yes/no is needed, or the reverse.
    case factKindMismatch(fact: TermReference, stated: StatedValue, threshold: FactThreshold)
    /// The stated value does not pass the threshold.
    case thresholdFailed(fact: TermReference, stated: StatedValue, threshold: FactThreshold)
    /// The stated value passes, but the fact cites no evidence item of a type that can show it
    /// (`source`: the item cited, if any, and `sourceType` its type when it is in the pack;
    /// `allowedSourceTypes`: the framework's source types for the fact, `nil` when any type
    /// will do), so only an assessor can confirm it.
    case factNotBacked(fact: TermReference, source: String?, sourceType: TermReference?, allowedSourceTypes: [TermReference]?)
    /// The submission does not offer a service the indicator requires.
    case serviceNotOffered(serviceType: TermReference)
    /// Fewer alternatives are met than an "at least N of" requirement asks.
    case alternativesNotMet(met: Int, required: Int, of: Int)
    /// The indicator applies only to these service types and risk levels (`nil`: any), none of
    /// which the submission declares.
    case notApplicable(serviceTypes: [TermReference]?, riskLevels: [TermReference]?)
    /// The paper evidence is in place; only an assessor, as `verification` says, can confirm it.
    case needsAssessor(verification: Verification)
    /// An assessor's finding decided the status.
    case assessorFinding(AssessorFindingReason)
    /// An item's declared file is missing under the evidence root, or is another document, so
    /// the item does not count.
    case evidenceFileNotConfirmed(evidenceID: String, evidenceType: TermReference, path: String, problem: EvidenceFileProblem)

    /// The kind of cause; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
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
        case factNotBacked = "fact-not-backed"
        case serviceNotOffered = "service-not-offered"
        case alternativesNotMet = "alternatives-not-met"
        case notApplicable = "not-applicable"
        case needsAssessor = "needs-assessor"
        case assessorFinding = "assessor-finding"
        case evidenceFileNotConfirmed = "evidence-file-not-confirmed"
    }

    public var kind: Kind {
        switch self {
        case .noEvidence: .noEvidence
        case .tooFewItems: .tooFewItems
        case .tooOld: .tooOld
        case .reviewDatePassed: .reviewDatePassed
        case .reviewDateMissing: .reviewDateMissing
        case .issuedAfterAsOf: .issuedAfterAsOf
        case .unknownEvidenceType: .unknownEvidenceType
        case .factMissing: .factMissing
        case .factUnitMismatch: .factUnitMismatch
        case .factKindMismatch: .factKindMismatch
        case .thresholdFailed: .thresholdFailed
        case .factNotBacked: .factNotBacked
        case .serviceNotOffered: .serviceNotOffered
        case .alternativesNotMet: .alternativesNotMet
        case .notApplicable: .notApplicable
        case .needsAssessor: .needsAssessor
        case .assessorFinding: .assessorFinding
        case .evidenceFileNotConfirmed: .evidenceFileNotConfirmed
        }
    }

    /// The evidence item the reason is about, if any.
    public var evidenceID: String? {
        switch self {
        case .tooOld(let id, _, _, _, _, _), .reviewDatePassed(let id, _, _, _), .reviewDateMissing(let id, _),
             .issuedAfterAsOf(let id, _, _, _):
            id
        case .assessorFinding(let finding): finding.evidenceID
        case .evidenceFileNotConfirmed(let id, _, _, _): id
        default: nil
        }
    }

    /// The evidence type the reason is about, if any.
    public var evidenceType: TermReference? {
        switch self {
        case .noEvidence(let type, _), .tooFewItems(let type, _, _), .tooOld(_, let type, _, _, _, _),
             .reviewDatePassed(_, let type, _, _), .reviewDateMissing(_, let type), .issuedAfterAsOf(_, let type, _, _),
             .unknownEvidenceType(let type), .evidenceFileNotConfirmed(_, let type, _, _):
            type
        default: nil
        }
    }

    /// The fact the reason is about, if any.
    public var fact: TermReference? {
        switch self {
        case .factMissing(let fact, _), .factUnitMismatch(let fact, _, _), .factKindMismatch(let fact, _, _),
             .thresholdFailed(let fact, _, _), .factNotBacked(let fact, _, _, _):
            fact
        default: nil
        }
    }
}
