public import RespectModel

/// A finding as a review service keeps it: the judgement, and where its moderation stands.
/// An assessor's finding becomes final only when a second assessor agrees with it.
public struct ModeratedFinding: Sendable, Hashable {
    /// Where a finding's moderation stands.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// No second assessor has looked at it yet.
        case awaitingModeration = "awaiting-moderation"
        /// A second assessor agreed: the finding is final and applies.
        case agreed
        /// A second assessor disagreed: it does not apply, and it is listed as a disagreement.
        case disputed
    }

    public var finding: Finding
    public var state: State

    public init(finding: Finding, state: State) {
        self.finding = finding
        self.state = state
    }
}

extension FindingsSet {
    /// The findings a review service applies to a submission: only those a second assessor
    /// agreed with. A finding awaiting moderation or disputed changes no verdict, however it is
    /// dated; among agreed findings on one target the engine applies the latest-dated, as it
    /// does for files.
    public init(moderated: [ModeratedFinding], subject: FindingsSubject = FindingsSubject(), source: String) {
        let agreed = moderated.filter { $0.state == .agreed }.map(\.finding)
        self.init(named: agreed.isEmpty ? [] : [Findings(subject: subject, findings: agreed, source: source)])
    }
}
