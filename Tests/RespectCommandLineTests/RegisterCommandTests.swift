import Foundation
import RespectTestSupport
import Testing

/// `respect import` and `respect export` as a quality lead runs them.
@Suite("Evidence register commands")
struct RegisterCommandTests {
    @Test("import writes a submission that validate accepts, and says what it holds and how to check it")
    func importWrites() throws {
        let output = try TestSupport.temporaryFolder() + "/brookfield.xml"
        let result = try CommandLineRunner.run(["import", "examples/register/register.csv", "--output", output])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardError.contains("91 evidence items, 16 facts, 9 actions for respect-standard@2017"))
        #expect(result.standardError.contains("note: examples/register/register.csv row 15, column I (Notes)"))
        #expect(try CommandLineRunner.run(["validate", output]).exitCode == 0)
        #expect(try XMLLint.validate(output, schema: "submission-v1.xsd"))
        #expect(try CommandLineRunner.run(["check", output]).exitCode == 10)
    }

    @Test("an invalid register exits 65 with every bad cell, and leaves the output file as it was")
    func importRefuses() throws {
        let output = try TestSupport.temporaryFolder() + "/out.xml"
        try Data("previous".utf8).write(to: URL(fileURLWithPath: output))
        let result = try CommandLineRunner.run(["import", TestSupport.fixture("register/bad-cells.csv"), "--output", output])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("21 problems; nothing was written"))
        #expect(result.standardError.contains("bad-cells.csv row 13, column B (type): 'polcy' is not an evidence type"))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "previous")
        let missing = try CommandLineRunner.run(["import", "no-such-register.csv"])
        #expect(missing.exitCode == 66)
        let badService = try CommandLineRunner.run(["import", "examples/register/register.csv", "--services", "group-behavior-change"])
        #expect(badService.exitCode == 64)
        #expect(badService.standardError.contains("did you mean `group-behaviour-change`?"))
    }

    @Test("export writes one CSV file with a byte-order mark; import of it, with no other argument, evaluates as the original")
    func exportImport() throws {
        let folder = try TestSupport.temporaryFolder()
        for example in ["achieved", "working-towards", "not-yet", "2012-era"] {
            let original = "examples/submissions/\(example).xml"
            #expect(try CommandLineRunner.run(["export", original, "--output", folder + "/\(example).csv"]).exitCode == 0)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/\(example).csv"))
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let imported = try CommandLineRunner.run(["import", folder + "/\(example).csv", "--output", folder + "/\(example).xml"])
            #expect(imported.exitCode == 0, "\(imported.standardError)")
            let before = try CommandLineRunner.run(["check", original, "--format", "json"])
            let after = try CommandLineRunner.run(["check", folder + "/\(example).xml", "--format", "json"])
            #expect(before.exitCode == after.exitCode)
            #expect(Self.withoutFiles(before.standardOutput) == Self.withoutFiles(after.standardOutput), "\(example)")
        }
    }

    /// A check report's JSON without the lines that name or hash the submission file, or give
    /// line numbers in it.
    static func withoutFiles(_ json: String) -> [Substring] {
        json.split(separator: "\n").filter { line in
            !["\"file\"", "\"path\"", "\"sha256\"", "\"line\""].contains { line.contains($0) }
        }
    }
}
