public import RespectModel

/// An assessor's finding as the reason for an indicator's status: what the finding did, who
/// decided, when, and the assessor's own words.
public struct AssessorFindingReason: Sendable, Hashable, Codable {
    /// How the finding reached the indicator.
    public enum Effect: String, Sendable, Hashable, Codable, CaseIterable {
        /// An item the indicator relied on was rejected, so it no longer counts.
        case evidenceRejected = "evidence-rejected"
        /// An item that made the indicator met needs a site visit.
        case evidenceNeedsSiteVisit = "evidence-needs-site-visit"
        /// The assessor decided the indicator itself.
        case indicatorDecision = "indicator-decision"
    }

    public var effect: Effect
    public var decision: FindingDecision
    public var assessor: String
    public var date: CalendarDate
    /// The assessor's reason, verbatim from the findings file.
    public var assessorReason: String
    /// The item judged, for findings on evidence.
    public var evidenceID: String?

    public init(effect: Effect, decision: FindingDecision, assessor: String, date: CalendarDate,
                assessorReason: String, evidenceID: String? = nil) {
        self.effect = effect
        self.decision = decision
        self.assessor = assessor
        self.date = date
        self.assessorReason = assessorReason
        self.evidenceID = evidenceID
    }

    /// The reason a finding gives, as `effect` brings it to the indicator.
    init(effect: Effect, finding: Finding, evidenceID: String? = nil) {
        self.init(effect: effect, decision: finding.decision, assessor: finding.assessor, date: finding.date,
                  assessorReason: finding.reason, evidenceID: evidenceID)
    }
}
