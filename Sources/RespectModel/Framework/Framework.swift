/// One edition of a standard, as loaded from a framework file: its identity, vocabulary,
/// principles, the section → standard → indicator hierarchy and the ordered outcome rules.
public struct Framework: Sendable {
    public var identity: FrameworkIdentity
    public var title: String
    public var publisher: String
    /// Provenance: whether the file is official text or a model.
    public var notice: String
    public var vocabulary: Vocabulary
    public var principles: [Principle]
    public var sections: [Section] {
        didSet { index = IndicatorIndex(sections) }
    }
    /// Ordered; the first outcome whose conditions all hold is the verdict.
    public var outcomes: [Outcome]
    /// Preconditions checked before any indicator is scored (e.g. membership).
    public var gates: [Gate]

    public init(identity: FrameworkIdentity, title: String, publisher: String, notice: String,
                vocabulary: Vocabulary, principles: [Principle], sections: [Section], outcomes: [Outcome],
                gates: [Gate] = []) {
        self.identity = identity
        self.title = title
        self.publisher = publisher
        self.notice = notice
        self.vocabulary = vocabulary
        self.principles = principles
        self.sections = sections
        self.outcomes = outcomes
        self.gates = gates
        self.index = IndicatorIndex(sections)
    }

    /// The indicators in document order and where each id is, kept with `sections` (an
    /// evaluation asks for them many times; they are worked out once per change of `sections`).
    private var index: IndicatorIndex

    private struct IndicatorIndex: Sendable {
        let indicators: [Indicator]
        /// The position in `indicators` of the first indicator with each id.
        let positions: [String: Int]

        init(_ sections: [Section]) {
            indicators = sections.flatMap { $0.standards.flatMap(\.indicators) }
            positions = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Every indicator, in document order.
    public var indicators: [Indicator] { index.indicators }

    /// The indicator with a stable id, if any (the first, should two share it).
    public func indicator(id: String) -> Indicator? {
        index.positions[id].map { index.indicators[$0] }
    }

    /// The gate with a stable id, if any.
    public func gate(id: String) -> Gate? { gates.first { $0.id == id } }

    /// What evidence may be linked to by `id`: an indicator, or a gate's rule (judged as an
    /// indicator is).
    public func linkTarget(id: String) -> Indicator? { indicator(id: id) ?? gate(id: id)?.indicator }

    /// Ids evidence and findings may refer to: every indicator's and every gate's.
    public var linkableIDs: Set<String> {
        Set(indicators.map(\.id)).union(gates.map(\.id))
    }
}

/// What identifies a framework file: the framework, its edition and our encoding revision.
public struct FrameworkIdentity: Sendable, Hashable, Codable {
    public var id: String
    public var edition: String
    /// Revision of the engine's encoding of this edition (not of the standard itself).
    public var revision: Int
    public var published: CalendarDate
    public var effective: CalendarDate
    /// The edition of the same framework this one replaces, if any.
    public var supersedes: String?
    /// The edition that replaces this one, if the file declares it.
    public var supersededBy: String?

    public init(id: String, edition: String, revision: Int, published: CalendarDate, effective: CalendarDate,
                supersedes: String? = nil, supersededBy: String? = nil) {
        self.id = id
        self.edition = edition
        self.revision = revision
        self.published = published
        self.effective = effective
        self.supersedes = supersedes
        self.supersededBy = supersededBy
    }

    /// `id@edition`, the form used on the command line.
    public var reference: String { "\(id)@\(edition)" }
}

/// The framework's vocabularies; submissions must use these ids.
public struct Vocabulary: Sendable {
    public var serviceTypes: [Term]
    public var riskLevels: [Term]
    public var evidenceTypes: [Term]
    public var facts: [FactDefinition]

    public init(serviceTypes: [Term], riskLevels: [Term], evidenceTypes: [Term], facts: [FactDefinition]) {
        self.serviceTypes = serviceTypes
        self.riskLevels = riskLevels
        self.evidenceTypes = evidenceTypes
        self.facts = facts
    }

    public func serviceType(_ id: String) -> Term? { serviceTypes.first { $0.id == id } }
    public func riskLevel(_ id: String) -> Term? { riskLevels.first { $0.id == id } }
    public func evidenceType(_ id: String) -> Term? { evidenceTypes.first { $0.id == id } }
    public func fact(_ id: String) -> FactDefinition? { facts.first { $0.id == id } }

    /// The label of an evidence type, or the id itself when unknown.
    public func evidenceLabel(_ id: String) -> String { evidenceType(id)?.label ?? id }
    /// The label of a service type, or the id itself when unknown.
    public func serviceLabel(_ id: String) -> String { serviceType(id)?.label ?? id }
}

/// A vocabulary entry: a stable id and a human label.
public struct Term: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Service types only: whether this is work with people who cause harm.
    public var isPerpetratorIntervention: Bool
    /// The id this term has in the edition that supersedes this one, when it was renamed.
    public var successor: String?

    public init(id: String, label: String, isPerpetratorIntervention: Bool = false, successor: String? = nil) {
        self.id = id
        self.label = label
        self.isPerpetratorIntervention = isPerpetratorIntervention
        self.successor = successor
    }
}

/// A fact a submission may state, with its kind and unit (e.g. programme length in weeks), and
/// the evidence types a stated value may cite as its source.
public struct FactDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable { case number, boolean }
    public var id: String
    public var kind: Kind
    public var unit: String?
    public var label: String
    /// The evidence types whose items can show the figure (e.g. a data report for a rate);
    /// `nil` when the framework names none, and then an item of any type may be cited. A
    /// stated fact is backed only when its `source` is an item of one of these types.
    public var sourceTypes: [String]?

    public init(id: String, kind: Kind, unit: String?, label: String, sourceTypes: [String]? = nil) {
        self.id = id
        self.kind = kind
        self.unit = unit
        self.label = label
        self.sourceTypes = sourceTypes
    }

    /// Whether an item of `evidenceType` may be cited as the source of this fact.
    public func acceptsSource(ofType evidenceType: String) -> Bool {
        sourceTypes?.contains(evidenceType) ?? true
    }
}

/// A cross-cutting value that indicators refer to.
public struct Principle: Sendable, Hashable {
    public var id: String
    public var number: String
    public var name: String
    public var description: String?
    /// False when the name is not confirmed from a public source.
    public var isConfirmed: Bool
    public var provenance: Provenance

    public init(id: String, number: String, name: String, description: String?, isConfirmed: Bool,
                provenance: Provenance = .modelled) {
        self.id = id
        self.number = number
        self.name = name
        self.description = description
        self.isConfirmed = isConfirmed
        self.provenance = provenance
    }
}
