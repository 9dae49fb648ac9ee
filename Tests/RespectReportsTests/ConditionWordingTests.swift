import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The English catalogue words each outcome condition with the framework's figures and the
/// submission's, as the reports list the rules tried.
@Suite("English wording: outcome conditions")
struct ConditionWordingTests {
    let wording = EnglishWording()

    private func condition(_ kind: ConditionResult.Kind, rule: Int, _ replacements: [(String, String)]) throws -> ConditionResult {
        let assessment = try TestSupport.assessMini(replacements)
        return try #require(assessment.outcome.rulesTried[rule].conditions.first { $0.kind == kind })
    }

    private let lateAction = [(">24</fact>", ">16</fact>"),
                              ("</facts>", "</facts>\n  <actionPlan><action indicator=\"duration\" due=\"2027-01-01\" owner=\"Lead\">Extend</action></actionPlan>")]

    @Test("every mandatory indicator met, counting those awaiting an assessor")
    func allMandatoryMet() throws {
        let met = try condition(.allMandatoryMet, rule: 0, [])
        #expect(wording.message(met)
            == "every applicable mandatory indicator is met (or awaits an assessor): 5 of 5 applicable mandatory indicators met (1 provisionally, pending an assessor)")
        let unmet = try condition(.allMandatoryMet, rule: 0, [(">24</fact>", ">16</fact>")])
        #expect(wording.conditionDetail(unmet) == "4 of 5 applicable mandatory indicators met (1 provisionally, pending an assessor); not met: 2.1.1 duration")
    }

    @Test("safety-critical failures, section coverage and the mandatory percentage")
    func figures() throws {
        let safe = try condition(.noSafetyCriticalFailure, rule: 0, [])
        #expect(wording.message(safe) == "no safety-critical indicator fails: no safety-critical failure")
        let unsafe = try condition(.noSafetyCriticalFailure, rule: 0, [("<service type=\"iss\" risks=\"standard high\"/>", "")])
        #expect(wording.conditionDetail(unsafe) == "safety-critical failures: 3.1.1 iss-in-place")
        let coverage = try condition(.sectionCoverage, rule: 0, [("<supports>data-either two-of-three</supports>", "<supports>policy-current</supports>")])
        #expect(wording.message(coverage)
            == "every section has at least 50% of its applicable desirable indicators met: below 50%: 1 Organisation: 0 of 2 (0%)")
        #expect(wording.conditionDetail(try condition(.sectionCoverage, rule: 0, [])) == "every section reaches 50%")
        let percent = try condition(.mandatoryMetPercent, rule: 1, [(">24</fact>", ">16</fact>")])
        #expect(wording.message(percent) == "at least 50% of applicable mandatory indicators are met: 4 of 5 met (80%)")
    }

    @Test("the action plan: the window, and each gap without an action in it")
    func actionPlan() throws {
        let late = try condition(.actionPlanCoversUnmetMandatory, rule: 1, lateAction)
        #expect(wording.message(late)
            == "the action plan covers every unmet mandatory indicator with a due date from 2026-06-30 to 2026-12-30 (within 6 months): 1 of 1 unmet mandatory indicators not covered: 2.1.1 duration: action due 2027-01-01, after 2026-12-30")
        let overdue = try condition(.actionPlanCoversUnmetMandatory, rule: 1, [lateAction[0], (lateAction[1].0, lateAction[1].1.replacingOccurrences(of: "2027-01-01", with: "2026-06-29"))])
        #expect(wording.conditionDetail(overdue) == "1 of 1 unmet mandatory indicators not covered: 2.1.1 duration: action overdue (due 2026-06-29)")
        let none = try condition(.actionPlanCoversUnmetMandatory, rule: 1, [lateAction[0]])
        #expect(wording.conditionDetail(none) == "1 of 1 unmet mandatory indicators not covered: 2.1.1 duration: no action")
        let covered = try condition(.actionPlanCoversUnmetMandatory, rule: 1, [lateAction[0], (lateAction[1].0, lateAction[1].1.replacingOccurrences(of: "2027-01-01", with: "2026-12-01"))])
        #expect(wording.conditionDetail(covered) == "1 unmet mandatory indicator, all covered")
    }

    @Test("percentages round half up to one decimal")
    func percentages() {
        let coverage = { (met: Int, applicable: Int) in
            ConditionResult(condition: .mandatoryMetPercent(minPercent: ExactDecimal(50)), holds: false,
                            figures: .mandatoryMetPercent(met: met, applicable: applicable))
        }
        #expect(wording.conditionDetail(coverage(1, 3)) == "1 of 3 met (33.3%)")
        #expect(wording.conditionDetail(coverage(2, 3)) == "2 of 3 met (66.7%)")
        #expect(wording.conditionDetail(coverage(0, 0)) == "0 of 0 met (100%)")
    }
}
