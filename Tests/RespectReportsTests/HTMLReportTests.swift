import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel
import RespectReports

/// The HTML reports, checked structurally: one self-contained document with a sound outline,
/// accessible tables and every item a reader needs.
@Suite("HTML reports")
struct HTMLReportTests {
    private func assess(_ example: String) throws -> Assessment {
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.examplesDirectory + "/submissions/" + example)
        let framework = try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/respect-standard-2017.xml")
        let evaluator = Evaluator(framework: framework)
        let asOf = try #require(submission.asOf)
        var assessment = try evaluator.evaluate(submission, asOf: asOf)
        assessment.plan = try VerdictPlanner(evaluator: evaluator).plan(submission, asOf: asOf)
        return assessment
    }

    /// Checks what every report must be: closed tags, one h1, no skipped heading level, every
    /// table with a caption and column headers, no scripts and nothing loaded from elsewhere.
    private func expectSound(_ html: String, _ structure: HTMLStructure, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(structure.problems.isEmpty, "\(structure.problems.prefix(5))", sourceLocation: sourceLocation)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"), sourceLocation: sourceLocation)
        #expect(structure.all("h1").count == 1, sourceLocation: sourceLocation)
        let levels = structure.headingLevels
        #expect(levels.first == 1, sourceLocation: sourceLocation)
        for (previous, next) in zip(levels, levels.dropFirst()) {
            #expect(next <= previous + 1, "heading level jumps from h\(previous) to h\(next)", sourceLocation: sourceLocation)
        }
        let tables = structure.all("table")
        #expect(!tables.isEmpty, sourceLocation: sourceLocation)
        #expect(structure.all("caption").count == tables.count, "every table has a caption", sourceLocation: sourceLocation)
        #expect(structure.all("th").allSatisfy { $0.attributes.contains("scope=\"col\"") || $0.attributes.contains("scope=\"row\"") },
                sourceLocation: sourceLocation)
        #expect(!html.contains("<script"), sourceLocation: sourceLocation)
        #expect(!html.contains(" src="), "no external images or frames", sourceLocation: sourceLocation)
        #expect(!html.contains("href=\"http"), "no links out of the file", sourceLocation: sourceLocation)
        #expect(!html.contains("url("), "no assets loaded from CSS", sourceLocation: sourceLocation)
        #expect(html.contains("default-src 'none'"), sourceLocation: sourceLocation)
        #expect(html.contains("@media print"), sourceLocation: sourceLocation)
    }

    @Test("check: outcome, rule, sections, every missing item, warnings and input identities")
    func checkReport() throws {
        let assessment = try assess("not-yet.xml")
        let html = HTMLCheckReport().render(assessment)
        let structure = HTMLStructure(html)
        expectSound(html, structure)

        let h2 = structure.headings(2)
        for heading in ["What to do next", "How the outcome was decided", "Sections", "What is missing", "Warnings", "Inputs"] {
            #expect(h2.contains { $0.hasPrefix(heading) || $0.contains(heading) }, "missing h2 \(heading): \(h2)")
        }
        // The preconditions (membership) come first, then safety, both before the plan and the
        // outcome's detail.
        #expect(h2.first == "Before applying")
        #expect(h2.dropFirst().first?.contains("Safety-critical") == true)
        // The verdict in plain words in the title and the header's verdict box; ids secondary.
        #expect(structure.all("title").first?.text.hasPrefix("Not yet ready — ") == true)
        let verdict = try #require(structure.all("div").first { $0.attributes.contains("id=\"verdict\"") })
        #expect(verdict.text.contains("Not yet ready"))
        #expect(verdict.text.contains("2 safety-critical indicators fail: 6.2.3, 7.1.1"))
        #expect(html.contains("outcome rule \(assessment.outcome.id), verdict code"))

        // Every missing-evidence entry is in the checklist, in its section.
        let missing = try #require(structure.all("section").first { $0.attributes.contains("id=\"missing\"") })
        let items = assessment.missingEvidence.flatMap(\.items)
        #expect(!items.isEmpty)
        for item in items {
            #expect(missing.text.contains(item.indicator.id), "checklist lacks \(item.indicator.id)")
        }
        #expect(missing.text.contains("iss-in-place-for-every-intervention"))

        // Warnings and the inputs' identities.
        for warning in assessment.warnings.prefix(5) {
            let message = EnglishWording().message(warning)
            #expect(html.contains(HTMLTestEscape.text(message)), "warning missing: \(message)")
        }
        #expect(html.contains(assessment.framework.id + "@" + assessment.framework.edition))
        #expect(html.contains(assessment.asOf.description))
    }

    @Test("check: the input files' SHA-256 are listed")
    func inputHashes() throws {
        var assessment = try assess("achieved.xml")
        let path = TestSupport.examplesDirectory + "/submissions/achieved.xml"
        let input = try #require(InputFile(role: "submission", path: path))
        assessment.inputs = [input]
        let html = HTMLCheckReport().render(assessment)
        #expect(html.contains(input.sha256))
        #expect(input.sha256.count == 64)
    }

    @Test("check: colour is never the only signal: every status badge carries its words")
    func badgesHaveWords() throws {
        let html = HTMLCheckReport().render(try assess("working-towards.xml"))
        let badges = HTMLStructure(html).all("span").filter { $0.attributes.contains("class=\"badge") }
        #expect(!badges.isEmpty)
        for badge in badges {
            let words = badge.text.trimmingCharacters(in: .whitespaces).split(separator: " ").dropFirst()
            #expect(!words.isEmpty, "badge without words: \(badge.text)")
        }
    }

    @Test("input text is escaped, never markup")
    func escaping() throws {
        var assessment = try assess("achieved.xml")
        assessment.submission.provider.name = "<script>alert(1)</script> & Co"
        let html = HTMLCheckReport().render(assessment)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(HTMLStructure(html).problems.isEmpty)
    }

    @Test("the same assessment gives the same bytes")
    func deterministic() throws {
        let assessment = try assess("working-towards.xml")
        #expect(HTMLCheckReport().render(assessment) == HTMLCheckReport().render(assessment))
    }

    @Test("tender: the comparison table first, then each bid with every reason and the clauses")
    func tenderReport() throws {
        let run = try CommandLineRunner.run(["tender", "examples/tender/tender-lot1.xml", "examples/tender/bids", "--format", "json"])
        let result = try JSONDecoder().decode(TenderResult.self, from: Data(run.standardOutput.utf8))
        let html = HTMLTenderReport().render(result)
        let structure = HTMLStructure(html)
        expectSound(html, structure)

        let h2 = structure.headings(2)
        let comparison = try #require(h2.firstIndex { $0.hasPrefix("Comparison") })
        let bids = try #require(h2.firstIndex { $0 == "Each bid" })
        #expect(comparison < bids)
        #expect(h2.first?.contains("Unsafe") == true, "the unsafe bid is flagged at the top")

        let table = try #require(structure.all("table").first)
        for bid in result.bids { #expect(table.text.contains(HTMLTestEscape.text(bid.provider))) }
        #expect(structure.headings(3).count == result.bids.count)
        for bid in result.bids {
            for reason in bid.reasons {
                let message = EnglishWording().message(reason)
                #expect(html.contains(HTMLTestEscape.text(message)), "reason missing: \(message)")
            }
        }
        #expect(html.contains("bid: 24 weeks · required: ≥ 26 weeks · clause 4.2"))
        #expect(html.contains("The behaviour-change programme must run for no fewer than 26 weeks for each participant."))
        for bid in result.bids {
            #expect(html.contains(try #require(bid.input?.sha256)))
        }
    }
}

/// The escaping the reports apply to text, so tests can look for input strings in the HTML.
enum HTMLTestEscape {
    static func text(_ value: String) -> String {
        value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
