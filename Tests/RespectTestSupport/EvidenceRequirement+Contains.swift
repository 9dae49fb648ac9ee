public import RespectModel

extension EvidenceRequirement {
    /// Whether this requirement tree contains `leaf` anywhere.
    public func contains(_ leaf: EvidenceRequirement) -> Bool {
        if self == leaf { return true }
        switch self {
        case .allOf(let children), .anyOf(let children), .atLeast(_, let children):
            return children.contains { $0.contains(leaf) }
        case .evidence, .fact, .service:
            return false
        }
    }

    public func contains(_ threshold: FactThreshold) -> Bool {
        contains(.fact(threshold))
    }
}
