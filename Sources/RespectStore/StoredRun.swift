public import Foundation
public import RespectEvaluation
public import RespectModel

/// A run read back: its summary, the full result, its input files and the findings it considered.
public struct StoredRun: Sendable {
    public var summary: RunSummary
    public var assessment: Assessment
    /// In the order they were recorded.
    public var inputs: [InputFile]
    /// In the order they were recorded (the result's `findings.entries` order).
    public var findings: [StoredFinding]

    public init(summary: RunSummary, assessment: Assessment, inputs: [InputFile], findings: [StoredFinding]) {
        self.summary = summary
        self.assessment = assessment
        self.inputs = inputs
        self.findings = findings
    }
}

/// One assessor finding a run considered, and what became of it, as a store keeps it (a
/// `FindingEntry` without the status changes, which the result holds).
public struct StoredFinding: Sendable, Hashable {
    public var kind: FindingTargetKind
    public var targetID: String
    public var decision: FindingDecision
    public var state: FindingState
    public var reason: String
    public var assessor: String
    public var date: CalendarDate
    public var expires: CalendarDate?
    /// The engine's view without findings.
    public var automated: RecordedView
    /// The findings file and the line of the finding in it.
    public var file: String
    public var line: Int

    public init(kind: FindingTargetKind, targetID: String, decision: FindingDecision, state: FindingState, reason: String,
                assessor: String, date: CalendarDate, expires: CalendarDate?, automated: RecordedView, file: String, line: Int) {
        self.kind = kind
        self.targetID = targetID
        self.decision = decision
        self.state = state
        self.reason = reason
        self.assessor = assessor
        self.date = date
        self.expires = expires
        self.automated = automated
        self.file = file
        self.line = line
    }

    public init(_ entry: FindingEntry) {
        self.init(kind: entry.kind, targetID: entry.targetID, decision: entry.decision, state: entry.state,
                  reason: entry.reason, assessor: entry.assessor, date: entry.date, expires: entry.expires,
                  automated: .typed(entry.automated), file: entry.file, line: entry.line)
    }
}

/// The engine's view beside a stored finding: typed, or, for a run recorded before views were
/// typed, the words that engine recorded.
public enum RecordedView: Sendable, Hashable {
    case typed(AutomatedView)
    case recordedText(String)

    /// The form a store keeps: `ResultCoding`'s JSON of the typed view, or the recorded words.
    public func stored() throws -> String {
        switch self {
        case .typed(let view): String(decoding: try ResultCoding.encode(view), as: UTF8.self)
        case .recordedText(let text): text
        }
    }

    /// Reads what a store kept: the typed view's JSON, else words recorded by an older engine.
    public init(stored: String) {
        if stored.hasPrefix("{"), let view = try? ResultCoding.decode(AutomatedView.self, from: Data(stored.utf8)) {
            self = .typed(view)
        } else {
            self = .recordedText(stored)
        }
    }
}
