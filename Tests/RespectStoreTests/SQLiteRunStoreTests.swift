import Foundation
import GRDB
import RespectEvaluation
import RespectModel
import RespectStore
@testable import RespectStoreSQLite
import RespectTestSupport
import Testing

/// What only the SQLite store does: its named migrations, and stores left by older engines.
/// Everything every store does is in the contract (`RunStoreContractTests`).
@Suite("SQLite run store")
struct SQLiteRunStoreTests {
    static let migrations = ["v1-runs", "v2-run-inputs", "v3-run-findings", "v4-registered-number"]

    /// A copy of `Tests/Fixtures/store/previous-engine.sqlite` (see `previous-engine.txt`).
    static func previousEngineStore() throws -> String {
        let path = TestSupport.temporaryStorePath()
        try FileManager.default.copyItem(atPath: TestSupport.fixture("store/previous-engine.sqlite"), toPath: path)
        return path
    }

    @Test("opening an empty file creates the schema by ordered, named migrations; reopening applies nothing again")
    func migrations() async throws {
        let path = TestSupport.temporaryStorePath()
        let store = try SQLiteRunStore(path: path)
        #expect(try await store.appliedMigrations() == Self.migrations)
        try await store.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "tester", at: StoreFixtures.time())
        let reopened = try SQLiteRunStore(path: path)
        #expect(try await reopened.appliedMigrations() == Self.migrations)
        #expect(try await reopened.counts().runs == 1, "reopening keeps the runs")
    }

    @Test("a store with the first migration only is brought up to date on open")
    func upgradesFirstMigrationStore() async throws {
        let path = TestSupport.temporaryStorePath()
        let old = try SQLiteRunStore(path: path, upTo: "v1-runs")
        #expect(try await old.appliedMigrations() == ["v1-runs"])
        let upgraded = try SQLiteRunStore(path: path)
        #expect(try await upgraded.appliedMigrations() == Self.migrations)
        let id = try await upgraded.record(try StoreFixtures.assessment("engine/mini-achieved.xml"), assessor: "a", at: StoreFixtures.time())
        #expect(try await upgraded.run(id: id)?.inputs.count == 2)
    }

    @Test("a store the previous engine wrote opens, reads its runs and findings back, and takes new runs")
    func previousEngineStoreReads() async throws {
        let store = try SQLiteRunStore(path: try Self.previousEngineStore())
        #expect(try await store.appliedMigrations() == Self.migrations)
        #expect(try await store.counts() == StoreCounts(runs: 7, inputs: 15, findings: 3))
        let first = try #require(try await store.runs(matching: OrganisationQuery("1000001")).first)
        #expect(first.assessor == "R. Okafor")
        #expect(first.registeredNumber == "1000001", "filled in from the charity number by the migration")
        #expect(first.verdict == "not-yet")
        // Its result was recorded with worded reasons, before results were typed data: it is
        // kept as recorded, and reading it back says why it cannot be decoded.
        do {
            _ = try await store.run(id: 1)
            Issue.record("a worded result read back as typed data")
        } catch {
            #expect(error.description.contains("recorded by engine 0.1.0 before results were kept as typed data"), "\(error)")
        }
        let id = try await store.record(try StoreFixtures.assessment(StoreFixtures.northgate1100002), assessor: "new", at: StoreFixtures.time())
        #expect(id == 8)
        #expect(try await store.run(id: id)?.summary.registeredNumber == "1100002")
    }

    @Test("the previous engine's runs of three charities sharing a name are told apart by registered number")
    func previousEngineRunsGroupedByNumber() async throws {
        let store = try SQLiteRunStore(path: try Self.previousEngineStore())
        let byName = try await store.history(matching: OrganisationQuery("Northgate Family Safety"))
        #expect(byName.map(\.registeredNumber) == ["1100001", "1100002", "SC045678", nil])
        #expect(byName.map { $0.runs.map(\.run) } == [[3, 7], [4], [5], [6]])
        #expect(try await store.history(matching: OrganisationQuery("07000001")).map { $0.runs.map(\.run) } == [[3, 7]],
                "the company number of a charity that gives both finds it")
        #expect(try await store.history(matching: OrganisationQuery("1000001")).first?.name == "Mini Test Services")
    }

    @Test("a run is stored as typed data (codes and figures, no sentences) and reads back to the same bytes")
    func storesTypedData() async throws {
        let path = TestSupport.temporaryStorePath()
        let store = try SQLiteRunStore(path: path)
        let assessment = try StoreFixtures.assessment("store/mini-later.xml", findings: ["findings/unknown-and-stale.xml"])
        #expect(!assessment.warnings.isEmpty && assessment.indicators.contains { !$0.reasons.isEmpty && !$0.toProvide.isEmpty })
        let id = try await store.record(assessment, assessor: "a", at: StoreFixtures.time())
        let (json, automated) = try await DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "SELECT resultJSON FROM run WHERE id = ?", arguments: [id]) ?? "",
             try String.fetchAll(db, sql: "SELECT automated FROM runFinding WHERE runId = ? ORDER BY id", arguments: [id]))
        }
        #expect(!json.contains("\"message\""), "the store keeps no English")
        #expect(json.contains("\"code\":\"no-evidence\"") && json.contains("\"code\":\"finding-expired\""))
        #expect(Data(json.utf8) == (try ResultCoding.encode(assessment)), "exactly ResultCoding's bytes")
        let stored = try #require(try await store.run(id: id))
        #expect(try ResultCoding.encode(stored.assessment) == Data(json.utf8), "reads back to the same typed data")
        #expect(automated.count == assessment.findings?.entries.count)
        #expect(try automated.map { try ResultCoding.decode(AutomatedView.self, from: Data($0.utf8)) } == assessment.findings?.entries.map(\.automated))
        #expect(stored.findings.map(\.automated) == assessment.findings?.entries.map { .typed($0.automated) })
        #expect(automated.allSatisfy { !$0.contains("\"message\"") })
    }

    @Test("a file that is not SQLite is reported, not crashed on")
    func notADatabase() throws {
        let path = TestSupport.temporaryFile("this is not a database, just text that is long enough to be read as a header", name: "runs.sqlite")
        #expect(throws: StoreError.self) { _ = try SQLiteRunStore(path: path) }
        do {
            _ = try SQLiteRunStore(path: path)
        } catch {
            #expect(error.description.hasPrefix("\(path): cannot open the run store: "))
        }
    }
}
