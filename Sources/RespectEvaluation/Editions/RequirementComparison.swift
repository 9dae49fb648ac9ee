import RespectModel

/// Compares the requirements of linked old and new indicators. Requirement trees are compared
/// by their leaves (evidence rules by type, fact thresholds by fact, required services), after
/// mapping renamed evidence and service types; a group of several indicators on one side is
/// compared as the union of their leaves.
struct RequirementComparison {
    let changes: [RequirementChange]

    init(old: [Indicator], new: [Indicator], links: EditionLinks) {
        var changes: [RequirementChange] = []
        let oldLeaves = Leaves(old.map(\.requirement), evidenceType: links.evidenceType, serviceType: links.serviceType)
        let newLeaves = Leaves(new.map(\.requirement), evidenceType: { $0 }, serviceType: { $0 })

        for type in Self.union(oldLeaves.evidenceOrder, newLeaves.evidenceOrder) {
            switch (oldLeaves.evidence[type], newLeaves.evidence[type]) {
            case (nil, .some):
                changes.append(.evidenceType(type, required: true))
            case (.some, nil):
                changes.append(.evidenceType(type, required: false))
            case (let before?, let after?):
                if before.minimumCount != after.minimumCount {
                    changes.append(.count(evidenceType: type, old: before.minimumCount, new: after.minimumCount))
                }
                if before.maximumAgeMonths != after.maximumAgeMonths {
                    changes.append(.age(evidenceType: type, oldMonths: before.maximumAgeMonths, newMonths: after.maximumAgeMonths))
                }
                if before.requiresReviewDateNotPassed != after.requiresReviewDateNotPassed {
                    changes.append(.reviewDate(evidenceType: type, old: before.requiresReviewDateNotPassed, new: after.requiresReviewDateNotPassed))
                }
            case (nil, nil):
                break
            }
        }
        for fact in Self.union(oldLeaves.factOrder, newLeaves.factOrder) {
            let before = oldLeaves.facts[fact], after = newLeaves.facts[fact]
            if before != after { changes.append(.threshold(fact: fact, old: before, new: after)) }
        }
        for service in Self.union(oldLeaves.services, newLeaves.services) {
            let before = oldLeaves.services.contains(service), after = newLeaves.services.contains(service)
            if before != after { changes.append(.service(service, required: after)) }
        }

        let oldServices = Self.services(old, map: links.serviceType), newServices = Self.services(new, map: { $0 })
        if oldServices != newServices {
            changes.append(.applicability(.serviceTypes, old: oldServices.map { $0.sorted() }, new: newServices.map { $0.sorted() }))
        }
        let oldRisks = Self.risks(old), newRisks = Self.risks(new)
        if oldRisks != newRisks {
            changes.append(.applicability(.riskLevels, old: oldRisks.map { $0.sorted() }, new: newRisks.map { $0.sorted() }))
        }
        let oldLevel = Self.level(old), newLevel = Self.level(new)
        if oldLevel != newLevel {
            changes.append(.level(old: oldLevel, new: newLevel))
        }
        let oldCritical = old.contains(where: \.isSafetyCritical), newCritical = new.contains(where: \.isSafetyCritical)
        if oldCritical != newCritical {
            changes.append(.safetyCritical(old: oldCritical, new: newCritical))
        }
        let oldVerification = Self.verifications(old), newVerification = Self.verifications(new)
        if oldVerification != newVerification {
            changes.append(.verification(old: oldVerification, new: newVerification))
        }
        self.changes = changes
    }

    /// The leaves of one or more requirement trees; the first rule for a type or fact wins.
    private struct Leaves {
        var evidence: [String: EvidenceRule] = [:]
        var evidenceOrder: [String] = []
        var facts: [String: FactThreshold] = [:]
        var factOrder: [String] = []
        var services: [String] = []

        init(_ requirements: [EvidenceRequirement], evidenceType: (String) -> String, serviceType: (String) -> String) {
            for requirement in requirements { collect(requirement, evidenceType, serviceType) }
        }

        private mutating func collect(_ requirement: EvidenceRequirement, _ evidenceType: (String) -> String, _ serviceType: (String) -> String) {
            switch requirement {
            case .allOf(let children), .anyOf(let children), .atLeast(_, let children):
                for child in children { collect(child, evidenceType, serviceType) }
            case .evidence(let rule):
                let type = evidenceType(rule.type)
                if evidence[type] == nil {
                    evidence[type] = rule
                    evidenceOrder.append(type)
                }
            case .fact(let threshold):
                if facts[threshold.factID] == nil {
                    facts[threshold.factID] = threshold
                    factOrder.append(threshold.factID)
                }
            case .service(let type):
                let mapped = serviceType(type)
                if !services.contains(mapped) { services.append(mapped) }
            }
        }
    }

    private static func union(_ first: [String], _ second: [String]) -> [String] {
        first + second.filter { !first.contains($0) }
    }

    /// `nil` means every service (or risk level).
    private static func services(_ indicators: [Indicator], map: (String) -> String) -> Set<String>? {
        var all = Set<String>()
        for indicator in indicators {
            guard let services = indicator.applicability.serviceTypes else { return nil }
            all.formUnion(services.map(map))
        }
        return all
    }

    private static func risks(_ indicators: [Indicator]) -> Set<String>? {
        var all = Set<String>()
        for indicator in indicators {
            guard let risks = indicator.applicability.riskLevels else { return nil }
            all.formUnion(risks)
        }
        return all
    }

    private static func level(_ indicators: [Indicator]) -> Level {
        indicators.contains { $0.level == .mandatory } ? .mandatory : .desirable
    }

    /// The verification modes of a group, each once, in their codes' order.
    private static func verifications(_ indicators: [Indicator]) -> [Verification] {
        Set(indicators.map(\.verification)).sorted { $0.rawValue < $1.rawValue }
    }
}
