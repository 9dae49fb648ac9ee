import RespectModel

/// The submission arranged for fast look-ups during evaluation.
struct EvidenceIndex {
    /// Items by indicator id, then by evidence type, in document order.
    private let linked: [String: [String: [EvidenceItem]]]
    /// Items by evidence type, in document order.
    private let byType: [String: [EvidenceItem]]
    let facts: [String: StatedFact]
    let actions: [String: [PlannedAction]]
    let submission: Submission

    /// Indexes `submission`. Links to ids outside `indicators` (when given) are left out: they
    /// can never count, and a hostile file could list thousands per item.
    init(_ submission: Submission, indicators: Set<String>? = nil) {
        self.submission = submission
        var linked: [String: [String: [EvidenceItem]]] = [:]
        var byType: [String: [EvidenceItem]] = [:]
        for item in submission.evidence {
            byType[item.type, default: []].append(item)
            for indicator in Set(item.supports) where indicators?.contains(indicator) ?? true {
                linked[indicator, default: [:]][item.type, default: []].append(item)
            }
        }
        self.linked = linked
        self.byType = byType
        facts = Dictionary(submission.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        actions = Dictionary(grouping: submission.actionPlan, by: \.indicatorID)
    }

    /// Items of `type` that the submission links to `indicator`.
    func items(ofType type: String, linkedTo indicator: String) -> [EvidenceItem] {
        linked[indicator]?[type] ?? []
    }

    /// Items of `type` that are not linked to `indicator` (evidence ids are unique).
    func unlinkedItems(ofType type: String, indicator: String) -> [EvidenceItem] {
        let linkedIDs = Set(items(ofType: type, linkedTo: indicator).map(\.id))
        return (byType[type] ?? []).filter { !linkedIDs.contains($0.id) }
    }
}
