import RespectModel

/// Finds one plan step: the fewest indicators whose being met makes an outcome rule's
/// conditions hold, then the actions it accepts for what stays unmet.
///
/// 1. Indicators the rule needs whatever else happens (a failing safety-critical indicator;
///    every mandatory one when it asks for all) are added with the cheapest additions their
///    provisions name, and the submission with them is evaluated again. What those additions
///    bring with them — a service that makes more indicators apply, a new safety-critical one
///    among them — shows up in that evaluation and is added in turn, until nothing new is
///    needed.
/// 2. For each count the rule needs (a percentage of mandatory indicators, of each section's
///    indicators of a level), exactly as many of the cheapest candidates as are missing: those
///    that need no new service, that can be met from documents, that need the fewest
///    additions, then in the framework's order. Evaluate again; repeat from 1.
/// 3. Each chosen candidate is dropped again if the rule holds without it (a fact stated for one
///    indicator can meet another), latest first.
/// 4. Each applicable mandatory indicator still unmet gets an action when the rule accepts
///    actions, due within its window, unless it has one.
///
/// The step records what evaluating the submission with all of it gives.
struct StepSearch {
    let framework: Framework
    let asOf: CalendarDate
    let rule: Outcome
    let ruleIndex: Int
    let base: Submission
    let baseAssessment: Assessment
    /// Each indicator's position in the framework.
    let order: [String: Int]
    let evaluate: (Submission) -> Assessment?

    /// At most this many rounds of evaluation before giving up (each round adds at least one
    /// indicator, so a framework needs far fewer).
    static let maximumRounds = 64

    func run() -> (step: PlanStep, applied: Submission, assessment: Assessment)? {
        var draft = PlanDraft(base: base, asOf: asOf, vocabulary: framework.vocabulary,
                              protectedThresholds: Self.thresholdsKept(by: baseAssessment, framework: framework))
        var current = baseAssessment
        for _ in 0..<Self.maximumRounds {
            if refine(&draft, current) || addForced(&draft, current) || addCounted(&draft, current) {
                guard let next = evaluate(draft.applied()) else { return nil }
                current = next
            } else {
                break
            }
        }
        prune(&draft, &current)
        addActions(&draft, current)
        let applied = draft.applied()
        guard let final = evaluate(applied) else { return nil }
        let reachedIndex = framework.outcomes.firstIndex { $0.id == final.outcome.id }
        let reached = reachedIndex.flatMap { $0 <= ruleIndex ? PlanVerdict(framework.outcomes[$0]) : nil }
        let step = PlanStep(target: PlanVerdict(rule), reached: reached, services: services(draft),
                            newlyApplicable: newlyApplicable(final), entries: entries(draft, final: final))
        return (step, applied, final)
    }

    // MARK: - Rounds

    /// Fixes whose indicator the last evaluation still shows unsettled get what it now names
    /// (e.g. a source for a fact, once the fact is stated); those additions cannot settle are
    /// left to an assessor. True when something was added.
    private func refine(_ draft: inout PlanDraft, _ current: Assessment) -> Bool {
        var changed = false
        let choice = choice(draft)
        for fix in draft.fixes where fix.assessorOnly == nil {
            guard let result = current.result(fix.id), !isSettled(result) else { continue }
            if let change = assessorOnlyChange(result) {
                draft.markAssessorOnly(fix.id, change)
            } else if let more = choice.additions(result.toProvide), !more.isEmpty,
                      !more.allSatisfy(fix.additions.contains) {
                draft.extend(fix.id, with: more)
                changed = true
            } else {
                draft.markAssessorOnly(fix.id, .assessorOnly(verification: result.verification))
            }
        }
        return changed
    }

    /// Adds the indicators the rule needs whatever else happens. True when one was added.
    private func addForced(_ draft: inout PlanDraft, _ current: Assessment) -> Bool {
        let deficits = RuleDeficits(rule: rule, assessment: current)
        var added = false
        for (id, cause) in deficits.forced where !draft.contains(id) {
            guard let result = current.result(id) else { continue }
            draft.add(fix(for: result, cause: cause, forced: true, choice: choice(draft)))
            added = true
        }
        return added
    }

    /// Adds, for each count the rule needs, as many of the cheapest candidates as are missing.
    /// True when one was added.
    private func addCounted(_ draft: inout PlanDraft, _ current: Assessment) -> Bool {
        let deficits = RuleDeficits(rule: rule, assessment: current)
        guard deficits.forced.allSatisfy({ draft.contains($0.id) }) else { return false }
        var added = false
        for (cause, missing, candidates) in deficits.counts {
            let choice = choice(draft)
            let ranked = candidates.filter { !draft.contains($0) }.compactMap { id -> (String, Rank)? in
                guard let result = current.result(id), let rank = rank(result, choice: choice) else { return nil }
                return (id, rank)
            }.sorted { $0.1 < $1.1 }
            for (id, _) in ranked.prefix(missing) {
                guard let result = current.result(id) else { continue }
                draft.add(fix(for: result, cause: cause, forced: false, choice: choice))
                added = true
            }
        }
        return added
    }

    /// Drops chosen candidates the rule holds without, latest first.
    private func prune(_ draft: inout PlanDraft, _ current: inout Assessment) {
        guard RuleDeficits(rule: rule, assessment: current).isEmpty else { return }
        for fix in draft.fixes.reversed() where !fix.isForced {
            var trial = draft
            trial.remove(fix.id)
            guard let assessment = evaluate(trial.applied()), RuleDeficits(rule: rule, assessment: assessment).isEmpty else { continue }
            draft = trial
            current = assessment
        }
        // Indicators that applied only because of a service a dropped candidate brought.
        for fix in draft.fixes where current.result(fix.id)?.status == .notApplicable { draft.remove(fix.id) }
    }

    /// An action for each applicable mandatory indicator still unmet, when the rule accepts
    /// actions and the submission has none due in the window.
    private func addActions(_ draft: inout PlanDraft, _ current: Assessment) {
        for condition in rule.conditions {
            guard case .actionPlanCoversUnmetMandatory(let months) = condition else { continue }
            let latest = asOf.adding(months: months)
            for result in current.indicators where result.level == .mandatory && result.status.isUnmet {
                let covered = base.actionPlan.contains { $0.indicatorID == result.id && $0.due >= asOf && $0.due <= latest }
                if !covered {
                    draft.addAction(PlanDraft.Action(id: result.id, cause: .actionPlan(withinMonths: months), from: asOf, to: latest))
                }
            }
        }
    }

    // MARK: - Choosing

    /// How a candidate compares: no new service first, then met from documents, then the
    /// fewest additions, then the framework's order.
    struct Rank: Comparable {
        var cost: ProvisionChoice.Cost
        var needsAssessor: Bool
        var order: Int

        static func < (lhs: Rank, rhs: Rank) -> Bool {
            (lhs.cost.services, lhs.needsAssessor ? 1 : 0, lhs.cost.items, lhs.order)
                < (rhs.cost.services, rhs.needsAssessor ? 1 : 0, rhs.cost.items, rhs.order)
        }
    }

    private func rank(_ result: IndicatorResult, choice: ProvisionChoice) -> Rank? {
        guard assessorOnlyChange(result) == nil, let cost = choice.cost(result.toProvide),
              let order = order[result.id] else { return nil }
        return Rank(cost: cost, needsAssessor: result.verification != .desk, order: order)
    }

    private func fix(for result: IndicatorResult, cause: PlanCause, forced: Bool, choice: ProvisionChoice) -> PlanDraft.Fix {
        if let change = assessorOnlyChange(result) {
            return PlanDraft.Fix(id: result.id, cause: cause, isForced: forced, additions: [], assessorOnly: change)
        }
        guard let additions = choice.additions(result.toProvide), !additions.isEmpty else {
            return PlanDraft.Fix(id: result.id, cause: cause, isForced: forced, additions: [],
                                 assessorOnly: .assessorOnly(verification: result.verification))
        }
        return PlanDraft.Fix(id: result.id, cause: cause, isForced: forced, additions: additions, assessorOnly: nil)
    }

    /// What only an assessor can do for an indicator: answer their own rejection, or confirm
    /// one the rule does not count while it awaits them.
    private func assessorOnlyChange(_ result: IndicatorResult) -> PlanChange? {
        if let decision = result.assessorDecision, decision.decision == .rejected {
            return .answerFinding(assessor: decision.assessor, date: decision.date, assessorReason: decision.reason)
        }
        if result.status == .needsAssessor, result.toProvide.isEmpty, !acceptsAwaiting, result.level == .mandatory {
            return .assessorOnly(verification: result.verification)
        }
        return nil
    }

    /// Whether an indicator is as the step wants it: met, or awaiting an assessor with nothing
    /// left to add, where the rule counts that.
    private func isSettled(_ result: IndicatorResult) -> Bool {
        switch result.status {
        case .met: true
        case .needsAssessor: result.toProvide.isEmpty && (acceptsAwaiting || result.level != .mandatory)
        case .partlyMet, .notMet, .notApplicable: false
        }
    }

    /// False when the rule asks for every mandatory indicator met and does not count those
    /// awaiting an assessor.
    private var acceptsAwaiting: Bool {
        !rule.conditions.contains(.allMandatoryMet(acceptNeedsAssessor: false))
    }

    private func choice(_ draft: PlanDraft) -> ProvisionChoice {
        let served = Set(base.services.flatMap(\.riskLevels))
        let levels = framework.vocabulary.riskLevels.filter { served.isEmpty || served.contains($0.id) }
            .map { TermReference(id: $0.id, label: $0.label) }
        return ProvisionChoice(vocabulary: framework.vocabulary, offered: draft.offered,
                               stated: Dictionary(base.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                               riskLevels: levels)
    }
}
