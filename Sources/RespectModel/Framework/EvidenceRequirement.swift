/// A composable rule for what evidence an indicator needs.
public indirect enum EvidenceRequirement: Sendable, Hashable {
    /// Every child must be satisfied.
    case allOf([EvidenceRequirement])
    /// At least one child must be satisfied.
    case anyOf([EvidenceRequirement])
    /// At least `count` children must be satisfied.
    case atLeast(Int, [EvidenceRequirement])
    /// Evidence items of a type, linked to the indicator.
    case evidence(EvidenceRule)
    /// A threshold on a fact the submission states.
    case fact(FactThreshold)
    /// The submission must offer this service type.
    case service(String)
}

/// Evidence items of `type` linked to the indicator: at least `minimumCount` that are recent
/// enough and, if asked, not past their review-by date.
public struct EvidenceRule: Sendable, Hashable {
    public var type: String
    public var minimumCount: Int
    /// Items issued more than this many months before the as-of date do not count.
    public var maximumAgeMonths: Int?
    /// Items whose review-by date is before the as-of date do not count.
    public var requiresReviewDateNotPassed: Bool

    public init(type: String, minimumCount: Int = 1, maximumAgeMonths: Int? = nil, requiresReviewDateNotPassed: Bool = false) {
        self.type = type
        self.minimumCount = minimumCount
        self.maximumAgeMonths = maximumAgeMonths
        self.requiresReviewDateNotPassed = requiresReviewDateNotPassed
    }
}

/// `fact op value unit`, e.g. programme-duration-weeks ≥ 22 weeks.
public struct FactThreshold: Sendable, Hashable {
    public var factID: String
    public var comparison: Comparison
    public var value: FactValue
    public var unit: String?

    public init(factID: String, comparison: Comparison, value: FactValue, unit: String?) {
        self.factID = factID
        self.comparison = comparison
        self.value = value
        self.unit = unit
    }
}

/// A comparison operator in a fact threshold.
public enum Comparison: String, Sendable, Codable, CaseIterable {
    case ge, gt, le, lt, eq, ne

    /// The mathematical symbol, for reports.
    public var symbol: String {
        switch self {
        case .ge: "≥"
        case .gt: ">"
        case .le: "≤"
        case .lt: "<"
        case .eq: "="
        case .ne: "≠"
        }
    }

    /// Whether `actual op required` holds.
    public func holds<T: Comparable>(_ actual: T, _ required: T) -> Bool {
        switch self {
        case .ge: actual >= required
        case .gt: actual > required
        case .le: actual <= required
        case .lt: actual < required
        case .eq: actual == required
        case .ne: actual != required
        }
    }
}
