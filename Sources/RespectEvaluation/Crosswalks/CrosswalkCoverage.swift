public import RespectModel
public import RespectXML

/// A provider's status on another framework's standards, read through a crosswalk from the
/// indicators it was assessed on: per target standard, how many mapped indicators are met,
/// partly met or not met, and which.
public struct CrosswalkCoverage: Sendable, Codable {
    /// One mapped indicator and the provider's status on it.
    public struct Line: Sendable, Codable {
        public var indicator: IndicatorReference
        public var fit: Crosswalk.Fit
        public var status: IndicatorStatus
    }

    /// One standard of the target framework.
    public struct Standard: Sendable, Codable {
        public var id: String
        public var number: String
        public var title: String
        public var note: String?
        /// Met, or paper evidence in place awaiting an assessor.
        public var met: Int
        public var partlyMet: Int
        public var notMet: Int
        public var notApplicable: Int
        public var indicators: [Line]
        /// How well the target standard itself is attested (its source and confidence in the
        /// target framework file): a mapping is never better founded than its target.
        public var provenance: Provenance? = nil

        /// The applicable mapped indicators.
        public var applicable: Int { met + partlyMet + notMet }
    }

    public var crosswalk: String
    public var title: String
    public var notice: String
    /// `id@edition` of the assessed framework and of the target framework.
    public var source: String
    public var target: String
    public var targetTitle: String
    public var standards: [Standard]

    /// Reads `assessment` (made against the crosswalk's source edition) against the target
    /// framework's standards, in the target's order.
    ///
    /// - Throws: `CrosswalkMismatch` when the crosswalk does not fit the two frameworks.
    public init(crosswalk: Crosswalk, assessment: Assessment, source: Framework, target: Framework) throws(CrosswalkMismatch) {
        let problems = crosswalk.problems(source: source, target: target)
        if !problems.isEmpty { throw CrosswalkMismatch(problems: problems) }
        let results = Dictionary(uniqueKeysWithValues: assessment.indicators.map { ($0.id, $0) })
        let mapped = Dictionary(crosswalk.standards.map { ($0.standardID, $0) }, uniquingKeysWith: { first, _ in first })
        self.crosswalk = crosswalk.id
        title = crosswalk.title
        notice = crosswalk.notice
        self.source = source.identity.reference
        self.target = target.identity.reference
        targetTitle = target.title
        standards = target.sections.flatMap(\.standards).map { standard in
            let mapping = mapped[standard.id]
            var entry = Standard(id: standard.id, number: standard.number, title: standard.title, note: mapping?.note,
                                 met: 0, partlyMet: 0, notMet: 0, notApplicable: 0, indicators: [],
                                 provenance: standard.provenance)
            for line in mapping?.indicators ?? [] {
                guard let result = results[line.indicatorID] else { continue }
                switch result.status {
                case .met, .needsAssessor: entry.met += 1
                case .partlyMet: entry.partlyMet += 1
                case .notMet: entry.notMet += 1
                case .notApplicable: entry.notApplicable += 1
                }
                entry.indicators.append(Line(indicator: IndicatorReference(id: result.id, number: result.number, text: result.text, section: result.section),
                                             fit: line.fit, status: result.status))
            }
            return entry
        }
    }
}

/// A crosswalk names standards or indicators that the frameworks do not define.
public struct CrosswalkMismatch: Error, Sendable, CustomStringConvertible {
    public var problems: [XMLDiagnostic]
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
