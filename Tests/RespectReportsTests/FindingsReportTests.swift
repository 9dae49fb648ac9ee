import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel
import RespectReports

/// Every report shows the assessor's decision beside the engine's.
@Suite("Findings in reports")
struct FindingsReportTests {
    private func assessed(_ fixture: String = "findings/indicator-decisions.xml", submission: Submission? = nil) throws -> Assessment {
        let submission = try submission ?? TestSupport.loader.loadSubmission(contentsOf: TestSupport.fixture("engine/mini-achieved.xml"))
        let findings = try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture(fixture))
        return try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(submission, asOf: CalendarDate("2026-06-30")!, findings: [findings], submissionSHA256: nil)
    }

    @Test("text: the findings section, and the engine's status beside the assessor's in the indicator lists")
    func text() throws {
        let text = TextReport(includeAllIndicators: true).render(try assessed())
        #expect(text.contains("ASSESSOR FINDINGS (3 applied, 0 expired, 0 not applied)"))
        #expect(text.contains("Outcome by the engine alone: Achieved; with the findings: Not yet (changed)"))
        #expect(text.contains("✗ indicator training-recent: engine: met → assessor: rejected"))
        #expect(text.contains("1.1.2 training-recent: not met (assessor: rejected; engine: met)"))
        #expect(text.contains("[mandatory] 1.1.2 training-recent (not met; assessor: rejected; engine: met)"))
        #expect(text.contains("2.1.3 facilitation: met (assessor: accepted; engine: needs assessor)"))
    }

    @Test("JSON: each changed indicator carries its automated status and the assessor's decision")
    func json() throws {
        let json = try JSONReport.render(try assessed())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        let training = try #require(indicators.first { $0["id"] as? String == "training-recent" })
        #expect(training["status"] as? String == "not-met")
        #expect(training["automatedStatus"] as? String == "met")
        #expect((training["assessorDecision"] as? [String: Any])?["decision"] as? String == "rejected")
        let untouched = try #require(indicators.first { $0["id"] as? String == "policy-current" })
        #expect(untouched["automatedStatus"] == nil && untouched["assessorDecision"] == nil)
    }

    @Test("HTML: a findings section and the engine's status in the indicator table")
    func html() throws {
        let html = HTMLCheckReport().render(try assessed())
        #expect(html.contains("<h2 id=\"findings-heading\">Assessor findings (3 applied, 0 expired)</h2>"))
        #expect(html.contains("engine: met"))
        #expect(html.contains("assessor: rejected (A. Assessor, 2026-06-20)"))
        let plain = HTMLCheckReport().render(try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(try TestSupport.miniVariant([]), asOf: CalendarDate("2026-06-30")!))
        #expect(!plain.contains("id=\"findings\""), "no findings section without findings")
    }

    @Test("an assessor accepting a safety-critical indicator the engine failed is called out")
    func safetyCriticalOverride() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <findings xmlns="urn:respect-engine:findings:v1" assessor="A. Assessor">
              <subject provider="Mini Test Services"/>
              <indicator id="iss-in-place" decision="accepted" date="2026-06-20"><reason>Contact log seen on site.</reason></indicator>
            </findings>
            """
        let path = TestSupport.temporaryFile(text, name: "findings.xml")
        let submission = try TestSupport.miniVariant([("<supports>iss-in-place</supports>", "<supports>contact-rate</supports>")])
        let findings = try TestSupport.loader.loadFindings(contentsOf: path)
        let assessment = try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(submission, asOf: CalendarDate("2026-06-30")!, findings: [findings], submissionSHA256: nil)
        #expect(assessment.findings?.automatedOutcome.verdict == .notYet)
        #expect(assessment.safetyCriticalFailures.isEmpty)
        let report = TextReport().render(assessment)
        #expect(report.contains("⚠ safety-critical: the engine found this indicator partly met; only the assessor's decision makes it met"))
    }
}
