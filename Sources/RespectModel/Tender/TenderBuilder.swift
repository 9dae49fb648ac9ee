import RespectXML

/// Turns a validated tender document into a `Tender`, checking what the XSD cannot: dates in
/// order, rules that need a contract start, ranking criteria that need a section, and the
/// syntax of thresholds and local indicators' requirements. References to a framework's
/// vocabulary are checked later, against each accepted edition.
struct TenderBuilder {
    private var log: ProblemLog

    init(file: String) {
        log = ProblemLog(file: file)
    }

    func build(_ root: XMLElement) throws(DocumentLoadError) -> Tender {
        var builder = self
        let tender = builder.tender(root)
        if !builder.log.problems.isEmpty { throw .inconsistent(builder.log.problems) }
        return tender
    }

    private mutating func tender(_ root: XMLElement) -> Tender {
        let clauses = root.firstChild(named: "clauses")?.children(named: "clause").map { element in
            TenderClause(id: log.required("id", of: element), heading: element.attribute("heading")?.trimmingSpaces,
                         text: element.trimmedText)
        } ?? []
        let timetable = readTimetable(root.firstChild(named: "timetable"), root: root)
        let frameworksElement = root.firstChild(named: "frameworks")
        let editions = frameworksElement?.children(named: "framework").map { element in
            FrameworkTarget(framework: log.required("id", of: element), edition: log.required("edition", of: element))
        } ?? []
        let actionPlan = root.firstChild(named: "actionPlan").map { element in
            ActionPlanRule(dueByContractStart: log.flag("dueByContractStart", of: element, default: false),
                           clause: element.attribute("clause"))
        }
        if actionPlan?.dueByContractStart == true, timetable.contractStart == nil, let element = root.firstChild(named: "actionPlan") {
            log.report("actions must be due by the contract start, but the timetable has no contractStart; expected <timetable … contractStart=\"YYYY-MM-DD\"/>", at: element)
        }
        let services = root.firstChild(named: "services").map { readServices($0) } ?? []
        let thresholds = root.firstChild(named: "thresholds")?.children(named: "threshold").map { element in
            ThresholdOverride(threshold: RequirementReader(vocabulary: nil).factThreshold(element, subject: "tender threshold", log: &log),
                              clause: element.attribute("clause"), line: element.location.line)
        } ?? []
        return Tender(reference: log.required("reference", of: root).trimmingSpaces,
                      title: log.requiredChildText("title", of: root),
                      commissioner: log.requiredChildText("commissioner", of: root),
                      notice: root.firstChild(named: "notice")?.trimmedText, clauses: clauses, timetable: timetable,
                      frameworks: AcceptedFrameworks(editions: editions, clause: frameworksElement?.attribute("clause")),
                      outcomes: readOutcomes(root.firstChild(named: "outcomes"), root: root), actionPlan: actionPlan,
                      services: services, thresholds: thresholds,
                      localIndicators: root.firstChild(named: "localIndicators").map { readLocalIndicators($0) },
                      ranking: root.firstChild(named: "ranking").map { readRanking($0) } ?? [], source: log.file)
    }

    private mutating func readTimetable(_ element: XMLElement?, root: XMLElement) -> TenderTimetable {
        guard let element else {
            log.report("element 'tender' needs a 'timetable' child with the bid deadline", at: root)
            return TenderTimetable(deadline: .minimum, contractStart: nil, clause: nil)
        }
        let deadline = log.requiredDate("deadline", of: element)
        let contractStart = log.date("contractStart", of: element)
        if let contractStart, contractStart < deadline {
            log.report("the contract start \(contractStart) is before the bid deadline \(deadline); expected a contract start on or after the deadline", at: element)
        }
        return TenderTimetable(deadline: deadline, contractStart: contractStart, clause: element.attribute("clause"))
    }

    private mutating func verdicts(_ name: String, of element: XMLElement) -> [Verdict] {
        let words = element.listAttribute(name) ?? []
        var verdicts: [Verdict] = []
        for word in words {
            guard let verdict = Verdict(rawValue: word), verdict != .notYet else {
                log.report("attribute '\(name)' lists '\(word)'; expected achieved and/or working-towards", at: element)
                continue
            }
            if !verdicts.contains(verdict) { verdicts.append(verdict) }
        }
        if words.isEmpty { log.report("element '\(element.name)' needs the attribute '\(name)' (achieved and/or working-towards)", at: element) }
        return verdicts
    }

    private mutating func readOutcomes(_ element: XMLElement?, root: XMLElement) -> AcceptedOutcomes {
        guard let element else {
            log.report("element 'tender' needs an 'outcomes' child saying which outcomes are accepted", at: root)
            return AcceptedOutcomes(overall: [], clause: nil, sections: [])
        }
        let sections = element.children(named: "section").map { section in
            SectionOutcomeRequirement(sectionID: log.required("id", of: section), accept: verdicts("accept", of: section),
                                      clause: section.attribute("clause"), line: section.location.line)
        }
        return AcceptedOutcomes(overall: verdicts("accept", of: element), clause: element.attribute("clause"),
                                sections: sections, line: element.location.line)
    }

    private mutating func readServices(_ element: XMLElement) -> [RequiredService] {
        let defaultClause = element.attribute("clause")
        return element.children(named: "service").map { service in
            RequiredService(serviceType: log.required("type", of: service), riskLevels: service.listAttribute("risks") ?? [],
                            clause: service.attribute("clause") ?? defaultClause, line: service.location.line)
        }
    }

    private mutating func readLocalIndicators(_ element: XMLElement) -> LocalIndicatorSection {
        let sectionID = log.required("section", of: element)
        let sectionClause = element.attribute("clause")
        let indicators = element.children(named: "indicator").map { indicator in
            LocalIndicator(indicator: readIndicator(indicator, sectionID: sectionID),
                           clause: indicator.attribute("clause") ?? sectionClause)
        }
        return LocalIndicatorSection(id: sectionID, number: log.required("number", of: element),
                                     title: log.requiredChildText("title", of: element), clause: sectionClause,
                                     indicators: indicators, line: element.location.line)
    }

    private mutating func readIndicator(_ element: XMLElement, sectionID: String) -> Indicator {
        let id = log.required("id", of: element)
        var applicability = Applicability.everything
        if let appliesTo = element.firstChild(named: "appliesTo") {
            applicability.serviceTypes = appliesTo.listAttribute("services")
            applicability.riskLevels = appliesTo.listAttribute("risks")
        }
        let requirement: EvidenceRequirement
        if let requires = element.firstChild(named: "requires"), let first = requires.children.first {
            requirement = RequirementReader(vocabulary: nil).requirement(first, subject: "local indicator '\(id)'", log: &log)
        } else {
            log.report("local indicator '\(id)' needs a 'requires' element with one requirement", at: element)
            requirement = .allOf([])
        }
        return Indicator(
            id: id, number: log.required("number", of: element), text: log.requiredChildText("text", of: element),
            guidance: element.firstChild(named: "guidance")?.trimmedText, applicability: applicability,
            level: Level(rawValue: log.required("level", of: element)) ?? .mandatory,
            isSafetyCritical: log.flag("safetyCritical", of: element, default: false),
            verification: element.attribute("verification").flatMap(Verification.init(rawValue:)) ?? .desk,
            principleIDs: [], requirement: requirement, remediation: log.requiredChildText("remediation", of: element),
            sectionID: sectionID, standardID: sectionID, location: SourceReference(file: log.file, line: element.location.line),
            // The commissioner's own requirement: its source is the tender file itself.
            provenance: Provenance(basis: .sourced, source: log.file))
    }

    private mutating func readRanking(_ element: XMLElement) -> [RankingCriterion] {
        let defaultClause = element.attribute("clause")
        return element.children(named: "criterion").map { criterion in
            let id = log.required("id", of: criterion)
            let weightText = log.required("weight", of: criterion)
            let weight = ExactDecimal(weightText.trimmingSpaces)
            if weight == nil || weight.map({ $0.millionths <= 0 }) == true {
                log.report("criterion '\(id)' has weight '\(weightText)'; expected a positive number such as 25 or 12.5", at: criterion)
            }
            let measureText = log.required("measure", of: criterion)
            let measure = RankingMeasure(rawValue: measureText) ?? .mandatoryMetPercent
            if RankingMeasure(rawValue: measureText) == nil {
                log.report("criterion '\(id)' has measure '\(measureText)'; expected one of: \(RankingMeasure.allCases.map(\.rawValue).joined(separator: ", "))", at: criterion)
            }
            let section = criterion.attribute("section")
            if measure == .sectionMetPercent, section == nil {
                log.report("criterion '\(id)' measures section-met-percent but names no section; expected section=\"SECTION-ID\"", at: criterion)
            } else if measure != .sectionMetPercent, let section {
                log.report("criterion '\(id)' names section '\(section)', but its measure \(measure.rawValue) is not per section; expected measure=\"section-met-percent\" or no section", at: criterion)
            }
            return RankingCriterion(id: id, label: criterion.trimmedText, weight: weight ?? ExactDecimal(0), measure: measure,
                                    sectionID: section, clause: criterion.attribute("clause") ?? defaultClause,
                                    line: criterion.location.line)
        }
    }
}
