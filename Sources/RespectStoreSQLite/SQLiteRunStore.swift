public import Foundation
import GRDB
import RespectEvaluation
import RespectModel
public import RespectStore

/// The run store in an SQLite file (through GRDB): the embedded default, one file to copy for
/// a backup.
///
/// Opening a store creates the file if needed and applies the schema migrations it lacks
/// (`StoreSchema`), so a store left by an older engine opens and reads. Each run is written in
/// one transaction. Writes are serialised; another process writing the same file is waited for
/// up to `busyTimeout` before the write fails.
public struct SQLiteRunStore: RunStore {
    /// The SQLite file.
    public let path: String
    public var location: String { path }
    private let database: DatabaseQueue
    /// Run inside each `record` transaction after every row is written (tests interrupt writes with it).
    private let beforeCommit: (@Sendable (Int64) throws -> Void)?

    /// How long a write waits for another process's write to the same file.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        try self.init(path: path, upTo: nil)
    }

    /// Opens the store and applies the migrations up to `lastMigration` (all when `nil`); tests
    /// use it to make a store as an older engine left it, and `beforeCommit` to interrupt writes.
    init(path: String, upTo lastMigration: String?, beforeCommit: (@Sendable (Int64) throws -> Void)? = nil) throws(StoreError) {
        self.path = path
        self.beforeCommit = beforeCommit
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(Self.busyTimeout)
            database = try DatabaseQueue(path: path, configuration: configuration)
            if let lastMigration {
                try StoreSchema.migrator.migrate(database, upTo: lastMigration)
            } else {
                try StoreSchema.migrator.migrate(database)
            }
        } catch {
            throw StoreError(location: path, action: .open, underlying: error)
        }
    }

    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await read { db in try StoreSchema.migrator.appliedMigrations(db) }
    }

    public func record(_ run: RunRecord) async throws(StoreError) -> Int64 {
        let runRow: RunRow
        do {
            runRow = RunRow(run, resultJSON: try run.encodedResult())
        } catch {
            throw StoreError(location: path, action: .encode, underlying: error)
        }
        let inputs = run.assessment.inputs
        let findings = run.findings
        let beforeCommit = self.beforeCommit
        do {
            return try await database.write { db in
                var row = runRow
                try row.insert(db)
                guard let id = row.id else { throw DatabaseError(message: "no run id after insert") }
                for input in inputs {
                    var inputRow = RunInputRow(runId: id, role: input.role, path: input.path, sha256: input.sha256)
                    try inputRow.insert(db)
                }
                for finding in findings {
                    var findingRow = try RunFindingRow(finding, runId: id)
                    try findingRow.insert(db)
                }
                try beforeCommit?(id)
                return id
            }
        } catch {
            throw StoreError(location: path, action: .record, underlying: error)
        }
    }

    public func runs(matching query: OrganisationQuery) async throws(StoreError) -> [RunSummary] {
        // Every number column holds numbers normalised as `numberKey` is.
        let request = query.numberKey.map { number in
            RunRow.filter(sql: "providerKey = ? OR charityNumber = ? OR companyNumber = ?", arguments: [query.nameKey, number, number])
        } ?? RunRow.filter(sql: "providerKey = ?", arguments: [query.nameKey])
        return try await read { db in try request.order(sql: "id").fetchAll(db).map(RunSummary.init) }
    }

    public func run(id: Int64) async throws(StoreError) -> StoredRun? {
        let (row, inputs, findings) = try await read { db in
            (try RunRow.fetchOne(db, key: id),
             try RunInputRow.filter(sql: "runId = ?", arguments: [id]).order(sql: "id").fetchAll(db),
             try RunFindingRow.filter(sql: "runId = ?", arguments: [id]).order(sql: "id").fetchAll(db))
        }
        guard let row else { return nil }
        do {
            let assessment = try ResultCoding.decode(Assessment.self, from: Data(row.resultJSON.utf8))
            return StoredRun(summary: RunSummary(row), assessment: assessment,
                             inputs: inputs.map { InputFile(role: $0.role, path: $0.path, sha256: $0.sha256) },
                             findings: try findings.map { try $0.finding() })
        } catch {
            throw StoreError.undecodable(run: id, location: path, resultJSON: row.resultJSON, engineVersion: row.engineVersion,
                                         underlying: error)
        }
    }

    public func counts() async throws(StoreError) -> StoreCounts {
        try await read { db in
            StoreCounts(runs: try RunRow.fetchCount(db), inputs: try RunInputRow.fetchCount(db),
                        findings: try RunFindingRow.fetchCount(db))
        }
    }

    private func read<Value: Sendable>(_ value: @Sendable @escaping (Database) throws -> Value) async throws(StoreError) -> Value {
        do {
            return try await database.read(value)
        } catch {
            throw StoreError(location: path, action: .read, underlying: error)
        }
    }
}
