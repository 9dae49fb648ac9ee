import RespectModel

/// Checks one assessed bid against the tender's rules and says, for each rule it fails, what
/// the bid shows and what the tender requires, citing the clause.
struct TenderRules {
    let tender: Tender
    /// The framework copy the bid was evaluated against (tender applied).
    let framework: Framework
    let submission: Submission
    let assessment: Assessment
    let sections: [SectionOutcomeResult]
    /// The framework thresholds the tender replaced.
    let changes: [ThresholdChange]

    /// Every failed rule except safety and edition, in the order the tender states them.
    func reasons() -> [TenderReason] {
        outcome() + sectionOutcomes() + services() + thresholds() + localIndicators() + actionsAfterContractStart()
    }

    private func outcome() -> [TenderReason] {
        let verdict = assessment.outcome.verdict
        guard !tender.outcomes.overall.contains(verdict) else { return [] }
        let totals = assessment.totals
        return [TenderReason(.outcomeNotAccepted(outcome: verdict, mandatoryMet: totals.mandatoryMet,
                                                 mandatoryApplicable: totals.mandatoryApplicable, accepted: tender.outcomes.overall),
                             clause: tender.outcomes.clause)]
    }

    private func sectionOutcomes() -> [TenderReason] {
        sections.filter { !$0.accepted }.map { TenderReason(.sectionOutcomeNotAccepted($0), clause: $0.clause) }
    }

    private func services() -> [TenderReason] {
        var reasons: [TenderReason] = []
        for required in tender.services {
            guard let offered = submission.services.first(where: { $0.serviceType == required.serviceType }) else {
                reasons.append(TenderReason(.serviceNotOffered(serviceType: framework.vocabulary.serviceTypeReference(required.serviceType),
                                                               offered: submission.services.map(\.serviceType)),
                                            clause: required.clause))
                continue
            }
            let missing = required.riskLevels.filter { !offered.riskLevels.contains($0) }
            guard !missing.isEmpty else { continue }
            reasons.append(TenderReason(.riskLevelNotServed(serviceType: required.serviceType, served: offered.riskLevels,
                                                            required: required.riskLevels, missing: missing),
                                        clause: required.clause))
        }
        return reasons
    }

    private func thresholds() -> [TenderReason] {
        var reasons: [TenderReason] = []
        let applicable = Set(assessment.indicators.filter { $0.status != .notApplicable }.map(\.id))
        for override in tender.thresholds {
            let threshold = override.threshold
            let applying = framework.thresholds(on: threshold.factID).filter { applicable.contains($0.indicator.id) }
            guard let first = applying.first else { continue }
            let applyingIDs = Set(applying.map(\.indicator.id))
            let replaced = changes.filter { $0.fact == threshold.factID && applyingIDs.contains($0.indicator) }
            var olds: [FactThreshold] = []
            var at: [IndicatorMention] = []
            for change in replaced {
                if !olds.contains(change.old) { olds.append(change.old) }
                let mention = IndicatorMention(id: change.indicator, number: change.number)
                if !at.contains(mention) { at.append(mention) }
            }
            let stated = submission.facts.first { $0.id == threshold.factID }.map { StatedValue(value: $0.value, unit: $0.unit) }
            if let stated, stated.unit == threshold.unit, threshold.holds(for: stated.value) { continue }
            let failure = TenderThresholdFailure(fact: threshold.factID, stated: stated, threshold: threshold,
                                                 frameworkThresholds: olds, replacedAt: at,
                                                 indicator: IndicatorMention(id: first.indicator.id, number: first.indicator.number))
            reasons.append(TenderReason(.thresholdFailed(failure), clause: override.clause))
        }
        return reasons
    }

    private func localIndicators() -> [TenderReason] {
        guard let local = tender.localIndicators else { return [] }
        return local.indicators.compactMap { entry in
            let indicator = entry.indicator
            guard indicator.level == .mandatory, let result = assessment.indicator(indicator.id), result.status.isUnmet else { return nil }
            return TenderReason(.localIndicatorNotMet(indicator: IndicatorMention(id: indicator.id, number: indicator.number),
                                                      status: result.status, reasons: result.reasons),
                                clause: entry.clause)
        }
    }

    private func actionsAfterContractStart() -> [TenderReason] {
        guard let dueBy = tender.actionsDueBy else { return [] }
        let clause = tender.actionPlan?.clause
        let actions = Dictionary(grouping: submission.actionPlan, by: \.indicatorID)
        return assessment.indicators.filter { $0.level == .mandatory && $0.status.isUnmet }.compactMap { result in
            let planned = actions[result.id] ?? []
            guard !planned.contains(where: { $0.due >= assessment.asOf && $0.due <= dueBy }),
                  let late = planned.filter({ $0.due > dueBy }).min(by: { $0.due < $1.due }) else { return nil }
            return TenderReason(.actionDueAfterContractStart(indicator: IndicatorMention(id: result.id, number: result.number),
                                                             due: late.due, contractStart: dueBy),
                                clause: clause)
        }
    }
}

extension Assessment {
    /// The result for one indicator, if any.
    func indicator(_ id: String) -> IndicatorResult? {
        indicators.first { $0.id == id }
    }
}
