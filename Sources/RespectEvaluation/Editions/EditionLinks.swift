public import RespectModel

/// How the indicators and vocabulary of an older framework edition carry into a newer one:
/// the older file's declared `<successor>` links into the newer edition, plus same-id matching
/// when both files are editions of one framework id, and renamed service and evidence types.
public struct EditionLinks: Sendable {
    /// One link from an old indicator to a new one.
    public struct Link: Sendable, Hashable {
        public var oldID: String
        public var newID: String
        /// `nil` when the link was inferred from equal ids rather than declared.
        public var relation: SuccessorLink.Relation?
    }

    /// A declared link whose target does not exist in the new edition.
    public struct BrokenLink: Sendable, Hashable, Codable {
        public var oldID: String
        public var newID: String
        public var relation: SuccessorLink.Relation
    }

    public let old: Framework
    public let new: Framework
    /// Every link, in the old edition's document order.
    public let links: [Link]
    public let broken: [BrokenLink]
    /// Old service type id → new id, for renamed types only.
    public let serviceTypeRenames: [String: String]
    /// Old evidence type id → new id, for renamed types only.
    public let evidenceTypeRenames: [String: String]
    /// Old gate id → new gate id: declared successors, and gates with the same id.
    public let gateSuccessors: [String: String]

    public init(old: Framework, new: Framework) {
        self.old = old
        self.new = new
        let sameFramework = old.identity.id == new.identity.id
        let newIDs = Set(new.indicators.map(\.id))
        var links: [Link] = []
        var broken: [BrokenLink] = []
        for indicator in old.indicators {
            let declared = sameFramework ? indicator.successors.filter { $0.edition == new.identity.edition } : []
            if declared.isEmpty {
                if sameFramework && newIDs.contains(indicator.id) {
                    links.append(Link(oldID: indicator.id, newID: indicator.id, relation: nil))
                }
                continue
            }
            for successor in declared {
                if newIDs.contains(successor.indicatorID) {
                    links.append(Link(oldID: indicator.id, newID: successor.indicatorID, relation: successor.relation))
                } else {
                    broken.append(BrokenLink(oldID: indicator.id, newID: successor.indicatorID, relation: successor.relation))
                }
            }
        }
        self.links = links
        self.broken = broken
        let newGates = Set(new.gates.map(\.id))
        gateSuccessors = sameFramework ? Dictionary(old.gates.compactMap { gate -> (String, String)? in
            let target = gate.successorID ?? gate.id
            return newGates.contains(target) ? (gate.id, target) : nil
        }, uniquingKeysWith: { first, _ in first }) : [:]
        func renames(_ terms: [Term]) -> [String: String] {
            guard sameFramework else { return [:] }
            return Dictionary(terms.compactMap { term in term.successor.map { (term.id, $0) } }, uniquingKeysWith: { first, _ in first })
        }
        serviceTypeRenames = renames(old.vocabulary.serviceTypes)
        evidenceTypeRenames = renames(old.vocabulary.evidenceTypes)
    }

    /// The new ids an old indicator carries into (empty when it was dropped).
    public func successors(of oldID: String) -> [String] {
        links.filter { $0.oldID == oldID }.map(\.newID)
    }

    /// The old ids that carry into a new indicator (empty when it is new).
    public func predecessors(of newID: String) -> [String] {
        links.filter { $0.newID == newID }.map(\.oldID)
    }

    /// The new id of an old service type.
    public func serviceType(_ id: String) -> String { serviceTypeRenames[id] ?? id }

    /// The new id of an old evidence type.
    public func evidenceType(_ id: String) -> String { evidenceTypeRenames[id] ?? id }
}
