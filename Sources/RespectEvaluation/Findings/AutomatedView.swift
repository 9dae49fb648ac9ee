/// The engine's own view of what a finding judges, kept beside the assessor's decision: an
/// indicator's status, or whether an item counted and for what.
///
/// Encoded as a flat JSON object: `code` (`Kind`'s raw value), its figures, and `message` when
/// a wording is given.
public enum AutomatedView: Sendable, Hashable {
    /// The indicator's status without findings.
    case status(IndicatorStatus)
    /// The framework has no such indicator.
    case unknownIndicator
    /// The submission has no such item.
    case unknownEvidence
    /// The item counted for these indicators.
    case countedFor([String])
    /// The item did not count; the date reasons that name it, for each indicator, each kind once.
    case notCounted([IndicatorReason])

    /// The kind of view; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case status
        case unknownIndicator = "unknown-indicator"
        case unknownEvidence = "unknown-evidence"
        case countedFor = "counted-for"
        case notCounted = "not-counted"
    }

    public var kind: Kind {
        switch self {
        case .status: .status
        case .unknownIndicator: .unknownIndicator
        case .unknownEvidence: .unknownEvidence
        case .countedFor: .countedFor
        case .notCounted: .notCounted
        }
    }
}

/// A reason given for one indicator.
public struct IndicatorReason: Sendable, Hashable, Codable {
    public var indicator: String
    public var reason: Reason

    public init(indicator: String, reason: Reason) {
        self.indicator = indicator
        self.reason = reason
    }
}

extension IndicatorReason {
    /// `reasons` with one per kind and indicator (the first), ordered by kind code, then
    /// indicator.
    static func eachKindOnce(_ reasons: [IndicatorReason]) -> [IndicatorReason] {
        var seen = Set<String>()
        return reasons.filter { seen.insert("\($0.reason.kind.rawValue) \($0.indicator)").inserted }
            .sorted { ($0.reason.kind.rawValue, $0.indicator) < ($1.reason.kind.rawValue, $1.indicator) }
    }
}

extension AutomatedView: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .status: self = .status(try fields.figure("status"))
        case .unknownIndicator: self = .unknownIndicator
        case .unknownEvidence: self = .unknownEvidence
        case .countedFor: self = .countedFor(try fields.figure("indicators"))
        case .notCounted: self = .notCounted(try fields.figure("reasons"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .status(let status): try fields.encode(status, forKey: "status")
        case .unknownIndicator, .unknownEvidence: break
        case .countedFor(let indicators): try fields.encode(indicators, forKey: "indicators")
        case .notCounted(let reasons): try fields.encode(reasons, forKey: "reasons")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
