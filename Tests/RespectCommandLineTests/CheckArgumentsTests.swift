import ArgumentParser
import Foundation
@testable import respect
import RespectTestSupport
import Testing

/// `CheckArguments`, the reader of `respect check`'s usual forms that spares a short check
/// argument-parser's reflection, against argument-parser itself: the same `CheckRun`, every
/// field equal, for every form it reads, and argument-parser's own handling (messages, help)
/// for everything else.
@Suite("check's direct argument reading")
struct CheckArgumentsTests {
    static let readDirectly: [[String]] = [
        ["examples/submissions/achieved.xml"],
        ["s.xml", "--format", "json"],
        ["s.xml", "--format", "html"],
        ["--format", "csv", "s.xml", "--no-bom", "-o", "out.csv"],
        ["--framework", "respect-standard@2017", "s.xml"],
        ["s.xml", "--as-of", "2026-10-01", "--all", "--output", "report.txt"],
        ["s.xml", "--evidence-root", "evidence", "--crosswalk", "standards/crosswalk-respect2017-ho2023.xml"],
        ["s.xml", "--standards", "std", "--max-file-size", "1000", "--max-depth", "10",
         "--max-evidence-items", "5", "--max-elements", "99"],
        ["s.xml", "--findings", "a.xml", "--findings", "findings-folder", "--store", "runs.sqlite", "--assessor", "Ann Example"],
        ["a folder/with spaces/s.xml", "--framework", "std/file.xml"],
    ]

    @Test("reads each usual form into exactly the command argument-parser makes of it", arguments: readDirectly)
    func sameCommand(arguments: [String]) throws {
        let direct = try #require(CheckArguments.parse(arguments), "read directly: \(arguments)")
        let parsed = try #require(try CheckCommand.parseAsRoot(arguments) as? CheckCommand)
        #expect(direct == parsed.checkRun)
    }

    static let leftToArgumentParser: [[String]] = [
        [], ["--help"], ["-h"], ["s.xml", "--help"], ["--experimental-dump-help"],
        ["s.xml", "t.xml"], ["--", "s.xml"], ["-"], ["s.xml", "--bogus"],
        ["s.xml", "--framework"], ["s.xml", "--framework=respect-standard@2017"],
        ["s.xml", "--framework", "a", "--framework", "b"], ["s.xml", "-o", "a", "--output", "b"],
        ["s.xml", "--all", "--all"], ["s.xml", "--output", "-"],
        ["s.xml", "--format", "pdf"], ["s.xml", "--max-file-size", "ten"], ["s.xml", "--max-depth", "0"],
        ["s.xml", "--max-file-size", "-5"], ["s.xml", "--as-of", "yesterday"], ["s.xml", "-ao", "x"],
    ]

    @Test("gives way to argument-parser for help, errors and the rarer forms", arguments: leftToArgumentParser)
    func givesWay(arguments: [String]) {
        #expect(CheckArguments.parse(arguments) == nil, "left to argument-parser: \(arguments)")
    }

    @Test("a refused value still gets argument-parser's message and exit code")
    func refusedValue() throws {
        let result = try CommandLineRunner.run(["check", "examples/submissions/achieved.xml", "--as-of", "yesterday"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--as-of 'yesterday' is not a date"))
        #expect(result.standardError.contains("Usage: respect check"))
    }

    @Test("knows every option argument-parser knows check by, and no other")
    func sameOptions() throws {
        let result = try CommandLineRunner.run(["check", "--experimental-dump-help"])
        #expect(result.exitCode == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        var declared: Set<String> = []
        for argument in arguments where (argument["kind"] as? String) != "positional" {
            for name in argument["names"] as? [[String: Any]] ?? [] {
                guard let kind = name["kind"] as? String, let text = name["name"] as? String else { continue }
                declared.insert(kind == "short" ? "-\(text)" : "--\(text)")
            }
        }
        declared.subtract(["-h", "--help"])
        #expect(declared == Set(CheckArguments.options.map(\.name)))
        #expect(declared.count >= 17)
    }
}
