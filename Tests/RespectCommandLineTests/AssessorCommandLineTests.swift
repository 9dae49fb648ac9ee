import Foundation
import RespectTestSupport
import Testing

/// `check --findings/--store`, `history`, `diff` and `validate` on findings, as a user runs them.
@Suite("Assessor command line")
struct AssessorCommandLineTests {
    let miniFramework = TestSupport.fixture("engine/mini-framework.xml")
    let miniSubmission = TestSupport.fixture("engine/mini-achieved.xml")
    let miniLater = TestSupport.fixture("store/mini-later.xml")

    @Test("the example findings move the working-towards example to not yet, shown beside the engine's view")
    func exampleFindings() throws {
        let result = try CommandLineRunner.run(["check", "examples/submissions/working-towards.xml", "--findings", "examples/findings"])
        #expect(result.exitCode == 20)
        let text = result.standardOutput
        #expect(text.contains("ASSESSOR FINDINGS (3 applied, 1 expired, 0 not applied)"))
        #expect(text.contains("Outcome by the engine alone: Working towards"))
        #expect(text.contains("evidence st-safer-recruitment-policy: engine: counted for staff-safe-recruitment-dbs → assessor: rejected"))
        #expect(text.contains("indicator exit-closure-summary: engine: partly met → assessor: accepted"))
        #expect(text.contains("staff-case-supervision: needs site visit, expired 2026-09-30"))
        #expect(text.contains("SAFETY-CRITICAL FAILURES (1)"))
    }

    @Test("findings appear in the JSON and HTML reports")
    func findingsInJSONAndHTML() throws {
        let findings = TestSupport.fixture("findings/indicator-decisions.xml")
        let json = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--findings", findings, "--format", "json"])
        #expect(json.exitCode == 20)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let summary = try #require(object["findings"] as? [String: Any])
        #expect((summary["automatedOutcome"] as? [String: Any])?["verdict"] as? String == "achieved")
        let inputs = try #require(object["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["role"] as? String } == ["submission", "framework", "findings"])
        let html = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--findings", findings, "--format", "html"])
        #expect(html.standardOutput.contains("Assessor findings (3 applied, 0 expired)"))
        #expect(html.standardOutput.contains("engine: met"))
    }

    @Test("a findings file for another provider warns on the command line and changes nothing")
    func otherProvider() throws {
        let result = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework,
                                                "--findings", TestSupport.fixture("findings/other-provider.xml")])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("do not concern this submission"))
    }

    @Test("check --store records runs; history lists them; diff compares two runs and two files")
    func storeHistoryDiff() throws {
        let store = TestSupport.temporaryStorePath()
        let first = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--store", store, "--assessor", "R. Okafor"])
        #expect(first.exitCode == 0)
        #expect(first.standardError.contains("recorded as run 1"))
        let second = try CommandLineRunner.run(["check", miniLater, "--framework", miniFramework, "--store", store, "--assessor", "J. Patel"])
        #expect(second.exitCode == 20)

        let history = try CommandLineRunner.run(["history", "mini test services", "--store", store])
        #expect(history.exitCode == 0)
        #expect(history.standardOutput.contains("R. Okafor"))
        #expect(history.standardOutput.contains("J. Patel"))
        let json = try CommandLineRunner.run(["history", "1000001", "--store", store, "--format", "json"])
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let organisations = try #require(listing["organisations"] as? [[String: Any]])
        #expect(organisations.map { $0["registeredNumber"] as? String } == ["1000001"])
        let runs = try #require(organisations.first?["runs"] as? [[String: Any]])
        #expect(runs.map { $0["run"] as? Int } == [1, 2])
        #expect(runs.map { $0["verdict"] as? String } == ["achieved", "not-yet"])

        let diff = try CommandLineRunner.run(["diff", "1", "2", "--store", store])
        #expect(diff.exitCode == 0)
        #expect(diff.standardOutput.contains("OUTCOME: Achieved → Not yet"))
        #expect(diff.standardOutput.contains("3.1.1 iss-in-place"))
        #expect(diff.standardOutput.contains("+ E8"))
        #expect(diff.standardOutput.contains("- E7"))
        #expect(diff.standardOutput.contains("! E2"))

        let files = try CommandLineRunner.run(["diff", miniSubmission, miniLater, "--framework", miniFramework, "--format", "json"])
        #expect(files.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(files.standardOutput.utf8)) as? [String: Any])
        #expect((object["evidenceRemoved"] as? [[String: Any]])?.map { $0["id"] as? String } == ["E7"])
        #expect((object["indicatorChanges"] as? [[String: Any]])?.count == 2)
    }

    @Test("history and diff on a missing store or run exit 66")
    func missingStore() throws {
        #expect(try CommandLineRunner.run(["history", "x", "--store", "/nonexistent/runs.sqlite"]).exitCode == 66)
        let store = TestSupport.temporaryStorePath()
        _ = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--store", store])
        let result = try CommandLineRunner.run(["diff", "1", "9", "--store", store])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("no run 9"))
        #expect(try CommandLineRunner.run(["diff", "a", "b", "--store", store]).exitCode == 64)
        let unwritable = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--store", "/nonexistent/folder/runs.sqlite"])
        #expect(unwritable.exitCode == 73)
        #expect(unwritable.standardError.contains("/nonexistent/folder/runs.sqlite"))
        #expect(unwritable.standardOutput.isEmpty, "nothing is reported when the run cannot be recorded")
    }

    @Test("a findings folder applies only the files about this submission, without warning about the others")
    func findingsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respect-findings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["indicator-decisions.xml", "other-provider.xml"] {
            try FileManager.default.copyItem(atPath: TestSupport.fixture("findings/" + name), toPath: folder.appendingPathComponent(name).path)
        }
        let result = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--findings", folder.path, "--format", "json"])
        #expect(result.exitCode == 20)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let files = try #require((object["findings"] as? [String: Any])?["files"] as? [[String: Any]])
        #expect(files.compactMap { ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["indicator-decisions.xml"])
        #expect(!result.standardOutput.contains("findings-not-for-submission"))
    }

    @Test("validate detects a findings file and reports an invalid one with its line")
    func validateFindings() throws {
        let good = try CommandLineRunner.run(["validate", "examples/findings/brookfield-desk-review.xml"])
        #expect(good.exitCode == 0)
        #expect(good.standardOutput.contains("valid findings"))
        let bad = try CommandLineRunner.run(["validate", TestSupport.fixture("findings/invalid-no-assessor.xml")])
        #expect(bad.exitCode == 65)
        #expect(bad.standardError.contains("invalid-no-assessor.xml:5"))
    }
}
