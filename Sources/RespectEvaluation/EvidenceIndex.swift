import RespectModel

/// The submission arranged for fast look-ups during evaluation.
struct EvidenceIndex {
    /// Positions in `submission.evidence` by indicator id, then by evidence type, in document
    /// order (positions, not copies: a pack may link hundreds of items to many indicators).
    private let linked: [String: [String: [Int]]]
    /// Positions by evidence type, in document order.
    private let byType: [String: [Int]]
    let facts: [String: StatedFact]
    let actions: [String: [PlannedAction]]
    let submission: Submission

    init(_ submission: Submission) {
        self.submission = submission
        var linked: [String: [String: [Int]]] = [:]
        var byType: [String: [Int]] = [:]
        for (position, item) in submission.evidence.enumerated() {
            byType[item.type, default: []].append(position)
            // Each indicator once, even if listed twice (no Set per item: this runs for every item).
            for (offset, indicator) in item.supports.enumerated() where !item.supports[..<offset].contains(indicator) {
                linked[indicator, default: [:]][item.type, default: []].append(position)
            }
        }
        self.linked = linked
        self.byType = byType
        facts = Dictionary(submission.facts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        actions = Dictionary(grouping: submission.actionPlan, by: \.indicatorID)
    }

    /// Positions in `submission.evidence` of the items of `type` that the submission links to `indicator`.
    func positions(ofType type: String, linkedTo indicator: String) -> [Int] {
        linked[indicator]?[type] ?? []
    }

    /// Items of `type` that the submission links to `indicator`.
    func items(ofType type: String, linkedTo indicator: String) -> [EvidenceItem] {
        positions(ofType: type, linkedTo: indicator).map { submission.evidence[$0] }
    }

    /// Items of `type` that are not linked to `indicator`.
    func unlinkedItems(ofType type: String, indicator: String) -> [EvidenceItem] {
        (byType[type] ?? []).map { submission.evidence[$0] }.filter { !$0.supports.contains(indicator) }
    }
}
