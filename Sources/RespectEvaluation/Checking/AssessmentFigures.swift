public import RespectModel

/// The figures of an assessment that a batch row shows: the verdict, the mandatory totals,
/// the safety-critical failures and the missing-evidence entries with their first reason.
///
/// `Evaluator.figures(of:asOf:)` computes them without writing the rest of an `Assessment`;
/// `init(_:)` reads them from a full one. Both give equal figures for the same input.
public struct AssessmentFigures: Sendable, Equatable {
    public var verdict: Verdict
    public var mandatoryMet: Int
    public var mandatoryApplicable: Int
    /// Applicable safety-critical indicators that are not met, in framework order.
    public var safetyCriticalFailures: [IndicatorReference]
    /// The missing-evidence list's entries, in its order (by section, most urgent first).
    public var missingEvidence: [MissingEvidenceFigure]
    /// How many assessor findings applied (0 when none were given).
    public var findingsApplied = 0
    /// The findings files that concerned the submission (their paths as read).
    public var findingsFilesMatched: [String] = []

    /// The figures of a full assessment.
    public init(_ assessment: Assessment) {
        findingsApplied = assessment.findings?.applied.count ?? 0
        findingsFilesMatched = assessment.findings?.files.filter(\.matched).map(\.file) ?? []
        verdict = assessment.outcome.verdict
        mandatoryMet = assessment.totals.mandatoryMet
        mandatoryApplicable = assessment.totals.mandatoryApplicable
        safetyCriticalFailures = assessment.safetyCriticalFailures
        missingEvidence = assessment.missingEvidence.flatMap(\.items).map(MissingEvidenceFigure.init)
    }

    init(verdict: Verdict, totals: StatusCounts, safetyCriticalFailures: [IndicatorReference],
         missingEvidence: [MissingEvidenceFigure]) {
        self.verdict = verdict
        mandatoryMet = totals.mandatoryMet
        mandatoryApplicable = totals.mandatoryApplicable
        self.safetyCriticalFailures = safetyCriticalFailures
        self.missingEvidence = missingEvidence
    }
}

/// One missing-evidence entry, reduced to what a batch row shows of it.
public struct MissingEvidenceFigure: Sendable, Equatable {
    public var indicator: IndicatorReference
    public var level: Level
    public var safetyCritical: Bool
    public var status: IndicatorStatus
    /// The first reason the indicator is not met, if any.
    public var firstReason: Reason?
    /// The first thing to provide, if any.
    public var firstToProvide: Provision?

    init(_ item: MissingEvidence) {
        indicator = item.indicator
        level = item.level
        safetyCritical = item.safetyCritical
        status = item.status
        firstReason = item.why.first
        firstToProvide = item.toProvide.first
    }

    init(_ result: IndicatorResult) {
        indicator = IndicatorReference(result)
        level = result.level
        safetyCritical = result.safetyCritical
        status = result.status
        firstReason = result.reasons.first
        firstToProvide = result.toProvide.first
    }
}

extension IndicatorReference {
    init(_ result: IndicatorResult) {
        self.init(id: result.id, number: result.number, text: result.text, section: result.section)
    }
}
