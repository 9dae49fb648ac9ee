import Foundation
import RespectTestSupport
import Testing

/// The `respect` command as a user runs it: outputs, files and documented exit codes.
@Suite("Command line")
struct CommandLineTests {
    let miniFramework = TestSupport.fixture("engine/mini-framework.xml")
    let miniSubmission = TestSupport.fixture("engine/mini-achieved.xml")

    @Test("check on an achieved submission prints the outcome first and exits 0")
    func checkAchieved() throws {
        let result = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework])
        #expect(result.exitCode == 0)
        let outcomeLine = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("OUTCOME:") })
        #expect(outcomeLine.contains("ACHIEVED"))
        #expect(result.standardOutput.contains("advisory"))
        #expect(!result.standardOutput.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test("check exits 10 for working towards and 20 for not yet")
    func checkExitCodes() throws {
        let text = TestSupport.miniAchievedText
        let workingTowards = TestSupport.temporaryFile(text
            .replacingOccurrences(of: ">24</fact>", with: ">16</fact>")
            .replacingOccurrences(of: "</facts>", with: "</facts>\n  <actionPlan><action indicator=\"duration\" due=\"2026-12-01\" owner=\"Lead\">Extend</action></actionPlan>"))
        #expect(try CommandLineRunner.run(["check", workingTowards, "--framework", miniFramework]).exitCode == 10)
        let notYet = TestSupport.temporaryFile(text.replacingOccurrences(of: "<service type=\"iss\" risks=\"standard high\"/>", with: ""))
        let result = try CommandLineRunner.run(["check", notYet, "--framework", miniFramework])
        #expect(result.exitCode == 20)
        #expect(result.standardOutput.contains("SAFETY-CRITICAL FAILURES (1)"))
    }

    @Test("check --format json is byte-identical across runs and records the as-of date")
    func jsonIsDeterministic() throws {
        let first = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--format", "json", "--as-of", "2026-07-01"])
        let second = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--format", "json", "--as-of", "2026-07-01"])
        #expect(first.standardOutput == second.standardOutput)
        #expect(first.standardOutput.contains("\"asOf\" : \"2026-07-01\""))
        let json = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any]
        #expect((json?["outcome"] as? [String: Any])?["verdict"] as? String == "achieved")
    }

    @Test("check --output writes the report to a file and nothing to standard output")
    func outputFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("respect-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("report.json").path
        let result = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--format", "json", "--output", path])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.contains("\"verdict\" : \"achieved\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"], "no temporary file left behind")
    }

    @Test("an output folder that does not exist fails with 73 before any work")
    func outputFolderMissing() throws {
        let result = try CommandLineRunner.run(["check", miniSubmission, "--framework", miniFramework, "--output", "/nonexistent/folder/report.txt"])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("/nonexistent/folder"))
    }

    @Test("a missing submission exits 66; an invalid one exits 65 with its line")
    func inputErrors() throws {
        let missing = try CommandLineRunner.run(["check", "no-such-file.xml"])
        #expect(missing.exitCode == 66)
        #expect(missing.standardError.contains("no-such-file.xml"))
        let broken = TestSupport.temporaryFile(TestSupport.miniAchievedText.replacingOccurrences(of: "issued=\"2025-09-01\"", with: "issued=\"2025-9-1\""))
        let invalid = try CommandLineRunner.run(["check", broken, "--framework", miniFramework])
        #expect(invalid.exitCode == 65)
        #expect(invalid.standardError.contains("submission.xml:16"))
    }

    @Test("a bad --as-of is a usage error (64)")
    func badAsOf() throws {
        let result = try CommandLineRunner.run(["check", miniSubmission, "--as-of", "30/06/2026"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("YYYY-MM-DD"))
    }

    @Test("a submission targeting an edition that is not installed exits 66 listing what is installed")
    func editionNotInstalled() throws {
        let file = TestSupport.temporaryFile(TestSupport.miniAchievedText)
        let result = try CommandLineRunner.run(["check", file])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("mini@1 is not installed"))
        #expect(result.standardError.contains("respect-standard@2017"))
    }

    @Test("validate detects the kind of each file and fails when one is invalid")
    func validate() throws {
        let good = try CommandLineRunner.run(["validate", miniFramework, "standards/respect-standard-2017.xml"])
        #expect(good.exitCode == 0)
        #expect(good.standardOutput.contains("valid framework (mini@1"))
        #expect(good.standardOutput.contains("respect-standard@2017, 96 indicators"))
        let bad = TestSupport.temporaryFile("<submission xmlns=\"urn:respect-engine:submission:v1\"><provider/></submission>")
        let mixed = try CommandLineRunner.run(["validate", miniFramework, bad])
        #expect(mixed.exitCode == 65)
        #expect(mixed.standardError.contains("invalid"))
        #expect(mixed.standardError.contains(":1"))
    }

    @Test("frameworks lists the installed editions")
    func frameworks() throws {
        let result = try CommandLineRunner.run(["frameworks"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("respect-standard@2017"))
        #expect(result.standardOutput.contains("96 indicators"))
        #expect(result.standardOutput.contains("1 of 96 indicators sourced, 95 modelled"))
    }

    @Test("help describes the commands and the exit codes")
    func help() throws {
        let result = try CommandLineRunner.run(["--help"])
        #expect(result.exitCode == 0)
        for word in ["check", "validate", "frameworks", "advisory", "65", "66"] {
            #expect(result.standardOutput.contains(word), "\(word)")
        }
    }
}
