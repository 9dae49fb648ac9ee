/// The automated judgement on one indicator.
public enum IndicatorStatus: String, Sendable, Codable, CaseIterable {
    /// Every requirement is satisfied by the evidence.
    case met
    /// Some requirements are satisfied, not all.
    case partlyMet = "partly-met"
    /// Nothing counts towards it yet.
    case notMet = "not-met"
    /// It does not apply to the services and risk levels the submission declares.
    case notApplicable = "not-applicable"
    /// The paper evidence is in place, but only an assessor (site visit or case-file sample) can confirm it.
    case needsAssessor = "needs-assessor"

    /// Met or partly met or not met: anything that is applicable and judged from paper.
    public var isUnmet: Bool { self == .notMet || self == .partlyMet }
}
