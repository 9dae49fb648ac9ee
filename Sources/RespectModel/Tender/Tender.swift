/// A commissioner's tender requirement, as loaded from a tender file (`tender-v1.xsd`): what a
/// bid must show to be compliant, and how compliant bids are ranked. Every rule can cite the
/// clause of the tender it comes from; the clauses keep the tender's own wording.
public struct Tender: Sendable {
    /// The commissioner's reference, e.g. `WBC/2026/017 Lot 1`.
    public var reference: String
    public var title: String
    public var commissioner: String
    /// Provenance, e.g. that the tender is a fictional example.
    public var notice: String?
    /// The tender's wording, verbatim (white space normalised), in document order.
    public var clauses: [TenderClause]
    public var timetable: TenderTimetable
    /// The framework editions a bid may target.
    public var frameworks: AcceptedFrameworks
    public var outcomes: AcceptedOutcomes
    /// Whether actions for unmet mandatory indicators must be due by the contract start.
    public var actionPlan: ActionPlanRule?
    public var services: [RequiredService]
    /// Stricter thresholds that replace the framework's on the same facts.
    public var thresholds: [ThresholdOverride]
    public var localIndicators: LocalIndicatorSection?
    /// Empty when the tender sets no weights: every compliant bid then scores 0.
    public var ranking: [RankingCriterion]
    /// The file it was read from.
    public var source: String

    public init(reference: String, title: String, commissioner: String, notice: String?, clauses: [TenderClause],
                timetable: TenderTimetable, frameworks: AcceptedFrameworks, outcomes: AcceptedOutcomes,
                actionPlan: ActionPlanRule?, services: [RequiredService], thresholds: [ThresholdOverride],
                localIndicators: LocalIndicatorSection?, ranking: [RankingCriterion], source: String) {
        self.reference = reference
        self.title = title
        self.commissioner = commissioner
        self.notice = notice
        self.clauses = clauses
        self.timetable = timetable
        self.frameworks = frameworks
        self.outcomes = outcomes
        self.actionPlan = actionPlan
        self.services = services
        self.thresholds = thresholds
        self.localIndicators = localIndicators
        self.ranking = ranking
        self.source = source
    }

    /// The clause with this id, if the tender has one.
    public func clause(_ id: String?) -> TenderClause? {
        guard let id else { return nil }
        return clauses.first { $0.id == id }
    }

    /// Whether a bid may target `target`.
    public func accepts(_ target: FrameworkTarget) -> Bool {
        frameworks.editions.contains(target)
    }

    /// The latest date an action for an unmet mandatory indicator may be due, when the tender
    /// says actions must be due by the contract start.
    public var actionsDueBy: CalendarDate? {
        guard actionPlan?.dueByContractStart == true else { return nil }
        return timetable.contractStart
    }
}

/// One clause of the tender, in the commissioner's own words.
public struct TenderClause: Sendable, Hashable, Codable {
    public var id: String
    public var heading: String?
    /// The wording, verbatim except that runs of white space are one space.
    public var text: String

    public init(id: String, heading: String?, text: String) {
        self.id = id
        self.heading = heading
        self.text = text
    }
}

/// The bid deadline (the as-of date for every bid) and the contract start.
public struct TenderTimetable: Sendable, Hashable, Codable {
    public var deadline: CalendarDate
    public var contractStart: CalendarDate?
    public var clause: String?

    public init(deadline: CalendarDate, contractStart: CalendarDate?, clause: String?) {
        self.deadline = deadline
        self.contractStart = contractStart
        self.clause = clause
    }
}

/// The framework editions a bid may target.
public struct AcceptedFrameworks: Sendable, Hashable, Codable {
    public var editions: [FrameworkTarget]
    public var clause: String?

    public init(editions: [FrameworkTarget], clause: String?) {
        self.editions = editions
        self.clause = clause
    }
}

/// The overall outcomes accepted, and the outcomes required of named sections.
public struct AcceptedOutcomes: Sendable, Hashable {
    /// The engine's overall verdicts the tender accepts.
    public var overall: [Verdict]
    public var clause: String?
    public var sections: [SectionOutcomeRequirement]
    public var line: Int

    public init(overall: [Verdict], clause: String?, sections: [SectionOutcomeRequirement], line: Int = 0) {
        self.overall = overall
        self.clause = clause
        self.sections = sections
        self.line = line
    }
}

/// Whether unmet mandatory indicators must have actions due by the contract start.
public struct ActionPlanRule: Sendable, Hashable {
    public var dueByContractStart: Bool
    public var clause: String?

    public init(dueByContractStart: Bool, clause: String?) {
        self.dueByContractStart = dueByContractStart
        self.clause = clause
    }
}
