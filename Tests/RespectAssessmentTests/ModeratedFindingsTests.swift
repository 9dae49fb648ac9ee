import RespectAssessment
import RespectModel
import RespectTestSupport
import Testing

/// A review service's findings: only those a second assessor agreed with change a verdict.
@Suite("Moderated findings")
struct ModeratedFindingsTests {
    static let engine = AssessmentEngine(standards: TestSupport.standardsDirectory, loader: TestSupport.loader)
    static let workingTowards = TestSupport.examplesDirectory + "/submissions/working-towards.xml"

    /// An assessor's rejection of a safety-critical indicator that working-towards.xml meets.
    static let rejection = Finding(kind: .indicator, targetID: "staff-safe-recruitment-dbs", decision: .rejected,
                                   reason: "The DBS log does not cover the sessional facilitators.", assessor: "first@assessors.example",
                                   date: CalendarDate("2026-09-20")!)

    static func verdict(_ state: ModeratedFinding.State?) throws -> String {
        let findings = state.map { FindingsSet(moderated: [ModeratedFinding(finding: rejection, state: $0)], source: "service findings") }
        let request = AssessmentRequest(submission: .file(workingTowards), today: CalendarDate("2026-10-01")!,
                                        findings: findings ?? FindingsSet())
        return try engine.assess(request).assessment.outcome.id
    }

    @Test("a finding awaiting moderation or disputed leaves the verdict as the engine gives it")
    func unmoderatedFindingsChangeNothing() throws {
        let engineAlone = try Self.verdict(nil)
        #expect(engineAlone == "working-towards")
        #expect(try Self.verdict(.awaitingModeration) == engineAlone)
        #expect(try Self.verdict(.disputed) == engineAlone)
    }

    @Test("a finding a second assessor agreed with is applied and changes the verdict")
    func agreedFindingsApply() throws {
        #expect(try Self.verdict(.agreed) == "not-yet")
    }
}
