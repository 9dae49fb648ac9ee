public import RespectEvaluation
public import RespectModel

/// Checks a plan's promises the way a provider would: make exactly what each step says — items
/// of the named types dated at the limits named, facts at the named values citing an item of a
/// named source type, the services, actions due in their windows — to the submission model,
/// evaluate it again and compare with what the step promised.
///
/// Independent of the planner's own drafting: items are issued on the oldest date the step
/// allows (not the as-of date) with the earliest review-by date it allows, facts cite an item of
/// the *last* source type listed, and actions fall due on the first day of their window.
public struct PlanProof {
    public let evaluator: Evaluator
    public let findings: [Findings]
    public let submissionSHA256: String?

    public init(evaluator: Evaluator, findings: [Findings] = [], submissionSHA256: String? = nil) {
        self.evaluator = evaluator
        self.findings = findings
        self.submissionSHA256 = submissionSHA256
    }

    private var outcomes: [Outcome] { evaluator.framework.outcomes }

    public func evaluate(_ submission: Submission, asOf: CalendarDate) throws -> Assessment {
        try evaluator.evaluate(submission, asOf: asOf, findings: findings, submissionSHA256: submissionSHA256)
    }

    /// Every broken promise of `plan` for `submission`, in words for a test failure; empty when
    /// the plan keeps them all.
    public func problems(_ plan: VerdictPlan, for submission: Submission, asOf: CalendarDate) throws -> [String] {
        var problems: [String] = []
        let now = try evaluate(submission, asOf: asOf)
        if plan.current.outcomeID != now.outcome.id { problems.append("the plan starts from \(plan.current.outcomeID), the submission gets \(now.outcome.id)") }
        if plan.highest.outcomeID != outcomes.first?.id { problems.append("the highest outcome is not the framework's first rule") }
        guard !plan.isAtHighest else {
            if !plan.steps.isEmpty { problems.append("a plan at the highest verdict has steps") }
            return problems
        }
        guard !plan.steps.isEmpty else { return problems + ["a submission below the highest verdict has no step"] }
        var current = submission
        var level = index(of: now.outcome.id)
        for (number, step) in plan.steps.enumerated() {
            let label = "step \(number + 1) (\(step.target.outcomeID))"
            let target = index(of: step.target.outcomeID)
            if target >= level { problems.append("\(label) aims at a rule that is not above the current one") }
            if outcomes[target].verdict == outcomes[min(level, outcomes.count - 1)].verdict { problems.append("\(label) aims at the same verdict") }
            problems += order(step, label: label)
            let applied = apply(step, to: current, asOf: asOf)
            let after = try evaluate(applied, asOf: asOf)
            let blocked = step.entries.contains { $0.change.kind == .assessorOnly || $0.change.kind == .answerFinding }
            if let reached = step.reached {
                if after.outcome.id != reached.outcomeID { problems.append("\(label) promises \(reached.outcomeID), evaluating it gives \(after.outcome.id)") }
                if index(of: reached.outcomeID) > target { problems.append("\(label) reached \(reached.outcomeID), below its target") }
            } else if !blocked {
                problems.append("\(label) reaches nothing, yet nothing in it needs an assessor")
            }
            problems += statuses(step, after: after, label: label, asOf: asOf)
            guard step.reached != nil else {
                if number != plan.steps.count - 1 { problems.append("a step follows \(label), which reaches nothing") }
                return problems
            }
            current = applied
            level = index(of: after.outcome.id)
        }
        if level != 0 { problems.append("the last step reaches \(outcomes[level].id), not the highest outcome") }
        return problems
    }

    /// Each proper subset of `step`'s indicators, made with actions for every mandatory
    /// indicator (in the window, where the rule accepts actions): the ones that lift the verdict
    /// to the step's target. Empty when the step is minimal. `maximumEntries` bounds the work
    /// (2ⁿ evaluations); `onlyOneRemoved` tries only the subsets with one indicator left out.
    public func smallerSteps(_ step: PlanStep, from submission: Submission, asOf: CalendarDate,
                             onlyOneRemoved: Bool = false, maximumEntries: Int = 12) throws -> [[String]] {
        let fixes = step.indicatorsToMeet
        guard fixes.count <= (onlyOneRemoved ? Int.max : maximumEntries), !fixes.isEmpty else { return [] }
        let target = index(of: step.target.outcomeID)
        let masks: [Int] = onlyOneRemoved ? fixes.indices.map { ((1 << fixes.count) - 1) & ~(1 << $0) }
                                          : Array(0..<((1 << fixes.count) - 1))
        var smaller: [[String]] = []
        for mask in masks {
            let kept = fixes.indices.filter { mask & (1 << $0) != 0 }.map { fixes[$0] }
            var trial = PlanStep(target: step.target, reached: step.reached, services: step.services,
                                 newlyApplicable: step.newlyApplicable, entries: kept)
            trial.entries += generousActions(for: outcomes[target], asOf: asOf)
            let after = try evaluate(apply(trial, to: submission, asOf: asOf), asOf: asOf)
            if index(of: after.outcome.id) <= target { smaller.append(kept.map(\.indicator.id)) }
        }
        return smaller
    }

    // MARK: - Making a step

    /// `submission` with every addition and action of `step` made.
    public func apply(_ step: PlanStep, to submission: Submission, asOf: CalendarDate) -> Submission {
        var result = submission
        var used = Set(submission.evidence.map(\.id))
        func newID(_ stem: String) -> String {
            var serial = used.count
            while used.contains("proof-\(stem)-\(serial)") { serial += 1 }
            used.insert("proof-\(stem)-\(serial)")
            return "proof-\(stem)-\(serial)"
        }
        for entry in step.entries {
            for addition in entry.change.additions {
                switch addition {
                case .service(let offer):
                    if !result.offers(offer.serviceType.id) {
                        result.services.append(OfferedService(serviceType: offer.serviceType.id, riskLevels: offer.riskLevels.map(\.id)))
                    }
                case .evidence(let evidence):
                    for _ in 0..<evidence.count {
                        result.evidence.append(EvidenceItem(id: newID(evidence.evidenceType.id), type: evidence.evidenceType.id,
                                                            title: "Proof item", issued: evidence.issuedOnOrAfter ?? asOf,
                                                            reviewBy: evidence.reviewByOnOrAfter, file: nil, supports: [evidence.indicator]))
                    }
                case .fact(let fact):
                    let type = fact.sourceTypes?.last?.id ?? evaluator.framework.vocabulary.evidenceTypes.last?.id ?? "evidence"
                    let source = newID("source")
                    result.evidence.append(EvidenceItem(id: source, type: type, title: "Proof source", issued: asOf, reviewBy: nil,
                                                        file: nil, supports: []))
                    result.facts.removeAll { $0.id == fact.fact.id }
                    result.facts.append(StatedFact(id: fact.fact.id, value: fact.value.value, unit: fact.value.unit, sourceEvidenceID: source))
                }
            }
            if case .addAction(let from, _) = entry.change {
                result.actionPlan.append(PlannedAction(indicatorID: entry.indicator.id, due: from, owner: "Proof", action: entry.remediation))
            }
        }
        return result
    }

    /// An action for every mandatory indicator of the framework, due on the first day of the
    /// rule's window, when the rule accepts actions.
    private func generousActions(for rule: Outcome, asOf: CalendarDate) -> [PlanEntry] {
        guard rule.conditions.contains(where: { if case .actionPlanCoversUnmetMandatory = $0 { true } else { false } }) else { return [] }
        return evaluator.framework.indicators.filter { $0.level == .mandatory }.map { indicator in
            PlanEntry(indicator: IndicatorMention(id: indicator.id, number: indicator.number), text: indicator.text, section: indicator.sectionID,
                      level: indicator.level, safetyCritical: indicator.isSafetyCritical, verification: indicator.verification,
                      status: .notMet, cause: .actionPlan(withinMonths: 0), change: .addAction(from: asOf, to: asOf), remediation: "")
        }
    }

    // MARK: - Checks

    private func statuses(_ step: PlanStep, after: Assessment, label: String, asOf: CalendarDate) -> [String] {
        var problems: [String] = []
        for entry in step.entries {
            guard let status = after.status(entry.indicator.id) else {
                problems.append("\(label): \(entry.indicator.id) is not an indicator")
                continue
            }
            switch entry.change {
            case .meet where status != .met:
                problems.append("\(label): \(entry.indicator.id) promised met, is \(status.rawValue)")
            case .awaitAssessor where status != .needsAssessor:
                problems.append("\(label): \(entry.indicator.id) promised to await an assessor, is \(status.rawValue)")
            case .awaitAssessor(_, let verification) where verification == .desk && after.indicator(entry.indicator.id)?.assessorDecision == nil:
                problems.append("\(label): \(entry.indicator.id), a desk indicator, is left to an assessor")
            case .addAction(let from, let to):
                if !status.isUnmet { problems.append("\(label): \(entry.indicator.id) has an action but is \(status.rawValue)") }
                if from != asOf || to < from { problems.append("\(label): \(entry.indicator.id)'s action window \(from)…\(to) does not start at the as-of date") }
                if entry.level != .mandatory { problems.append("\(label): an action for desirable \(entry.indicator.id)") }
            default:
                break
            }
            if status == .notApplicable { problems.append("\(label): \(entry.indicator.id) does not apply after the step") }
        }
        return problems
    }

    /// Safety-critical first, then mandatory, then desirable, among the indicators to meet.
    private func order(_ step: PlanStep, label: String) -> [String] {
        let ranks = step.indicatorsToMeet.map { $0.safetyCritical ? 0 : ($0.level == .mandatory ? 1 : 2) }
        return zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 } ? [] : ["\(label): entries not safety-critical first, then mandatory, then desirable"]
    }

    private func index(of outcomeID: String) -> Int {
        outcomes.firstIndex { $0.id == outcomeID } ?? outcomes.count
    }
}
