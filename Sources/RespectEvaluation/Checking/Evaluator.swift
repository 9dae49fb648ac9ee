public import RespectModel

/// Evaluates a submission against a framework edition as of a date.
///
/// Pure and deterministic: no I/O, no clock. The same framework, submission and date always
/// give the same `Assessment`.
public struct Evaluator: Sendable {
    public let framework: Framework
    /// How far ahead "expires soon" warnings look, in days.
    public var warningHorizonDays: Int

    /// `framework.indicators` and their ids, worked out once: one evaluator often scores a
    /// whole batch.
    let indicators: [Indicator]
    let indicatorIDs: Set<String>
    /// Why each indicator may not apply (the services and risk levels it applies to), which
    /// depends on the framework alone.
    private let notApplicableReasons: [String: Reason]

    public init(framework: Framework, warningHorizonDays: Int = 90) {
        self.framework = framework
        self.warningHorizonDays = warningHorizonDays
        indicators = framework.indicators
        // Evidence and findings may refer to gates as they refer to indicators.
        indicatorIDs = framework.linkableIDs
        notApplicableReasons = Dictionary(indicators.map { ($0.id, Self.notApplicable($0.applicability, in: framework)) },
                                          uniquingKeysWith: { first, _ in first })
    }

    /// Evaluates `submission` as of `asOf`.
    ///
    /// - Throws: `SubmissionMismatch` when the submission declares a service type or risk level
    ///   the framework does not know: evaluating it would silently mark indicators not applicable.
    public func evaluate(_ submission: Submission, asOf: CalendarDate) throws(SubmissionMismatch) -> Assessment {
        try evaluate(submission, asOf: asOf, adjustments: EvaluationAdjustments())
    }

    /// The same assessment as `evaluate(_:asOf:)` without the expiry warnings ("due for review
    /// soon", "stops counting soon"), which take time to write and which a batch row does not
    /// show; everything else (outcome, totals, missing evidence) is identical.
    public func evaluateWithoutExpiryWarnings(_ submission: Submission, asOf: CalendarDate) throws(SubmissionMismatch) -> Assessment {
        try evaluate(submission, asOf: asOf, adjustments: EvaluationAdjustments(), collectsWarnings: false)
    }

    /// Evaluates with an assessor's findings folded in: rejected items are not counted,
    /// accepted items count whatever their dates, and indicator decisions replace the
    /// automated status before the roll-ups and the outcome. Empty adjustments change nothing.
    /// `listsItems: false` leaves out the copy of every evidence item (`submission.items` is
    /// nil): the planner, which evaluates a submission many times and reads only the results,
    /// does not hold a summary of the largest submission's 20,000 items for each evaluation.
    /// `keepsWarnings: false` leaves out every warning (the planner shows none), so the
    /// submission's references are checked for errors only.
    func evaluate(_ submission: Submission, asOf: CalendarDate, adjustments: EvaluationAdjustments,
                  collectsWarnings: Bool = true, listsItems: Bool = true, keepsWarnings: Bool = true) throws(SubmissionMismatch) -> Assessment {
        let consistency = SubmissionConsistency(framework: framework, indicatorIDs: indicatorIDs, submission: submission, asOf: asOf,
                                                warns: keepsWarnings)
        if !consistency.errors.isEmpty { throw SubmissionMismatch(file: submission.source, framework: framework.identity.reference, problems: consistency.errors) }

        let index = EvidenceIndex(adjustments.counted(submission), indicators: indicatorIDs)
        let requirements = RequirementEvaluator(index: index, vocabulary: framework.vocabulary, asOf: asOf,
                                                warningHorizonDays: warningHorizonDays,
                                                acceptedEvidence: adjustments.acceptedEvidence,
                                                collectsWarnings: collectsWarnings)
        var warnings = consistency.warnings + adjustments.warnings
        var results: [IndicatorResult] = []
        results.reserveCapacity(indicators.count)
        for indicator in indicators {
            let (result, indicatorWarnings) = evaluate(indicator, submission: submission, requirements: requirements)
            results.append(result)
            warnings += indicatorWarnings
        }
        results = adjustments.apply(to: results)
        let gates = gateResults(submission, requirements: requirements, adjustments: adjustments)
        warnings += gates.warnings

        let sections = rollUp(results)
        var totals = StatusCounts()
        for index in results.indices { totals.add(results[index]) }
        let decision = gateDecision(gates.results)
            ?? OutcomeRules(framework: framework, results: results, sections: sections, index: index, asOf: asOf).decide()
        return Assessment(
            advisory: .selfAssessment,
            engineVersion: EngineVersion.current,
            asOf: asOf,
            framework: FrameworkSummary(id: framework.identity.id, edition: framework.identity.edition,
                                        revision: framework.identity.revision, title: framework.title,
                                        notice: framework.notice, supersededBy: framework.identity.supersededBy),
            submission: SubmissionSummary(file: submission.source, provider: submission.provider, target: submission.target,
                                          services: submission.services, offered: submission.services.map(offer),
                                          evidenceItems: submission.evidence.count,
                                          actionPlanEntries: submission.actionPlan.count,
                                          items: listsItems ? submission.evidence.map(EvidenceItemSummary.init) : nil),
            outcome: decision,
            safetyCriticalFailures: results.mapInPlace(where: { $0.safetyCritical && $0.status.isUnmet }, reference),
            totals: totals,
            sections: sections,
            indicators: results,
            missingEvidence: MissingEvidenceList(framework: framework, results: results, index: index, asOf: asOf).groups,
            forAssessor: results.mapInPlace(where: { $0.status == .needsAssessor }, reference),
            warnings: keepsWarnings ? deduplicated(warnings) : [],
            gates: gates.results.isEmpty ? nil : gates.results,
            evidenceFiles: adjustments.evidenceFiles)
    }

    func evaluate(_ indicator: Indicator, submission: Submission,
                          requirements: RequirementEvaluator) -> (IndicatorResult, [Warning]) {
        var result = IndicatorResult(
            id: indicator.id, number: indicator.number, text: indicator.text, section: indicator.sectionID,
            standard: indicator.standardID, level: indicator.level, safetyCritical: indicator.isSafetyCritical,
            verification: indicator.verification, status: .notApplicable, reasons: [], evidenceUsed: [],
            toProvide: [], remediation: indicator.remediation, unlinkedCandidates: [],
            provenance: indicator.provenance, tiers: indicator.tiers.isEmpty ? nil : indicator.tiers)
        guard indicator.applicability.applies(to: submission) else {
            result.reasons = [notApplicableReasons[indicator.id] ?? Self.notApplicable(indicator.applicability, in: framework)]
            return (result, [])
        }
        let outcome = requirements.evaluate(indicator.requirement, for: indicator)
        result.evidenceUsed = outcome.evidenceUsed
        if outcome.satisfied {
            switch indicator.verification {
            case .desk where outcome.unbacked.isEmpty:
                result.status = .met
            case .desk:
                // A fact it relies on cites nothing that can show it: an assessor must see it.
                result.status = .needsAssessor
                result.reasons = outcome.unbacked
                result.toProvide = outcome.sourceProvisions
            case .siteVisit, .caseSample, .interview:
                result.status = .needsAssessor
                result.reasons = outcome.unbacked + [.needsAssessor(verification: indicator.verification)]
                result.toProvide = outcome.sourceProvisions
            }
        } else {
            result.status = outcome.hasProgress ? .partlyMet : .notMet
            result.reasons = outcome.reasons
            result.toProvide = outcome.toProvide
            result.unlinkedCandidates = outcome.unlinkedCandidates
        }
        return (result, outcome.warnings)
    }

    /// An offered service with the framework's labels.
    private func offer(_ service: OfferedService) -> ServiceOffer {
        ServiceOffer(serviceType: framework.vocabulary.serviceTypeReference(service.serviceType),
                     riskLevels: service.riskLevels.map(framework.vocabulary.riskLevelReference))
    }

    private static func notApplicable(_ applicability: Applicability, in framework: Framework) -> Reason {
        .notApplicable(serviceTypes: applicability.serviceTypes?.map(framework.vocabulary.serviceTypeReference),
                       riskLevels: applicability.riskLevels?.map(framework.vocabulary.riskLevelReference))
    }

    func rollUp(_ results: [IndicatorResult]) -> [SectionResult] {
        // Positions, not copies, of each standard's results.
        var byStandard: [String: [Int]] = [:]
        for position in results.indices { byStandard[results[position].standard, default: []].append(position) }
        return framework.sections.map { section in
            var sectionCounts = StatusCounts()
            let standards = section.standards.map { standard in
                var counts = StatusCounts()
                for position in byStandard[standard.id, default: []] {
                    // Fields read in place: passing `results[position]` would copy the result.
                    let (status, level, critical) = (results[position].status, results[position].level, results[position].safetyCritical)
                    counts.add(status: status, level: level, safetyCritical: critical)
                    sectionCounts.add(status: status, level: level, safetyCritical: critical)
                }
                return StandardResult(id: standard.id, number: standard.number, title: standard.title,
                                      status: StandardResult.status(for: counts), counts: counts)
            }
            return SectionResult(id: section.id, number: section.number, title: section.title,
                                 counts: sectionCounts, standards: standards)
        }
    }

    private func reference(_ result: IndicatorResult) -> IndicatorReference {
        IndicatorReference(id: result.id, number: result.number, text: result.text, section: result.section)
    }

    /// Removes repeats, merges one item's age-limit warnings for several indicators into one,
    /// and orders warnings by their line in the submission.
    private func deduplicated(_ warnings: [Warning]) -> [Warning] {
        var seen = Set<Warning>()
        var merged: [Warning] = []
        var ageLimitIndex: [String: Int] = [:]
        for warning in warnings where seen.insert(warning).inserted {
            guard warning.kind == .ageLimitSoon, let id = warning.evidenceID, let date = warning.date else {
                merged.append(warning)
                continue
            }
            let key = "\(id)|\(date)"
            if let index = ageLimitIndex[key] {
                merged[index] = merged[index].adding(indicators: warning.indicators ?? [])
            } else {
                ageLimitIndex[key] = merged.count
                merged.append(warning)
            }
        }
        return merged.enumerated().sorted { lhs, rhs in
            (lhs.element.line ?? 0, lhs.offset) < (rhs.element.line ?? 0, rhs.offset)
        }.map(\.element)
    }
}

extension StandardResult {
    /// A standard is met when every applicable indicator is met (or awaits an assessor), not
    /// met when none is, and partly met in between.
    static func status(for counts: StatusCounts) -> IndicatorStatus {
        if counts.applicable == 0 { return .notApplicable }
        let done = counts.met + counts.needsAssessor
        if done == counts.applicable { return counts.needsAssessor > 0 ? .needsAssessor : .met }
        if done == 0 && counts.partlyMet == 0 { return .notMet }
        return .partlyMet
    }
}

/// The engine's version, recorded in every result.
public enum EngineVersion {
    public static let current = "0.1.0"
}
