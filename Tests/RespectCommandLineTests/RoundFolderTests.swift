import Foundation
import RespectTestSupport
import Testing

/// A round as an assessor keeps it: submissions, findings and the tender in one folder.
@Suite("Rounds as assessors keep them")
struct RoundFolderTests {
    static let submissions = ["achieved.xml", "working-towards.xml", "not-yet.xml"]

    /// A folder holding the example submissions, the example findings and the example tender.
    static func roundFolder() throws -> String {
        let folder = try TestSupport.temporaryFolder()
        for name in submissions {
            try FileManager.default.copyItem(atPath: TestSupport.examplesDirectory + "/submissions/" + name, toPath: folder + "/" + name)
        }
        try FileManager.default.copyItem(atPath: TestSupport.examplesDirectory + "/findings/brookfield-desk-review.xml",
                                         toPath: folder + "/brookfield-desk-review.xml")
        try FileManager.default.copyItem(atPath: TestSupport.examplesDirectory + "/tender/tender-lot1.xml", toPath: folder + "/tender-lot1.xml")
        return folder
    }

    @Test("findings and tender files in a round folder are skipped with a note, not counted as failed; the rows are the submissions'")
    func skipsFindingsAndTender() throws {
        let folder = try Self.roundFolder()
        let result = try CommandLineRunner.run(["batch", folder, "--csv", folder + "/round.csv"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Scored 3 of 3 submissions"))
        #expect(!result.standardOutput.contains("could not be scored"))
        #expect(result.standardOutput.contains("Skipped 2 files that are not a submission (not counted as failed):"))
        #expect(result.standardOutput.contains("\(folder)/brookfield-desk-review.xml: an assessor's findings file; apply it with --findings FILE|DIR"))
        #expect(result.standardError.contains("respect: note: \(folder)/tender-lot1.xml skipped: a tender file; compare bids against it with respect tender"))
        let rows = CSVRecords.parse(try String(contentsOfFile: folder + "/round.csv", encoding: .utf8)).dropFirst()
        #expect(rows.map { URL(fileURLWithPath: $0[1]).lastPathComponent } == Self.submissions.sorted())

        // The same folder given as --findings: the note says the file was applied.
        let reviewed = try CommandLineRunner.run(["batch", folder, "--findings", folder])
        #expect(reviewed.exitCode == 0)
        #expect(reviewed.standardOutput.contains("brookfield-desk-review.xml: an assessor's findings file, applied through --findings"))
    }

    @Test("batch --findings says how many findings applied, the same count check reports, and warns about a file that concerned no submission")
    func countsAndWarns() throws {
        let paths = Self.submissions.map { TestSupport.examplesDirectory + "/submissions/" + $0 }
        let other = TestSupport.fixture("findings/other-provider.xml")
        let result = try CommandLineRunner.run(["batch"] + paths + ["--findings", TestSupport.examplesDirectory + "/findings", "--findings", other])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let check = try CommandLineRunner.run(["check", paths[1], "--findings", TestSupport.examplesDirectory + "/findings", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        let entries = try #require((json["findings"] as? [String: Any])?["entries"] as? [[String: Any]])
        let applied = entries.filter { $0["state"] as? String == "applied" }.count
        #expect(applied == 3)
        #expect(result.standardOutput.contains("Findings: \(applied) applied to 1 submission; 1 of 2 findings files concerned a submission in this round"))
        #expect(result.standardError.contains("respect: warning: \(other): its findings concern no submission in this round (they are for provider 'Another Provider', charity 2000002); none of them applied"))
        let lines = try CommandLineRunner.run(["batch"] + paths + ["--findings", TestSupport.examplesDirectory + "/findings", "--jsonl", "-"])
        let applieds = lines.standardOutput.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["findingsApplied"] as? Int
        }
        #expect(applieds.sorted() == [0, 0, applied], "each JSON line says how many findings applied to it")
    }

    @Test("a folder with no submission, empty or holding only findings, exits 66 in batch as in tender")
    func noSubmissionExits66() throws {
        let empty = try TestSupport.temporaryFolder()
        #expect(try CommandLineRunner.run(["batch", empty]).exitCode == 66)
        #expect(try CommandLineRunner.run(["tender", "examples/tender/tender-lot1.xml", empty]).exitCode == 66)
        let findingsOnly = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.examplesDirectory + "/findings/brookfield-desk-review.xml",
                                         toPath: findingsOnly + "/findings.xml")
        let result = try CommandLineRunner.run(["batch", findingsOnly])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("no submission found in \(findingsOnly): only findings or tender files"))
    }
}
