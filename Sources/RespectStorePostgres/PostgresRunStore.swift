import Foundation
import PostgresNIO
import RespectEvaluation
import RespectModel
public import RespectStore

/// The run store in PostgreSQL (through postgres-nio), for shared deployments: any number of
/// processes on one database see the same runs.
///
/// Opening a store connects once (so a wrong password or a missing database is reported at
/// once), creates the settings' schema when missing and applies the migrations it lacks
/// (`RunStoreSchema`, recorded in `schema_migration`). Each run is written in one transaction;
/// writers from many tasks and processes run at once, each run getting its id from one
/// sequence. While the database is away, calls fail with a `StoreError` of kind
/// `.unavailable`; once it is back, calls succeed again on the same store.
public struct PostgresRunStore: RunStore {
    public let database: PostgresDatabase
    public var location: String { database.location }
    /// Run inside each `record` transaction after every row is written (tests interrupt writes with it).
    private let beforeCommit: (@Sendable (Int64) throws -> Void)?

    /// Opens the store at `url` (see `PostgresSettings` for its form).
    public static func open(url: String) async throws(StoreError) -> PostgresRunStore {
        let settings: PostgresSettings
        do {
            settings = try PostgresSettings(url: url)
        } catch {
            throw StoreError(location: "the database URL", action: .open, message: error.problem)
        }
        return try await open(settings)
    }

    /// Opens the store in the database `settings` describe and brings its schema up to date.
    public static func open(_ settings: PostgresSettings) async throws(StoreError) -> PostgresRunStore {
        try await open(settings, upTo: nil)
    }

    /// Opens the store applying the migrations up to `lastMigration` (all when `nil`); tests use
    /// it to make a database as an older engine left it, and `beforeCommit` to interrupt writes.
    static func open(_ settings: PostgresSettings, upTo lastMigration: String?,
                     beforeCommit: (@Sendable (Int64) throws -> Void)? = nil) async throws(StoreError) -> PostgresRunStore {
        let database = PostgresDatabase(settings)
        do {
            try await database.withDirectConnection { connection in
                try await RunStoreSchema.migrator.migrate(on: connection, schema: settings.schema, upTo: lastMigration)
            }
        } catch {
            await database.close()
            throw StoreError(location: settings.location, action: .open, failure: error)
        }
        return PostgresRunStore(database: database, beforeCommit: beforeCommit)
    }

    private init(database: PostgresDatabase, beforeCommit: (@Sendable (Int64) throws -> Void)?) {
        self.database = database
        self.beforeCommit = beforeCommit
    }

    /// Closes the store's connections; later calls fail.
    public func close() async {
        await database.close()
    }

    public func appliedMigrations() async throws(StoreError) -> [String] {
        try await run(.read) { connection in try await RunStoreSchema.migrator.appliedNames(on: connection) }
    }

    public func record(_ run: RunRecord) async throws(StoreError) -> Int64 {
        let columns: RunColumns
        do {
            columns = try RunColumns(run)
        } catch {
            throw StoreError(location: location, action: .encode, message: "\(error)")
        }
        let inputs = run.assessment.inputs
        let findings = run.findings
        let beforeCommit = self.beforeCommit
        do {
            return try await database.withTransaction { connection in
                let id = try await columns.insert(on: connection)
                for input in inputs {
                    try await connection.query("""
                        INSERT INTO run_input (run_id, role, path, sha256)
                        VALUES (\(id), \(input.role), \(input.path), \(input.sha256))
                        """, logger: PostgresDatabase.silent)
                }
                for finding in findings {
                    try await FindingColumns.insert(finding, run: id, on: connection)
                }
                try beforeCommit?(id)
                return id
            }
        } catch {
            throw StoreError(location: location, action: .record, failure: error)
        }
    }

    public func runs(matching query: OrganisationQuery) async throws(StoreError) -> [RunSummary] {
        // Every number column holds numbers normalised as `numberKey` is.
        let select: PostgresQuery = if let number = query.numberKey {
            "\(unescaped: RunColumns.summarySelect) WHERE provider_key = \(query.nameKey) OR charity_number = \(number) OR company_number = \(number) ORDER BY id"
        } else {
            "\(unescaped: RunColumns.summarySelect) WHERE provider_key = \(query.nameKey) ORDER BY id"
        }
        return try await run(.read) { connection in
            try await RunColumns.summaries(try await connection.query(select, logger: PostgresDatabase.silent))
        }
    }

    public func run(id: Int64) async throws(StoreError) -> StoredRun? {
        let found = try await run(.read) { connection -> (RunSummary, String, [InputFile], [FindingColumns])? in
            let select: PostgresQuery = "\(unescaped: RunColumns.summarySelect) WHERE id = \(id)"
            guard let summary = try await RunColumns.summaries(try await connection.query(select, logger: PostgresDatabase.silent)).first else {
                return nil
            }
            let result = try await connection.query("SELECT result_json FROM run WHERE id = \(id)", logger: PostgresDatabase.silent)
            var json = ""
            for try await text in result.decode(String.self) { json = text }
            let inputRows = try await connection.query(
                "SELECT role, path, sha256 FROM run_input WHERE run_id = \(id) ORDER BY id", logger: PostgresDatabase.silent)
            var inputs: [InputFile] = []
            for try await (role, path, sha256) in inputRows.decode((String, String, String).self) {
                inputs.append(InputFile(role: role, path: path, sha256: sha256))
            }
            return (summary, json, inputs, try await FindingColumns.all(run: id, on: connection))
        }
        guard let (summary, json, inputs, findingRows) = found else { return nil }
        do {
            let assessment = try ResultCoding.decode(Assessment.self, from: Data(json.utf8))
            return StoredRun(summary: summary, assessment: assessment, inputs: inputs,
                             findings: try findingRows.map { try $0.finding() })
        } catch {
            throw StoreError(location: location, action: .decode(run: id), message: "\(error)")
        }
    }

    public func counts() async throws(StoreError) -> StoreCounts {
        try await run(.read) { connection in
            let rows = try await connection.query("""
                SELECT (SELECT count(*) FROM run), (SELECT count(*) FROM run_input), (SELECT count(*) FROM run_finding)
                """, logger: PostgresDatabase.silent)
            var counts = StoreCounts(runs: 0, inputs: 0, findings: 0)
            for try await (runs, inputs, findings) in rows.decode((Int64, Int64, Int64).self) {
                counts = StoreCounts(runs: Int(runs), inputs: Int(inputs), findings: Int(findings))
            }
            return counts
        }
    }

    private func run<Value: Sendable>(
        _ action: StoreError.Action, _ body: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws(StoreError) -> Value {
        do {
            return try await database.withConnection(body)
        } catch {
            throw StoreError(location: location, action: action, failure: error)
        }
    }
}

extension StoreError {
    /// A failure of PostgreSQL or of the connection to it, unavailable when the database was away.
    init(location: String, action: Action, failure: PostgresFailure) {
        self.init(location: location, action: action, kind: failure.kind == .unavailable ? .unavailable : .failed,
                  message: failure.message)
    }
}
