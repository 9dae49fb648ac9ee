import RespectModel

/// One change in what an indicator asks for, old → new, e.g. a minimum count 2 → 3.
public struct RequirementChange: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An evidence type is newly required or no longer required.
        case evidenceType = "evidence-type"
        /// The minimum number of items of a type.
        case count
        /// The maximum age of items of a type, in months.
        case age
        /// Whether items must be within their review-by date.
        case reviewDate = "review-date"
        /// A fact threshold added, removed or changed.
        case threshold
        /// A required service added or removed.
        case service
        /// The service types or risk levels the indicator applies to.
        case applicability
        /// Mandatory or desirable.
        case level
        case safetyCritical = "safety-critical"
        case verification
    }

    public var kind: Kind
    /// What the change is about: an evidence type, a fact, "services", "risk levels"; empty for
    /// level, safety-critical and verification.
    public var subject: String
    /// The old value, `nil` when the requirement is new.
    public var old: String?
    /// The new value, `nil` when the requirement was dropped.
    public var new: String?

    public init(kind: Kind, subject: String, old: String?, new: String?) {
        self.kind = kind
        self.subject = subject
        self.old = old
        self.new = new
    }

    /// One line for reports, e.g. "count risk-assessment: at least 2 → at least 3".
    public var summary: String {
        (subject.isEmpty ? kind.rawValue : "\(kind.rawValue) \(subject)") + ": \(old ?? "none") → \(new ?? "none")"
    }
}

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
                changes.append(RequirementChange(kind: .evidenceType, subject: type, old: nil, new: "required"))
            case (.some, nil):
                changes.append(RequirementChange(kind: .evidenceType, subject: type, old: "required", new: nil))
            case (let before?, let after?):
                if before.minimumCount != after.minimumCount {
                    changes.append(RequirementChange(kind: .count, subject: type, old: "at least \(before.minimumCount)", new: "at least \(after.minimumCount)"))
                }
                if before.maximumAgeMonths != after.maximumAgeMonths {
                    changes.append(RequirementChange(kind: .age, subject: type, old: Self.age(before.maximumAgeMonths), new: Self.age(after.maximumAgeMonths)))
                }
                if before.requiresReviewDateNotPassed != after.requiresReviewDateNotPassed {
                    changes.append(RequirementChange(kind: .reviewDate, subject: type, old: Self.review(before), new: Self.review(after)))
                }
            case (nil, nil):
                break
            }
        }
        for fact in Self.union(oldLeaves.factOrder, newLeaves.factOrder) {
            let before = oldLeaves.facts[fact].map(Self.threshold), after = newLeaves.facts[fact].map(Self.threshold)
            if before != after { changes.append(RequirementChange(kind: .threshold, subject: fact, old: before, new: after)) }
        }
        for service in Self.union(oldLeaves.services, newLeaves.services) {
            let before = oldLeaves.services.contains(service), after = newLeaves.services.contains(service)
            if before != after {
                changes.append(RequirementChange(kind: .service, subject: service, old: before ? "required" : nil, new: after ? "required" : nil))
            }
        }

        let oldServices = Self.services(old, map: links.serviceType), newServices = Self.services(new, map: { $0 })
        if oldServices != newServices {
            changes.append(RequirementChange(kind: .applicability, subject: "services", old: Self.list(oldServices), new: Self.list(newServices)))
        }
        let oldRisks = Self.risks(old), newRisks = Self.risks(new)
        if oldRisks != newRisks {
            changes.append(RequirementChange(kind: .applicability, subject: "risk levels", old: Self.list(oldRisks), new: Self.list(newRisks)))
        }
        let oldLevel = Self.level(old), newLevel = Self.level(new)
        if oldLevel != newLevel {
            changes.append(RequirementChange(kind: .level, subject: "", old: oldLevel.rawValue, new: newLevel.rawValue))
        }
        let oldCritical = old.contains(where: \.isSafetyCritical), newCritical = new.contains(where: \.isSafetyCritical)
        if oldCritical != newCritical {
            changes.append(RequirementChange(kind: .safetyCritical, subject: "", old: String(oldCritical), new: String(newCritical)))
        }
        let oldVerification = Self.list(Set(old.map(\.verification.rawValue))), newVerification = Self.list(Set(new.map(\.verification.rawValue)))
        if oldVerification != newVerification {
            changes.append(RequirementChange(kind: .verification, subject: "", old: oldVerification, new: newVerification))
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

    private static func list(_ values: Set<String>?) -> String {
        values.map { $0.sorted().joined(separator: ", ") } ?? "all"
    }

    private static func age(_ months: Int?) -> String {
        months.map { "at most \($0) months old" } ?? "any age"
    }

    private static func review(_ rule: EvidenceRule) -> String {
        rule.requiresReviewDateNotPassed ? "within review date" : "review date not checked"
    }

    private static func threshold(_ threshold: FactThreshold) -> String {
        "\(threshold.comparison.symbol) \(threshold.value)\(threshold.unit.map { " \($0)" } ?? "")"
    }
}
