public import RespectModel

extension Evaluator {
    /// What in `submission` counts for nothing against this edition whatever the date: unknown
    /// evidence types, links to ids that are not indicators, facts the edition does not define
    /// or states in another kind or unit, actions for unknown indicators — each located, with
    /// the nearest valid value where one is near. The same warnings `evaluate` gives.
    public func evidenceThatWillNotCount(in submission: Submission) -> [Warning] {
        SubmissionConsistency.evidenceThatWillNotCount(framework: framework, indicatorIDs: indicatorIDs, submission: submission)
    }

    /// Checks that `submission` fits this edition's vocabulary (its services' types and risk
    /// levels), without evaluating it: `evaluate` and `figures` throw exactly this.
    public func checkFits(_ submission: Submission) throws(SubmissionMismatch) {
        let errors = SubmissionConsistency.errors(framework: framework, submission: submission)
        if !errors.isEmpty { throw SubmissionMismatch(file: submission.source, framework: framework.identity.reference, problems: errors) }
    }

    /// The figures a batch row shows, equal to `AssessmentFigures(evaluate(submission, asOf:))`
    /// but cheaper: the parts of an assessment nobody reads then (warnings, evidence used,
    /// unlinked candidates, the outcome rules' details, summaries) are not written.
    ///
    /// - Throws: `SubmissionMismatch`, exactly when `evaluate(_:asOf:)` throws it.
    public func figures(of submission: Submission, asOf: CalendarDate) throws(SubmissionMismatch) -> AssessmentFigures {
        try checkFits(submission)

        let index = EvidenceIndex(submission, indicators: indicatorIDs, indexesTypes: false)
        let requirements = RequirementEvaluator(index: index, vocabulary: framework.vocabulary, asOf: asOf,
                                                warningHorizonDays: warningHorizonDays,
                                                collectsWarnings: false, listsEvidence: false)
        var results: [IndicatorResult] = []
        results.reserveCapacity(indicators.count)
        for indicator in indicators {
            results.append(evaluate(indicator, submission: submission, requirements: requirements).0)
        }
        var totals = StatusCounts()
        results.forEach { totals.add($0) }
        let gates = gateResults(submission, requirements: requirements, adjustments: EvaluationAdjustments())
        let verdict = gateDecision(gates.results)?.verdict
            ?? OutcomeRules(framework: framework, results: results, sections: rollUp(results), index: index, asOf: asOf).verdict()
        let failures = results.filter { $0.safetyCritical && $0.status.isUnmet }.map(IndicatorReference.init)
        let missing = MissingEvidenceList.unmetPositions(framework: framework, results: results)
            .flatMap(\.positions).map { MissingEvidenceFigure(results[$0]) }
        return AssessmentFigures(verdict: verdict, totals: totals, safetyCriticalFailures: failures, missingEvidence: missing)
    }
}
