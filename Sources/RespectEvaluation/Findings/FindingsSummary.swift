public import RespectModel

/// What an assessor's findings did to a result: the engine's own outcome, every finding read
/// from a matching file with what became of it, and the files that did not match.
public struct FindingsSummary: Sendable, Codable {
    /// The outcome the engine reached without any finding.
    public var automatedOutcome: OutcomeSummary
    /// Every findings file considered, matched or not.
    public var files: [FindingsFileResult]
    /// The findings of the matching files, in file and document order.
    public var entries: [FindingEntry]

    public init(automatedOutcome: OutcomeSummary, files: [FindingsFileResult], entries: [FindingEntry]) {
        self.automatedOutcome = automatedOutcome
        self.files = files
        self.entries = entries
    }

    /// The findings that applied.
    public var applied: [FindingEntry] { entries.filter { $0.state == .applied } }
    /// The findings whose expiry date is before the as-of date.
    public var expired: [FindingEntry] { entries.filter { $0.state == .expired } }
    /// The findings that did not apply for another reason (unknown target, superseded…).
    public var notApplied: [FindingEntry] { entries.filter { $0.state != .applied && $0.state != .expired } }
}

/// An outcome in short: which rule, which verdict.
public struct OutcomeSummary: Sendable, Codable, Hashable {
    public var id: String
    public var verdict: Verdict
    public var label: String

    public init(id: String, verdict: Verdict, label: String) {
        self.id = id
        self.verdict = verdict
        self.label = label
    }

    public init(_ decision: OutcomeDecision) {
        self.init(id: decision.id, verdict: decision.verdict, label: decision.label)
    }
}

/// One findings file and whether it concerns the submission.
public struct FindingsFileResult: Sendable, Codable, Hashable {
    public var file: String
    public var subject: FindingsSubject
    public var matched: Bool
    public var findings: Int
}

/// What became of a finding.
public enum FindingState: String, Sendable, Codable, Hashable {
    case applied
    /// Its expiry date is before the as-of date.
    case expired
    /// A later finding on the same indicator or item replaced it.
    case superseded
    /// The indicator or item does not exist.
    case unknownTarget = "unknown-target"
    /// The indicator does not apply to the submission's services and risk levels.
    case notApplicable = "not-applicable"
    /// The item's document has another SHA-256 than the one the assessor judged.
    case fileChanged = "file-changed"

}

/// One finding as read, with the engine's view beside the assessor's and what changed.
public struct FindingEntry: Sendable, Codable, Hashable {
    public var kind: FindingTargetKind
    public var targetID: String
    public var decision: FindingDecision
    public var reason: String
    public var assessor: String
    public var date: CalendarDate
    public var expires: CalendarDate?
    public var file: String
    public var line: Int
    public var state: FindingState
    /// The engine's view without findings: an indicator's status, or how an item was counted.
    public var automated: AutomatedView
    /// Indicators whose status the finding changed, engine → with findings.
    public var changes: [IndicatorChange]

    /// "file:line".
    public var location: String { line > 0 ? "\(file):\(line)" : file }
}

/// An indicator whose status moved.
public struct IndicatorChange: Sendable, Codable, Hashable {
    public var id: String
    public var number: String
    /// `nil` when the indicator is not in the earlier result.
    public var from: IndicatorStatus?
    /// `nil` when the indicator is not in the later result.
    public var to: IndicatorStatus?

    public init(id: String, number: String, from: IndicatorStatus?, to: IndicatorStatus?) {
        self.id = id
        self.number = number
        self.from = from
        self.to = to
    }
}

/// The assessor's decision on one indicator, as shown beside the engine's status.
public struct AssessorDecision: Sendable, Codable, Hashable {
    public var decision: FindingDecision
    public var reason: String
    public var assessor: String
    public var date: CalendarDate
    public var expires: CalendarDate?
    /// "file:line" of the finding.
    public var source: String
}
