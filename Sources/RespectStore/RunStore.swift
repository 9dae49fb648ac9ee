public import Foundation
import GRDB
public import RespectEvaluation
public import RespectModel

/// The run store: an SQLite file in which every recorded check is kept whole, for an audit
/// trail, a provider's history and diffs between runs.
///
/// Each run is written in one transaction: the run, its input files and its findings appear
/// together or not at all, so an interrupted batch leaves only whole runs. Opening a store
/// creates the file if needed and applies any schema migration it lacks.
public struct RunStore: Sendable {
    /// The SQLite file.
    public let path: String
    private let database: DatabaseQueue

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        try self.init(path: path, upTo: nil)
    }

    /// Opens the store and applies the migrations up to `lastMigration` (all when `nil`);
    /// tests use it to make a store as an older engine left it.
    init(path: String, upTo lastMigration: String?) throws(StoreError) {
        self.path = path
        do {
            database = try DatabaseQueue(path: path)
            if let lastMigration {
                try StoreSchema.migrator.migrate(database, upTo: lastMigration)
            } else {
                try StoreSchema.migrator.migrate(database)
            }
        } catch {
            throw StoreError(path: path, action: "open", underlying: error)
        }
    }

    /// The names of the migrations applied, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        do {
            return try database.read { db in try StoreSchema.migrator.appliedMigrations(db) }
        } catch {
            throw StoreError(path: path, action: "read", underlying: error)
        }
    }

    /// Records one run: the result's typed data as `ResultCoding` encodes it (codes and
    /// figures, no sentences: a report words it when it is read back), its input files' SHA-256
    /// (from `assessment.inputs`), the findings considered, who ran it and when. Returns the new
    /// run's id.
    @discardableResult
    public func record(_ assessment: Assessment, assessor: String, at time: Date) throws(StoreError) -> Int64 {
        try record(assessment, assessor: assessor, at: time, beforeCommit: { _ in })
    }

    /// `record`, with a hook run inside the transaction after every row is written (tests use
    /// it to interrupt a write).
    func record(_ assessment: Assessment, assessor: String, at time: Date,
                beforeCommit: (Int64) throws -> Void) throws(StoreError) -> Int64 {
        let json: String
        do {
            json = String(decoding: try ResultCoding.encode(assessment), as: UTF8.self)
        } catch {
            throw StoreError(path: path, action: "encode the result for", underlying: error)
        }
        let provider = assessment.submission.provider
        var run = RunRow(
            recordedAt: RunStore.timestamp(time), assessor: assessor, providerName: provider.name,
            providerKey: FindingsSubject.folded(provider.name),
            charityNumber: provider.charityNumber.map(RunStore.numberKey),
            companyNumber: provider.companyNumber.map(RunStore.numberKey),
            submissionFile: assessment.submission.file,
            submissionSHA256: assessment.inputs.first { $0.role == "submission" }?.sha256,
            frameworkID: assessment.framework.id, frameworkEdition: assessment.framework.edition,
            frameworkSHA256: assessment.inputs.first { $0.role == "framework" }?.sha256,
            engineVersion: assessment.engineVersion, asOf: assessment.asOf.description,
            verdict: assessment.outcome.verdict.rawValue, outcomeID: assessment.outcome.id,
            outcomeLabel: assessment.outcome.label, resultJSON: json)
        do {
            return try database.write { db in
                try run.insert(db)
                guard let id = run.id else { throw DatabaseError(message: "no run id after insert") }
                for input in assessment.inputs {
                    var row = RunInputRow(runId: id, role: input.role, path: input.path, sha256: input.sha256)
                    try row.insert(db)
                }
                for entry in assessment.findings?.entries ?? [] {
                    let automated = String(decoding: try ResultCoding.encode(entry.automated), as: UTF8.self)
                    var row = RunFindingRow(runId: id, kind: entry.kind.rawValue, targetID: entry.targetID,
                                            decision: entry.decision.rawValue, state: entry.state.rawValue,
                                            reason: entry.reason, assessor: entry.assessor, date: entry.date.description,
                                            expires: entry.expires?.description, automated: automated,
                                            file: entry.file, line: entry.line)
                    try row.insert(db)
                }
                try beforeCommit(id)
                return id
            }
        } catch {
            throw StoreError(path: path, action: "record a run in", underlying: error)
        }
    }

    /// A provider's runs, oldest first. `provider` matches the provider's name ignoring case
    /// and spacing, or its charity or company number.
    public func history(provider: String) throws(StoreError) -> [RunSummary] {
        let name = FindingsSubject.folded(provider)
        let number = RunStore.numberKey(provider)
        do {
            return try database.read { db in
                try RunRow.filter(sql: "providerKey = ? OR charityNumber = ? OR companyNumber = ?",
                                  arguments: [name, number, number])
                    .order(sql: "id")
                    .fetchAll(db)
                    .map(RunSummary.init)
            }
        } catch {
            throw StoreError(path: path, action: "read", underlying: error)
        }
    }

    /// One run, with its result decoded back into an `Assessment`; `nil` when there is no such run.
    public func run(id: Int64) throws(StoreError) -> StoredRun? {
        let fetched: (RunRow?, [RunInputRow])
        do {
            fetched = try database.read { db in
                (try RunRow.fetchOne(db, key: id),
                 try RunInputRow.filter(sql: "runId = ?", arguments: [id]).order(sql: "id").fetchAll(db))
            }
        } catch {
            throw StoreError(path: path, action: "read", underlying: error)
        }
        let (row, inputs) = fetched
        guard let row else { return nil }
        do {
            let assessment = try ResultCoding.decode(Assessment.self, from: Data(row.resultJSON.utf8))
            return StoredRun(summary: RunSummary(row), assessment: assessment,
                             inputs: inputs.map { InputFile(role: $0.role, path: $0.path, sha256: $0.sha256) })
        } catch {
            throw StoreError(path: path, action: "decode run \(id) from", underlying: error)
        }
    }

    /// How many runs the store holds, and how many input and finding rows.
    public func counts() throws(StoreError) -> (runs: Int, inputs: Int, findings: Int) {
        do {
            return try database.read { db in
                (try RunRow.fetchCount(db), try RunInputRow.fetchCount(db), try RunFindingRow.fetchCount(db))
            }
        } catch {
            throw StoreError(path: path, action: "read", underlying: error)
        }
    }

    /// UTC, to the second: `2026-11-23T16:40:05Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// A charity or company number without spaces, upper case.
    static func numberKey(_ text: String) -> String {
        text.filter { !$0.isWhitespace }.uppercased()
    }
}

/// One run in a provider's history.
public struct RunSummary: Sendable, Codable, Hashable {
    public var run: Int64
    /// When it was recorded, UTC.
    public var recordedAt: String
    public var assessor: String
    public var provider: String
    public var submissionFile: String
    public var submissionSHA256: String?
    /// `id@edition`.
    public var framework: String
    public var frameworkSHA256: String?
    public var engineVersion: String
    public var asOf: String
    public var verdict: String
    public var outcome: String

    init(_ row: RunRow) {
        run = row.id ?? 0
        recordedAt = row.recordedAt
        assessor = row.assessor
        provider = row.providerName
        submissionFile = row.submissionFile
        submissionSHA256 = row.submissionSHA256
        framework = "\(row.frameworkID)@\(row.frameworkEdition)"
        frameworkSHA256 = row.frameworkSHA256
        engineVersion = row.engineVersion
        asOf = row.asOf
        verdict = row.verdict
        outcome = row.outcomeLabel
    }
}

/// A run read back: its summary, the full result and its input files.
public struct StoredRun: Sendable {
    public var summary: RunSummary
    public var assessment: Assessment
    public var inputs: [InputFile]
}

/// Why the store could not be opened, read or written; `description` is what a user sees.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var action: String
    public var message: String

    init(path: String, action: String, underlying: any Error) {
        self.path = path
        self.action = action
        if let error = underlying as? DatabaseError {
            message = error.message ?? "\(error)"
        } else {
            message = "\(underlying)"
        }
    }

    public var description: String {
        "\(path): cannot \(action) the run store: \(message)"
    }
}
