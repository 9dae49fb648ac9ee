public import RespectEvaluation
import RespectModel

extension EnglishWording {
    /// "rule: figures", as a report lists a condition.
    public func message(_ condition: ConditionResult) -> String {
        "\(conditionRule(condition)): \(conditionDetail(condition))"
    }

    public func conditionRule(_ condition: ConditionResult) -> String {
        switch condition.condition {
        case .allMandatoryMet(let accept):
            return "every applicable mandatory indicator is met" + (accept ? " (or awaits an assessor)" : "")
        case .noSafetyCriticalFailure:
            return "no safety-critical indicator fails"
        case .sectionCoverage(let minPercent, let level):
            return "every section has at least \(minPercent)% of its applicable \(level.rawValue) indicators met"
        case .mandatoryMetPercent(let minPercent):
            return "at least \(minPercent)% of applicable mandatory indicators are met"
        case .actionPlanCoversUnmetMandatory(let months):
            guard case .actionPlanCoversUnmetMandatory(let from, let to, _, _) = condition.figures else {
                return "the action plan covers every unmet mandatory indicator within \(months) months"
            }
            return "the action plan covers every unmet mandatory indicator with a due date from \(from) to \(to) (within \(months) months)"
        case .tierMet(let tier, let accept):
            return "every applicable indicator of the '\(tier)' tier is met" + (accept ? " (or awaits an assessor)" : "")
        }
    }

    public func conditionDetail(_ condition: ConditionResult) -> String {
        switch condition.figures {
        case .allMandatoryMet(let met, let applicable, let provisional, let unmet):
            var detail = "\(met) of \(applicable) applicable mandatory indicators met"
            if case .allMandatoryMet(true) = condition.condition, provisional > 0 {
                detail += " (\(provisional) provisionally, pending an assessor)"
            }
            if !unmet.isEmpty { detail += "; not met: " + unmet.map(mention).joined(separator: ", ") }
            return detail
        case .noSafetyCriticalFailure(let failures):
            return failures.isEmpty ? "no safety-critical failure" : "safety-critical failures: " + failures.map(mention).joined(separator: ", ")
        case .sectionCoverage(let below):
            let minPercent: String
            if case .sectionCoverage(let percent, _) = condition.condition { minPercent = percent.description } else { minPercent = "" }
            return below.isEmpty
                ? "every section reaches \(minPercent)%"
                : "below \(minPercent)%: " + below.map { "\($0.number) \($0.title): \($0.met) of \($0.applicable) (\(percent($0.met, of: $0.applicable))%)" }
                    .joined(separator: "; ")
        case .mandatoryMetPercent(let met, let applicable):
            return "\(met) of \(applicable) met (\(percent(met, of: applicable))%)"
        case .actionPlanCoversUnmetMandatory(let from, let to, let unmet, let uncovered):
            guard !uncovered.isEmpty else {
                return "\(unmet) unmet mandatory indicator\(unmet == 1 ? "" : "s"), all covered"
            }
            let entries = uncovered.map { entry in
                guard let due = entry.firstActionDue else { return "\(mention(entry.indicator)): no action" }
                return "\(mention(entry.indicator)): action " + (due < from ? "overdue (due \(due))" : "due \(due), after \(to)")
            }
            return "\(uncovered.count) of \(unmet) unmet mandatory indicators not covered: " + entries.joined(separator: "; ")
        case .tierMet(let met, let applicable, let provisional, let unmet):
            var detail = "\(met) of \(applicable) applicable indicators of the tier met"
            if case .tierMet(_, true) = condition.condition, provisional > 0 {
                detail += " (\(provisional) provisionally, pending an assessor)"
            }
            if !unmet.isEmpty { detail += "; not met: " + unmet.map(mention).joined(separator: ", ") }
            return detail
        }
    }

    /// A share as a percentage with at most one decimal, rounded half up: "33.3"; nothing
    /// applicable counts as 100.
    func percent(_ met: Int, of applicable: Int) -> String {
        guard applicable > 0 else { return "100" }
        let tenths = (met * 1000 + applicable / 2) / applicable
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}

extension EnglishWording {
    public func conditionState(_ condition: ConditionResult, limit: Int) -> String {
        let numbers = { (mentions: [IndicatorMention]) in self.list(mentions.map(\.number), limit: limit) }
        switch (condition.condition, condition.figures) {
        case (.allMandatoryMet(let accept), .allMandatoryMet(_, let applicable, let provisional, let unmet)):
            if unmet.isEmpty {
                return "all \(applicable) applicable mandatory indicators are met"
                    + (provisional > 0 ? " (\(provisional) provisionally, awaiting an assessor)" : "")
            }
            let note = !accept && provisional > 0 ? " (this rule counts those awaiting an assessor as not met)" : ""
            return "\(unmet.count) of \(applicable) applicable mandatory indicators \(unmet.count == 1 ? "is" : "are") not met\(note): " + numbers(unmet)
        case (_, .noSafetyCriticalFailure(let failures)):
            guard !failures.isEmpty else { return "no safety-critical indicator fails" }
            return "\(count(failures.count, "safety-critical indicator")) \(failures.count == 1 ? "fails" : "fail"): " + numbers(failures)
        case (.sectionCoverage(let minPercent, let level), .sectionCoverage(let below)):
            guard !below.isEmpty else { return "every section has at least \(minPercent)% of its applicable \(level.rawValue) indicators met" }
            let sections = below.prefix(limit).map { "\($0.number) \($0.title) (\($0.met) of \($0.applicable), \(percent($0.met, of: $0.applicable))%)" }
            let more = below.count > limit ? " and \(below.count - limit) more" : ""
            return "\(count(below.count, "section has", "sections have")) fewer than \(minPercent)% of \(below.count == 1 ? "its" : "their") \(level.rawValue) indicators met: "
                + sections.joined(separator: "; ") + more
        case (.mandatoryMetPercent(let minPercent), .mandatoryMetPercent(let met, let applicable)):
            return "\(met) of \(applicable) applicable mandatory indicators are met (\(percent(met, of: applicable))%); the rule needs at least \(minPercent)%"
        case (_, .actionPlanCoversUnmetMandatory(let from, let to, let unmet, let uncovered)):
            if unmet == 0 { return "no mandatory indicator is unmet, so no action is needed" }
            guard !uncovered.isEmpty else {
                return "every unmet mandatory indicator (\(unmet)) has an action due from \(from) to \(to)"
            }
            return "\(uncovered.count) of \(unmet) unmet mandatory indicators \(uncovered.count == 1 ? "has" : "have") no action due from \(from) to \(to): "
                + numbers(uncovered.map(\.indicator))
        default:
            return message(condition)
        }
    }
}
