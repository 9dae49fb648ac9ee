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

    /// " (clause 4.2)", or nothing when the rule cites no clause.
    static func cite(_ clause: String?, _ extra: String? = nil) -> String {
        let parts = [clause.map { "clause \($0)" }, extra].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// Every failed rule except safety and edition, in the order the tender states them.
    func reasons() -> [TenderReason] {
        outcome() + sectionOutcomes() + services() + thresholds() + localIndicators() + actionsAfterContractStart()
    }

    private func outcome() -> [TenderReason] {
        let verdict = assessment.outcome.verdict
        guard !tender.outcomes.overall.contains(verdict) else { return [] }
        let accepted = tender.outcomes.overall.map(\.label).joined(separator: " or ").lowercased()
        let totals = assessment.totals
        return [TenderReason(kind: .outcomeNotAccepted,
                             message: "the engine's outcome is \(verdict.label.lowercased()) (\(totals.mandatoryMet) of \(totals.mandatoryApplicable) applicable mandatory indicators met); the tender accepts \(accepted)" + TenderRules.cite(tender.outcomes.clause),
                             clause: tender.outcomes.clause, actual: verdict.rawValue,
                             required: tender.outcomes.overall.map(\.rawValue).joined(separator: " "))]
    }

    private func sectionOutcomes() -> [TenderReason] {
        sections.filter { !$0.accepted }.map { section in
            let accepted = section.accept.map(\.label).joined(separator: " or ").lowercased()
            return TenderReason(kind: .sectionOutcomeNotAccepted,
                                message: "section \(section.number) \(section.title) is \(section.outcome.label) (\(section.detail)); the tender requires \(accepted)" + TenderRules.cite(section.clause),
                                clause: section.clause, actual: section.outcome.rawValue,
                                required: section.accept.map(\.rawValue).joined(separator: " "))
        }
    }

    private func services() -> [TenderReason] {
        var reasons: [TenderReason] = []
        let vocabulary = framework.vocabulary
        for required in tender.services {
            let label = vocabulary.serviceLabel(required.serviceType)
            guard let offered = submission.services.first(where: { $0.serviceType == required.serviceType }) else {
                let offered = submission.services.map(\.serviceType).joined(separator: ", ")
                reasons.append(TenderReason(kind: .serviceNotOffered,
                                            message: "the bid does not offer “\(label)” (\(required.serviceType)); it offers \(offered.isEmpty ? "no service" : offered); the tender requires it" + TenderRules.cite(required.clause),
                                            clause: required.clause, actual: offered, required: required.serviceType))
                continue
            }
            let missing = required.riskLevels.filter { !offered.riskLevels.contains($0) }
            guard !missing.isEmpty else { continue }
            reasons.append(TenderReason(kind: .riskLevelNotServed,
                                        message: "the bid's \(required.serviceType) service serves \(offered.riskLevels.joined(separator: ", ")) risk; the tender requires \(required.riskLevels.joined(separator: ", ")), so \(missing.joined(separator: ", ")) is missing" + TenderRules.cite(required.clause),
                                        clause: required.clause, actual: offered.riskLevels.joined(separator: " "),
                                        required: required.riskLevels.joined(separator: " ")))
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
            let required = threshold.requirementText
            let applyingIDs = Set(applying.map(\.indicator.id))
            let replaced = changes.filter { $0.fact == threshold.factID && applyingIDs.contains($0.indicator) }
            let olds = replaced.reduce(into: [String]()) { list, change in if !list.contains(change.old) { list.append(change.old) } }
            let at = replaced.map { "\($0.number) \($0.indicator)" }.reduce(into: [String]()) { list, name in if !list.contains(name) { list.append(name) } }
            let context = "the framework's own threshold is \(olds.joined(separator: " / ")), at \(at.joined(separator: ", "))"
            let unitText = threshold.unit.map { " \($0)" } ?? ""
            guard let stated = submission.facts.first(where: { $0.id == threshold.factID }) else {
                reasons.append(TenderReason(kind: .thresholdFailed,
                                            message: "the bid does not state \(threshold.factID); the tender requires \(required)" + TenderRules.cite(override.clause, context),
                                            clause: override.clause, actual: nil, required: required, indicator: first.indicator.id))
                continue
            }
            let statedText = "\(stated.value)" + (stated.unit.map { " \($0)" } ?? "")
            if stated.unit != threshold.unit {
                reasons.append(TenderReason(kind: .thresholdFailed,
                                            message: "\(threshold.factID) is stated as \(statedText); the tender requires \(required), in\(unitText.isEmpty ? " no unit" : unitText)" + TenderRules.cite(override.clause, context),
                                            clause: override.clause, actual: statedText, required: required, indicator: first.indicator.id))
            } else if !threshold.holds(for: stated.value) {
                reasons.append(TenderReason(kind: .thresholdFailed,
                                            message: "\(threshold.factID) is \(statedText); the tender requires \(required)" + TenderRules.cite(override.clause, context),
                                            clause: override.clause, actual: statedText, required: required, indicator: first.indicator.id))
            }
        }
        return reasons
    }

    private func localIndicators() -> [TenderReason] {
        guard let local = tender.localIndicators else { return [] }
        return local.indicators.compactMap { entry in
            let indicator = entry.indicator
            guard indicator.level == .mandatory, let result = assessment.indicator(indicator.id), result.status.isUnmet else { return nil }
            let why = result.reasons.map(\.message).joined(separator: "; ")
            return TenderReason(kind: .localIndicatorNotMet,
                                message: "local indicator \(indicator.number) \(indicator.id) is \(result.status.label): \(why); the tender requires it to be met" + TenderRules.cite(entry.clause),
                                clause: entry.clause, actual: result.status.rawValue, required: IndicatorStatus.met.rawValue,
                                indicator: indicator.id)
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
            return TenderReason(kind: .actionDueAfterContractStart,
                                message: "the action for \(result.number) \(result.id) is due \(late.due), after the contract start \(dueBy); the tender requires actions due by the contract start" + TenderRules.cite(clause),
                                clause: clause, actual: late.due.description, required: "on or before \(dueBy)", indicator: result.id)
        }
    }
}

extension Assessment {
    /// The result for one indicator, if any.
    func indicator(_ id: String) -> IndicatorResult? {
        indicators.first { $0.id == id }
    }
}
