import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The English catalogue words the engine's view beside each finding, what became of
/// findings, migration carry-over, the advisory notices and a tender's framework notice.
@Suite("English wording: findings, notices and labels")
struct FindingsWordingTests {
    let wording = EnglishWording()

    @Test("the engine's view of what a finding judges")
    func automatedViews() throws {
        let submission = try TestSupport.loader.loadSubmission(contentsOf: TestSupport.fixture("engine/mini-achieved.xml"))
        let findings = try TestSupport.loader.loadFindings(contentsOf: TestSupport.fixture("findings/evidence-decisions.xml"))
        let assessment = try Evaluator(framework: TestSupport.miniFramework)
            .evaluate(submission, asOf: CalendarDate("2026-10-01")!, findings: [findings], submissionSHA256: nil)
        let views = Dictionary(uniqueKeysWithValues: try #require(assessment.findings).entries.map { ($0.targetID, wording.message($0.automated)) })
        #expect(views["E6"] == "counted for facilitation")
        #expect(views["E2"] == "not counted: too-old for training-recent")
        #expect(wording.message(AutomatedView.status(.needsAssessor)) == "needs assessor")
        #expect(wording.message(AutomatedView.unknownIndicator) == "unknown indicator")
        #expect(wording.message(AutomatedView.unknownEvidence) == "unknown evidence item")
        #expect(wording.message(AutomatedView.notCounted([])) == "not counted")
    }

    @Test("labels: statuses, finding states, carry-over, verification, relations")
    func labels() {
        #expect(IndicatorStatus.allCases.map(wording.status) == ["met", "partly met", "not met", "not applicable", "needs assessor"])
        #expect(wording.findingState(.superseded) == "superseded by a later finding")
        #expect(wording.findingState(.fileChanged) == "document changed since judged")
        #expect(MigrationChecklist.CarryOver.allCases.map(wording.carryOver) == ["carried", "partly", "not covered"])
        #expect(Verification.allCases.map(wording.verification) == ["desk review", "site visit", "case-file sample", "interviews"])
        #expect(wording.sectionOutcome(.workingTowards) == "working towards")
    }

    @Test("the advisory notices, and a framework evaluated under a tender")
    func notices() throws {
        #expect(wording.message(Advisory.selfAssessment).hasPrefix("This verdict is advisory. 'Achieved', 'working towards' and 'not yet' are this engine's advisory readings"))
        #expect(wording.message(Advisory.tenderComparison).hasPrefix("This comparison is advisory."))
        let bid = try TenderTestSupport.assess()
        let assessment = try #require(bid.assessment)
        #expect(assessment.framework.evaluatedForTender == "MINI/1")
        #expect(assessment.framework.notice == "Test fixture; not a real standard.", "the framework's own notice is kept as it is")
        #expect(wording.frameworkNotice(assessment.framework)
            == "Test fixture; not a real standard. Evaluated for tender MINI/1: with its stricter thresholds and local indicators.")
        #expect(HTMLCheckReport().render(assessment).contains("Evaluated for tender MINI/1: with its stricter thresholds and local indicators."))
        // The text report wraps the notice at 100 columns: compare the words.
        let words = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(words(TextReport().render(try TestSupport.assessMini())).contains(words(wording.message(Advisory.selfAssessment))))
    }
}
