import RespectModel

/// The submission arranged for fast look-ups during evaluation.
struct EvidenceIndex {
    /// Positions in `submission.evidence` by indicator id, in document order (positions, not
    /// copies: a pack may link hundreds of items to many indicators). An indicator has a few
    /// items, so they are told apart by type when read rather than indexed by type too.
    private let linked: [String: [Int]]
    /// Positions by evidence type, in document order; empty when not asked for.
    private let byType: [String: [Int]]
    let facts: [String: StatedFact]
    /// Positions in `submission.evidence` of the items the facts cite as their source.
    private let sources: [String: Int]
    let actions: [String: [PlannedAction]]
    let submission: Submission

    /// Indexes `submission`. Links to ids outside `indicators` (when given) are left out: they
    /// can never count, and a hostile file could list thousands per item. `indexesTypes: false`
    /// leaves out the index by type, which only `unlinkedIDs` reads (it then finds none).
    init(_ submission: Submission, indicators: Set<String>? = nil, indexesTypes: Bool = true) {
        self.submission = submission
        var linked: [String: [Int]] = [:]
        var byType: [String: [Int]] = [:]
        let evidence = submission.evidence
        for position in evidence.indices {
            if indexesTypes { byType[evidence[position].type, default: []].append(position) }
            for indicator in Self.distinct(evidence[position].supports) where indicators?.contains(indicator) ?? true {
                linked[indicator, default: []].append(position)
            }
        }
        self.linked = linked
        self.byType = byType
        facts = Dictionary(submission.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A few facts cite sources; the items are found in one pass, only when some do.
        let cited = Set(submission.facts.compactMap(\.sourceEvidenceID))
        var sources: [String: Int] = [:]
        if !cited.isEmpty {
            for position in evidence.indices where cited.contains(evidence[position].id) {
                if sources[evidence[position].id] == nil { sources[evidence[position].id] = position }
            }
        }
        self.sources = sources
        actions = Dictionary(grouping: submission.actionPlan, by: \.indicatorID)
    }

    /// Each id once, in order. Short lists (the usual case) are checked without building a set;
    /// long ones (a hostile file may list 1,000 ids per item) through a set.
    private static func distinct(_ ids: [String]) -> [String] {
        if ids.count <= 8 {
            // Usually there are no repeats: the list itself, without a copy.
            guard ids.indices.contains(where: { ids[..<$0].contains(ids[$0]) }) else { return ids }
            return ids.enumerated().filter { !ids[..<$0.offset].contains($0.element) }.map(\.element)
        }
        var seen = Set<String>(minimumCapacity: ids.count)
        return ids.filter { seen.insert($0).inserted }
    }

    /// The item a fact cites as its source, if it is in the (counted) pack.
    func source(of fact: StatedFact) -> EvidenceItem? {
        guard let id = fact.sourceEvidenceID, let position = sources[id] else { return nil }
        return submission.evidence[position]
    }

    /// Positions in `submission.evidence` of the items (of any type) that the submission links
    /// to `indicator`, in document order.
    func positions(linkedTo indicator: String) -> [Int] {
        linked[indicator] ?? []
    }

    /// The ids of the items of `type` that are not linked to `indicator` (evidence ids are
    /// unique), read in place without copying the items.
    func unlinkedIDs(ofType type: String, indicator: String) -> [String] {
        guard let positions = byType[type] else { return [] }
        let evidence = submission.evidence
        var ids: [String] = []
        for position in positions where !evidence[position].supports.contains(indicator) { ids.append(evidence[position].id) }
        return ids
    }
}
