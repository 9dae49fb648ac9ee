import RespectXML

/// Turns a validated framework document into a `Framework`, checking what the XSD cannot:
/// list references to the vocabulary, principle references, fact thresholds against their
/// definitions, and that the outcome rules always reach a verdict.
struct FrameworkBuilder {
    private var log: ProblemLog
    private var vocabulary = Vocabulary(serviceTypes: [], riskLevels: [], evidenceTypes: [], facts: [])
    private var principleIDs: Set<String> = []
    private var identityEdition = ""

    init(file: String) {
        log = ProblemLog(file: file)
    }

    func build(_ root: XMLElement) throws(DocumentLoadError) -> Framework {
        var builder = self
        let framework = builder.framework(root)
        if !builder.log.problems.isEmpty { throw .inconsistent(builder.log.problems) }
        return framework
    }

    private mutating func framework(_ root: XMLElement) -> Framework {
        let identity = FrameworkIdentity(
            id: log.required("id", of: root),
            edition: log.required("edition", of: root),
            revision: log.integer("revision", of: root) ?? 1,
            published: log.requiredDate("published", of: root),
            effective: log.requiredDate("effective", of: root),
            supersedes: root.attribute("supersedes"),
            supersededBy: root.attribute("supersededBy"))
        identityEdition = identity.edition
        if identity.supersedes == identity.edition {
            log.report("edition '\(identity.edition)' cannot supersede itself", at: root)
        }
        if let vocabularyElement = root.firstChild(named: "vocabulary") {
            vocabulary = readVocabulary(vocabularyElement)
        }
        let principles = root.firstChild(named: "principles")?.children(named: "principle").map { element in
            Principle(id: log.required("id", of: element), number: log.required("number", of: element),
                      name: log.requiredChildText("name", of: element),
                      description: element.firstChild(named: "description")?.trimmedText,
                      isConfirmed: log.flag("confirmed", of: element, default: false))
        } ?? []
        principleIDs = Set(principles.map(\.id))
        let sections = root.children(named: "section").map { readSection($0) }
        let outcomes = readOutcomes(root.firstChild(named: "outcomes"), root: root)
        return Framework(identity: identity, title: log.requiredChildText("title", of: root),
                         publisher: log.requiredChildText("publisher", of: root),
                         notice: log.requiredChildText("notice", of: root),
                         vocabulary: vocabulary, principles: principles, sections: sections, outcomes: outcomes)
    }

    private mutating func readVocabulary(_ element: XMLElement) -> Vocabulary {
        func terms(_ group: String, _ entry: String) -> [Term] {
            element.firstChild(named: group)?.children(named: entry).map {
                Term(id: $0.attribute("id") ?? "", label: $0.trimmedText,
                     isPerpetratorIntervention: $0.attribute("perpetratorIntervention") == "true",
                     successor: $0.attribute("successor"))
            } ?? []
        }
        let evidenceTypes = terms("evidenceTypes", "evidenceType")
        let evidenceTypeIDs = Set(evidenceTypes.map(\.id))
        var facts: [FactDefinition] = []
        for fact in element.firstChild(named: "facts")?.children(named: "fact") ?? [] {
            let kind = FactDefinition.Kind(rawValue: log.required("kind", of: fact)) ?? .number
            let unit = fact.attribute("unit")
            let id = log.required("id", of: fact)
            if kind == .boolean, let unit {
                log.report("boolean fact '\(id)' has unit '\(unit)'; boolean facts take no unit", at: fact)
            }
            let sources = fact.listAttribute("sources")
            for source in sources ?? [] where !evidenceTypeIDs.contains(source) {
                log.report("fact '\(id)' names source type '\(source)', which is not an evidence type in the vocabulary", at: fact)
            }
            facts.append(FactDefinition(id: id, kind: kind, unit: unit, label: fact.trimmedText, sourceTypes: sources))
        }
        return Vocabulary(serviceTypes: terms("serviceTypes", "serviceType"), riskLevels: terms("riskLevels", "riskLevel"),
                          evidenceTypes: evidenceTypes, facts: facts)
    }

    private mutating func readSection(_ element: XMLElement) -> Section {
        let sectionID = log.required("id", of: element)
        let standards = element.children(named: "standard").map { standardElement in
            let standardID = log.required("id", of: standardElement)
            return Standard(id: standardID, number: log.required("number", of: standardElement),
                            title: log.requiredChildText("title", of: standardElement),
                            statement: standardElement.firstChild(named: "statement")?.trimmedText,
                            indicators: standardElement.children(named: "indicator").map {
                                readIndicator($0, sectionID: sectionID, standardID: standardID)
                            })
        }
        return Section(id: sectionID, number: log.required("number", of: element),
                       title: log.requiredChildText("title", of: element),
                       summary: element.firstChild(named: "summary")?.trimmedText, standards: standards)
    }

    private mutating func readIndicator(_ element: XMLElement, sectionID: String, standardID: String) -> Indicator {
        let id = log.required("id", of: element)
        let principles = element.listAttribute("principles") ?? []
        for principle in principles where !principleIDs.contains(principle) {
            log.report("indicator '\(id)' refers to principle '\(principle)', which the framework does not define; expected one of: \(principleIDs.sorted().joined(separator: ", "))", at: element)
        }
        var applicability = Applicability.everything
        if let appliesTo = element.firstChild(named: "appliesTo") {
            applicability.serviceTypes = appliesTo.listAttribute("services")
            applicability.riskLevels = appliesTo.listAttribute("risks")
            for service in applicability.serviceTypes ?? [] where vocabulary.serviceType(service) == nil {
                log.report("indicator '\(id)' applies to service type '\(service)', which is not in the vocabulary", at: appliesTo)
            }
            for risk in applicability.riskLevels ?? [] where vocabulary.riskLevel(risk) == nil {
                log.report("indicator '\(id)' applies to risk level '\(risk)', which is not in the vocabulary", at: appliesTo)
            }
        }
        let requirement: EvidenceRequirement
        if let requires = element.firstChild(named: "requires"), let first = requires.children.first {
            requirement = RequirementReader(vocabulary: vocabulary).requirement(first, subject: "indicator '\(id)'", log: &log)
        } else {
            log.report("indicator '\(id)' needs a 'requires' element with one requirement", at: element)
            requirement = .allOf([])
        }
        let verification = element.attribute("verification").flatMap(Verification.init(rawValue:)) ?? .desk
        return Indicator(
            id: id, number: log.required("number", of: element), text: log.requiredChildText("text", of: element),
            guidance: element.firstChild(named: "guidance")?.trimmedText, applicability: applicability,
            level: Level(rawValue: log.required("level", of: element)) ?? .mandatory,
            isSafetyCritical: log.flag("safetyCritical", of: element, default: false),
            verification: verification, principleIDs: principles, requirement: requirement,
            remediation: log.requiredChildText("remediation", of: element), sectionID: sectionID,
            standardID: standardID, location: SourceReference(file: log.file, line: element.location.line),
            successors: readSuccessors(element, indicatorID: id))
    }

    /// Reads `<successor>` links: one same-as, replaced-by or merged-into link, or two or more
    /// split-into links, all into one later edition.
    private mutating func readSuccessors(_ element: XMLElement, indicatorID id: String) -> [SuccessorLink] {
        let links = element.children(named: "successor").compactMap { successor -> SuccessorLink? in
            guard let relation = SuccessorLink.Relation(rawValue: log.required("relation", of: successor)) else { return nil }
            return SuccessorLink(relation: relation, indicatorID: log.required("ref", of: successor),
                                 edition: log.required("edition", of: successor))
        }
        guard let first = links.first else { return [] }
        if Set(links.map(\.edition)).count > 1 || Set(links.map(\.relation)).count > 1 {
            log.report("indicator '\(id)' has successor links of different kinds or editions; expected one relation into one edition", at: element)
        } else if first.relation == .splitInto, links.count < 2 {
            log.report("indicator '\(id)' is split into only one indicator; expected two or more split-into links (use replaced-by for one)", at: element)
        } else if first.relation != .splitInto, links.count > 1 {
            log.report("indicator '\(id)' has \(links.count) \(first.relation.rawValue) links; expected one (use split-into for several)", at: element)
        }
        if first.edition == identityEdition {
            log.report("indicator '\(id)' links to its own edition '\(first.edition)'; expected a later edition", at: element)
        }
        return links
    }

    private mutating func readOutcomes(_ element: XMLElement?, root: XMLElement) -> [Outcome] {
        let outcomes: [Outcome] = element?.children(named: "outcome").map { outcome in
            let conditions = outcome.firstChild(named: "when")?.children.compactMap { readCondition($0) } ?? []
            return Outcome(id: log.required("id", of: outcome),
                           verdict: Verdict(rawValue: log.required("verdict", of: outcome)) ?? .notYet,
                           label: log.requiredChildText("label", of: outcome),
                           description: outcome.firstChild(named: "description")?.trimmedText,
                           conditions: conditions)
        } ?? []
        if let last = outcomes.last, !last.conditions.isEmpty {
            log.report("the last outcome ('\(last.id)') has conditions; expected the last outcome to have an empty <when/> so every submission gets a verdict", at: element ?? root)
        }
        return outcomes
    }

    private mutating func readCondition(_ element: XMLElement) -> OutcomeCondition? {
        func percent(_ name: String) -> ExactDecimal {
            let text = log.required(name, of: element)
            guard let value = ExactDecimal(text) else {
                log.report("attribute '\(name)' is '\(text)'; expected a percentage from 0 to 100", at: element)
                return ExactDecimal(100)
            }
            return value
        }
        switch element.name {
        case "allMandatoryMet":
            return .allMandatoryMet(acceptNeedsAssessor: log.flag("acceptNeedsAssessor", of: element, default: true))
        case "noSafetyCriticalFailure":
            return .noSafetyCriticalFailure
        case "sectionCoverage":
            return .sectionCoverage(minPercent: percent("minPercent"),
                                    level: Level(rawValue: log.required("level", of: element)) ?? .desirable)
        case "mandatoryMetPercent":
            return .mandatoryMetPercent(minPercent: percent("minPercent"))
        case "actionPlanCoversUnmetMandatory":
            return .actionPlanCoversUnmetMandatory(withinMonths: log.integer("withinMonths", of: element) ?? 12)
        default:
            log.report("unknown outcome condition '\(element.name)'", at: element)
            return nil
        }
    }
}
