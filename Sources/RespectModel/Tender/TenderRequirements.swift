/// The outcome a tender requires of one section (see `tender-v1.xsd` for what a section
/// outcome means).
public struct SectionOutcomeRequirement: Sendable, Hashable {
    public var sectionID: String
    /// The section outcomes accepted: achieved, working towards, or both.
    public var accept: [Verdict]
    public var clause: String?
    /// The line in the tender file.
    public var line: Int

    public init(sectionID: String, accept: [Verdict], clause: String?, line: Int = 0) {
        self.sectionID = sectionID
        self.accept = accept
        self.clause = clause
        self.line = line
    }
}

/// A service type a bid must offer, and the risk levels it must serve in it.
public struct RequiredService: Sendable, Hashable {
    public var serviceType: String
    /// Every one must be served; empty means any.
    public var riskLevels: [String]
    public var clause: String?
    public var line: Int

    public init(serviceType: String, riskLevels: [String], clause: String?, line: Int = 0) {
        self.serviceType = serviceType
        self.riskLevels = riskLevels
        self.clause = clause
        self.line = line
    }
}

/// A stricter threshold on a fact: replaces the framework's thresholds on the same fact.
public struct ThresholdOverride: Sendable, Hashable {
    public var threshold: FactThreshold
    public var clause: String?
    public var line: Int

    public init(threshold: FactThreshold, clause: String?, line: Int = 0) {
        self.threshold = threshold
        self.clause = clause
        self.line = line
    }
}

/// The tender's own indicators, added to the framework as one more section.
public struct LocalIndicatorSection: Sendable {
    /// The section id; must not be one of the framework's.
    public var id: String
    public var number: String
    public var title: String
    public var clause: String?
    public var indicators: [LocalIndicator]
    public var line: Int

    public init(id: String, number: String, title: String, clause: String?, indicators: [LocalIndicator], line: Int = 0) {
        self.id = id
        self.number = number
        self.title = title
        self.clause = clause
        self.indicators = indicators
        self.line = line
    }

    /// The section as the framework would hold it: one standard with every local indicator.
    public var section: Section {
        Section(id: id, number: number, title: title, summary: "Local indicators of the tender",
                standards: [Standard(id: id, number: number, title: title, statement: nil,
                                     indicators: indicators.map(\.indicator))])
    }
}

/// A local indicator and the clause it comes from.
public struct LocalIndicator: Sendable {
    /// Section and standard ids are the local section's id.
    public var indicator: Indicator
    public var clause: String?

    public init(indicator: Indicator, clause: String?) {
        self.indicator = indicator
        self.clause = clause
    }
}

/// One weighted criterion for ranking compliant bids.
public struct RankingCriterion: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Positive, at most 1000, at most 2 decimals.
    public var weight: ExactDecimal
    public var measure: RankingMeasure
    /// The section measured by `sectionMetPercent`.
    public var sectionID: String?
    public var clause: String?
    public var line: Int

    public init(id: String, label: String, weight: ExactDecimal, measure: RankingMeasure, sectionID: String?,
                clause: String?, line: Int = 0) {
        self.id = id
        self.label = label
        self.weight = weight
        self.measure = measure
        self.sectionID = sectionID
        self.clause = clause
        self.line = line
    }
}

/// What a ranking criterion measures, as a share from 0 to 100 % (see `tender-v1.xsd`).
public enum RankingMeasure: String, Sendable, Codable, CaseIterable {
    case mandatoryMetPercent = "mandatory-met-percent"
    case desirableMetPercent = "desirable-met-percent"
    case indicatorsMetPercent = "indicators-met-percent"
    case sectionMetPercent = "section-met-percent"
    case outcomeAchieved = "outcome-achieved"
}
