import RespectModel

/// What an outcome rule still lacks on an assessment, read from the rule's conditions as data:
/// the indicators it needs met whatever else happens (`forced`), and the counts it needs
/// (`counts`: so many more of these candidates). The action-plan condition is left out: a
/// plan step satisfies it last, with actions for whatever stays unmet.
///
/// The figures follow `OutcomeRules`: indicators awaiting an assessor count as met, except
/// for `allMandatoryMet` when the rule does not accept them.
struct RuleDeficits {
    /// Indicators the rule needs met, each with the condition that needs it.
    private(set) var forced: [(id: String, cause: PlanCause)] = []
    /// Conditions that need `missing` more of `candidates` met (unmet ones, in framework order).
    private(set) var counts: [(cause: PlanCause, missing: Int, candidates: [String])] = []

    var isEmpty: Bool { forced.isEmpty && counts.isEmpty }

    init(rule: Outcome, assessment: Assessment) {
        let results = assessment.indicators
        var forcedIDs = Set<String>()
        func force(_ id: String, _ cause: PlanCause) {
            if forcedIDs.insert(id).inserted { forced.append((id, cause)) }
        }
        // A failed gate decides the outcome whatever the indicators show: pass it first.
        for gate in assessment.gates ?? [] where !gate.passed { force(gate.id, .gate) }
        // Safety-critical first, whatever the order of the conditions.
        let conditions = rule.conditions.sorted { Self.rank($0) < Self.rank($1) }
        for condition in conditions {
            switch condition {
            case .noSafetyCriticalFailure:
                for id in results.mapInPlace(where: { $0.safetyCritical && $0.status.isUnmet }, \.id) { force(id, .safetyCritical) }
            case .allMandatoryMet(let accept):
                let unmet = results.mapInPlace(where: { $0.level == .mandatory && ($0.status.isUnmet || (!accept && $0.status == .needsAssessor)) },
                                               \.id)
                for id in unmet { force(id, .allMandatory) }
            case .mandatoryMetPercent(let minPercent):
                let mandatory = results.filterInPlace { $0.level == .mandatory && $0.status != .notApplicable }
                let met = mandatory.countInPlace { !$0.status.isUnmet }
                let missing = Self.needed(minPercent, of: mandatory.count) - met
                if missing > 0 {
                    counts.append((.mandatoryPercent(minPercent: minPercent), missing, mandatory.mapInPlace(where: { $0.status.isUnmet }, \.id)))
                }
            case .sectionCoverage(let minPercent, let level):
                for section in assessment.sections {
                    let applicable = level == .mandatory ? section.counts.mandatoryApplicable : section.counts.desirableApplicable
                    let met = level == .mandatory ? section.counts.mandatoryMet : section.counts.desirableMet
                    let missing = Self.needed(minPercent, of: applicable) - met
                    guard applicable > 0, missing > 0 else { continue }
                    let candidates = results.mapInPlace(where: { $0.section == section.id && $0.level == level && $0.status.isUnmet }, \.id)
                    let mention = SectionMention(id: section.id, number: section.number, title: section.title)
                    counts.append((.sectionCoverage(minPercent: minPercent, level: level, section: mention), missing, candidates))
                }
            case .tierMet(let tier, let accept):
                let unmet = results.mapInPlace(where: { $0.status != .notApplicable && ($0.tiers ?? []).contains(tier)
                                                   && ($0.status.isUnmet || (!accept && $0.status == .needsAssessor)) }, \.id)
                for id in unmet { force(id, .tier(tier)) }
            case .actionPlanCoversUnmetMandatory:
                break
            }
        }
    }

    /// The fewest of `applicable` that reach `minPercent`: the smallest `m` with
    /// `m × 100 ≥ minPercent × applicable`, computed exactly as `OutcomeRules` tests it.
    static func needed(_ minPercent: ExactDecimal, of applicable: Int) -> Int {
        guard applicable > 0 else { return 0 }
        let required = minPercent.millionths * Int64(applicable)  // compared with met × 10⁸
        let scale: Int64 = 100 * 1_000_000
        let needed = required <= 0 ? 0 : (required + scale - 1) / scale
        return Int(min(needed, Int64(applicable) + 1))
    }

    private static func rank(_ condition: OutcomeCondition) -> Int {
        switch condition {
        case .noSafetyCriticalFailure: 0
        case .allMandatoryMet, .tierMet: 1
        case .mandatoryMetPercent: 2
        case .sectionCoverage: 3
        case .actionPlanCoversUnmetMandatory: 4
        }
    }
}
