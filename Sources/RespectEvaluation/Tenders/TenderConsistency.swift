import RespectModel
public import RespectXML

/// A tender refers to vocabulary, sections or thresholds an accepted framework edition does not
/// have, or loosens one of its thresholds. `description` lists every problem with the tender's
/// file and line.
public struct TenderMismatch: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [XMLDiagnostic]

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Checks a tender against one accepted framework edition, before any bid is read.
struct TenderConsistency {
    private(set) var problems: [XMLDiagnostic] = []
    private let tender: Tender
    private let framework: Framework
    private var vocabulary: Vocabulary { framework.vocabulary }

    init(tender: Tender, framework: Framework) {
        self.tender = tender
        self.framework = framework
        checkServices()
        checkThresholds()
        checkSections()
        checkLocalIndicators()
    }

    private var edition: String { framework.identity.reference }

    private mutating func report(_ message: String, line: Int) {
        problems.append(XMLDiagnostic(location: SourceLocation(file: tender.source, line: line), message: message))
    }

    private mutating func checkServices() {
        for service in tender.services {
            if vocabulary.serviceType(service.serviceType) == nil {
                report("required service type '\(service.serviceType)' is not defined by \(edition); expected one of: \(vocabulary.serviceTypes.map(\.id).joined(separator: ", "))", line: service.line)
            }
            for risk in service.riskLevels where vocabulary.riskLevel(risk) == nil {
                report("risk level '\(risk)' (service '\(service.serviceType)') is not defined by \(edition); expected one of: \(vocabulary.riskLevels.map(\.id).joined(separator: ", "))", line: service.line)
            }
        }
    }

    private mutating func checkThresholds() {
        for override in tender.thresholds {
            let threshold = override.threshold
            guard checkFact(threshold, subject: "tender threshold", line: override.line) else { continue }
            let tested = framework.thresholds(on: threshold.factID)
            if tested.isEmpty {
                report("tender threshold on '\(threshold.factID)': no indicator of \(edition) tests this fact, so the threshold would change nothing; to require it, add a local indicator with <fact ref=\"\(threshold.factID)\" …/>", line: override.line)
            }
            for (indicator, old) in tested where !threshold.isAtLeastAsStrict(as: old) {
                report("tender threshold on '\(threshold.factID)' (\(threshold.requirementText)) is less strict than \(edition) indicator \(indicator.number) \(indicator.id) (\(old.requirementText)); a tender can only make thresholds stricter", line: override.line)
            }
        }
    }

    /// Checks a fact threshold against the vocabulary; true when the fact is known and compatible.
    private mutating func checkFact(_ threshold: FactThreshold, subject: String, line: Int) -> Bool {
        guard let definition = vocabulary.fact(threshold.factID) else {
            report("\(subject) tests fact '\(threshold.factID)', which \(edition) does not define; expected one of: \(vocabulary.facts.map(\.id).joined(separator: ", "))", line: line)
            return false
        }
        var compatible = true
        if threshold.value.kind != definition.kind {
            report("\(subject): fact '\(threshold.factID)' is a \(definition.kind.rawValue) in \(edition), but the threshold value is '\(threshold.value)'; expected \(definition.kind == .boolean ? "true or false" : "a decimal number")", line: line)
            compatible = false
        }
        if threshold.unit != definition.unit {
            report("\(subject): threshold on '\(threshold.factID)' is in '\(threshold.unit ?? "no unit")', but \(edition) defines the fact in '\(definition.unit ?? "no unit")'", line: line)
            compatible = false
        }
        return compatible
    }

    private mutating func checkSections() {
        var known = framework.sections.map(\.id)
        if let local = tender.localIndicators { known.append(local.id) }
        for section in tender.outcomes.sections where !known.contains(section.sectionID) {
            report("the outcome required of section '\(section.sectionID)': \(edition) has no such section; expected one of: \(known.joined(separator: ", "))", line: section.line)
        }
        for criterion in tender.ranking {
            if let section = criterion.sectionID, !known.contains(section) {
                report("ranking criterion '\(criterion.id)' measures section '\(section)', which \(edition) does not have; expected one of: \(known.joined(separator: ", "))", line: criterion.line)
            }
        }
    }

    private mutating func checkLocalIndicators() {
        guard let local = tender.localIndicators else { return }
        if framework.sections.contains(where: { $0.id == local.id }) {
            report("the local indicators' section id '\(local.id)' is already a section of \(edition); expected a new id", line: local.line)
        }
        let frameworkIDs = Set(framework.indicators.map(\.id))
        for entry in local.indicators {
            let indicator = entry.indicator
            let line = indicator.location?.line ?? local.line
            let subject = "local indicator '\(indicator.id)'"
            if frameworkIDs.contains(indicator.id) {
                report("\(subject) has the id of an indicator of \(edition); expected a new id", line: line)
            }
            for service in indicator.applicability.serviceTypes ?? [] where vocabulary.serviceType(service) == nil {
                report("\(subject) applies to service type '\(service)', which \(edition) does not define", line: line)
            }
            for risk in indicator.applicability.riskLevels ?? [] where vocabulary.riskLevel(risk) == nil {
                report("\(subject) applies to risk level '\(risk)', which \(edition) does not define", line: line)
            }
            checkRequirement(indicator.requirement, subject: subject, line: line)
        }
    }

    private mutating func checkRequirement(_ requirement: EvidenceRequirement, subject: String, line: Int) {
        switch requirement {
        case .allOf(let children), .anyOf(let children), .atLeast(_, let children):
            children.forEach { checkRequirement($0, subject: subject, line: line) }
        case .evidence(let rule):
            if vocabulary.evidenceType(rule.type) == nil {
                report("\(subject) asks for evidence type '\(rule.type)', which \(edition) does not define; expected one of: \(vocabulary.evidenceTypes.map(\.id).joined(separator: ", "))", line: line)
            }
        case .fact(let threshold):
            _ = checkFact(threshold, subject: subject, line: line)
        case .service(let service):
            if vocabulary.serviceType(service) == nil {
                report("\(subject) requires service type '\(service)', which \(edition) does not define", line: line)
            }
        }
    }
}
