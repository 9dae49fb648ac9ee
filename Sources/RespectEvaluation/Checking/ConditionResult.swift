public import RespectModel

/// One condition of an outcome rule tried against a submission: the condition as the
/// framework states it (with its figures), whether it holds, and the submission's figures.
///
/// Encoded as one flat JSON object: `code` (the condition's element name in the framework
/// format, e.g. `allMandatoryMet`), `holds`, the framework's figures, the submission's figures
/// and `message` when a wording is given.
public struct ConditionResult: Sendable, Hashable {
    public var condition: OutcomeCondition
    public var holds: Bool
    public var figures: ConditionFigures

    public init(condition: OutcomeCondition, holds: Bool, figures: ConditionFigures) {
        self.condition = condition
        self.holds = holds
        self.figures = figures
    }

    /// The kind of condition; its raw value is its element name in the framework format and
    /// the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case allMandatoryMet
        case noSafetyCriticalFailure
        case sectionCoverage
        case mandatoryMetPercent
        case actionPlanCoversUnmetMandatory
        case tierMet
    }

    public var kind: Kind {
        switch condition {
        case .allMandatoryMet: .allMandatoryMet
        case .noSafetyCriticalFailure: .noSafetyCriticalFailure
        case .sectionCoverage: .sectionCoverage
        case .mandatoryMetPercent: .mandatoryMetPercent
        case .actionPlanCoversUnmetMandatory: .actionPlanCoversUnmetMandatory
        case .tierMet: .tierMet
        }
    }
}

/// A submission's figures against one outcome condition (the case matches the condition's).
public enum ConditionFigures: Sendable, Hashable {
    /// `met` of `applicable` applicable mandatory indicators met, `provisional` of them
    /// awaiting an assessor; `unmet` are the others (awaiting an assessor counts as unmet when
    /// the condition does not accept it).
    case allMandatoryMet(met: Int, applicable: Int, provisional: Int, unmet: [IndicatorMention])
    /// The applicable safety-critical indicators that are not met.
    case noSafetyCriticalFailure(failures: [IndicatorMention])
    /// The sections below the percentage, with their figures.
    case sectionCoverage(below: [SectionCoverage])
    /// `met` (with those awaiting an assessor) of `applicable` applicable mandatory indicators.
    case mandatoryMetPercent(met: Int, applicable: Int)
    /// Actions must be due from `from` to `to`; of `unmet` unmet mandatory indicators,
    /// `uncovered` have no action in that window.
    case actionPlanCoversUnmetMandatory(from: CalendarDate, to: CalendarDate, unmet: Int, uncovered: [UncoveredIndicator])
    /// `met` of `applicable` applicable indicators of the tier met, `provisional` of them
    /// awaiting an assessor; `unmet` are the others.
    case tierMet(met: Int, applicable: Int, provisional: Int, unmet: [IndicatorMention])
}

/// A section below a coverage condition's percentage.
public struct SectionCoverage: Sendable, Hashable, Codable {
    public var section: String
    public var number: String
    public var title: String
    public var met: Int
    public var applicable: Int

    public init(section: String, number: String, title: String, met: Int, applicable: Int) {
        self.section = section
        self.number = number
        self.title = title
        self.met = met
        self.applicable = applicable
    }
}

/// An unmet mandatory indicator that the action plan does not cover in time: its first
/// action's due date (overdue, or after the window), or `nil` when it has no action.
public struct UncoveredIndicator: Sendable, Hashable, Codable {
    public var indicator: IndicatorMention
    public var firstActionDue: CalendarDate?

    public init(indicator: IndicatorMention, firstActionDue: CalendarDate?) {
        self.indicator = indicator
        self.firstActionDue = firstActionDue
    }
}
