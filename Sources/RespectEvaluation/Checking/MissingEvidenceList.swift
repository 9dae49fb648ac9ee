import RespectModel

/// Builds the missing-evidence list: every applicable indicator not met, grouped by section in
/// framework order, most urgent first within a section.
struct MissingEvidenceList {
    let groups: [MissingEvidenceGroup]

    init(framework: Framework, results: [IndicatorResult], index: EvidenceIndex, asOf: CalendarDate) {
        groups = Self.unmetPositions(framework: framework, results: results).map { section, positions in
            let items = positions.map { position in
                let result = results[position]
                let action = (index.actions[result.id] ?? []).filter { $0.due >= asOf }.min { $0.due < $1.due }
                return MissingEvidence(
                    indicator: IndicatorReference(id: result.id, number: result.number, text: result.text, section: result.section),
                    level: result.level, safetyCritical: result.safetyCritical, status: result.status,
                    toProvide: result.toProvide, why: result.reasons, remediation: result.remediation,
                    unlinkedCandidates: result.unlinkedCandidates,
                    plannedAction: action.map { PlannedActionSummary(action: $0.action, owner: $0.owner, due: $0.due) },
                    provenance: result.provenance)
            }
            return MissingEvidenceGroup(sectionID: section.id, sectionNumber: section.number,
                                        sectionTitle: section.title, items: items)
        }
    }

    /// Positions in `results` of the unmet indicators: grouped by section in framework order
    /// (sections without any left out), most urgent first within a section, then in order.
    static func unmetPositions(framework: Framework, results: [IndicatorResult]) -> [(section: Section, positions: [Int])] {
        var bySection: [String: [Int]] = [:]
        for (position, result) in results.enumerated() where result.status.isUnmet {
            bySection[result.section, default: []].append(position)
        }
        return framework.sections.compactMap { section in
            guard let positions = bySection[section.id] else { return nil }
            // Positions ascend, so this sort keeps the results' order within one urgency.
            return (section, positions.sorted { (urgency(results[$0]), $0) < (urgency(results[$1]), $1) })
        }
    }

    /// 0: safety-critical, 1: mandatory, 2: desirable.
    private static func urgency(_ result: IndicatorResult) -> Int {
        result.safetyCritical ? 0 : (result.level == .mandatory ? 1 : 2)
    }
}
