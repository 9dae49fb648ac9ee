import Foundation
import RespectEvaluation
import RespectModel
import RespectStore
@testable import RespectStorePostgres
import RespectTestSupport
import Testing

/// What only the PostgreSQL store does: migrations recorded in the database, several
/// processes on one database, separate schemas, and how a database that cannot be used is
/// reported. Everything every store does is in the contract (`RunStoreContractTests`).
@Suite("PostgreSQL run store", .enabled(if: TestDatabase.isIncluded), .usesTheDatabase)
struct PostgresRunStoreTests {
    static let migrations = ["v1-runs", "v2-run-inputs", "v3-run-findings", "v4-registered-number"]

    static func freshSettings() throws -> PostgresSettings {
        try PostgresSettings(url: try TestDatabase.freshURL())
    }

    @Test("opening an empty schema creates its tables by ordered, named migrations recorded in the database")
    func migrations() async throws {
        let settings = try Self.freshSettings()
        let store = try await PostgresRunStore.open(settings)
        #expect(try await store.appliedMigrations() == Self.migrations)
        let recorded = try await store.database.withConnection { connection in
            var rows: [String] = []
            let query = try await connection.query("SELECT name || ' ' || position FROM run_store_migration ORDER BY position",
                                                   logger: PostgresDatabase.silent)
            for try await row in query.decode(String.self) { rows.append(row) }
            return rows
        }
        #expect(recorded == Self.migrations.enumerated().map { "\($1) \($0)" })
        try await store.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "a", at: StoreFixtures.time())
        let reopened = try await PostgresRunStore.open(settings)
        #expect(try await reopened.appliedMigrations() == Self.migrations, "reopening applies nothing again")
        #expect(try await reopened.counts().runs == 1)
    }

    @Test("a database with the first migration only is brought up to date on open, its runs kept")
    func upgradesFirstMigration() async throws {
        let settings = try Self.freshSettings()
        let old = try await PostgresRunStore.open(settings, upTo: "v1-runs")
        #expect(try await old.appliedMigrations() == ["v1-runs"])
        _ = try await old.database.withConnection { connection in
            try await connection.query("""
                INSERT INTO run (recorded_at, assessor, provider_name, provider_key, charity_number, company_number,
                    submission_file, framework_id, framework_edition, engine_version, as_of, verdict, outcome_id,
                    outcome_label, result_json)
                VALUES ('2026-01-01T00:00:00Z', 'old', 'Old Provider', 'old provider', '', 'OC1', 'old.xml', 'mini', '1',
                    '0.1', '2026-01-01', 'not-yet', 'not-yet', 'Not yet', '{}')
                """, logger: PostgresDatabase.silent)
        }
        let upgraded = try await PostgresRunStore.open(settings)
        #expect(try await upgraded.appliedMigrations() == Self.migrations)
        #expect(try await upgraded.runs(matching: OrganisationQuery("OC1")).map(\.registeredNumber) == ["OC1"],
                "filled in from the company number when the charity number is empty")
        let id = try await upgraded.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "a", at: StoreFixtures.time())
        #expect(try await upgraded.run(id: id)?.inputs.count == 2)
    }

    @Test("processes opening one new database at once apply each migration exactly once")
    func concurrentOpens() async throws {
        let settings = try Self.freshSettings()
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<6 {
                group.addTask { try await PostgresRunStore.open(settings).appliedMigrations() }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(applied.count == 6)
        #expect(applied.allSatisfy { $0 == Self.migrations })
    }

    @Test("two stores on one database, as two processes, see each other's runs at once")
    func twoStoresShareRuns() async throws {
        let settings = try Self.freshSettings()
        let first = try await PostgresRunStore.open(settings)
        let second = try await PostgresRunStore.open(settings)
        let id = try await first.record(try StoreFixtures.assessment(StoreFixtures.northgate1100001), assessor: "one", at: StoreFixtures.time())
        #expect(try await second.run(id: id)?.summary.assessor == "one")
        let other = try await second.record(try StoreFixtures.assessment(StoreFixtures.northgate1100002), assessor: "two", at: StoreFixtures.time(1))
        #expect(other > id)
        #expect(try await first.history(matching: OrganisationQuery("Northgate Family Safety")).map(\.registeredNumber)
                == ["1100001", "1100002"])
    }

    @Test("stores in different schemas of one database never see each other's runs")
    func schemasAreSeparate() async throws {
        let first = try await PostgresRunStore.open(try Self.freshSettings())
        let second = try await PostgresRunStore.open(try Self.freshSettings())
        try await first.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "a", at: StoreFixtures.time())
        #expect(try await first.counts().runs == 1)
        #expect(try await second.counts().runs == 0)
        #expect(try await second.runs(matching: OrganisationQuery("1000001")).isEmpty)
    }

    @Test("a wrong password is refused when the store opens, as a failure that waiting will not fix, without the password")
    func wrongPassword() async throws {
        var settings = try Self.freshSettings()
        settings.password = "not-the-password-\(UUID().uuidString)"
        let wrong = settings.password ?? ""
        let error = await #expect(throws: StoreError.self) { try await PostgresRunStore.open(settings) }
        #expect(error?.kind == .failed && error?.action == .open)
        let message = error?.description ?? ""
        #expect(message.contains("password authentication failed"), "\(message)")
        #expect(message.hasPrefix(settings.location) && !message.contains(wrong))
    }

    @Test("a server that is not listening makes opening fail as unavailable, quickly")
    func nothingListening() async throws {
        var settings = try Self.freshSettings()
        settings.port = try ClosedPort.find()
        let started = ContinuousClock.now
        let error = await #expect(throws: StoreError.self) { try await PostgresRunStore.open(settings) }
        #expect(error?.kind == .unavailable, "\(String(describing: error))")
        #expect(ContinuousClock.now - started < .seconds(10))
    }
}
