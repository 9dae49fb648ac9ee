import Foundation
import GRDB
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel
@testable import RespectStore

/// The run store: migrations, whole runs only, history and results read back.
@Suite("Run store")
struct RunStoreTests {
    static func temporaryStorePath() -> String {
        TestSupport.temporaryStorePath()
    }

    static func assessment(_ fixture: String, findings: [String] = []) throws -> Assessment {
        let path = TestSupport.fixture(fixture)
        let submission = try TestSupport.loader.loadSubmission(contentsOf: path)
        let file = try #require(InputFile(role: "submission", path: path))
        let loaded = try findings.map { try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture($0)) }
        var assessment = try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(submission, asOf: try #require(submission.asOf), findings: loaded, submissionSHA256: file.sha256)
        assessment.inputs = [file, try #require(InputFile(role: "framework", path: TestSupport.fixture("engine/mini-framework.xml")))]
            + loaded.compactMap { InputFile(role: "findings", path: $0.source) }
        return assessment
    }

    @Test("opening an empty file creates the schema by ordered migrations; reopening applies nothing again")
    func migrations() throws {
        let path = Self.temporaryStorePath()
        let store = try RunStore(path: path)
        #expect(try store.appliedMigrations() == ["v1-runs", "v2-run-inputs", "v3-run-findings"])
        try store.record(try Self.assessment("engine/mini-achieved.xml"), assessor: "tester", at: Date(timeIntervalSince1970: 0))
        let reopened = try RunStore(path: path)
        #expect(try reopened.appliedMigrations() == ["v1-runs", "v2-run-inputs", "v3-run-findings"])
        #expect(try reopened.counts().runs == 1, "reopening keeps the runs")
    }

    @Test("a store left by an older engine (first migration only) is brought up to date on open")
    func upgradesOlderStore() throws {
        let path = Self.temporaryStorePath()
        let old = try RunStore(path: path, upTo: "v1-runs")
        #expect(try old.appliedMigrations() == ["v1-runs"])
        let upgraded = try RunStore(path: path)
        #expect(try upgraded.appliedMigrations() == ["v1-runs", "v2-run-inputs", "v3-run-findings"])
        let id = try upgraded.record(try Self.assessment("engine/mini-achieved.xml"), assessor: "a", at: Date(timeIntervalSince1970: 0))
        #expect(try upgraded.run(id: id)?.inputs.count == 2)
    }

    @Test("a recorded run keeps its inputs' SHA-256, framework, engine, as-of date, assessor, time and findings")
    func recordsEverything() throws {
        let store = try RunStore(path: Self.temporaryStorePath())
        let assessment = try Self.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        let id = try store.record(assessment, assessor: "R. Okafor", at: Date(timeIntervalSince1970: 1_790_000_000))
        let run = try #require(try store.run(id: id))
        #expect(run.summary.assessor == "R. Okafor")
        #expect(run.summary.recordedAt == "2026-09-21T14:13:20Z")
        #expect(run.summary.framework == "mini@1")
        #expect(run.summary.asOf == "2026-06-30")
        #expect(run.summary.engineVersion == EngineVersion.current)
        #expect(run.summary.submissionSHA256 == assessment.inputs[0].sha256)
        #expect(run.summary.frameworkSHA256 == assessment.inputs[1].sha256)
        #expect(run.summary.verdict == "not-yet")
        #expect(run.inputs.map(\.role) == ["submission", "framework", "findings"])
        #expect(run.inputs == assessment.inputs)
        #expect(try store.counts().findings == 3)
        #expect(run.assessment.outcome.id == assessment.outcome.id, "the stored JSON decodes back to the result")
        #expect(run.assessment.indicators.map(\.status) == assessment.indicators.map(\.status))
        #expect(run.assessment.findings?.entries == assessment.findings?.entries)
    }

    @Test("a run is stored as typed data (codes and figures, no sentences) and reads back to the same bytes")
    func storesTypedData() throws {
        let path = Self.temporaryStorePath()
        let store = try RunStore(path: path)
        let assessment = try Self.assessment("store/mini-later.xml", findings: ["findings/unknown-and-stale.xml"])
        #expect(!assessment.warnings.isEmpty && assessment.indicators.contains { !$0.reasons.isEmpty && !$0.toProvide.isEmpty })
        let id = try store.record(assessment, assessor: "a", at: Date(timeIntervalSince1970: 0))
        let (json, automated) = try DatabaseQueue(path: path).read { db in
            (try String.fetchOne(db, sql: "SELECT resultJSON FROM run WHERE id = ?", arguments: [id]) ?? "",
             try String.fetchAll(db, sql: "SELECT automated FROM runFinding WHERE runId = ? ORDER BY id", arguments: [id]))
        }
        #expect(!json.contains("\"message\""), "the store keeps no English")
        #expect(json.contains("\"code\":\"no-evidence\"") && json.contains("\"code\":\"finding-expired\""))
        #expect(Data(json.utf8) == (try ResultCoding.encode(assessment)), "exactly ResultCoding's bytes")
        let stored = try #require(try store.run(id: id)).assessment
        #expect(try ResultCoding.encode(stored) == Data(json.utf8), "reads back to the same typed data")
        #expect(automated.count == assessment.findings?.entries.count)
        #expect(try automated.map { try ResultCoding.decode(AutomatedView.self, from: Data($0.utf8)) } == assessment.findings?.entries.map(\.automated))
        #expect(automated.allSatisfy { !$0.contains("\"message\"") })
    }

    @Test("history lists a provider's runs by name in any case, or by charity number, oldest first")
    func history() throws {
        let store = try RunStore(path: Self.temporaryStorePath())
        let first = try store.record(try Self.assessment("engine/mini-achieved.xml"), assessor: "a", at: Date(timeIntervalSince1970: 0))
        let second = try store.record(try Self.assessment("store/mini-later.xml"), assessor: "b", at: Date(timeIntervalSince1970: 60))
        #expect(try store.history(provider: "MINI test  Services").map(\.run) == [first, second])
        #expect(try store.history(provider: "1000001").map(\.run) == [first, second])
        #expect(try store.history(provider: "Another Provider").isEmpty)
        let runs = try store.history(provider: "mini test services")
        #expect(runs.map(\.outcome) == ["Achieved", "Not yet"])
        #expect(runs.map(\.assessor) == ["a", "b"])
    }

    @Test("a write interrupted inside its transaction leaves no part of the run")
    func interruptedWrite() throws {
        struct Interrupted: Error {}
        let store = try RunStore(path: Self.temporaryStorePath())
        let assessment = try Self.assessment("engine/mini-achieved.xml", findings: ["findings/indicator-decisions.xml"])
        try store.record(assessment, assessor: "whole", at: Date(timeIntervalSince1970: 0))
        #expect(throws: StoreError.self) {
            _ = try store.record(assessment, assessor: "partial", at: Date(timeIntervalSince1970: 1), beforeCommit: { _ in throw Interrupted() })
        }
        let counts = try store.counts()
        #expect(counts.runs == 1)
        #expect(counts.inputs == 3)
        #expect(counts.findings == 3)
        #expect(try store.history(provider: "Mini Test Services").map(\.assessor) == ["whole"])
    }

    @Test("a file that is not SQLite is reported, not crashed on")
    func notADatabase() throws {
        let path = TestSupport.temporaryFile("this is not a database, just text that is long enough to be read as a header", name: "runs.sqlite")
        #expect(throws: StoreError.self) { _ = try RunStore(path: path) }
    }
}
