import RespectModel

/// What evaluating one requirement (a leaf or a whole tree) found.
struct RequirementOutcome {
    var satisfied: Bool
    /// Some part of it is satisfied (used to tell "partly met" from "not met").
    var hasProgress: Bool
    var reasons: [Reason] = []
    /// Ids of the items that counted, in document order.
    var evidenceUsed: [String] = []
    /// What the provider should supply, one entry per unmet part.
    var toProvide: [Provision] = []
    var unlinkedCandidates: [String] = []
    var warnings: [Warning] = []
    /// A failed part without which nothing else counts (a required service that is not
    /// offered): the whole tree is "not met", never "partly met".
    var isBlocking = false
    /// Facts the satisfied parts rely on that cite no item of a type that can show them
    /// (`Reason.factNotBacked`): a satisfied tree with any needs an assessor.
    var unbacked: [Reason] = []
    /// What would back them (`Provision.factSource`), one per unbacked fact.
    var sourceProvisions: [Provision] = []
}

/// Evaluates an indicator's requirement tree against the submission as of a date.
struct RequirementEvaluator {
    let index: EvidenceIndex
    let vocabulary: Vocabulary
    let asOf: CalendarDate
    /// How far ahead expiry warnings look.
    let warningHorizonDays: Int
    /// Items an assessor accepted: they count whatever their dates say.
    var acceptedEvidence: Set<String> = []
    /// False when nobody reads the warnings (a batch row): expiry warnings are not written.
    var collectsWarnings = true
    /// False when only the figures are wanted (`Evaluator.figures`): the ids of the evidence
    /// used and the unlinked candidates are not listed.
    var listsEvidence = true

    func evaluate(_ requirement: EvidenceRequirement, for indicator: Indicator) -> RequirementOutcome {
        switch requirement {
        case .allOf(let children):
            let results = children.map { evaluate($0, for: indicator) }
            var outcome = combine(results, satisfied: results.allSatisfy(\.satisfied))
            if results.contains(where: \.isBlocking) {
                outcome.hasProgress = false
                outcome.isBlocking = true
            }
            outcome.unbacked = results.flatMap(\.unbacked)
            outcome.sourceProvisions = results.flatMap(\.sourceProvisions)
            outcome.toProvide = results.filter { !$0.satisfied }.flatMap(\.toProvide)
            outcome.reasons = results.filter { !$0.satisfied }.flatMap(\.reasons)
            if !outcome.satisfied { outcome.toProvide += outcome.sourceProvisions }
            return outcome
        case .anyOf(let children):
            let results = children.map { evaluate($0, for: indicator) }
            var outcome = combine(results, satisfied: results.contains(where: \.satisfied))
            if outcome.satisfied {
                // A backed alternative needs no assessor; else the first satisfied one's facts.
                if !results.contains(where: { $0.satisfied && $0.unbacked.isEmpty }),
                   let first = results.first(where: \.satisfied) {
                    outcome.unbacked = first.unbacked
                    outcome.sourceProvisions = first.sourceProvisions
                }
            } else {
                outcome.reasons = results.flatMap(\.reasons)
                outcome.toProvide = [.oneOf(alternatives: results.map(\.toProvide))]
            }
            return outcome
        case .atLeast(let count, let children):
            let results = children.map { evaluate($0, for: indicator) }
            let satisfiedCount = results.filter(\.satisfied).count
            var outcome = combine(results, satisfied: satisfiedCount >= count)
            // The satisfied parts that count: backed ones first, so facts without a source are
            // relied on only when too few backed parts are satisfied.
            let relied = Array((results.filter { $0.satisfied && $0.unbacked.isEmpty }
                                + results.filter { $0.satisfied && !$0.unbacked.isEmpty }).prefix(count))
            outcome.unbacked = relied.flatMap(\.unbacked)
            outcome.sourceProvisions = relied.flatMap(\.sourceProvisions)
            if !outcome.satisfied {
                outcome.reasons = [.alternativesNotMet(met: satisfiedCount, required: count, of: children.count)]
                    + results.filter { !$0.satisfied }.flatMap(\.reasons)
                outcome.toProvide = [.moreOf(count: count - satisfiedCount, options: results.filter { !$0.satisfied }.map(\.toProvide))]
                    + outcome.sourceProvisions
            }
            return outcome
        case .evidence(let rule):
            return evaluate(rule, for: indicator)
        case .fact(let threshold):
            return evaluate(threshold)
        case .service(let serviceType):
            if index.submission.offers(serviceType) {
                return RequirementOutcome(satisfied: true, hasProgress: true)
            }
            let service = vocabulary.serviceTypeReference(serviceType)
            return RequirementOutcome(satisfied: false, hasProgress: false,
                                      reasons: [.serviceNotOffered(serviceType: service)],
                                      toProvide: [.service(serviceType: service)], isBlocking: true)
        }
    }

    /// Merges children: progress and evidence of satisfied parts, warnings of all.
    private func combine(_ results: [RequirementOutcome], satisfied: Bool) -> RequirementOutcome {
        var outcome = RequirementOutcome(satisfied: satisfied, hasProgress: results.contains { $0.satisfied || $0.hasProgress })
        if listsEvidence {
            var seen = Set<String>()
            for result in results where result.satisfied || result.hasProgress {
                for id in result.evidenceUsed where seen.insert(id).inserted { outcome.evidenceUsed.append(id) }
            }
            let unlinked = results.flatMap(\.unlinkedCandidates)
            outcome.unlinkedCandidates = unlinked.isEmpty ? [] : Array(Set(unlinked)).sorted()
        }
        if collectsWarnings { outcome.warnings = results.flatMap(\.warnings) }
        return outcome
    }
}
