import RespectModel

extension StepSearch {
    /// The step's entries: each fix with its settled additions and what the final evaluation
    /// gave it, then each action; safety-critical first, then mandatory, then desirable, and
    /// within each what fails now before what the step's services bring, fixes before actions.
    func entries(_ draft: PlanDraft, final: Assessment) -> [PlanEntry] {
        var entries: [PlanEntry] = []
        let values = draft.factValues
        for fix in draft.fixes {
            guard let after = final.result(fix.id) else { continue }
            let change: PlanChange
            if let assessorOnly = fix.assessorOnly {
                change = assessorOnly
            } else if after.status == .needsAssessor || (after.status != .met && after.verification != .desk) {
                change = .awaitAssessor(additions: draft.settledAdditions(fix, values: values), verification: after.verification)
            } else {
                change = .meet(additions: draft.settledAdditions(fix, values: values))
            }
            entries.append(entry(after, cause: fix.cause, change: change))
        }
        for action in draft.actions {
            guard let after = final.result(action.id) else { continue }
            entries.append(entry(after, cause: action.cause, change: .addAction(from: action.from, to: action.to)))
        }
        return entries.sorted { lhs, rhs in
            (Self.urgency(lhs), lhs.change.kind == .addAction ? 1 : 0, lhs.isNewlyApplicable ? 1 : 0, order[lhs.indicator.id] ?? 0)
                < (Self.urgency(rhs), rhs.change.kind == .addAction ? 1 : 0, rhs.isNewlyApplicable ? 1 : 0, order[rhs.indicator.id] ?? 0)
        }
    }

    private func entry(_ after: IndicatorResult, cause: PlanCause, change: PlanChange) -> PlanEntry {
        PlanEntry(indicator: IndicatorMention(id: after.id, number: after.number), text: after.text, section: after.section,
                  level: after.level, safetyCritical: after.safetyCritical, verification: after.verification,
                  status: baseAssessment.result(after.id)?.status ?? .notApplicable, cause: cause, change: change,
                  remediation: after.remediation)
    }

    /// -1: a precondition (gate), 0: safety-critical, 1: mandatory, 2: desirable.
    private static func urgency(_ entry: PlanEntry) -> Int {
        if entry.cause == .gate { return -1 }
        return entry.safetyCritical ? 0 : (entry.level == .mandatory ? 1 : 2)
    }

    /// The services the step's fixes offer, in the order they are first needed.
    func services(_ draft: PlanDraft) -> [ServiceOffer] {
        var seen = Set<String>()
        var offers: [ServiceOffer] = []
        for addition in draft.fixes.flatMap(\.additions) {
            guard case .service(let offer) = addition, seen.insert(offer.serviceType.id).inserted else { continue }
            offers.append(offer)
        }
        return offers
    }

    /// Indicators that did not apply before the step and apply after it.
    func newlyApplicable(_ final: Assessment) -> [IndicatorMention] {
        let (before, after) = (baseAssessment.indicators, final.indicators)
        return zip(before.indices, after.indices).compactMap { lhs, rhs in
            before[lhs].status == .notApplicable && after[rhs].status != .notApplicable
                ? IndicatorMention(id: after[rhs].id, number: after[rhs].number) : nil
        }
    }

    /// By fact, the thresholds of indicators that are met or await an assessor: a value the
    /// plan chooses for a fact should not break them.
    static func thresholdsKept(by assessment: Assessment, framework: Framework) -> [String: [FactThreshold]] {
        let satisfied = Set(assessment.indicators.mapInPlace(where: { $0.status == .met || $0.status == .needsAssessor }, \.id))
        var thresholds: [String: [FactThreshold]] = [:]
        func walk(_ requirement: EvidenceRequirement) {
            switch requirement {
            case .allOf(let children), .anyOf(let children), .atLeast(_, let children): children.forEach(walk)
            case .fact(let threshold): thresholds[threshold.factID, default: []].append(threshold)
            case .evidence, .service: break
            }
        }
        for indicator in framework.indicators where satisfied.contains(indicator.id) { walk(indicator.requirement) }
        return thresholds
    }
}
