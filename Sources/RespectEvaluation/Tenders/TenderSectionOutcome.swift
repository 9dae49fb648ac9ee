public import RespectModel

/// The outcome of one section for a tender (defined in `tender-v1.xsd`).
public enum SectionOutcome: String, Sendable, Codable {
    /// Every applicable mandatory indicator in it is met (needs-assessor counts, provisionally)
    /// and no safety-critical indicator in it fails.
    case achieved
    /// No safety-critical failure in it, and every unmet applicable mandatory indicator in it
    /// has an action due in the allowed window.
    case workingTowards = "working-towards"
    case notYet = "not-yet"
    /// No indicator of the section applies to the bid; satisfies no requirement.
    case notApplicable = "not-applicable"

    /// Whether this outcome is one of the `accepted` verdicts.
    public func isAccepted(by accepted: [Verdict]) -> Bool {
        switch self {
        case .achieved: accepted.contains(.achieved)
        case .workingTowards: accepted.contains(.workingTowards)
        case .notYet, .notApplicable: false
        }
    }
}

/// A section's outcome for a bid, against what the tender requires of it, with the figures
/// behind it.
public struct SectionOutcomeResult: Sendable, Codable, Hashable {
    public var section: String
    public var number: String
    public var title: String
    public var outcome: SectionOutcome
    public var accept: [Verdict]
    public var accepted: Bool
    public var clause: String?
    /// The section's applicable indicators (none: the outcome is not applicable).
    public var applicable: Int
    public var mandatoryMet: Int
    public var mandatoryApplicable: Int
    /// Each unmet applicable mandatory indicator in the section.
    public var unmetMandatory: [IndicatorMention]
    /// Each failing safety-critical indicator in the section.
    public var safetyCriticalFailures: [IndicatorMention]
    /// The unmet mandatory indicators that are not safety-critical and have no action due in
    /// the window.
    public var withoutAction: [IndicatorMention]
    /// The window actions must be due in: from the as-of date…
    public var actionsFrom: CalendarDate
    /// …to the contract start, when the tender says so.
    public var actionsBy: CalendarDate?

    public init(section: String, number: String, title: String, outcome: SectionOutcome, accept: [Verdict], accepted: Bool,
                clause: String?, applicable: Int, mandatoryMet: Int, mandatoryApplicable: Int, unmetMandatory: [IndicatorMention],
                safetyCriticalFailures: [IndicatorMention], withoutAction: [IndicatorMention], actionsFrom: CalendarDate,
                actionsBy: CalendarDate?) {
        self.section = section
        self.number = number
        self.title = title
        self.outcome = outcome
        self.accept = accept
        self.accepted = accepted
        self.clause = clause
        self.applicable = applicable
        self.mandatoryMet = mandatoryMet
        self.mandatoryApplicable = mandatoryApplicable
        self.unmetMandatory = unmetMandatory
        self.safetyCriticalFailures = safetyCriticalFailures
        self.withoutAction = withoutAction
        self.actionsFrom = actionsFrom
        self.actionsBy = actionsBy
    }

    /// The unmet mandatory indicators that are not safety-critical.
    public var otherUnmet: [IndicatorMention] {
        unmetMandatory.filter { !safetyCriticalFailures.contains($0) }
    }
}

/// Works out section outcomes from an assessment and the bid's action plan.
struct SectionOutcomeJudge {
    let assessment: Assessment
    let actions: [String: [PlannedAction]]
    /// Actions must be due from this date…
    let asOf: CalendarDate
    /// …to this one, when the tender says so.
    let dueBy: CalendarDate?

    init(assessment: Assessment, submission: Submission, dueBy: CalendarDate?) {
        self.assessment = assessment
        self.actions = Dictionary(grouping: submission.actionPlan, by: \.indicatorID)
        self.asOf = assessment.asOf
        self.dueBy = dueBy
    }

    func judge(_ requirement: SectionOutcomeRequirement) -> SectionOutcomeResult {
        let section = assessment.sections.first { $0.id == requirement.sectionID }
        let results = assessment.indicators.filter { $0.section == requirement.sectionID && $0.status != .notApplicable }
        let unmet = results.filter { $0.level == .mandatory && $0.status.isUnmet }
        let unsafe = results.filter { $0.safetyCritical && $0.status.isUnmet }
        let mandatory = results.filter { $0.level == .mandatory }
        let outcome: SectionOutcome
        if results.isEmpty {
            outcome = .notApplicable
        } else if !unsafe.isEmpty {
            outcome = .notYet
        } else if unmet.isEmpty {
            outcome = .achieved
        } else {
            outcome = unmet.allSatisfy(isCovered) ? .workingTowards : .notYet
        }
        return SectionOutcomeResult(section: requirement.sectionID, number: section?.number ?? "",
                                    title: section?.title ?? requirement.sectionID, outcome: outcome,
                                    accept: requirement.accept, accepted: outcome.isAccepted(by: requirement.accept),
                                    clause: requirement.clause, applicable: results.count,
                                    mandatoryMet: mandatory.count - unmet.count, mandatoryApplicable: mandatory.count,
                                    unmetMandatory: unmet.map(mention), safetyCriticalFailures: unsafe.map(mention),
                                    withoutAction: unmet.filter { !$0.safetyCritical && !isCovered($0) }.map(mention),
                                    actionsFrom: asOf, actionsBy: dueBy)
    }

    /// Whether an unmet indicator has an action due in the window.
    func isCovered(_ result: IndicatorResult) -> Bool {
        (actions[result.id] ?? []).contains { action in
            action.due >= asOf && (dueBy.map { action.due <= $0 } ?? true)
        }
    }

    private func mention(_ result: IndicatorResult) -> IndicatorMention {
        IndicatorMention(id: result.id, number: result.number)
    }
}
