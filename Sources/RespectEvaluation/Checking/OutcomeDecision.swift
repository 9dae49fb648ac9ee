public import RespectModel

/// The verdict and the rule that decided it, with the outcomes tried before it and why they
/// did not match.
public struct OutcomeDecision: Sendable, Codable {
    public var id: String
    public var verdict: Verdict
    public var label: String
    public var description: String?
    /// Every outcome tried, in the framework's order, ending with the one that matched; empty
    /// when a gate decided.
    public var rulesTried: [OutcomeTrial]
    /// The gate that was not passed, when one decided the outcome before any rule was tried.
    public var failedGate: GateMention? = nil

    /// The conditions of the matching outcome (all hold).
    public var decidedBy: [ConditionResult] { rulesTried.last?.conditions ?? [] }
}

/// One outcome rule tried against the submission.
public struct OutcomeTrial: Sendable, Codable {
    public var outcomeID: String
    public var label: String
    public var verdict: Verdict
    public var matched: Bool
    public var conditions: [ConditionResult]
}
