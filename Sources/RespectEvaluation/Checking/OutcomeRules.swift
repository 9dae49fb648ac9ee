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
        results.filterInPlace { Self.isApplicableMandatory($0) }
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

    /// Whether `condition` holds; `check(_:)` adds the figures behind it.
    private func holds(_ condition: OutcomeCondition) -> Bool {
        switch condition {
        case .allMandatoryMet(let acceptNeedsAssessor):
            return !results.containsInPlace { Self.isApplicableMandatory($0) && Self.isUnmet($0, acceptNeedsAssessor: acceptNeedsAssessor) }
        case .noSafetyCriticalFailure:
            return !results.containsInPlace { $0.safetyCritical && $0.status.isUnmet }
        case .sectionCoverage(let minPercent, let level):
            return sections.allSatisfy { section in
                let (applicable, met) = level == .mandatory
                    ? (section.counts.mandatoryApplicable, section.counts.mandatoryMet)
                    : (section.counts.desirableApplicable, section.counts.desirableMet)
                return applicable == 0 || meets(met, of: applicable, minPercent)
            }
        case .mandatoryMetPercent(let minPercent):
            var applicable = 0, met = 0
            for index in results.indices where Self.isApplicableMandatory(results[index]) {
                applicable += 1
                if results[index].status == .met || results[index].status == .needsAssessor { met += 1 }
            }
            return meets(met, of: applicable, minPercent)
        case .actionPlanCoversUnmetMandatory(let withinMonths):
            let latest = asOf.adding(months: withinMonths)
            return !results.containsInPlace { result in
                guard Self.isApplicableMandatory(result), result.status.isUnmet else { return false }
                return !(index.actions[result.id] ?? []).contains { $0.due >= asOf && $0.due <= latest }
            }
        case .tierMet(let tier, let acceptNeedsAssessor):
            return !results.containsInPlace { Self.isInTier($0, tier) && Self.isUnmet($0, acceptNeedsAssessor: acceptNeedsAssessor) }
        }
    }

    /// Applicable and in the named tier.
    private static func isInTier(_ result: IndicatorResult, _ tier: String) -> Bool {
        result.status != .notApplicable && (result.tiers ?? []).contains(tier)
    }

    /// Not met for `allMandatoryMet`: unmet, or awaiting an assessor when that is not accepted.
    private static func isUnmet(_ result: IndicatorResult, acceptNeedsAssessor: Bool) -> Bool {
        result.status.isUnmet || (!acceptNeedsAssessor && result.status == .needsAssessor)
    }

    private func check(_ condition: OutcomeCondition) -> ConditionResult {
        ConditionResult(condition: condition, holds: holds(condition), figures: figures(condition))
    }

    /// The submission's figures against `condition`.
    private func figures(_ condition: OutcomeCondition) -> ConditionFigures {
        switch condition {
        case .allMandatoryMet(let acceptNeedsAssessor):
            let mandatory = mandatory
            let unmet = mandatory.mapInPlace(where: { Self.isUnmet($0, acceptNeedsAssessor: acceptNeedsAssessor) }, Self.mention)
            return .allMandatoryMet(met: mandatory.count - unmet.count, applicable: mandatory.count,
                                    provisional: mandatory.countInPlace { $0.status == .needsAssessor }, unmet: unmet)
        case .noSafetyCriticalFailure:
            return .noSafetyCriticalFailure(failures: results.mapInPlace(where: { $0.safetyCritical && $0.status.isUnmet }, Self.mention))
        case .sectionCoverage(let minPercent, let level):
            var below: [SectionCoverage] = []
            for section in sections {
                let (applicable, met) = level == .mandatory
                    ? (section.counts.mandatoryApplicable, section.counts.mandatoryMet)
                    : (section.counts.desirableApplicable, section.counts.desirableMet)
                guard applicable > 0, !meets(met, of: applicable, minPercent) else { continue }
                below.append(SectionCoverage(section: section.id, number: section.number, title: section.title, met: met, applicable: applicable))
            }
            return .sectionCoverage(below: below)
        case .mandatoryMetPercent:
            let mandatory = mandatory
            return .mandatoryMetPercent(met: mandatory.countInPlace { $0.status == .met || $0.status == .needsAssessor },
                                        applicable: mandatory.count)
        case .actionPlanCoversUnmetMandatory(let withinMonths):
            let latest = asOf.adding(months: withinMonths)
            let unmet = mandatory.filterInPlace { $0.status.isUnmet }
            let uncovered = unmet.compactMap { result -> UncoveredIndicator? in
                let actions = index.actions[result.id] ?? []
                if actions.contains(where: { $0.due >= asOf && $0.due <= latest }) { return nil }
                return UncoveredIndicator(indicator: Self.mention(result), firstActionDue: actions.first?.due)
            }
            return .actionPlanCoversUnmetMandatory(from: asOf, to: latest, unmet: unmet.count, uncovered: uncovered)
        case .tierMet(let tier, let acceptNeedsAssessor):
            let inTier = results.filterInPlace { Self.isInTier($0, tier) }
            let unmet = inTier.mapInPlace(where: { Self.isUnmet($0, acceptNeedsAssessor: acceptNeedsAssessor) }, Self.mention)
            return .tierMet(met: inTier.count - unmet.count, applicable: inTier.count,
                            provisional: inTier.countInPlace { $0.status == .needsAssessor }, unmet: unmet)
        }
    }

    /// `met / applicable ≥ minPercent`, computed exactly; nothing applicable counts as 100%.
    private func meets(_ met: Int, of applicable: Int, _ minPercent: ExactDecimal) -> Bool {
        guard applicable > 0 else { return true }
        // met * 100 / applicable >= min  ⇔  met * 100 * 10^6 >= min.millionths * applicable
        return Int64(met) * 100 * 1_000_000 >= minPercent.millionths * Int64(applicable)
    }

    private static func mention(_ result: IndicatorResult) -> IndicatorMention {
        IndicatorMention(id: result.id, number: result.number)
    }
}
