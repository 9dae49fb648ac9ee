import GRDB
import RespectEvaluation
import RespectModel
import RespectStore

/// A row of `run`: one recorded check.
struct RunRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    var id: Int64?
    var recordedAt: String
    var assessor: String
    var providerName: String
    /// The name lowercased with spacing collapsed, for case-insensitive look-up.
    var providerKey: String
    var charityNumber: String?
    var companyNumber: String?
    /// The charity number, else the company number (migration `v4-registered-number`).
    var registeredNumber: String?
    var submissionFile: String
    var submissionSHA256: String?
    var frameworkID: String
    var frameworkEdition: String
    var frameworkSHA256: String?
    var engineVersion: String
    var asOf: String
    var verdict: String
    var outcomeID: String
    var outcomeLabel: String
    /// The full result in `ResultCoding`'s JSON (runs recorded before the switch hold the same
    /// keys, indented).
    var resultJSON: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension RunRow {
    init(_ run: RunRecord, resultJSON: String) {
        let assessment = run.assessment
        self.init(recordedAt: run.timestamp, assessor: run.assessor, providerName: run.provider.name,
                  providerKey: run.providerKey, charityNumber: run.charityNumber, companyNumber: run.companyNumber,
                  registeredNumber: run.registeredNumber, submissionFile: assessment.submission.file,
                  submissionSHA256: run.submissionSHA256, frameworkID: assessment.framework.id,
                  frameworkEdition: assessment.framework.edition, frameworkSHA256: run.frameworkSHA256,
                  engineVersion: assessment.engineVersion, asOf: assessment.asOf.description,
                  verdict: assessment.outcome.verdict.rawValue, outcomeID: assessment.outcome.id,
                  outcomeLabel: assessment.outcome.label, resultJSON: resultJSON)
    }
}

extension RunSummary {
    init(_ row: RunRow) {
        self.init(run: row.id ?? 0, recordedAt: row.recordedAt, assessor: row.assessor, provider: row.providerName,
                  registeredNumber: row.registeredNumber, submissionFile: row.submissionFile,
                  submissionSHA256: row.submissionSHA256, framework: "\(row.frameworkID)@\(row.frameworkEdition)",
                  frameworkSHA256: row.frameworkSHA256, engineVersion: row.engineVersion, asOf: row.asOf,
                  verdict: row.verdict, outcome: row.outcomeLabel)
    }
}

/// A row of `runInput`: one input file of a run and its SHA-256.
struct RunInputRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "runInput"
    var id: Int64?
    var runId: Int64
    var role: String
    var path: String
    var sha256: String
}

/// A row of `runFinding`: one assessor finding considered in a run, and what became of it.
struct RunFindingRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "runFinding"
    var id: Int64?
    var runId: Int64
    var kind: String
    var targetID: String
    var decision: String
    var state: String
    var reason: String
    var assessor: String
    var date: String
    var expires: String?
    var automated: String
    var file: String
    var line: Int
}

extension RunFindingRow {
    init(_ finding: StoredFinding, runId: Int64) throws {
        self.init(runId: runId, kind: finding.kind.rawValue, targetID: finding.targetID, decision: finding.decision.rawValue,
                  state: finding.state.rawValue, reason: finding.reason, assessor: finding.assessor,
                  date: finding.date.description, expires: finding.expires?.description, automated: try finding.automated.stored(),
                  file: finding.file, line: finding.line)
    }

    /// The finding this row holds; fails on a value this engine does not know.
    func finding() throws(UnreadableFinding) -> StoredFinding {
        guard let kind = FindingTargetKind(rawValue: kind), let decision = FindingDecision(rawValue: decision),
              let state = FindingState(rawValue: state), let date = CalendarDate(date) else {
            throw UnreadableFinding(row: id ?? 0)
        }
        var expiry: CalendarDate?
        if let expires {
            guard let parsed = CalendarDate(expires) else { throw UnreadableFinding(row: id ?? 0) }
            expiry = parsed
        }
        return StoredFinding(kind: kind, targetID: targetID, decision: decision, state: state, reason: reason,
                             assessor: assessor, date: date, expires: expiry, automated: RecordedView(stored: automated), file: file, line: line)
    }
}

/// A `runFinding` row holding a kind, decision, state or date this engine cannot read.
struct UnreadableFinding: Error, CustomStringConvertible {
    var row: Int64
    var description: String { "finding row \(row) holds a value this engine does not know" }
}
