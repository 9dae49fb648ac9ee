/// The verdict category an outcome reports. Fixes the command's exit code.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    case achieved
    case workingTowards = "working-towards"
    case notYet = "not-yet"

    /// Plain words for reports.
    public var label: String {
        switch self {
        case .achieved: "Achieved"
        case .workingTowards: "Working towards"
        case .notYet: "Not yet"
        }
    }
}

/// One outcome rule: a verdict and the conditions that must all hold for it.
public struct Outcome: Sendable, Hashable {
    public var id: String
    public var verdict: Verdict
    public var label: String
    public var description: String?
    /// All must hold; an empty list always matches.
    public var conditions: [OutcomeCondition]

    public init(id: String, verdict: Verdict, label: String, description: String?, conditions: [OutcomeCondition]) {
        self.id = id
        self.verdict = verdict
        self.label = label
        self.description = description
        self.conditions = conditions
    }
}

/// The vocabulary of outcome rules. Every figure is data from the framework file.
public enum OutcomeCondition: Sendable, Hashable {
    /// Every applicable mandatory indicator is met (needs-assessor counts as provisionally met
    /// when `acceptNeedsAssessor`).
    case allMandatoryMet(acceptNeedsAssessor: Bool)
    /// No applicable safety-critical indicator is unmet.
    case noSafetyCriticalFailure
    /// In every section, at least `minPercent` of applicable indicators of `level` are met.
    case sectionCoverage(minPercent: ExactDecimal, level: Level)
    /// At least `minPercent` of applicable mandatory indicators are met.
    case mandatoryMetPercent(minPercent: ExactDecimal)
    /// Every unmet applicable mandatory indicator has an action due within `withinMonths`.
    case actionPlanCoversUnmetMandatory(withinMonths: Int)
    /// Every applicable indicator of the named tier (e.g. "smp") is met (needs-assessor counts
    /// as provisionally met when `acceptNeedsAssessor`).
    case tierMet(tier: String, acceptNeedsAssessor: Bool)
}
