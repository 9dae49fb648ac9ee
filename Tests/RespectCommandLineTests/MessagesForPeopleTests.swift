import Foundation
import RespectTestSupport
import Testing

/// What `respect validate` says about the mistakes a person makes editing a submission by hand:
/// what is wrong and how to fix it, with the line, never libxml2's own phrases.
@Suite("Messages for people")
struct MessagesForPeopleTests {
    /// libxml2's phrases that mean nothing to a quality lead.
    static let libxml2Phrases = ["xmlParse", "EntityRef", "StartTag", "AttValue", "PCDATA", "construct error", "Element '",
                                 "atomic type", "key-sequence", "facet", "Premature end", "Opening and ending", "Extra content",
                                 "Specification mandates", "redefined", "Missing child", "content type is"]

    static let achieved: String = {
        (try? String(contentsOfFile: TestSupport.examplesDirectory + "/submissions/achieved.xml", encoding: .utf8)) ?? ""
    }()

    /// (what the person did, the edit, the line reported, words the message must hold)
    static let mistakes: [(String, @Sendable (String) -> String, Int, String)] = [
        ("an ampersand in a title", { $0.replacingOccurrences(of: "<title>Memorandum", with: "<title>Safety & Memorandum") }, 33,
         "write &amp; instead of &"),
        ("a less-than sign in a title", { $0.replacingOccurrences(of: "<title>Memorandum", with: "<title>a < b Memorandum") }, 33,
         "write &lt; instead of <"),
        ("curly quotes from a word processor", { $0.replacingOccurrences(of: "issued=\"2019-06-03\"", with: "issued=“2019-06-03”") }, 32,
         "curly quotes “ ” from a word processor do not count"),
        ("a misspelt closing tag", { $0.replacingOccurrences(of: "association (as amended June 2019)</title>", with: "association (as amended June 2019)</titel>") }, 33,
         "</titel> does not close <title>, opened on line 33"),
        ("an HTML entity", { $0.replacingOccurrences(of: "<title>Memorandum", with: "<title>&nbsp;Memorandum") }, 33,
         "&nbsp; is not a character XML knows"),
        ("a blank line before the declaration", { "\n" + $0 }, 2, "<?xml …?> must be the very first thing in the file"),
        ("a file cut short", { String($0.prefix(2000)) }, 0, "it may have been cut short"),
        ("an element that does not belong", { $0.replacingOccurrences(of: "<title>Memorandum", with: "<name>x</name><title>Memorandum") }, 33,
         "<name> is not allowed here; expected <title>"),
        ("a missing date", { $0.replacingOccurrences(of: " issued=\"2019-06-03\"", with: "") }, 32, "<item> needs the attribute issued=\"…\""),
        ("an impossible date", { $0.replacingOccurrences(of: "issued=\"2019-06-03\"", with: "issued=\"2019-06-31\"") }, 32,
         "issued on <item>: '2019-06-31' is not a valid value. Expected: A calendar date written YYYY-MM-DD"),
        ("text straight inside <evidence>", { $0.replacingOccurrences(of: "<evidence>", with: "<evidence>policies") }, 30,
         "<evidence> holds text directly"),
    ]

    @Test("each common editing mistake is explained in plain words, with its line, and no libxml2 phrase", arguments: 0..<11)
    func plainWords(index: Int) throws {
        let (name, edit, line, words) = Self.mistakes[index]
        let edited = edit(Self.achieved)
        try #require(edited != Self.achieved, "the edit for \(name) changed nothing")
        let path = TestSupport.temporaryFile(edited, name: "edited.xml")
        let result = try CommandLineRunner.run(["validate", path])
        #expect(result.exitCode == 65, "\(name)")
        let output = result.standardOutput + result.standardError
        #expect(output.contains(words), "\(name): \(output)")
        if line > 0 { #expect(output.contains("edited.xml:\(line)"), "\(name): \(output)") }
        for phrase in Self.libxml2Phrases { #expect(!output.contains(phrase), "\(name) shows libxml2's '\(phrase)': \(output)") }
    }

    @Test("every consistency problem in a submission is reported at once, each with its line and the nearest valid value")
    func everyConsistencyProblem() throws {
        let edited = Self.achieved
            .replacingOccurrences(of: "<service type=\"group-behaviour-change\" risks=\"standard", with: "<service type=\"group-behavior-change\" risks=\"extreme standard")
            .replacingOccurrences(of: "type=\"policy\"", with: "type=\"polcy\"")
        let path = TestSupport.temporaryFile(edited, name: "edited.xml")
        let result = try CommandLineRunner.run(["validate", path])
        #expect(result.exitCode == 65)
        let output = result.standardOutput + result.standardError
        #expect(output.contains("edited.xml:24: service type 'group-behavior-change' is not defined by respect-standard@2017; did you mean `group-behaviour-change`?"))
        #expect(output.contains("edited.xml:24: risk level 'extreme' (service 'group-behavior-change') is not defined by respect-standard@2017"))
        let polcy = output.components(separatedBy: "has type 'polcy'").count - 1
        #expect(polcy == Self.achieved.components(separatedBy: "type=\"policy\"").count - 1, "every item with the misspelt type, not only the first")
        #expect(output.contains("(did you mean `policy`?)"))
    }
}

/// Help examples are copied into a terminal: none is broken across lines by wrapping.
@Suite("Help examples")
struct HelpExampleTests {
    static let commands = [["check"], ["validate"], ["batch"], ["tender"], ["diff"], ["history"], ["generate"], ["template"], ["import"],
                           ["export"], ["frameworks", "list"], ["frameworks", "show"], ["frameworks", "diff"], ["serve"]]

    @Test("every example command in every command's help is whole: a line either ends the command or ends with \\")
    func examplesAreWhole() throws {
        for command in Self.commands {
            let help = try CommandLineRunner.run(["help"] + command).standardOutput
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
            for (line, next) in zip(lines, lines.dropFirst()) where line.hasPrefix("  ") && line.contains("respect ") && !line.hasSuffix("\\") {
                #expect(next.isEmpty || next.hasPrefix(" "), "\(command.joined(separator: " ")): '\(line)' is wrapped onto '\(next)'")
            }
        }
    }
}
