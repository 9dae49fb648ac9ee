import RespectModel

/// The assessor's findings in the form the evaluator uses: which items not to count, which to
/// count whatever their dates, and which indicator statuses to replace. Empty by default, when
/// evaluation is exactly the automated one.
struct EvaluationAdjustments {
    /// Rejected items and, for each, the indicators the submission links it to.
    var rejectedEvidence: [String: (finding: Finding, supports: [String])] = [:]
    var acceptedEvidence: Set<String> = []
    /// Items only a site visit can settle: indicators they make met need an assessor.
    var siteVisitEvidence: [String: Finding] = [:]
    var indicatorDecisions: [String: (finding: Finding, source: String)] = [:]
    /// Items whose declared file was not confirmed under the evidence root: the reason, and
    /// the indicators the submission links the item to.
    var unconfirmedEvidence: [String: (reason: Reason, supports: [String])] = [:]
    /// Warnings the adjustments bring (an evidence file not confirmed).
    var warnings: [Warning] = []
    /// The evidence files' figures, when they were checked.
    var evidenceFiles: EvidenceFileSummary?

    /// The submission as counted: without the rejected items and those whose file was not
    /// confirmed.
    func counted(_ submission: Submission) -> Submission {
        guard !rejectedEvidence.isEmpty || !unconfirmedEvidence.isEmpty else { return submission }
        var copy = submission
        copy.evidence.removeAll { rejectedEvidence[$0.id] != nil || unconfirmedEvidence[$0.id] != nil }
        return copy
    }

    /// These adjustments with `other`'s evidence-file adjustments added.
    func adding(evidenceFilesOf other: EvaluationAdjustments) -> EvaluationAdjustments {
        var copy = self
        copy.unconfirmedEvidence = other.unconfirmedEvidence
        copy.warnings += other.warnings
        copy.evidenceFiles = other.evidenceFiles
        return copy
    }

    /// Replaces statuses as the findings say; indicator decisions win over evidence findings.
    /// Unmet indicators that relied on an item left out say why first.
    func apply(to results: [IndicatorResult]) -> [IndicatorResult] {
        guard !siteVisitEvidence.isEmpty || !indicatorDecisions.isEmpty || !rejectedEvidence.isEmpty
                || !unconfirmedEvidence.isEmpty else { return results }
        var rejectedFor: [String: [(id: String, finding: Finding)]] = [:]
        for (id, rejected) in rejectedEvidence.sorted(by: { $0.key < $1.key }) {
            for indicator in Set(rejected.supports) { rejectedFor[indicator, default: []].append((id, rejected.finding)) }
        }
        var unconfirmedFor: [String: [Reason]] = [:]
        for (_, unconfirmed) in unconfirmedEvidence.sorted(by: { $0.key < $1.key }) {
            for indicator in Set(unconfirmed.supports) { unconfirmedFor[indicator, default: []].append(unconfirmed.reason) }
        }
        return results.map { original in
            var result = original
            if result.status.isUnmet, let unconfirmed = unconfirmedFor[result.id] {
                result.reasons = unconfirmed + result.reasons
            }
            if result.status.isUnmet, let rejected = rejectedFor[result.id] {
                result.reasons = rejected.map { item in
                    .assessorFinding(AssessorFindingReason(effect: .evidenceRejected, finding: item.finding, evidenceID: item.id))
                } + result.reasons
            }
            if result.status == .met,
               let item = result.evidenceUsed.first(where: { siteVisitEvidence[$0] != nil }),
               let finding = siteVisitEvidence[item] {
                result.status = .needsAssessor
                result.reasons = [.assessorFinding(AssessorFindingReason(effect: .evidenceNeedsSiteVisit, finding: finding, evidenceID: item))]
            }
            guard let decided = indicatorDecisions[result.id], result.status != .notApplicable else { return result }
            let (finding, source) = decided
            let decision = Reason.assessorFinding(AssessorFindingReason(effect: .indicatorDecision, finding: finding))
            switch finding.decision {
            case .accepted:
                result.status = .met
                result.reasons = [decision]
                result.toProvide = []
                result.unlinkedCandidates = []
            case .rejected:
                result.status = .notMet
                result.reasons = [decision] + result.reasons.filter { $0.kind != .needsAssessor }
                if result.toProvide.isEmpty {
                    result.toProvide = [.answerFinding(assessor: finding.assessor, date: finding.date, assessorReason: finding.reason)]
                }
            case .needsSiteVisit:
                result.status = .needsAssessor
                result.reasons = [decision]
                result.toProvide = []
            }
            result.assessorDecision = AssessorDecision(decision: finding.decision, reason: finding.reason,
                                                       assessor: finding.assessor, date: finding.date,
                                                       expires: finding.expires, source: source)
            return result
        }
    }
}
