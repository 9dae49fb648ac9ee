import Foundation
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
        let first = try #require(try await store.run(id: 1))
        #expect(first.summary.assessor == "R. Okafor")
        #expect(first.summary.registeredNumber == "1000001", "filled in from the charity number by the migration")
        #expect(first.assessment.outcome.verdict == .notYet, "its indented JSON result decodes")
        #expect(first.inputs.map(\.role) == ["submission", "framework", "findings"])
        #expect(first.findings.map(\.targetID) == ["training-recent", "facilitation", "contact-rate"])
        #expect(first.findings.map(\.state) == [.applied, .applied, .applied])
        #expect(try await store.run(id: 2)?.assessment.outcome.verdict == .notYet)
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
