import RespectXML

/// Reads the composable requirement vocabulary (`allOf`, `anyOf`, `atLeast`, `evidence`,
/// `fact`, `service`) and fact thresholds. Shared by the framework and tender builders, so a
/// tender's local indicators and stricter thresholds mean exactly what they mean in a framework.
///
/// With a vocabulary, a fact threshold is checked against the fact's definition (kind and
/// unit) straight away. Without one (a tender, which names its framework editions but does not
/// contain their vocabulary) only the value's syntax is checked here; the evaluator checks the
/// rest against each accepted framework.
struct RequirementReader {
    /// The vocabulary thresholds are checked against, or `nil` to defer that check.
    var vocabulary: Vocabulary?

    /// Reads one requirement element; `subject` names what it belongs to in messages, e.g.
    /// `indicator 'gov-accountable-lead'`.
    func requirement(_ element: XMLElement, subject: String, log: inout ProblemLog) -> EvidenceRequirement {
        switch element.name {
        case "allOf":
            return .allOf(element.children.map { requirement($0, subject: subject, log: &log) })
        case "anyOf":
            return .anyOf(element.children.map { requirement($0, subject: subject, log: &log) })
        case "atLeast":
            let count = log.integer("count", of: element) ?? 1
            if count > element.children.count {
                log.report("\(subject): atLeast count=\"\(count)\" but only \(element.children.count) alternatives are listed; expected a count of at most \(element.children.count)", at: element)
            }
            return .atLeast(count, element.children.map { requirement($0, subject: subject, log: &log) })
        case "evidence":
            return .evidence(EvidenceRule(type: log.required("type", of: element),
                                          minimumCount: log.integer("min", of: element) ?? 1,
                                          maximumAgeMonths: log.integer("maxAgeMonths", of: element),
                                          requiresReviewDateNotPassed: log.flag("reviewByNotPassed", of: element, default: false)))
        case "fact":
            return .fact(factThreshold(element, subject: subject, log: &log))
        case "service":
            return .service(log.required("type", of: element))
        default:
            log.report("\(subject): unknown requirement '\(element.name)'; expected allOf, anyOf, atLeast, evidence, fact or service", at: element)
            return .allOf([])
        }
    }

    /// Reads `ref`, `op`, `value` and `unit` of a fact threshold element.
    func factThreshold(_ element: XMLElement, subject: String, log: inout ProblemLog) -> FactThreshold {
        let factID = log.required("ref", of: element)
        let comparison = Comparison(rawValue: log.required("op", of: element)) ?? .eq
        let text = log.required("value", of: element)
        let unit = element.attribute("unit")
        let placeholder = FactThreshold(factID: factID, comparison: comparison, value: .boolean(false), unit: unit)
        guard let vocabulary else {
            guard let value = FactValue(text) else {
                log.report("\(subject): the threshold value on '\(factID)' is '\(text)'; expected a decimal number or true/false", at: element)
                return placeholder
            }
            if value.kind == .boolean, comparison != .eq, comparison != .ne {
                log.report("\(subject): a true/false threshold on '\(factID)' can only be compared with eq or ne", at: element)
            }
            return FactThreshold(factID: factID, comparison: comparison, value: value, unit: unit)
        }
        guard let definition = vocabulary.fact(factID) else {
            log.report("\(subject) tests fact '\(factID)', which the vocabulary does not define", at: element)
            return placeholder
        }
        guard let value = FactValue(text), value.kind == definition.kind else {
            log.report("\(subject): fact '\(factID)' is a \(definition.kind.rawValue), but the threshold value is '\(text)'; expected \(definition.kind == .boolean ? "true or false" : "a decimal number")", at: element)
            return placeholder
        }
        if unit != definition.unit {
            log.report("\(subject): threshold on '\(factID)' is in '\(unit ?? "no unit")', but the fact is defined in '\(definition.unit ?? "no unit")'", at: element)
        }
        if definition.kind == .boolean, comparison != .eq, comparison != .ne {
            log.report("\(subject): boolean fact '\(factID)' can only be compared with eq or ne", at: element)
        }
        return FactThreshold(factID: factID, comparison: comparison, value: value, unit: unit)
    }
}
