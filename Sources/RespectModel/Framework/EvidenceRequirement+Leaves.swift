extension EvidenceRequirement {
    /// The evidence rules anywhere in the tree, in document order.
    public var evidenceRules: [EvidenceRule] {
        leaves.compactMap { if case .evidence(let rule) = $0 { rule } else { nil } }
    }

    /// The fact thresholds anywhere in the tree, in document order.
    public var factThresholds: [FactThreshold] {
        leaves.compactMap { if case .fact(let threshold) = $0 { threshold } else { nil } }
    }

    /// The leaves (evidence, fact and service requirements) in document order.
    public var leaves: [EvidenceRequirement] {
        switch self {
        case .allOf(let children), .anyOf(let children), .atLeast(_, let children): children.flatMap(\.leaves)
        case .evidence, .fact, .service: [self]
        }
    }
}
