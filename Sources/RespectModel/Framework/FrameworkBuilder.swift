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
                      isConfirmed: log.flag("confirmed", of: element, default: false),
                      provenance: readProvenance(element))
        } ?? []
        principleIDs = Set(principles.map(\.id))
        let gates = root.firstChild(named: "gates")?.children(named: "gate").map { readGate($0) } ?? []
        let sections = root.children(named: "section").map { readSection($0) }
        for section in sections where section.id == Gate.sectionID {
            log.report("section id '\(Gate.sectionID)' is reserved for gates; expected another id", at: root)
        }
        let outcomes = readOutcomes(root.firstChild(named: "outcomes"), root: root)
        checkTiers(sections: sections, outcomes: outcomes, root: root)
        let indicatorIDs = Set(sections.flatMap { $0.standards.flatMap { $0.indicators.map(\.id) } })
        for gate in gates where indicatorIDs.contains(gate.id) {
            log.report("gate '\(gate.id)' has the id of an indicator; expected ids that evidence can tell apart", at: root)
        }
        return Framework(identity: identity, title: log.requiredChildText("title", of: root),
                         publisher: log.requiredChildText("publisher", of: root),
                         notice: log.requiredChildText("notice", of: root),
                         vocabulary: vocabulary, principles: principles, sections: sections, outcomes: outcomes,
                         gates: gates)
    }

    /// Reads `basis`, `source` and `confidence`; a sourced part must name its source.
    private mutating func readProvenance(_ element: XMLElement) -> Provenance {
        let basis = element.attribute("basis").flatMap(Provenance.Basis.init(rawValue:)) ?? .modelled
        let source = element.attribute("source")
        if basis == .sourced, source?.isEmpty ?? true {
            log.report("\(element.name) '\(element.attribute("id") ?? "")' is basis=\"sourced\" without a source; expected source=\"…\" naming it", at: element)
        }
        return Provenance(basis: basis, source: source,
                          confidence: element.attribute("confidence").flatMap(Provenance.Confidence.init(rawValue:)))
    }

    /// A gate reads like an indicator (its requirement, text and remediation) outside any section.
    private mutating func readGate(_ element: XMLElement) -> Gate {
        let indicator = readIndicator(element, sectionID: Gate.sectionID, standardID: Gate.sectionID)
        return Gate(id: indicator.id, number: indicator.number, outcomeID: log.required("outcome", of: element),
                    message: log.requiredChildText("message", of: element), indicator: indicator,
                    successorID: element.attribute("successor"))
    }

    /// Every tier an outcome tests must be carried by at least one indicator.
    private mutating func checkTiers(sections: [Section], outcomes: [Outcome], root: XMLElement) {
        let tiers = Set(sections.flatMap { $0.standards.flatMap { $0.indicators.flatMap(\.tiers) } })
        for outcome in outcomes {
            for case .tierMet(let tier, _) in outcome.conditions where !tiers.contains(tier) {
                log.report("outcome '\(outcome.id)' tests tier '\(tier)', which no indicator belongs to; expected one of: \(tiers.sorted().joined(separator: ", "))", at: root)
            }
        }
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
                            },
                            provenance: readProvenance(standardElement))
        }
        return Section(id: sectionID, number: log.required("number", of: element),
                       title: log.requiredChildText("title", of: element),
                       summary: element.firstChild(named: "summary")?.trimmedText, standards: standards,
                       provenance: readProvenance(element))
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
        let interviewees = (element.listAttribute("interviewees") ?? []).compactMap(Interviewee.init(rawValue:))
        if verification == .interview, interviewees.isEmpty {
            log.report("indicator '\(id)' is verified by interview but names no interviewees; expected interviewees=\"staff\", \"service-users\" or \"survivors\"", at: element)
        } else if verification != .interview, !interviewees.isEmpty {
            log.report("indicator '\(id)' names interviewees but is verified by '\(verification.rawValue)'; expected verification=\"interview\"", at: element)
        }
        return Indicator(
            id: id, number: log.required("number", of: element), text: log.requiredChildText("text", of: element),
            guidance: element.firstChild(named: "guidance")?.trimmedText, applicability: applicability,
            // A gate has no level: it is a precondition, never scored.
            level: element.name == "gate" ? .mandatory : Level(rawValue: log.required("level", of: element)) ?? .mandatory,
            isSafetyCritical: log.flag("safetyCritical", of: element, default: false),
            verification: verification, principleIDs: principles, requirement: requirement,
            remediation: log.requiredChildText("remediation", of: element), sectionID: sectionID,
            standardID: standardID, location: SourceReference(file: log.file, line: element.location.line),
            successors: readSuccessors(element, indicatorID: id), provenance: readProvenance(element),
            interviewees: interviewees, tiers: element.listAttribute("tiers") ?? [])
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
        case "tierMet":
            return .tierMet(tier: log.required("tier", of: element),
                            acceptNeedsAssessor: log.flag("acceptNeedsAssessor", of: element, default: true))
        default:
            log.report("unknown outcome condition '\(element.name)'", at: element)
            return nil
        }
    }
}
