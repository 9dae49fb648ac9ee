public import RespectModel

/// One concrete thing to add to a submission, with every figure a person (or a form) needs.
public enum PlanAddition: Sendable, Hashable {
    /// `count` items of a type linked to the indicator, issued on or after a date and, when
    /// asked, with a review-by date on or after another: the evaluation's own provision.
    case evidence(EvidenceProvision)
    /// A fact stated at a value, citing an item of a type that can show it.
    case fact(FactAddition)
    /// A service offered and declared in the submission.
    case service(ServiceOffer)

    /// The kind; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case evidence
        case fact
        case service
    }

    public var kind: Kind {
        switch self {
        case .evidence: .evidence
        case .fact: .fact
        case .service: .service
        }
    }
}

/// A fact to state: `value` (in its unit) passes every threshold in `thresholds`, and the
/// fact cites as its `source` an item of one of `sourceTypes` (`nil`: any type) that shows it.
public struct FactAddition: Sendable, Hashable, Codable {
    public var fact: TermReference
    public var value: StatedValue
    /// The thresholds the value was chosen to pass (empty when the stated value already passes
    /// and only its source is missing).
    public var thresholds: [FactThreshold]
    public var sourceTypes: [TermReference]?
    /// False when the value is the one already stated and only a source is to be cited.
    public var changesValue: Bool

    public init(fact: TermReference, value: StatedValue, thresholds: [FactThreshold], sourceTypes: [TermReference]?,
                changesValue: Bool) {
        self.fact = fact
        self.value = value
        self.thresholds = thresholds
        self.sourceTypes = sourceTypes
        self.changesValue = changesValue
    }
}

/// A service to offer, at the risk levels the submission already serves.
public struct ServiceOffer: Sendable, Hashable, Codable {
    public var serviceType: TermReference
    public var riskLevels: [TermReference]

    public init(serviceType: TermReference, riskLevels: [TermReference]) {
        self.serviceType = serviceType
        self.riskLevels = riskLevels
    }
}
