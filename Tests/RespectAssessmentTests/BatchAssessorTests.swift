import Foundation
import RespectTestSupport
import Testing
import RespectStore
import RespectStoreSQLite
import RespectEvaluation

/// `respect batch` with an assessor's findings and the run store: findings apply to the
/// submissions they concern, and every scored submission (only those) is recorded as a run.
@Suite("Batch with findings and the run store")
struct BatchAssessorTests {
    private let examples = ["achieved.xml", "working-towards.xml", "not-yet.xml"].map { TestSupport.examplesDirectory + "/submissions/" + $0 }

    private func outcomes(_ csv: String) -> [String: String] {
        var result: [String: String] = [:]
        for record in CSVRecords.parse(csv).dropFirst() where record.count > 2 {
            result[URL(fileURLWithPath: record[1]).lastPathComponent] = record[2]
        }
        return result
    }

    @Test("findings apply to the submission they concern and to no other")
    func findingsApply() throws {
        let plain = try CommandLineRunner.run(["batch"] + examples + ["--csv", "-"])
        #expect(plain.exitCode == 0)
        let reviewed = try CommandLineRunner.run(["batch"] + examples + ["--findings", TestSupport.examplesDirectory + "/findings", "--csv", "-"])
        #expect(reviewed.exitCode == 0)
        let before = outcomes(plain.standardOutput), after = outcomes(reviewed.standardOutput)
        #expect(before["working-towards.xml"] == "working-towards")
        #expect(after["working-towards.xml"] == "not-yet", "the example findings reject the draft safer-recruitment policy")
        #expect(after["achieved.xml"] == before["achieved.xml"])
        #expect(after["not-yet.xml"] == before["not-yet.xml"])
    }

    @Test("--store records one whole run per scored submission, none for a file that failed")
    func storeRecordsRuns() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("batch-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let broken = TestSupport.temporaryFile("<submission xmlns=\"urn:respect-engine:submission:v1\">\n<provider", name: "broken.xml")

        let result = try CommandLineRunner.run(["batch"] + examples + [broken, "--findings", TestSupport.examplesDirectory + "/findings",
                                                                        "--store", storePath, "--assessor", "Test Assessor"])
        #expect(result.exitCode == 65, "one file could not be scored")
        #expect(result.standardError.contains("recorded 3 runs in \(storePath)"))

        let store = try SQLiteRunStore(path: storePath)
        #expect(try await store.counts().runs == 3)
        let history = try await store.runs(matching: OrganisationQuery("Brookfield Safer Relationships"))
        #expect(history.count == 1)
        #expect(history.first?.assessor == "Test Assessor")
        #expect(history.first?.registeredNumber != nil)
        let runID = try #require(history.first?.run)
        let run = try #require(try await store.run(id: runID))
        #expect(run.assessment.outcome.verdict == .notYet, "the run records the outcome with the findings applied")
        #expect(run.inputs.map(\.role).sorted() == ["findings", "framework", "submission"])
    }
}
