import RespectModel

/// Builds the missing-evidence list: every applicable indicator not met, grouped by section in
/// framework order, most urgent first within a section.
struct MissingEvidenceList {
    let groups: [MissingEvidenceGroup]

    init(framework: Framework, results: [IndicatorResult], index: EvidenceIndex, asOf: CalendarDate) {
        let unmet = Dictionary(grouping: results.filter { $0.status.isUnmet }, by: \.section)
        groups = framework.sections.compactMap { section in
            guard let results = unmet[section.id], !results.isEmpty else { return nil }
            let ordered = results.enumerated().sorted { lhs, rhs in
                let left = (MissingEvidenceList.urgency(lhs.element), lhs.offset)
                let right = (MissingEvidenceList.urgency(rhs.element), rhs.offset)
                return left < right
            }.map(\.element)
            let items = ordered.map { result in
                let action = (index.actions[result.id] ?? []).filter { $0.due >= asOf }.min { $0.due < $1.due }
                return MissingEvidence(
                    indicator: IndicatorReference(id: result.id, number: result.number, text: result.text, section: result.section),
                    level: result.level, safetyCritical: result.safetyCritical, status: result.status,
                    toProvide: result.toProvide, why: result.reasons.map(\.message), remediation: result.remediation,
                    unlinkedCandidates: result.unlinkedCandidates,
                    plannedAction: action.map { PlannedActionSummary(action: $0.action, owner: $0.owner, due: $0.due) })
            }
            return MissingEvidenceGroup(sectionID: section.id, sectionNumber: section.number,
                                        sectionTitle: section.title, items: items)
        }
    }

    /// 0: safety-critical, 1: mandatory, 2: desirable.
    private static func urgency(_ result: IndicatorResult) -> Int {
        result.safetyCritical ? 0 : (result.level == .mandatory ? 1 : 2)
    }
}
