import Foundation
import RespectTestSupport
import Testing

/// Evidence that cannot count is never silent: `respect validate` refuses it with the file, the
/// line and the nearest valid value; `respect check` evaluates anyway but lists it first.
@Suite("Evidence that will not count")
struct EvidenceThatWillNotCountTests {
    static let example = TestSupport.examplesDirectory + "/submissions/working-towards.xml"

    /// The example with one replacement, written to a temporary file, and the line of
    /// `anchor` (the element an error is located at; by default the replaced text).
    static func variant(_ old: String, _ new: String, anchor: String? = nil) throws -> (path: String, line: Int) {
        let text = try String(contentsOfFile: example, encoding: .utf8)
        let range = try #require(text.range(of: old), "fixture text not found: \(old)")
        let at = try #require(text.range(of: anchor ?? old), "fixture text not found: \(anchor ?? old)")
        let line = text[..<at.lowerBound].filter { $0 == "\n" }.count + 1
        return (TestSupport.temporaryFile(text.replacingCharacters(in: range, with: new)), line)
    }

    @Test("each kind of evidence that cannot count makes validate exit 65, naming the file, the line and the nearest valid value",
          arguments: [
              ("<item id=\"st-single-central-record\" type=\"recruitment-record\"",
               "<item id=\"st-single-central-record\" type=\"recruitment-recrod\"",
               "type 'recruitment-recrod'", "did you mean `recruitment-record`?"),
              ("<supports>gov-complaints-procedure</supports>", "<supports>gov-complaint-procedure</supports>",
               "'gov-complaint-procedure', which is not an indicator", "`gov-complaints-procedure`"),
              ("<fact id=\"programme-duration-weeks\" unit=\"weeks\"", "<fact id=\"programme-duration-weeks\"",
               "fact 'programme-duration-weeks' is stated without its unit", "add unit=\"weeks\""),
              ("<fact id=\"programme-contact-hours\"", "<fact id=\"programme-contact-hour\"",
               "fact 'programme-contact-hour' is not defined", "did you mean `programme-contact-hours`?"),
          ])
    func validateRefuses(old: String, new: String, says: String, suggests: String) throws {
        // A link is located at its item's start tag.
        let anchor = old.hasPrefix("<supports>") ? "<item id=\"gov-complaints-procedure\"" : nil
        let (path, line) = try Self.variant(old, new, anchor: anchor)
        let result = try CommandLineRunner.run(["validate", path])
        #expect(result.exitCode == 65, "\(result.standardError)")
        #expect(result.standardError.contains("\(path):\(line): will not count:"), "\(result.standardError)")
        #expect(result.standardError.contains(says), "\(result.standardError)")
        #expect(result.standardError.contains(suggests), "\(result.standardError)")
        let json = try CommandLineRunner.run(["validate", path, "--format", "json"])
        #expect(json.exitCode == 65)
        #expect(json.standardOutput.contains("\"valid\" : false") && json.standardOutput.contains("\"notCounted\""))
    }

    @Test("an action for an id that is not an indicator makes validate exit 65 with the nearest indicator")
    func actionForUnknownIndicator() throws {
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        let actionLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("<action indicator=\"") })
        let original = String(text.split(separator: "\n", omittingEmptySubsequences: false)[actionLine])
        let indicator = try #require(original.split(separator: "\"").dropFirst().first.map(String.init))
        let (path, line) = try Self.variant("<action indicator=\"\(indicator)\"", "<action indicator=\"\(indicator)x\"")
        #expect(line == actionLine + 1)
        let result = try CommandLineRunner.run(["validate", path])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("\(path):\(line): will not count: action-plan entry for '\(indicator)x'"), "\(result.standardError)")
        #expect(result.standardError.contains("did you mean `\(indicator)`?"))
    }

    @Test("check still evaluates, and lists what will not count before the outcome in text and HTML")
    func checkListsThemFirst() throws {
        let (path, _) = try Self.variant("<supports>gov-complaints-procedure</supports>", "<supports>gov-complaint-procedure</supports>")
        let text = try CommandLineRunner.run(["check", path])
        #expect([0, 10, 20].contains(text.exitCode))
        let notCounted = try #require(text.standardOutput.range(of: "EVIDENCE THAT WILL NOT COUNT (1)"))
        let outcome = try #require(text.standardOutput.range(of: "OUTCOME:"))
        #expect(notCounted.lowerBound < outcome.lowerBound)
        let html = try CommandLineRunner.run(["check", path, "--format", "html"])
        let section = try #require(html.standardOutput.range(of: "Evidence that will not count (1)"))
        let outcomeSection = try #require(html.standardOutput.range(of: "id=\"outcome\""))
        #expect(section.lowerBound < outcomeSection.lowerBound)
        #expect(html.standardOutput.contains("gov-complaint-procedure"))
    }

    @Test("the examples, which count everything they offer, stay valid")
    func examplesValid() throws {
        let result = try CommandLineRunner.run(["validate", "examples/submissions/achieved.xml", "examples/submissions/working-towards.xml",
                                                "examples/submissions/not-yet.xml", "examples/submissions/2012-era.xml"])
        #expect(result.exitCode == 0, "\(result.standardError)")
    }
}
