import RespectEvaluation
import RespectModel

/// How the reports read an assessment and its plan: which conditions explain the verdict, and
/// the missing-evidence list in the order that lifts the verdict. Choices, not words.
extension Assessment {
    /// The conditions that explain the verdict in a headline: for the highest outcome, those
    /// that decided it; otherwise those that fail in the rule just above the one that matched
    /// (what stands between the submission and the next verdict).
    var headlineConditions: [ConditionResult] {
        let trials = outcome.rulesTried
        guard trials.count > 1 else { return outcome.decidedBy }
        let above = trials[trials.count - 2]
        return above.conditions.filter { !$0.holds }
    }

    /// The missing-evidence entries grouped in the plan's order: first those each step makes
    /// met (or leaves to an assessor), step by step; then the others by section.
    var missingInPlanOrder: [MissingGroup] {
        let items = missingEvidence.flatMap(\.items)
        var placed = Set<String>()
        var groups: [MissingGroup] = []
        for (index, step) in (plan?.steps ?? []).enumerated() {
            let ids = step.entries.filter { $0.change.kind != .addAction }.map(\.indicator.id)
            let chosen = ids.compactMap { id in items.first { $0.indicator.id == id && !placed.contains(id) } }
            chosen.forEach { placed.insert($0.indicator.id) }
            if !chosen.isEmpty { groups.append(MissingGroup(kind: .step(number: index + 1, step: step), items: chosen)) }
        }
        for group in missingEvidence {
            let rest = group.items.filter { !placed.contains($0.indicator.id) }
            if !rest.isEmpty {
                groups.append(MissingGroup(kind: .section(number: group.sectionNumber, title: group.sectionTitle, afterPlan: placed.count > 0),
                                           items: rest))
            }
        }
        return groups
    }
}

/// Missing-evidence entries under one heading of the plan-ordered list.
struct MissingGroup {
    enum Kind {
        /// What a plan step needs met.
        case step(number: Int, step: PlanStep)
        /// The rest of a section; `afterPlan` when plan steps come before it.
        case section(number: String, title: String, afterPlan: Bool)
    }

    var kind: Kind
    var items: [MissingEvidence]
}
