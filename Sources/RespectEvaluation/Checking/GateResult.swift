public import RespectModel

/// A framework gate judged against a submission: passed or not, with the gate's evidence
/// judged as an indicator's would be (status, reasons, what to provide).
public struct GateResult: Sendable, Codable {
    public var id: String
    public var number: String
    /// The framework's message, shown first when the gate is not passed.
    public var message: String
    /// The outcome given when it is not passed.
    public var outcomeID: String
    public var passed: Bool
    /// The gate's requirement judged like an indicator's; never counted in any figure.
    public var result: IndicatorResult

    /// A gate passes when its evidence is in place (met, or awaiting an assessor).
    static func passes(_ status: IndicatorStatus) -> Bool {
        status == .met || status == .needsAssessor
    }
}

/// The gate that decided the outcome: its id, number and message.
public struct GateMention: Sendable, Codable, Hashable {
    public var id: String
    public var number: String
    public var message: String
}

extension Evaluator {
    /// Every gate's result, in the framework's order, with the assessor's adjustments applied.
    func gateResults(_ submission: Submission, requirements: RequirementEvaluator,
                     adjustments: EvaluationAdjustments) -> (results: [GateResult], warnings: [Warning]) {
        guard !framework.gates.isEmpty else { return ([], []) }
        var warnings: [Warning] = []
        let judged = framework.gates.map { gate in
            let (result, gateWarnings) = evaluate(gate.indicator, submission: submission, requirements: requirements)
            warnings += gateWarnings
            return result
        }
        let adjusted = adjustments.apply(to: judged)
        let results = zip(framework.gates, adjusted).map { gate, result in
            GateResult(id: gate.id, number: gate.number, message: gate.message, outcomeID: gate.outcomeID,
                       passed: GateResult.passes(result.status), result: result)
        }
        return (results, warnings)
    }

    /// The outcome a failed gate gives, when a gate is not passed: the first such gate decides.
    func gateDecision(_ gates: [GateResult]) -> OutcomeDecision? {
        guard let failed = gates.first(where: { !$0.passed }),
              let outcome = framework.outcomes.first(where: { $0.id == failed.outcomeID }) else { return nil }
        return OutcomeDecision(id: outcome.id, verdict: outcome.verdict, label: outcome.label, description: outcome.description,
                               rulesTried: [], failedGate: GateMention(id: failed.id, number: failed.number, message: failed.message))
    }
}
