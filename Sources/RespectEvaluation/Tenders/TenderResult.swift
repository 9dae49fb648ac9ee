public import RespectModel

/// The result of checking every bid against a tender: deterministic, so its JSON (sorted keys)
/// is byte-identical for identical inputs.
public struct TenderResult: Sendable, Codable {
    /// The check is advice; the commissioner decides.
    public var advisory: Advisory
    public var engineVersion: String
    public var tender: TenderSummary
    /// The deadline: every bid's evidence is judged as of this date.
    public var asOf: CalendarDate
    /// Each framework threshold the tender replaced, `old → new`.
    public var thresholdChanges: [ThresholdChange]
    /// Compliant bids by rank, then the others by provider name and file.
    public var bids: [TenderBidResult]
    public var compliantCount: Int
    /// Files of the bids with a safety-critical failure.
    public var unsafeBids: [String]
    /// The tender and framework files and their SHA-256, filled in by whoever read them.
    public var inputs: [InputFile] = []
}

/// What the tender requires, for the head of reports.
public struct TenderSummary: Sendable, Codable {
    public var reference: String
    public var title: String
    public var commissioner: String
    public var notice: String?
    public var file: String
    public var deadline: CalendarDate
    public var contractStart: CalendarDate?
    public var frameworks: [FrameworkTarget]
    public var acceptedOutcomes: [Verdict]
    public var sectionOutcomes: [SectionRequirementSummary]
    public var actionsDueByContractStart: Bool
    public var ranking: [CriterionSummary]
    /// Every clause, verbatim.
    public var clauses: [TenderClause]
}

/// A section outcome the tender requires.
public struct SectionRequirementSummary: Sendable, Codable {
    public var section: String
    public var accept: [Verdict]
    public var clause: String?
}

/// A ranking criterion as the tender states it.
public struct CriterionSummary: Sendable, Codable {
    public var id: String
    public var label: String
    public var weight: Double
    public var measure: RankingMeasure
    public var section: String?
    public var clause: String?
}

/// One bid's verdict against the tender, the reasons for it and the engine's outcome underneath.
public struct TenderBidResult: Sendable, Codable {
    public var file: String
    /// The provider's name; empty when the bid could not be read.
    public var provider: String
    public var target: FrameworkTarget?
    public var compliant: Bool
    /// A safety-critical indicator fails: never compliant, whatever the score.
    public var unsafe: Bool
    /// 1 for the best compliant bid; `nil` when not compliant.
    public var rank: Int?
    public var outcome: Verdict?
    public var outcomeLabel: String?
    public var mandatoryMet: Int?
    public var mandatoryApplicable: Int?
    /// `nil` when the bid was not assessed against an accepted edition.
    public var score: TenderScore?
    /// Every tender rule the bid fails (empty when compliant), most serious first.
    public var reasons: [TenderReason]
    /// The outcomes of the sections the tender names.
    public var sections: [SectionOutcomeResult]
    public var safetyCriticalFailures: [IndicatorReference]
    /// Located problems when the bid could not be read or evaluated.
    public var problems: [String]
    /// The engine's full result, with the tender's thresholds and local indicators applied.
    public var assessment: Assessment?
    /// The bid file and its SHA-256, when it could be read.
    public var input: InputFile?
}

/// A bid's score on the tender's weights.
public struct TenderScore: Sendable, Codable, Hashable {
    /// Sum of the criteria's points, rounded to 2 decimals.
    public var total: Double
    public var criteria: [CriterionScore]
}

/// One criterion's contribution: `points = weight × met / applicable`.
public struct CriterionScore: Sendable, Codable, Hashable {
    public var id: String
    public var measure: RankingMeasure
    public var section: String?
    public var weight: Double
    public var met: Int
    public var applicable: Int
    /// The share met, 0–100, rounded to 1 decimal.
    public var percent: Double
    /// Rounded to 2 decimals.
    public var points: Double
}
