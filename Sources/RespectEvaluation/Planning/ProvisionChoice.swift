import RespectModel

/// Turns what the evaluation says to provide (`Provision` trees) into the cheapest concrete
/// additions: of "one of" alternatives the cheapest, of "N more of" the N cheapest, where a
/// service not yet offered costs more than any number of documents (it brings indicators with
/// it), and an assessor's rejection cannot be answered by additions at all.
struct ProvisionChoice {
    let vocabulary: Vocabulary
    /// Services offered, with those the step already adds.
    let offered: Set<String>
    /// The submission's stated facts, by id.
    let stated: [String: StatedFact]
    /// The risk levels a newly offered service serves: those the submission already serves.
    let riskLevels: [TermReference]

    /// What satisfying provisions costs: services to start first, then items to add.
    struct Cost: Comparable {
        var services: Int
        var items: Int

        static let zero = Cost(services: 0, items: 0)

        static func + (lhs: Cost, rhs: Cost) -> Cost {
            Cost(services: lhs.services + rhs.services, items: lhs.items + rhs.items)
        }

        static func < (lhs: Cost, rhs: Cost) -> Bool {
            (lhs.services, lhs.items) < (rhs.services, rhs.items)
        }
    }

    /// The cost of satisfying every provision in `provisions`; `nil` when additions cannot.
    func cost(_ provisions: [Provision]) -> Cost? {
        var total = Cost.zero
        for provision in provisions {
            guard let cost = cost(provision) else { return nil }
            total = total + cost
        }
        return total
    }

    private func cost(_ provision: Provision) -> Cost? {
        switch provision {
        case .evidence(let evidence): return Cost(services: 0, items: evidence.count)
        case .fact, .factSource: return Cost(services: 0, items: 1)
        case .service(let type): return offered.contains(type.id) ? .zero : Cost(services: 1, items: 0)
        case .oneOf(let alternatives): return cheapest(alternatives).map(\.cost)
        case .moreOf(let count, let options):
            let costs = options.compactMap(cost).sorted()
            guard costs.count >= count else { return nil }
            return costs.prefix(count).reduce(.zero, +)
        case .answerFinding: return nil
        }
    }

    /// The cheapest alternative and its cost (the first of equal ones, in the framework's order).
    private func cheapest(_ alternatives: [[Provision]]) -> (index: Int, cost: Cost)? {
        var best: (index: Int, cost: Cost)?
        for (index, alternative) in alternatives.enumerated() {
            guard let cost = cost(alternative) else { continue }
            if best.map({ cost < $0.cost }) ?? true { best = (index, cost) }
        }
        return best
    }

    /// The cheapest additions that satisfy every provision, facts of the same id merged into one
    /// addition; `nil` when additions cannot (an assessor's rejection). A fact's value is its
    /// first threshold's value for now: `FactValueChoice` settles it for the whole step.
    func additions(_ provisions: [Provision]) -> [PlanAddition]? {
        var additions: [PlanAddition] = []
        for provision in provisions {
            guard let more = self.additions(provision) else { return nil }
            additions += more
        }
        return Self.merged(additions)
    }

    private func additions(_ provision: Provision) -> [PlanAddition]? {
        switch provision {
        case .evidence(let evidence):
            return [.evidence(evidence)]
        case .fact(let fact, let threshold):
            return [.fact(FactAddition(fact: fact, value: StatedValue(value: threshold.value, unit: threshold.unit),
                                       thresholds: [threshold], sourceTypes: sourceTypes(fact.id), changesValue: true))]
        case .factSource(let fact, let allowed):
            guard let stated = stated[fact.id] else {
                // Not stated: the fact provision beside it states it.
                return []
            }
            return [.fact(FactAddition(fact: fact, value: StatedValue(value: stated.value, unit: stated.unit),
                                       thresholds: [], sourceTypes: allowed, changesValue: false))]
        case .service(let type):
            return offered.contains(type.id) ? [] : [.service(ServiceOffer(serviceType: type, riskLevels: riskLevels))]
        case .oneOf(let alternatives):
            guard let best = cheapest(alternatives) else { return nil }
            return additions(alternatives[best.index])
        case .moreOf(let count, let options):
            let ranked = options.enumerated().compactMap { index, option in cost(option).map { (index, $0) } }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            guard ranked.count >= count else { return nil }
            var chosen: [PlanAddition] = []
            for (index, _) in ranked.prefix(count) {
                guard let more = additions(options[index]) else { return nil }
                chosen += more
            }
            return chosen
        case .answerFinding:
            return nil
        }
    }

    func sourceTypes(_ factID: String) -> [TermReference]? {
        vocabulary.fact(factID)?.sourceTypes?.map(vocabulary.evidenceTypeReference)
    }

    /// Additions with each fact once (thresholds joined) and each service once, in first-seen order.
    static func merged(_ additions: [PlanAddition]) -> [PlanAddition] {
        var merged: [PlanAddition] = []
        var factPositions: [String: Int] = [:]
        var services: Set<String> = []
        for addition in additions {
            switch addition {
            case .fact(let fact):
                if let position = factPositions[fact.fact.id], case .fact(var existing) = merged[position] {
                    existing.thresholds += fact.thresholds.filter { !existing.thresholds.contains($0) }
                    existing.changesValue = existing.changesValue || fact.changesValue
                    merged[position] = .fact(existing)
                } else {
                    factPositions[fact.fact.id] = merged.count
                    merged.append(addition)
                }
            case .service(let offer):
                if services.insert(offer.serviceType.id).inserted { merged.append(addition) }
            case .evidence:
                if !merged.contains(addition) { merged.append(addition) }
            }
        }
        return merged
    }
}
