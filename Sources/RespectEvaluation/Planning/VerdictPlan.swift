public import RespectModel

/// The path to the next verdict: from the outcome a submission gets now, the steps that lift it
/// to the next level of the framework's outcome rules and then to the first rule (achieved),
/// each with the indicators to meet and exactly what to add.
///
/// Made by `VerdictPlanner` from the framework's outcome rules as data. Every step has been
/// applied to the submission and re-evaluated: `PlanStep.reached` is the outcome that gave, not
/// a guess. Words are the reports' job; this holds ids, labels from the framework and figures.
public struct VerdictPlan: Sendable, Hashable, Codable {
    /// The date evidence was judged at; every "issued on or after" and action window follows it.
    public var asOf: CalendarDate
    /// The outcome the submission gets now.
    public var current: PlanVerdict
    /// The framework's first outcome rule: the highest verdict its rules give.
    public var highest: PlanVerdict
    /// In order: the next verdict first, then each one above it up to `highest`. Empty when the
    /// submission already has the highest verdict. Each step assumes the earlier ones are done.
    public var steps: [PlanStep]

    public init(asOf: CalendarDate, current: PlanVerdict, highest: PlanVerdict, steps: [PlanStep]) {
        self.asOf = asOf
        self.current = current
        self.highest = highest
        self.steps = steps
    }

    /// Whether the submission already has the framework's highest verdict.
    public var isAtHighest: Bool { current.outcomeID == highest.outcomeID }

    /// Every entry of every step, in the plan's order: what lifts the verdict first.
    public var entries: [PlanEntry] { steps.flatMap(\.entries) }
}

/// An outcome rule of the framework: its id, verdict and label.
public struct PlanVerdict: Sendable, Hashable, Codable {
    public var outcomeID: String
    public var verdict: Verdict
    public var label: String

    public init(outcomeID: String, verdict: Verdict, label: String) {
        self.outcomeID = outcomeID
        self.verdict = verdict
        self.label = label
    }

    init(_ outcome: Outcome) {
        self.init(outcomeID: outcome.id, verdict: outcome.verdict, label: outcome.label)
    }
}

/// One step of a plan: what lifts the verdict to `target`, assuming the earlier steps are done.
public struct PlanStep: Sendable, Hashable, Codable {
    /// The outcome rule aimed at.
    public var target: PlanVerdict
    /// The outcome the submission gets with this step (and every earlier one) applied, found by
    /// evaluating it again; `nil` when additions alone cannot reach `target` (then an entry says
    /// what only an assessor can do).
    public var reached: PlanVerdict?
    /// Services to offer (each entry that needs one lists it among its additions too).
    public var services: [ServiceOffer]
    /// Indicators that start to apply because of those services; the entries cover those the
    /// rule needs.
    public var newlyApplicable: [IndicatorMention]
    /// Safety-critical first, then mandatory, then desirable; within each, what fails now
    /// before what the step's services bring, indicators to meet before actions.
    public var entries: [PlanEntry]

    public init(target: PlanVerdict, reached: PlanVerdict?, services: [ServiceOffer],
                newlyApplicable: [IndicatorMention], entries: [PlanEntry]) {
        self.target = target
        self.reached = reached
        self.services = services
        self.newlyApplicable = newlyApplicable
        self.entries = entries
    }

    /// The entries whose indicator will be met or will await an assessor (not actions).
    public var indicatorsToMeet: [PlanEntry] {
        entries.filter { $0.change.kind == .meet || $0.change.kind == .awaitAssessor }
    }

    /// The entries that ask for an action-plan entry.
    public var actions: [PlanEntry] {
        entries.filter { $0.change.kind == .addAction }
    }
}
