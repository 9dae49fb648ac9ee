/// What a provider needs in order to prepare a submission for one framework edition, without
/// reading the XSD: every section, standard and indicator (or only those that apply to the
/// services chosen), and the vocabulary a submission uses — service types, risk levels,
/// evidence types and facts with their units — each with the indicators that use it.
///
/// Pure data, derived from the framework alone: `respect frameworks show` prints it, `respect
/// template` writes a skeleton from it, and a web editor can build its forms from it.
public struct FrameworkReference: Sendable {
    /// One section, with the standards that have indicators in the reference.
    public struct SectionEntry: Sendable {
        public var section: Section
        public var standards: [StandardEntry]
    }

    /// One standard, with its indicators in the reference.
    public struct StandardEntry: Sendable {
        public var standard: Standard
        public var indicators: [Indicator]
    }

    public let framework: Framework
    /// The services the reference is for; `nil`: every indicator is listed.
    public let services: [OfferedService]?
    /// The sections with at least one indicator in the reference, in document order.
    public let sections: [SectionEntry]
    /// Evidence type id → ids of the listed indicators whose requirement names it.
    public let evidenceTypeUse: [String: [String]]
    /// Fact id → ids of the listed indicators with a threshold on it.
    public let factUse: [String: [String]]

    /// The id of the section that lists the framework's gates (preconditions such as
    /// membership), first, when it has any.
    public static let gatesSectionID = Gate.sectionID

    /// The reference of `framework` for `services` (`nil`: for any services). The framework's
    /// gates come first, as a section "0 Before applying" of one standard: they apply whatever
    /// the services, and evidence is linked to them as to indicators.
    public init(framework: Framework, services: [OfferedService]? = nil) {
        self.framework = framework
        self.services = services
        var evidenceTypeUse: [String: [String]] = [:]
        var factUse: [String: [String]] = [:]
        var sections: [SectionEntry] = []
        var listed = framework.sections
        if !framework.gates.isEmpty {
            let gates = Standard(id: Self.gatesSectionID, number: "0", title: "Preconditions",
                                 statement: "Checked before any indicator counts; a gate not passed decides the outcome.",
                                 indicators: framework.gates.map(\.indicator))
            listed.insert(Section(id: Self.gatesSectionID, number: "0", title: "Before applying",
                                  summary: "Preconditions of applying for assessment, such as membership.", standards: [gates]), at: 0)
        }
        for section in listed {
            var standards: [StandardEntry] = []
            for standard in section.standards {
                let indicators = standard.indicators.filter { indicator in
                    services.map { indicator.applicability.applies(to: $0) } ?? true
                }
                for indicator in indicators {
                    for type in Set(indicator.requirement.evidenceRules.map(\.type)) { evidenceTypeUse[type, default: []].append(indicator.id) }
                    for fact in Set(indicator.requirement.factThresholds.map(\.factID)) { factUse[fact, default: []].append(indicator.id) }
                }
                if !indicators.isEmpty { standards.append(StandardEntry(standard: standard, indicators: indicators)) }
            }
            if !standards.isEmpty { sections.append(SectionEntry(section: section, standards: standards)) }
        }
        self.sections = sections
        self.evidenceTypeUse = evidenceTypeUse
        self.factUse = factUse
    }

    /// The listed indicators (the gates' rules first, when the framework has gates), in
    /// document order.
    public var indicators: [Indicator] {
        sections.flatMap { $0.standards.flatMap(\.indicators) }
    }

    /// The facts the listed indicators have thresholds on, in the vocabulary's order.
    public var factsUsed: [FactDefinition] {
        framework.vocabulary.facts.filter { factUse[$0.id] != nil }
    }

    /// The evidence types the listed indicators name, in the vocabulary's order.
    public var evidenceTypesUsed: [Term] {
        framework.vocabulary.evidenceTypes.filter { evidenceTypeUse[$0.id] != nil }
    }
}
