import RespectModel

/// A vocabulary term as a result names it: its id and the framework's label for it (the id
/// itself when the framework does not define the term), so a result can be worded later
/// without its framework.
public struct TermReference: Sendable, Hashable, Codable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

extension Vocabulary {
    /// An evidence type with its label.
    func evidenceTypeReference(_ id: String) -> TermReference {
        TermReference(id: id, label: evidenceLabel(id))
    }

    /// A service type with its label.
    func serviceTypeReference(_ id: String) -> TermReference {
        TermReference(id: id, label: serviceLabel(id))
    }

    /// A risk level with its label.
    func riskLevelReference(_ id: String) -> TermReference {
        TermReference(id: id, label: riskLevel(id)?.label ?? id)
    }

    /// A fact with its label.
    func factReference(_ id: String) -> TermReference {
        TermReference(id: id, label: fact(id)?.label ?? id)
    }
}
