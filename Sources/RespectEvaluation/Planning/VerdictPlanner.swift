public import RespectModel

/// Works out the path to the next verdict: for the outcome a submission gets now, the fewest
/// indicators whose being met lifts it to the next level of the framework's outcome rules, and
/// then level by level to the first rule — with exactly what to add for each.
///
/// Everything comes from the framework as data: the outcome rules are read in their order
/// (the first whose conditions hold is the verdict, so a rule earlier in the list is a higher
/// level), their conditions say which indicators are needed and how many, and each indicator's
/// evaluated provisions say what to add. Nothing is specific to one edition.
///
/// How a step is found is described on `StepSearch`. Each step is applied to the submission and
/// evaluated again, and `PlanStep.reached` records what that gave. Indicators confirmed only by
/// a site visit or a case-file sample are planned as "awaiting an assessor", never as met.
///
/// Pure and deterministic: no I/O, no clock. Cost: one evaluation per round of a step (a few
/// per step) plus one per chosen candidate when pruning.
///
/// Limits: additions are new documents, facts and services, never new links of documents
/// already in the pack (an assessor reads what a link claims); a service is offered at the risk
/// levels the submission already serves; an indicator an assessor rejected, or one the rule
/// does not count while it awaits an assessor, ends the plan at that step.
public struct VerdictPlanner: Sendable {
    public let evaluator: Evaluator

    public init(evaluator: Evaluator) {
        self.evaluator = evaluator
    }

    /// The plan for `submission` as of `asOf`, with an assessor's findings applied as
    /// `evaluate(_:asOf:findings:submissionSHA256:)` applies them (the plan's additions are
    /// judged with the same findings).
    ///
    /// `assessed`: the submission's assessment as `evaluate(_:asOf:)` gave it, when the caller
    /// has just made it; without findings the plan starts from it instead of evaluating the
    /// submission again (the plan is the same either way).
    ///
    /// - Throws: `SubmissionMismatch`, exactly when evaluating the submission throws it.
    public func plan(_ submission: Submission, asOf: CalendarDate, findings: [Findings] = [],
                     submissionSHA256: String? = nil, assessed: Assessment? = nil) throws(SubmissionMismatch) -> VerdictPlan {
        let framework = evaluator.framework
        var adjustments = EvaluationAdjustments()
        if !findings.isEmpty {
            let automated = try evaluator.evaluate(submission, asOf: asOf)
            var application = FindingsApplication(framework: framework, submission: submission, automated: automated, asOf: asOf)
            adjustments = application.classify(findings, submissionSHA256: submissionSHA256)
        }
        let evaluator = evaluator
        let evaluate: (Submission) -> Assessment? = { draft in
            try? evaluator.evaluate(draft, asOf: asOf, adjustments: adjustments, collectsWarnings: false, listsItems: false, keepsWarnings: false)
        }
        var assessment: Assessment
        if findings.isEmpty, let assessed {
            assessment = assessed
        } else {
            assessment = try evaluator.evaluate(submission, asOf: asOf, adjustments: adjustments, collectsWarnings: false, listsItems: false, keepsWarnings: false)
        }
        let outcomes = framework.outcomes
        let order = Dictionary(framework.indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let current = outcomes.firstIndex { $0.id == assessment.outcome.id } ?? outcomes.count
        guard let highest = outcomes.first else {
            let none = PlanVerdict(outcomeID: assessment.outcome.id, verdict: assessment.outcome.verdict, label: assessment.outcome.label)
            return VerdictPlan(asOf: asOf, current: none, highest: none, steps: [])
        }

        var steps: [PlanStep] = []
        var level = current
        var base = submission
        while let targets = Self.nextLevel(above: level, in: outcomes) {
            let found = targets.compactMap { index in
                StepSearch(framework: framework, asOf: asOf, rule: outcomes[index], ruleIndex: index, base: base,
                           baseAssessment: assessment, order: order, evaluate: evaluate).run()
            }
            guard let best = found.min(by: { Self.isBetter($0.step, than: $1.step) }) else { break }
            steps.append(best.step)
            guard let reached = best.step.reached, let index = outcomes.firstIndex(where: { $0.id == reached.outcomeID }) else { break }
            level = index
            base = best.applied
            assessment = best.assessment
        }
        let now = current < outcomes.count ? PlanVerdict(outcomes[current])
            : PlanVerdict(outcomeID: assessment.outcome.id, verdict: assessment.outcome.verdict, label: assessment.outcome.label)
        return VerdictPlan(asOf: asOf, current: now, highest: PlanVerdict(highest), steps: steps)
    }

    /// The rules of the nearest level above the rule at `index`: those before it in the list
    /// with the nearest verdict other than its own; `nil` at the top.
    static func nextLevel(above index: Int, in outcomes: [Outcome]) -> [Int]? {
        let own = index < outcomes.count ? outcomes[index].verdict : nil
        guard let nearest = outcomes.indices.prefix(index).reversed().first(where: { outcomes[$0].verdict != own }) else { return nil }
        let verdict = outcomes[nearest].verdict
        return outcomes.indices.prefix(index).filter { outcomes[$0].verdict == verdict }
    }

    /// A step that reaches its rule, then the one with fewer indicators to meet, then fewer entries.
    private static func isBetter(_ lhs: PlanStep, than rhs: PlanStep) -> Bool {
        (lhs.reached == nil ? 1 : 0, lhs.indicatorsToMeet.count, lhs.entries.count)
            < (rhs.reached == nil ? 1 : 0, rhs.indicatorsToMeet.count, rhs.entries.count)
    }
}

extension Assessment {
    /// The result of the indicator, or of the gate, with `id`, if the framework has it.
    func result(_ id: String) -> IndicatorResult? {
        // Found by position, so only the result returned is copied.
        if let position = indicators.indices.first(where: { indicators[$0].id == id }) { return indicators[position] }
        return gates.flatMap { gates in gates.indices.first { gates[$0].id == id }.map { gates[$0].result } }
    }
}
