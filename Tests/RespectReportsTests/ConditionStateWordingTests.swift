import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The headline words of an outcome condition (`conditionState`): what is true of the
/// submission, with its figures, never a double negative, long lists cut short.
@Suite("English wording: conditions stated positively")
struct ConditionStateWordingTests {
    let wording = EnglishWording()

    private func condition(_ kind: ConditionResult.Kind, rule: Int, _ replacements: [(String, String)]) throws -> ConditionResult {
        let assessment = try TestSupport.assessMini(replacements)
        return try #require(assessment.outcome.rulesTried[rule].conditions.first { $0.kind == kind })
    }

    @Test("safety-critical failures are counted and named; none is said once")
    func safetyCritical() throws {
        let unsafe = try condition(.noSafetyCriticalFailure, rule: 0, [("<service type=\"iss\" risks=\"standard high\"/>", "")])
        #expect(wording.conditionState(unsafe, limit: 12) == "1 safety-critical indicator fails: 3.1.1")
        let safe = try condition(.noSafetyCriticalFailure, rule: 0, [])
        #expect(wording.conditionState(safe, limit: 12) == "no safety-critical indicator fails")
    }

    @Test("mandatory indicators: how many are not met of how many apply, and which")
    func mandatory() throws {
        let unmet = try condition(.allMandatoryMet, rule: 0, [(">24</fact>", ">16</fact>")])
        #expect(wording.conditionState(unmet, limit: 12) == "1 of 5 applicable mandatory indicators is not met: 2.1.1")
        let met = try condition(.allMandatoryMet, rule: 0, [])
        #expect(wording.conditionState(met, limit: 12) == "all 5 applicable mandatory indicators are met (1 provisionally, awaiting an assessor)")
    }

    @Test("a long list of indicators is cut after the limit")
    func longList() {
        let failures = (1...15).map { IndicatorMention(id: "i\($0)", number: "1.\($0)") }
        let result = ConditionResult(condition: .noSafetyCriticalFailure, holds: false, figures: .noSafetyCriticalFailure(failures: failures))
        #expect(wording.conditionState(result, limit: 12)
            == "15 safety-critical indicators fail: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.10, 1.11, 1.12 and 3 more")
    }

    @Test("no headline joins two negatives")
    func noDoubleNegatives() throws {
        let cases = [
            try condition(.noSafetyCriticalFailure, rule: 0, [("<service type=\"iss\" risks=\"standard high\"/>", "")]),
            try condition(.allMandatoryMet, rule: 0, [(">24</fact>", ">16</fact>")]),
            try condition(.sectionCoverage, rule: 0, [("<supports>data-either two-of-three</supports>", "<supports>policy-current</supports>")]),
        ]
        for result in cases {
            let words = wording.conditionState(result, limit: 12)
            #expect(!words.hasPrefix("no ") && !words.hasPrefix("not "), "\(words)")
            #expect(words.range(of: #"\d"#, options: .regularExpression) != nil, "with its figures: \(words)")
        }
    }
}
