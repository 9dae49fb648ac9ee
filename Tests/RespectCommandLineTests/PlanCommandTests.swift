import Foundation
import RespectTestSupport
import Testing

/// `respect plan` as a quality lead runs it: the path to the next verdict in text, JSON and
/// HTML, and with `--draft-actions` the action-plan entries to paste into the submission.
@Suite("respect plan")
struct PlanCommandTests {
    static let notYet = "examples/submissions/not-yet.xml"

    /// The XML to paste: from the first comment after the draft's heading to the advisory notice.
    static func draft(in text: String) throws -> String {
        let heading = try #require(text.range(of: "ACTION-PLAN ENTRIES TO PASTE"))
        let start = try #require(text.range(of: "\n    <!--", range: heading.upperBound..<text.endIndex))
        let body = text[text.index(after: start.lowerBound)...]
        let end = try #require(body.range(of: "\n\nThis verdict is advisory."))
        return String(body[..<end.lowerBound])
    }

    @Test("text: the verdict, then the first step, opening with the two safety-critical failures and the service that fixing them brings")
    func text() throws {
        let result = try CommandLineRunner.run(["plan", Self.notYet])
        #expect(result.exitCode == 20, "the exit code is the current outcome's, as for check")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let outcome = try #require(lines.firstIndex(of: "OUTCOME: NOT YET READY"))
        #expect(lines[outcome + 1] == "  ✗ 2 safety-critical indicators fail: 6.2.3, 7.1.1")
        let next = try #require(lines.firstIndex(of: "WHAT TO DO NEXT"))
        #expect(outcome < next)
        let step = try #require(lines[next...].first { $0.hasPrefix("  Step 1:") })
        #expect(step.contains("reach “Working towards the Standard”"))
        let entries = lines[next...].filter { $0.range(of: #"^    \d+\. \["#, options: .regularExpression) != nil }
        #expect(entries.prefix(2).map { $0.hasPrefix("    1. [SAFETY-CRITICAL] 6.2.3 exit-survivor-informed:") || $0.hasPrefix("    2. [SAFETY-CRITICAL] 7.1.1 iss-in-place-for-every-intervention:") } == [true, true],
                "\(entries.prefix(2))")
        #expect(result.standardOutput.contains("Offer Integrated support service for survivors (partners and ex-partners)"),
                "the service by its label")
        #expect(lines.allSatisfy { $0.count <= 100 }, "long lines are wrapped: \(lines.filter { $0.count > 100 }.prefix(3))")
    }

    @Test("JSON: the plan's steps with their targets and entries, safety-critical first")
    func json() throws {
        let result = try CommandLineRunner.run(["plan", Self.notYet, "--format", "json"])
        #expect(result.exitCode == 20)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let outcome = try #require(document["outcome"] as? [String: Any])
        #expect(outcome["verdict"] as? String == "not-yet")
        let plan = try #require(document["plan"] as? [String: Any])
        let steps = try #require(plan["steps"] as? [[String: Any]])
        #expect(steps.compactMap { ($0["reached"] as? [String: Any])?["verdict"] as? String } == ["working-towards", "achieved"])
        let entries = try #require(steps.first?["entries"] as? [[String: Any]])
        let numbers = entries.compactMap { ($0["indicator"] as? [String: Any])?["number"] as? String }
        #expect(numbers.prefix(2) == ["6.2.3", "7.1.1"])
        #expect(document["draftActions"] == nil, "the draft only when asked for")
        let again = try CommandLineRunner.run(["plan", Self.notYet, "--format", "json"])
        #expect(again.standardOutput == result.standardOutput, "byte-identical for the same inputs")
    }

    @Test("HTML: the verdict in the page title and in the header's verdict box, then every step")
    func html() throws {
        let result = try CommandLineRunner.run(["plan", Self.notYet, "--format", "html", "--draft-actions"])
        #expect(result.exitCode == 20)
        let html = result.standardOutput
        let structure = HTMLStructure(html)
        #expect(structure.problems.isEmpty, "\(structure.problems.prefix(5))")
        #expect(structure.all("title").first?.text.hasPrefix("Not yet ready — Path to the next verdict") == true)
        let verdict = try #require(structure.all("div").first { $0.attributes.contains("id=\"verdict\"") })
        #expect(verdict.text.contains("2 safety-critical indicators fail: 6.2.3, 7.1.1"))
        #expect(structure.all("h3").map(\.text).filter { $0.hasPrefix("Step ") }.count == 2)
        #expect(html.contains("id=\"draft-actions\""))
        #expect(html.contains("&lt;action indicator=&quot;staff-iss-worker-training&quot;")
                || html.contains("&lt;action indicator=\"staff-iss-worker-training\""))
        #expect(!html.contains("<script"))
    }

    @Test("--draft-actions: the entries, pasted into the submission, are valid and cover every action the plan asked for")
    func draftActions() throws {
        let result = try CommandLineRunner.run(["plan", Self.notYet, "--draft-actions"])
        let draft = try Self.draft(in: result.standardOutput)
        #expect(draft.contains("<action indicator=\"iss-service-description\" due=\"2027-10-01\""), "\(draft)")
        let json = try CommandLineRunner.run(["plan", Self.notYet, "--format", "json", "--draft-actions"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(document["draftActions"] as? String == draft, "the same draft in text and JSON")

        let original = try String(contentsOfFile: TestSupport.repositoryRoot.appendingPathComponent(Self.notYet).path, encoding: .utf8)
        let pasted = try #require(original.range(of: "  </actionPlan>"))
        let path = TestSupport.temporaryFile(original.replacingCharacters(in: pasted, with: draft + "\n  </actionPlan>"))
        let validate = try CommandLineRunner.run(["validate", path])
        #expect(validate.exitCode == 0, "\(validate.standardError)")

        // With the entries in place, the plan no longer asks for any action.
        let after = try CommandLineRunner.run(["plan", path, "--format", "json"])
        #expect(after.exitCode == 20)
        let afterDocument = try #require(try JSONSerialization.jsonObject(with: Data(after.standardOutput.utf8)) as? [String: Any])
        let steps = try #require((afterDocument["plan"] as? [String: Any])?["steps"] as? [[String: Any]])
        let codes = steps.flatMap { ($0["entries"] as? [[String: Any]]) ?? [] }
            .compactMap { ($0["change"] as? [String: Any])?["code"] as? String }
        #expect(!codes.isEmpty && !codes.contains("add-action"), "\(codes)")
    }

    @Test("check opens with the path: the verdict, the safety-critical failures, then what to do next, before how it was decided")
    func checkOpensWithThePath() throws {
        let result = try CommandLineRunner.run(["check", Self.notYet])
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let outcome = try #require(lines.firstIndex { $0.hasPrefix("OUTCOME:") })
        let next = try #require(lines.firstIndex(of: "WHAT TO DO NEXT"))
        let decided = try #require(lines.firstIndex { $0.hasPrefix("HOW THE OUTCOME WAS DECIDED") })
        let missing = try #require(lines.firstIndex { $0.hasPrefix("WHAT IS MISSING") })
        #expect(outcome < next && next < decided && decided < missing)
        #expect(lines[missing + 1].hasPrefix("Needed for step 1 "), "the checklist starts with what the first step needs: \(lines[missing + 1])")
    }
}
