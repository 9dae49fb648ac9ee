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

    init(_ submission: Submission) {
        self.submission = submission
        var linked: [String: [String: [EvidenceItem]]] = [:]
        var byType: [String: [EvidenceItem]] = [:]
        for item in submission.evidence {
            byType[item.type, default: []].append(item)
            // Each indicator once, even if listed twice (no Set per item: this runs for every item).
            for (position, indicator) in item.supports.enumerated() where !item.supports[..<position].contains(indicator) {
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

    /// Items of `type` that are not linked to `indicator`.
    func unlinkedItems(ofType type: String, indicator: String) -> [EvidenceItem] {
        (byType[type] ?? []).filter { !$0.supports.contains(indicator) }
    }
}
