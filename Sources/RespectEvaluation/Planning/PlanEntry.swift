public import RespectModel

/// One indicator in a plan step: why the target rule needs it and what changes for it.
public struct PlanEntry: Sendable, Hashable, Codable {
    public var indicator: IndicatorMention
    public var text: String
    /// The id of its section.
    public var section: String
    public var level: Level
    public var safetyCritical: Bool
    public var verification: Verification
    /// Its status before this step; `not-applicable` when the step's services make it apply.
    public var status: IndicatorStatus
    public var cause: PlanCause
    public var change: PlanChange
    /// The framework's hint: what to provide (an action's text starts from it).
    public var remediation: String

    public init(indicator: IndicatorMention, text: String, section: String, level: Level, safetyCritical: Bool,
                verification: Verification, status: IndicatorStatus, cause: PlanCause, change: PlanChange, remediation: String) {
        self.indicator = indicator
        self.text = text
        self.section = section
        self.level = level
        self.safetyCritical = safetyCritical
        self.verification = verification
        self.status = status
        self.cause = cause
        self.change = change
        self.remediation = remediation
    }

    /// It starts to apply because of a service the step offers.
    public var isNewlyApplicable: Bool { status == .notApplicable }
}

/// Which condition of the target rule needs an entry.
public enum PlanCause: Sendable, Hashable {
    /// A precondition (a framework gate, such as membership) must be passed before any rule
    /// can give a verdict above the one the gate gives.
    case gate
    /// No applicable safety-critical indicator may fail (`noSafetyCriticalFailure`).
    case safetyCritical
    /// Every applicable mandatory indicator must be met (`allMandatoryMet`).
    case allMandatory
    /// At least `minPercent` of applicable mandatory indicators must be met; the entry is one
    /// of the fewest that take the submission there (`mandatoryMetPercent`).
    case mandatoryPercent(minPercent: ExactDecimal)
    /// Each section must have at least `minPercent` of its applicable indicators of `level`
    /// met; the entry is one of the fewest that take `section` there (`sectionCoverage`).
    case sectionCoverage(minPercent: ExactDecimal, level: Level, section: SectionMention)
    /// Every unmet mandatory indicator needs an action due within `withinMonths`
    /// (`actionPlanCoversUnmetMandatory`).
    case actionPlan(withinMonths: Int)
    /// Every applicable indicator of the named tier must be met (`tierMet`).
    case tier(String)

    /// The kind; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case safetyCritical = "safety-critical"
        case allMandatory = "all-mandatory"
        case mandatoryPercent = "mandatory-percent"
        case sectionCoverage = "section-coverage"
        case actionPlan = "action-plan"
        case gate = "gate"
        case tier = "tier"
    }

    public var kind: Kind {
        switch self {
        case .safetyCritical: .safetyCritical
        case .allMandatory: .allMandatory
        case .mandatoryPercent: .mandatoryPercent
        case .sectionCoverage: .sectionCoverage
        case .actionPlan: .actionPlan
        case .gate: .gate
        case .tier: .tier
        }
    }
}

/// A section named in a figure: its id, number and title.
public struct SectionMention: Sendable, Hashable, Codable {
    public var id: String
    public var number: String
    public var title: String

    public init(id: String, number: String, title: String) {
        self.id = id
        self.number = number
        self.title = title
    }
}

/// What a plan step changes for one indicator.
public enum PlanChange: Sendable, Hashable {
    /// With the additions, it is met (desk review).
    case meet(additions: [PlanAddition])
    /// With the additions, the paper evidence is in place and it awaits an assessor (site visit
    /// or case-file sample): the rule counts it as provisionally met; it is never promised met.
    case awaitAssessor(additions: [PlanAddition], verification: Verification)
    /// It stays unmet; the rule accepts an action-plan entry due from `from` to `to` (both
    /// included).
    case addAction(from: CalendarDate, to: CalendarDate)
    /// The rule does not count indicators awaiting an assessor, and nothing more can be added:
    /// only an assessor's finding can settle it.
    case assessorOnly(verification: Verification)
    /// An assessor's finding rejected it; only the assessor can revisit that.
    case answerFinding(assessor: String, date: CalendarDate, assessorReason: String)

    /// The kind; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case meet
        case awaitAssessor = "await-assessor"
        case addAction = "add-action"
        case assessorOnly = "assessor-only"
        case answerFinding = "answer-finding"
    }

    public var kind: Kind {
        switch self {
        case .meet: .meet
        case .awaitAssessor: .awaitAssessor
        case .addAction: .addAction
        case .assessorOnly: .assessorOnly
        case .answerFinding: .answerFinding
        }
    }

    /// What to add (empty for actions and what only an assessor can do).
    public var additions: [PlanAddition] {
        switch self {
        case .meet(let additions), .awaitAssessor(let additions, _): additions
        case .addAction, .assessorOnly, .answerFinding: []
        }
    }
}
