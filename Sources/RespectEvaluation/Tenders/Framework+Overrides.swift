public import RespectModel

/// One framework threshold replaced by a tender's stricter one, for reports: `old → new`.
public struct ThresholdChange: Sendable, Codable, Hashable {
    /// The framework edition changed, `id@edition`.
    public var framework: String
    public var indicator: String
    public var number: String
    public var fact: String
    /// The framework's threshold, e.g. ≥ 22 weeks.
    public var old: FactThreshold
    /// The tender's threshold, e.g. ≥ 26 weeks.
    public var new: FactThreshold
    public var clause: String?
}

extension Framework {
    /// A copy in which every fact threshold on a fact the tender overrides is replaced by the
    /// tender's, with the list of replacements made (in indicator order).
    public func overridingThresholds(_ overrides: [ThresholdOverride]) -> (framework: Framework, changes: [ThresholdChange]) {
        let byFact = Dictionary(overrides.map { ($0.threshold.factID, $0) }, uniquingKeysWith: { first, _ in first })
        guard !byFact.isEmpty else { return (self, []) }
        var copy = self
        var changes: [ThresholdChange] = []
        for sectionIndex in copy.sections.indices {
            for standardIndex in copy.sections[sectionIndex].standards.indices {
                for indicatorIndex in copy.sections[sectionIndex].standards[standardIndex].indicators.indices {
                    let indicator = copy.sections[sectionIndex].standards[standardIndex].indicators[indicatorIndex]
                    var replaced: [(FactThreshold, ThresholdOverride)] = []
                    let requirement = indicator.requirement.replacingThresholds(byFact, replaced: &replaced)
                    copy.sections[sectionIndex].standards[standardIndex].indicators[indicatorIndex].requirement = requirement
                    for (old, override) in replaced {
                        changes.append(ThresholdChange(framework: identity.reference, indicator: indicator.id, number: indicator.number,
                                                       fact: old.factID, old: old, new: override.threshold, clause: override.clause))
                    }
                }
            }
        }
        return (copy, changes)
    }

    /// A copy with the tender's local indicators appended as one more section.
    public func adding(_ local: LocalIndicatorSection) -> Framework {
        var copy = self
        copy.sections.append(local.section)
        return copy
    }

    /// Indicators whose requirement tests `factID` anywhere, with the thresholds on it.
    public func thresholds(on factID: String) -> [(indicator: Indicator, threshold: FactThreshold)] {
        indicators.flatMap { indicator in
            indicator.requirement.factThresholds.filter { $0.factID == factID }.map { (indicator, $0) }
        }
    }
}

extension EvidenceRequirement {
    /// The tree with thresholds on overridden facts replaced; appends each replacement.
    func replacingThresholds(_ overrides: [String: ThresholdOverride],
                             replaced: inout [(FactThreshold, ThresholdOverride)]) -> EvidenceRequirement {
        switch self {
        case .allOf(let children):
            return .allOf(children.map { $0.replacingThresholds(overrides, replaced: &replaced) })
        case .anyOf(let children):
            return .anyOf(children.map { $0.replacingThresholds(overrides, replaced: &replaced) })
        case .atLeast(let count, let children):
            return .atLeast(count, children.map { $0.replacingThresholds(overrides, replaced: &replaced) })
        case .fact(let threshold):
            guard let override = overrides[threshold.factID] else { return self }
            replaced.append((threshold, override))
            return .fact(override.threshold)
        case .evidence, .service:
            return self
        }
    }
}

extension FactThreshold {
    /// The requirement in words: `≥ 26 weeks`, `= true`.
    public var requirementText: String {
        "\(comparison.symbol) \(value)" + (unit.map { " \($0)" } ?? "")
    }

    /// Whether `value` passes this threshold (a value of the other kind never does).
    public func holds(for value: FactValue) -> Bool {
        switch (value, self.value) {
        case (.number(let actual), .number(let required)): comparison.holds(actual, required)
        case (.boolean(let actual), .boolean(let required)): comparison == .ne ? actual != required : actual == required
        default: false
        }
    }

    /// Whether every value that passes `self` also passes `other`: a tender threshold must be
    /// at least as strict as each framework threshold it replaces.
    public func isAtLeastAsStrict(as other: FactThreshold) -> Bool {
        switch (value, other.value) {
        case (.boolean(let mine), .boolean):
            let accepted = comparison == .ne ? !mine : mine
            return other.holds(for: .boolean(accepted))
        case (.number(let mine), .number(let theirs)):
            switch comparison {
            case .eq: return other.holds(for: value)
            case .ne: return other.comparison == .ne && mine == theirs
            case .ge: return other.comparison == .ge ? mine >= theirs : other.comparison == .gt && mine > theirs
            case .gt: return (other.comparison == .ge || other.comparison == .gt) && mine >= theirs
            case .le: return other.comparison == .le ? mine <= theirs : other.comparison == .lt && mine < theirs
            case .lt: return (other.comparison == .le || other.comparison == .lt) && mine <= theirs
            }
        default:
            return false
        }
    }
}
