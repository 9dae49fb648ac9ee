import Foundation
import RespectTestSupport
import Testing

/// The README's "Your first submission": its commands, run exactly as written, and its pasted
/// XML item and CSV row, reach a valid submission without the XSD.
@Suite("README: your first submission")
struct FirstSubmissionWalkthroughTests {
    /// One fenced block of the section: its language and text.
    struct Block {
        var language: String
        var text: String
    }

    /// The fenced blocks of the README section titled `title`, in order.
    static func blocks(under title: String) throws -> [Block] {
        let readme = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## " + title + "\n"), "README has no section '\(title)'")
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var blocks: [Block] = []
        var current: Block?
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let block = current { blocks.append(block); current = nil } else { current = Block(language: String(line.dropFirst(3)), text: "") }
            } else if current != nil {
                current!.text += line + "\n"
            }
        }
        return blocks
    }

    /// The `swift run respect …` commands of a shell block, as argument lists.
    static func commands(in block: Block) throws -> [[String]] {
        try block.text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n").compactMap { line in
            let words = try ShellWords.split(String(line))
            guard !words.isEmpty, !words[0].hasPrefix("#") else { return nil }
            try #require(Array(words.prefix(3)) == ["swift", "run", "respect"], "not a respect command: \(line)")
            return Array(words.dropFirst(3))
        }
    }

    /// Runs every command of `block` in `folder`, returning each exit code.
    static func run(_ block: Block, in folder: URL) throws -> [Int32] {
        try commands(in: block).map { arguments in
            let result = try CommandLineRunner.run(arguments, in: folder)
            if result.exitCode >= 64 { Issue.record("respect \(arguments.joined(separator: " ")): \(result.standardError)") }
            return result.exitCode
        }
    }

    @Test("the template flow and the spreadsheet flow reach a valid submission in which the added item counts")
    func bothFlows() throws {
        let folder = URL(fileURLWithPath: try TestSupport.temporaryFolder())
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("examples"),
                                                   withDestinationURL: TestSupport.repositoryRoot.appendingPathComponent("examples"))
        let blocks = try Self.blocks(under: "Your first submission")
        try #require(blocks.map(\.language) == ["sh", "xml", "sh", "sh", "csv", "sh", "sh"])
        let submission = folder.appendingPathComponent("my-submission.xml")

        // 1. Template: reference, skeleton, validate; paste the item; validate and check.
        #expect(try Self.run(blocks[0], in: folder) == [0, 0, 0])
        let reference = try String(contentsOf: folder.appendingPathComponent("reference.html"), encoding: .utf8)
        #expect(reference.contains("gov-respect-membership") && reference.contains("governance-record"))
        let skeleton = try String(contentsOf: submission, encoding: .utf8)
        let services = try #require(skeleton.range(of: "</services>\n"))
        try (skeleton[..<services.upperBound] + blocks[1].text + skeleton[services.upperBound...]).write(to: submission, atomically: true, encoding: .utf8)
        #expect(try Self.run(blocks[2], in: folder) == [0, 20])
        try Self.expectMembershipMet(in: folder)

        // 2. Spreadsheet: export the skeleton, add the row under the Evidence header, import, check.
        try FileManager.default.removeItem(at: submission)
        #expect(try Self.run(blocks[3], in: folder) == [0, 0])
        let register = folder.appendingPathComponent("my-register.csv")
        let exported = try String(contentsOf: register, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        let header = "id,type,title,issued,review by,supports,file,sha256\n"
        #expect(exported.contains("\nFacts\n") && exported.contains("\nActions\n"), "export shows where facts and actions go")
        let evidence = try #require(exported.range(of: header))
        try (exported[..<evidence.upperBound] + blocks[4].text + exported[evidence.upperBound...]).write(to: register, atomically: true, encoding: .utf8)
        #expect(try Self.run(blocks[5], in: folder) == [0, 20])
        #expect(try CommandLineRunner.run(["validate", "my-submission.xml"], in: folder).exitCode == 0)
        try Self.expectMembershipMet(in: folder)

        // The complete example register: working towards.
        #expect(try Self.run(blocks[6], in: folder) == [0, 10])
    }

    /// `my-submission.xml` in `folder`, checked as the README does, passes gate 0.1 (membership)
    /// with the added item.
    static func expectMembershipMet(in folder: URL) throws {
        let json = try CommandLineRunner.run(["check", "my-submission.xml", "--as-of", "2026-12-01", "--format", "json"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let gates = try #require(object?["gates"] as? [[String: Any]])
        let membership = try #require(gates.first { $0["id"] as? String == "gov-respect-membership" })
        #expect(membership["passed"] as? Bool == true)
        #expect((membership["result"] as? [String: Any])?["status"] as? String == "met")
    }
}

/// Splits one shell command line into words as `sh` would for the README's commands: words
/// separated by spaces, double-quoted words kept whole.
enum ShellWords {
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quoted = false
        for character in line {
            switch character {
            case "\"":
                quoted.toggle()
                inWord = true
            case " " where !quoted:
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "$", "`", "'", "|", ";", "&", "<", ">", "*":
                if !quoted { throw Unsupported(description: "the walkthrough runs plain commands only: \(line)") }
                word.append(character)
            default:
                word.append(character)
                inWord = true
            }
        }
        if quoted { throw Unsupported(description: "unclosed quote: \(line)") }
        if inWord { words.append(word) }
        return words
    }
}
