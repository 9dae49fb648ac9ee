import RespectModel

/// Applies the framework's ordered outcome rules: the first outcome whose conditions all hold.
struct OutcomeRules {
    let framework: Framework
    let results: [IndicatorResult]
    let sections: [SectionResult]
    let index: EvidenceIndex
    let asOf: CalendarDate

    init(framework: Framework, results: [IndicatorResult], sections: [SectionResult], index: EvidenceIndex, asOf: CalendarDate) {
        self.framework = framework
        self.results = results
        self.sections = sections
        self.index = index
        self.asOf = asOf
    }

    /// The applicable mandatory indicators, which most conditions look at.
    private var mandatory: [IndicatorResult] {
        results.filter(Self.isApplicableMandatory)
    }

    private static func isApplicableMandatory(_ result: IndicatorResult) -> Bool {
        result.level == .mandatory && result.status != .notApplicable
    }

    /// The verdict of the first outcome whose conditions all hold: the same verdict as
    /// `decide()`, without writing the conditions' details.
    func verdict() -> Verdict {
        for outcome in framework.outcomes where outcome.conditions.allSatisfy(holds) {
            return outcome.verdict
        }
        return .notYet
    }

    func decide() -> OutcomeDecision {
        var trials: [OutcomeTrial] = []
        for outcome in framework.outcomes {
            let conditions = outcome.conditions.map(check)
            let matched = conditions.allSatisfy(\.holds)
            trials.append(OutcomeTrial(outcomeID: outcome.id, label: outcome.label, verdict: outcome.verdict,
                                       matched: matched, conditions: conditions))
            if matched {
                return OutcomeDecision(id: outcome.id, verdict: outcome.verdict, label: outcome.label,
                                       description: outcome.description, rulesTried: trials)
            }
        }
        // The loader requires an unconditional last outcome; this is only reached for an empty list.
        return OutcomeDecision(id: "none", verdict: .notYet, label: "No outcome rule matched", description: nil, rulesTried: trials)
    }

    /// Whether `condition` holds; `check(_:)` says why, in words.
    private func holds(_ condition: OutcomeCondition) -> Bool {
        switch condition {
        case .allMandatoryMet(let acceptNeedsAssessor):
            return !results.contains { Self.isApplicableMandatory($0) && Self.isUnmet($0, acceptNeedsAssessor: acceptNeedsAssessor) }
        case .noSafetyCriticalFailure:
            return !results.contains { $0.safetyCritical && $0.status.isUnmet }
        case .sectionCoverage(let minPercent, let level):
            return sections.allSatisfy { section in
                let (applicable, met) = level == .mandatory
                    ? (section.counts.mandatoryApplicable, section.counts.mandatoryMet)
                    : (section.counts.desirableApplicable, section.counts.desirableMet)
                return applicable == 0 || meets(met, of: applicable, minPercent)
            }
        case .mandatoryMetPercent(let minPercent):
            var applicable = 0, met = 0
            for result in results where Self.isApplicableMandatory(result) {
                applicable += 1
                if result.status == .met || result.status == .needsAssessor { met += 1 }
            }
            return meets(met, of: applicable, minPercent)
        case .actionPlanCoversUnmetMandatory(let withinMonths):
            let latest = asOf.adding(months: withinMonths)
            return results.allSatisfy { result in
                guard Self.isApplicableMandatory(result), result.status.isUnmet else { return true }
                return (index.actions[result.id] ?? []).contains { $0.due >= asOf && $0.due <= latest }
            }
        }
    }

    /// Not met for `allMandatoryMet`: unmet, or awaiting an assessor when that is not accepted.
    private static func isUnmet(_ result: IndicatorResult, acceptNeedsAssessor: Bool) -> Bool {
        result.status.isUnmet || (!acceptNeedsAssessor && result.status == .needsAssessor)
    }

    private func check(_ condition: OutcomeCondition) -> ConditionResult {
        let conditionHolds = holds(condition)
        switch condition {
        case .allMandatoryMet(let acceptNeedsAssessor):
            let mandatory = mandatory
            let pending = mandatory.filter { $0.status == .needsAssessor }
            let unmet = mandatory.filter { Self.isUnmet($0, acceptNeedsAssessor: acceptNeedsAssessor) }
            var detail = "\(mandatory.count - unmet.count) of \(mandatory.count) applicable mandatory indicators met"
            if acceptNeedsAssessor && !pending.isEmpty { detail += " (\(pending.count) provisionally, pending an assessor)" }
            if !unmet.isEmpty { detail += "; not met: " + list(unmet) }
            return ConditionResult(condition: "allMandatoryMet",
                                   rule: "every applicable mandatory indicator is met" + (acceptNeedsAssessor ? " (or awaits an assessor)" : ""),
                                   holds: conditionHolds, detail: detail)
        case .noSafetyCriticalFailure:
            let failures = results.filter { $0.safetyCritical && $0.status.isUnmet }
            return ConditionResult(condition: "noSafetyCriticalFailure", rule: "no safety-critical indicator fails",
                                   holds: conditionHolds,
                                   detail: failures.isEmpty ? "no safety-critical failure" : "safety-critical failures: " + list(failures))
        case .sectionCoverage(let minPercent, let level):
            var short: [String] = []
            for section in sections {
                let (applicable, met) = level == .mandatory
                    ? (section.counts.mandatoryApplicable, section.counts.mandatoryMet)
                    : (section.counts.desirableApplicable, section.counts.desirableMet)
                guard applicable > 0 else { continue }
                if !meets(met, of: applicable, minPercent) {
                    short.append("\(section.number) \(section.title): \(met) of \(applicable) (\(percent(met, of: applicable))%)")
                }
            }
            return ConditionResult(condition: "sectionCoverage",
                                   rule: "every section has at least \(minPercent)% of its applicable \(level.rawValue) indicators met",
                                   holds: conditionHolds,
                                   detail: short.isEmpty ? "every section reaches \(minPercent)%" : "below \(minPercent)%: " + short.joined(separator: "; "))
        case .mandatoryMetPercent(let minPercent):
            let mandatory = mandatory
            let met = mandatory.filter { $0.status == .met || $0.status == .needsAssessor }.count
            return ConditionResult(condition: "mandatoryMetPercent",
                                   rule: "at least \(minPercent)% of applicable mandatory indicators are met",
                                   holds: conditionHolds,
                                   detail: "\(met) of \(mandatory.count) met (\(percent(met, of: mandatory.count))%)")
        case .actionPlanCoversUnmetMandatory(let withinMonths):
            let latest = asOf.adding(months: withinMonths)
            var uncovered: [String] = []
            let unmet = mandatory.filter { $0.status.isUnmet }
            for result in unmet {
                let actions = index.actions[result.id] ?? []
                if actions.contains(where: { $0.due >= asOf && $0.due <= latest }) { continue }
                if let action = actions.first {
                    let when = action.due < asOf ? "overdue (due \(action.due))" : "due \(action.due), after \(latest)"
                    uncovered.append("\(result.number) \(result.id): action \(when)")
                } else {
                    uncovered.append("\(result.number) \(result.id): no action")
                }
            }
            return ConditionResult(condition: "actionPlanCoversUnmetMandatory",
                                   rule: "the action plan covers every unmet mandatory indicator with a due date from \(asOf) to \(latest) (within \(withinMonths) months)",
                                   holds: conditionHolds,
                                   detail: uncovered.isEmpty
                                       ? "\(unmet.count) unmet mandatory indicator\(unmet.count == 1 ? "" : "s"), all covered"
                                       : "\(uncovered.count) of \(unmet.count) unmet mandatory indicators not covered: " + uncovered.joined(separator: "; "))
        }
    }

    /// `met / applicable ≥ minPercent`, computed exactly; nothing applicable counts as 100%.
    private func meets(_ met: Int, of applicable: Int, _ minPercent: ExactDecimal) -> Bool {
        guard applicable > 0 else { return true }
        // met * 100 / applicable >= min  ⇔  met * 100 * 10^6 >= min.millionths * applicable
        return Int64(met) * 100 * 1_000_000 >= minPercent.millionths * Int64(applicable)
    }

    private func percent(_ met: Int, of applicable: Int) -> String {
        guard applicable > 0 else { return "100" }
        let tenths = (met * 1000 + applicable / 2) / applicable
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    private func list(_ results: [IndicatorResult]) -> String {
        results.map { "\($0.number) \($0.id)" }.joined(separator: ", ")
    }
}
