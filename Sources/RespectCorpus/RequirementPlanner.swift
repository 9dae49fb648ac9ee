import RespectModel

/// What the generator puts in a submission for one leaf of an indicator's requirement.
enum LeafPlan: Sendable {
    /// Evidence items of the rule's type, linked to the indicator.
    case evidence(EvidenceRule, EvidencePlan)
    /// The fact stated with a value that passes (or fails) the threshold.
    case fact(FactThreshold, holds: Bool)
}

/// How the items for one evidence leaf are made.
enum EvidencePlan: Sendable, Equatable {
    /// `count` items that count: right type, recent enough, review date not passed.
    case valid(count: Int)
    /// `count` items issued before the rule's age limit.
    case tooOld(count: Int)
    /// `count` items whose review-by date is before the as-of date.
    case reviewPassed(count: Int)
}

/// Plans, from an indicator's requirement tree, the leaves that make it satisfied or not.
///
/// Failing is planned so that it stays local to the indicator: an evidence leaf is failed only
/// when its type appears once in the tree (so items linked for another leaf cannot count for
/// it), a fact only when no other applicable indicator uses it, and a service only when it is
/// not offered anyway.
struct RequirementPlanner {
    /// Service types the submission offers.
    let offered: Set<String>
    /// Facts used by exactly one applicable indicator.
    let exclusiveFacts: Set<String>

    /// Leaves that satisfy `requirement`, or nil when it cannot be satisfied (a required
    /// service is not offered).
    func satisfy(_ requirement: EvidenceRequirement, random: inout SplitMix64) -> [LeafPlan]? {
        switch requirement {
        case .allOf(let children):
            var plans: [LeafPlan] = []
            for child in children {
                guard let plan = satisfy(child, random: &random) else { return nil }
                plans += plan
            }
            return plans
        case .anyOf(let children):
            for child in random.shuffled(children) {
                if let plan = satisfy(child, random: &random) { return plan }
            }
            return nil
        case .atLeast(let count, let children):
            var plans: [LeafPlan] = []
            var satisfied = 0
            for child in random.shuffled(children) where satisfied < count {
                if let plan = satisfy(child, random: &random) {
                    plans += plan
                    satisfied += 1
                }
            }
            return satisfied >= count ? plans : nil
        case .evidence(let rule):
            let extra = random.chance(0.3) ? random.int(in: 1...2) : 0
            return [.evidence(rule, .valid(count: rule.minimumCount + extra))]
        case .fact(let threshold):
            return [.fact(threshold, holds: true)]
        case .service(let serviceType):
            return offered.contains(serviceType) ? [] : nil
        }
    }

    /// Leaves that leave `requirement` unsatisfied while satisfying what can be (a partly met
    /// indicator reads more like a real one), or nil when it cannot fail locally.
    func fail(_ requirement: EvidenceRequirement, random: inout SplitMix64) -> [LeafPlan]? {
        fail(requirement, typeCounts: Self.evidenceTypeCounts(requirement), random: &random)
    }

    private func fail(_ requirement: EvidenceRequirement, typeCounts: [String: Int],
                      random: inout SplitMix64) -> [LeafPlan]? {
        switch requirement {
        case .allOf(let children):
            for failing in random.shuffled(Array(children.indices)) {
                guard var plans = fail(children[failing], typeCounts: typeCounts, random: &random) else { continue }
                var others = true
                for index in children.indices where index != failing {
                    guard let plan = satisfy(children[index], random: &random) else { others = false; break }
                    plans += plan
                }
                if others { return plans }
            }
            return nil
        case .anyOf(let children):
            var plans: [LeafPlan] = []
            for child in children {
                guard let plan = fail(child, typeCounts: typeCounts, random: &random) else { return nil }
                plans += plan
            }
            return plans
        case .atLeast(let count, let children):
            var plans: [LeafPlan] = []
            var satisfied = 0
            for child in random.shuffled(children) {
                if satisfied < count - 1, let plan = satisfy(child, random: &random) {
                    plans += plan
                    satisfied += 1
                } else if let plan = fail(child, typeCounts: typeCounts, random: &random) {
                    plans += plan
                } else {
                    return nil
                }
            }
            return plans
        case .evidence(let rule):
            guard typeCounts[rule.type, default: 0] == 1 else { return nil }
            var modes: [EvidencePlan?] = [nil, nil]  // no item at all is the commonest gap
            if rule.maximumAgeMonths != nil { modes.append(.tooOld(count: rule.minimumCount)) }
            if rule.requiresReviewDateNotPassed { modes.append(.reviewPassed(count: rule.minimumCount)) }
            if rule.minimumCount > 1 { modes.append(.valid(count: random.int(in: 1...(rule.minimumCount - 1)))) }
            return random.pick(modes).map { [.evidence(rule, $0)] } ?? []
        case .fact(let threshold):
            guard exclusiveFacts.contains(threshold.factID), FactChooser.canFail(threshold) else { return nil }
            return random.chance(0.2) ? [] : [.fact(threshold, holds: false)]  // not stated, or stated short
        case .service(let serviceType):
            return offered.contains(serviceType) ? nil : []
        }
    }

    /// How often each evidence type occurs among the tree's leaves.
    static func evidenceTypeCounts(_ requirement: EvidenceRequirement) -> [String: Int] {
        var counts: [String: Int] = [:]
        func walk(_ node: EvidenceRequirement) {
            switch node {
            case .allOf(let children), .anyOf(let children), .atLeast(_, let children): children.forEach(walk)
            case .evidence(let rule): counts[rule.type, default: 0] += 1
            case .fact, .service: break
            }
        }
        walk(requirement)
        return counts
    }

    /// Services the tree needs whatever alternative is taken (under `allOf` only).
    static func requiredServices(_ requirement: EvidenceRequirement) -> Set<String> {
        switch requirement {
        case .allOf(let children): children.reduce(into: Set()) { $0.formUnion(requiredServices($1)) }
        case .service(let serviceType): [serviceType]
        case .anyOf, .atLeast, .evidence, .fact: []
        }
    }

    /// The facts the tree refers to.
    static func facts(_ requirement: EvidenceRequirement) -> [String] {
        switch requirement {
        case .allOf(let children), .anyOf(let children), .atLeast(_, let children): children.flatMap(facts)
        case .fact(let threshold): [threshold.factID]
        case .evidence, .service: []
        }
    }
}
