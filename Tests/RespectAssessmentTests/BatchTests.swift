import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// `respect batch` on a round of good and bad submissions: every good one scored, every bad one
/// reported with its location, outputs in path order, documented exit codes.
@Suite("Batch scoring")
struct BatchTests {
    let round = TestSupport.fixture("batch/round")

    /// The round's files in path order, with the outcome each must get.
    let expected: [(name: String, outcome: String)] = [
        ("achieved.xml", "achieved"),
        ("edition-2008.xml", "framework-missing"),
        ("empty.xml", "unreadable"),
        ("invalid-date.xml", "invalid"),
        ("nested/working-towards.xml", "working-towards"),
        ("not-well-formed.xml", "not-well-formed"),
        ("not-yet.xml", "not-yet"),
        ("unknown-service.xml", "inconsistent"),
    ]

    @Test("a round with bad files scores every good one, reports each bad one located, and exits 65")
    func mixedRound() throws {
        let result = try CommandLineRunner.run(["batch", round])
        #expect(result.exitCode == 65)
        let summary = result.standardOutput
        #expect(summary.contains("Scored 3 of 8 submissions"))
        #expect(summary.contains("\n  not yet                    1  (1 with a safety-critical failure)\n"))
        #expect(summary.contains("\n  could not be scored        5\n    not well-formed          1\n    invalid (XSD)            1\n"))
        #expect(summary.contains("Verdicts are advisory"))
        // Each failure is located: file:line: message, on standard error and in the summary.
        let stderr = result.standardError
        #expect(stderr.contains("\(round)/invalid-date.xml:10: "))
        #expect(stderr.contains("\(round)/not-well-formed.xml:8"))
        #expect(stderr.contains("\(round)/empty.xml: the file is empty"))
        #expect(stderr.contains("\(round)/edition-2008.xml: framework respect-standard@2008 is not installed"))
        #expect(stderr.contains("service type 'group-therapy' is not defined by respect-standard@2017"))
        #expect(summary.contains("\(round)/invalid-date.xml (invalid (XSD)): \(round)/invalid-date.xml:10: "))
        #expect(!stderr.contains("readme.txt"), "only *.xml files are read from folders")
    }

    @Test("a round of good submissions exits 0")
    func allGood() throws {
        let result = try CommandLineRunner.run(["batch", TestSupport.examplesDirectory + "/submissions"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("Scored 4 of 4 submissions"))
        #expect(result.standardError.isEmpty)
    }

    @Test("the CSV has one RFC 4180 row per file in path order, with the evaluator's figures")
    func csvContent() throws {
        let folder = try Self.temporaryFolder()
        let csvPath = folder + "/round.csv"
        let result = try CommandLineRunner.run(["batch", round, "--csv", csvPath])
        #expect(result.exitCode == 65)
        let text = try String(contentsOfFile: csvPath, encoding: .utf8)
        #expect(text.hasSuffix("\r\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: csvPath)).starts(with: [0xEF, 0xBB, 0xBF]), "a file starts with a byte-order mark, for spreadsheet programs")
        let records = CSVRecords.parse(text)
        #expect(records.first == BatchRowFormat.csvHeader)
        let rows = Array(records.dropFirst())
        #expect(rows.map { $0[1] } == expected.map { "\(round)/\($0.name)" })
        #expect(rows.map { $0[2] } == expected.map(\.outcome))
        #expect(rows.allSatisfy { $0.count == BatchRowFormat.csvHeader.count })

        // The achieved row carries exactly what the evaluator says about the same file.
        let achieved = try #require(rows.first { $0[2] == "achieved" })
        let assessment = try Self.assess(round + "/achieved.xml")
        #expect(achieved[0] == assessment.submission.provider.name)
        #expect(achieved[3] == String(assessment.totals.mandatoryMet))
        #expect(achieved[4] == String(assessment.totals.mandatoryApplicable))
        #expect(achieved[5] == String(assessment.missingEvidence.flatMap(\.items).count))
        #expect(achieved[8] == "respect-standard@2017")
        #expect(achieved[9] == "2026-10-01", "each submission's own as-of date by default")
        #expect(achieved[10] == InputFile(role: "submission", path: round + "/achieved.xml")?.sha256)
        let registeredNumber = try #require(BatchRowFormat.csvHeader.firstIndex(of: "registered number"))
        #expect(registeredNumber == 11, "the registered number is the last column, after the sha256")
        #expect(achieved[registeredNumber] == assessment.submission.provider.registeredNumber)
        #expect(achieved[registeredNumber] == "1190001")

        // Not yet: the safety-critical failures are named and come first in the reasons.
        let notYet = try #require(rows.first { $0[2] == "not-yet" })
        #expect(notYet[6].contains("7.1.1 iss-in-place-for-every-intervention"))
        #expect(notYet[7].split(separator: "\n").count == BatchRowFormat.reasonsInCSV, "one reason per line in the cell")
        #expect(notYet[7].hasPrefix("6.2.3 exit-survivor-informed (safety-critical)") || notYet[7].hasPrefix("7.1.1 iss-in-place-for-every-intervention (safety-critical)"))

        // A failed row: empty figures, its located errors in the reasons column.
        let invalid = try #require(rows.first { $0[2] == "invalid" })
        #expect(invalid[3].isEmpty && invalid[4].isEmpty && invalid[5].isEmpty)
        #expect(invalid[7].hasPrefix("\(round)/invalid-date.xml:10: "))
        #expect(invalid[11].isEmpty, "a file that was not scored has no registered number")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["round.csv"], "no temporary file left behind")
    }

    @Test("the JSONL has one sorted-key object per file with every missing entry (typed, with code and message) and the errors")
    func jsonlContent() throws {
        let folder = try Self.temporaryFolder()
        let path = folder + "/round.jsonl"
        let result = try CommandLineRunner.run(["batch", round, "--jsonl", path, "--csv", folder + "/round.csv"])
        #expect(result.exitCode == 65)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == expected.count)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["outcome"] as? String } == expected.map(\.outcome))
        #expect(lines.allSatisfy { $0.hasPrefix("{\"asOf\"") || $0.hasPrefix("{\"errors\"") }, "keys are sorted")

        let working = try #require(objects.first { $0["outcome"] as? String == "working-towards" })
        let assessment = try Self.assess(round + "/nested/working-towards.xml")
        let missing = try #require(working["missing"] as? [[String: Any]])
        #expect(missing.count == assessment.missingEvidence.flatMap(\.items).count)
        // Membership is a gate now, never a missing indicator; the equality policy past its review date is.
        #expect(!missing.contains { ($0["indicator"] as? [String: Any])?["id"] as? String == "gov-respect-membership" })
        let membership = try #require(missing.first { ($0["indicator"] as? [String: Any])?["id"] as? String == "gov-equality-diversity-policy" })
        #expect((membership["indicator"] as? [String: Any])?["number"] as? String == "1.2.2")
        let expected = try #require(assessment.missingEvidence.flatMap(\.items).first { $0.indicator.id == "gov-equality-diversity-policy" })
        let reason = try #require(membership["reason"] as? [String: Any])
        #expect(reason["code"] as? String == expected.why.first?.kind.rawValue)
        #expect(reason["message"] as? String == expected.why.first.map(EnglishWording().message))
        let provide = try #require(membership["toProvide"] as? [String: Any])
        #expect(provide["code"] as? String == expected.toProvide.first?.kind.rawValue)
        #expect(provide["message"] as? String == expected.toProvide.first.map(EnglishWording().message))
        #expect((working["errors"] as? [String])?.isEmpty == true)

        let broken = try #require(objects.first { $0["outcome"] as? String == "not-well-formed" })
        let errors = try #require(broken["errors"] as? [String])
        #expect(errors.first?.hasPrefix("\(round)/not-well-formed.xml:8") == true)
        #expect(broken["provider"] == nil)
    }

    @Test("the registered number tells apart, in the CSV and the JSONL, charities that share a name")
    func registeredNumberColumn() throws {
        let files = [StoreFixtures.northgate1100001, StoreFixtures.northgate1100002, StoreFixtures.northgateSC045678,
                     StoreFixtures.northgateUnregistered].map(TestSupport.fixture)
        let framework = TestSupport.fixture("engine/mini-framework.xml")
        let csv = try CommandLineRunner.run(["batch"] + files + ["--framework", framework, "--csv", "-"])
        #expect(csv.exitCode == 0)
        let records = CSVRecords.parse(csv.standardOutput)
        let header = try #require(records.first)
        let provider = try #require(header.firstIndex(of: "provider"))
        let number = try #require(header.firstIndex(of: "registered number"))
        let rows = records.dropFirst()
        #expect(rows.map { $0[number] } == ["1100001", "1100002", "SC045678", ""])
        #expect(Set(rows.map { $0[provider].lowercased() }) == ["northgate family safety"])

        let jsonl = try CommandLineRunner.run(["batch"] + files + ["--framework", framework, "--jsonl", "-"])
        let objects = try jsonl.standardOutput.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["registeredNumber"] as? String } == ["1100001", "1100002", "SC045678", nil])
    }

    @Test("--csv - writes the CSV to standard output and the summary to standard error")
    func csvToStandardOutput() throws {
        let result = try CommandLineRunner.run(["batch", TestSupport.examplesDirectory + "/submissions", "--csv", "-"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix(BatchRowFormat.csvHeaderRecord))
        #expect(CSVRecords.parse(result.standardOutput).count == 5)
        #expect(result.standardError.contains("Scored 4 of 4 submissions"))
    }

    @Test("--as-of and --framework apply to every submission")
    func asOfForAll() throws {
        let examples = ["achieved.xml", "working-towards.xml", "not-yet.xml"].map { TestSupport.examplesDirectory + "/submissions/" + $0 }
        let result = try CommandLineRunner.run(["batch"] + examples + ["--as-of", "2031-01-01",
                                                "--framework", TestSupport.standardsDirectory + "/respect-standard-2017.xml", "--jsonl", "-"])
        #expect(result.exitCode == 0)
        let objects = try result.standardOutput.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 3)
        #expect(objects.allSatisfy { $0["asOf"] as? String == "2031-01-01" })
        // Five years on, every pack's evidence is out of date.
        #expect(objects.allSatisfy { $0["outcome"] as? String == "not-yet" })
    }

    @Test("a FIFO among the files is reported as unreadable and the batch goes on")
    func fifoIsUnreadable() throws {
        let folder = try Self.temporaryFolder()
        try FileManager.default.copyItem(atPath: TestSupport.examplesDirectory + "/submissions/achieved.xml", toPath: folder + "/a.xml")
        #expect(mkfifo(folder + "/b.xml", 0o644) == 0)
        let result = try CommandLineRunner.run(["batch", folder, "--csv", "-"])
        #expect(result.exitCode == 65)
        let rows = CSVRecords.parse(result.standardOutput).dropFirst()
        #expect(rows.map { $0[2] } == ["achieved", "unreadable"])
        #expect(result.standardError.contains("\(folder)/b.xml: this is a FIFO (named pipe), not a regular file"))
    }

    @Test("a path that does not exist exits 66 before any work")
    func missingPath() throws {
        let result = try CommandLineRunner.run(["batch", round, "/nonexistent/round"])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("/nonexistent/round: no such file or folder"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("rows come back in file order whatever order the work finishes in")
    func runnerKeepsOrder() async throws {
        let files = (0..<200).map { "file-\($0).xml" }
        var delivered: [String] = []
        await BatchRunner.run(files: files, parallelism: 4, window: 8, score: { file in
            // Later files finish first within each window.
            let number = Int(file.dropFirst(5).dropLast(4)) ?? 0
            usleep(UInt32((8 - number % 8) * 200))
            return BatchRow(file: file, outcome: .achieved)
        }) { delivered.append($0.file) }
        #expect(delivered == files)
    }

    // MARK: - Helpers

    static func assess(_ path: String) throws -> Assessment {
        let submission = try TestSupport.loader.loadSubmission(contentsOf: path)
        let framework = try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        return try Evaluator(framework: framework).evaluate(submission, asOf: submission.asOf!)
    }

    static func temporaryFolder() throws -> String {
        try TestSupport.temporaryFolder()
    }
}
