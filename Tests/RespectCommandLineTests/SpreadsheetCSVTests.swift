import Foundation
import RespectReports
import RespectTestSupport
import Testing

/// CSV outputs as a spreadsheet program opens them: a byte-order mark in a file, one line per
/// reason inside a cell, and `check --format csv` one row per indicator.
@Suite("CSV for spreadsheets")
struct SpreadsheetCSVTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CommandLineRunner.run(arguments + ["--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    }

    @Test("check --format csv has one row per indicator, with the JSON's status and one line per reason in the reasons cell")
    func checkRowPerIndicator() throws {
        let submission = "examples/submissions/not-yet.xml"
        let result = try CommandLineRunner.run(["check", submission, "--format", "csv"])
        #expect(result.exitCode == 20)
        #expect(!result.standardOutput.hasPrefix("\u{FEFF}"), "standard output has no byte-order mark")
        let records = CSVRecords.parse(result.standardOutput)
        #expect(records.first == CheckCSVReport.header)
        let indicators = try #require(try Self.json(["check", submission])["indicators"] as? [[String: Any]])
        let rows = Array(records.dropFirst())
        #expect(rows.count == indicators.count)
        #expect(rows.map { $0[1] } == indicators.map { $0["id"] as? String ?? "" })
        #expect(rows.map { $0[7] } == indicators.map { $0["status"] as? String ?? "" })
        for (row, indicator) in zip(rows, indicators) {
            let reasons = (indicator["reasons"] as? [[String: Any]] ?? []).map { $0["message"] as? String ?? "" }
            #expect(row[9].isEmpty ? reasons.isEmpty : row[9].split(separator: "\n").map(String.init) == reasons, "\(row[1])")
        }
        let unsafe = try #require(rows.first { $0[1] == "iss-in-place-for-every-intervention" })
        #expect(unsafe[5] == "yes" && unsafe[4] == "mandatory" && unsafe[7] != "met")
    }

    @Test("check, tender and batch CSV files start with a byte-order mark, and --no-bom leaves it out")
    func byteOrderMark() throws {
        let folder = try TestSupport.temporaryFolder()
        let runs: [(String, [String])] = [
            ("check.csv", ["check", "examples/submissions/achieved.xml", "--format", "csv", "--output"]),
            ("tender.csv", ["tender", "examples/tender/tender-lot1.xml", "examples/tender/bids", "--format", "csv", "--output"]),
            ("batch.csv", ["batch", "examples/submissions", "--csv"]),
        ]
        for (name, arguments) in runs {
            #expect(try CommandLineRunner.run(arguments + [folder + "/" + name]).exitCode < 64)
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)).starts(with: [0xEF, 0xBB, 0xBF]), "\(name)")
            #expect(try CommandLineRunner.run(arguments + [folder + "/plain-" + name, "--no-bom"]).exitCode < 64)
            #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/plain-" + name)).first != 0xEF, "\(name) --no-bom")
        }
    }

    @Test("a tender's reasons are one per line in their cell, whatever the reasons say")
    func tenderReasonsOnePerLine() throws {
        let arguments = ["tender", "examples/tender/tender-lot1.xml", "examples/tender/bids"]
        let rows = CSVRecords.parse(try CommandLineRunner.run(arguments + ["--format", "csv"]).standardOutput).dropFirst()
        let bids = try #require(try Self.json(arguments)["bids"] as? [[String: Any]])
        #expect(rows.count == bids.count)
        for (row, bid) in zip(rows, bids) {
            let reasons = (bid["reasons"] as? [[String: Any]] ?? []).map { $0["message"] as? String ?? "" }
            #expect(row[9].isEmpty ? reasons.isEmpty : row[9].split(separator: "\n").map(String.init) == reasons, "\(row[2])")
        }
        #expect(rows.contains { $0[9].contains("\n") }, "some bid has several reasons")
    }
}
