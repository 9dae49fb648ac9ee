public import RespectEvaluation
import RespectModel

extension EnglishWording {
    public func message(_ reason: TenderReason) -> String {
        switch reason.cause {
        case .unreadable(let problems):
            return "the bid could not be read: " + problems.joined(separator: "; ")
        case .notEvaluated(let edition, let problems):
            return "the bid could not be evaluated against \(edition): " + problems.joined(separator: "; ")
        case .safetyCritical(let indicator, _, let firstReason):
            return "UNSAFE: safety-critical indicator \(mention(indicator)) is not met" + (firstReason.map { ": " + message($0) } ?? "")
        case .editionNotAccepted(let bid, let accepted):
            return "the bid targets \(bid); the tender accepts \(accepted.joined(separator: ", "))" + cite(reason.clause)
        case .outcomeNotAccepted(let outcome, let met, let applicable, let accepted):
            return "the engine's outcome is \(outcome.label.lowercased()) (\(met) of \(applicable) applicable mandatory indicators met); the tender accepts \(verdicts(accepted))" + cite(reason.clause)
        case .sectionOutcomeNotAccepted(let section):
            return "section \(section.number) \(section.title) is \(sectionOutcome(section.outcome)) (\(sectionDetail(section))); the tender requires \(verdicts(section.accept))" + cite(reason.clause)
        case .serviceNotOffered(let type, let offered):
            return "the bid does not offer “\(type.label)” (\(type.id)); it offers \(offered.isEmpty ? "no service" : offered.joined(separator: ", ")); the tender requires it" + cite(reason.clause)
        case .riskLevelNotServed(let type, let served, let required, let missing):
            return "the bid's \(type) service serves \(served.joined(separator: ", ")) risk; the tender requires \(required.joined(separator: ", ")), so \(missing.joined(separator: ", ")) is missing" + cite(reason.clause)
        case .thresholdFailed(let failure):
            let context = "the framework's own threshold is \(failure.frameworkThresholds.map(threshold).joined(separator: " / ")), at \(failure.replacedAt.map(mention).joined(separator: ", "))"
            let required = threshold(failure.threshold)
            guard let stated = failure.stated else {
                return "the bid does not state \(failure.fact); the tender requires \(required)" + cite(reason.clause, context)
            }
            if stated.unit != failure.threshold.unit {
                let unitText = unit(failure.threshold.unit)
                return "\(failure.fact) is stated as \(statedValue(stated)); the tender requires \(required), in\(unitText.isEmpty ? " no unit" : unitText)" + cite(reason.clause, context)
            }
            return "\(failure.fact) is \(statedValue(stated)); the tender requires \(required)" + cite(reason.clause, context)
        case .localIndicatorNotMet(let indicator, let status, let reasons):
            return "local indicator \(mention(indicator)) is \(self.status(status)): \(reasons.map(message).joined(separator: "; ")); the tender requires it to be met" + cite(reason.clause)
        case .actionDueAfterContractStart(let indicator, let due, let start):
            return "the action for \(mention(indicator)) is due \(due), after the contract start \(start); the tender requires actions due by the contract start" + cite(reason.clause)
        }
    }

    public func tenderFigures(_ reason: TenderReason) -> (bid: String?, required: String?) {
        switch reason.cause {
        case .unreadable, .notEvaluated: (nil, nil)
        case .safetyCritical(_, let status, _): (status.rawValue, IndicatorStatus.met.rawValue)
        case .editionNotAccepted(let bid, let accepted): (bid, accepted.joined(separator: ", "))
        case .outcomeNotAccepted(let outcome, _, _, let accepted): (outcome.rawValue, accepted.map(\.rawValue).joined(separator: " "))
        case .sectionOutcomeNotAccepted(let section): (section.outcome.rawValue, section.accept.map(\.rawValue).joined(separator: " "))
        case .serviceNotOffered(let type, let offered): (offered.joined(separator: ", "), type.id)
        case .riskLevelNotServed(_, let served, let required, _): (served.joined(separator: " "), required.joined(separator: " "))
        case .thresholdFailed(let failure): (failure.stated.map(statedValue), threshold(failure.threshold))
        case .localIndicatorNotMet(_, let status, _): (status.rawValue, IndicatorStatus.met.rawValue)
        case .actionDueAfterContractStart(_, let due, let start): (due.description, "on or before \(start)")
        }
    }

    public func tenderReasonTag(_ kind: TenderReason.Kind) -> String {
        switch kind {
        case .unreadable: "bid could not be read"
        case .notEvaluated: "bid could not be evaluated"
        case .safetyCritical: "safety-critical failure"
        case .editionNotAccepted: "edition not accepted"
        case .outcomeNotAccepted: "outcome not accepted"
        case .sectionOutcomeNotAccepted: "section outcome not accepted"
        case .serviceNotOffered: "service not offered"
        case .riskLevelNotServed: "risk level not served"
        case .thresholdFailed: "threshold not met"
        case .localIndicatorNotMet: "local requirement not met"
        case .actionDueAfterContractStart: "action due after contract start"
        }
    }

    public func sectionDetail(_ section: SectionOutcomeResult) -> String {
        guard section.applicable > 0 else { return "no indicator of this section applies to the services the bid declares" }
        var detail = "\(section.mandatoryMet) of \(section.mandatoryApplicable) applicable mandatory indicators met"
        let unsafe = section.safetyCriticalFailures
        if !unsafe.isEmpty { detail += "; safety-critical failure: " + unsafe.map(mention).joined(separator: ", ") }
        let otherUnmet = section.otherUnmet
        if !otherUnmet.isEmpty {
            detail += "; not met: " + otherUnmet.map(mention).joined(separator: ", ")
            if !section.withoutAction.isEmpty, unsafe.isEmpty {
                let window = section.actionsBy.map { "from \(section.actionsFrom) to \($0)" } ?? "on or after \(section.actionsFrom)"
                detail += "; without an action due \(window): " + section.withoutAction.map(mention).joined(separator: ", ")
            }
        }
        return detail
    }

    public func thresholdChange(_ change: ThresholdChange) -> String {
        "\(change.fact) \(threshold(change.old)) → \(threshold(change.new))"
    }

    /// "24 weeks", "true".
    func statedValue(_ stated: StatedValue) -> String {
        "\(stated.value)" + unit(stated.unit)
    }

    /// " (clause 4.2; context)", or nothing when there is neither.
    func cite(_ clause: String?, _ extra: String? = nil) -> String {
        let parts = [clause.map { "clause \($0)" }, extra].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
