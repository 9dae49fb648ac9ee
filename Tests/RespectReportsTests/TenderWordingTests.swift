import RespectEvaluation
import RespectModel
import RespectReports
import RespectTestSupport
import Testing

/// The English catalogue words each tender rule a mini bid fails: the bid's figure, the
/// required figure and the clause, as the text, HTML and CSV tender reports show them.
@Suite("English wording: tender reasons")
struct TenderWordingTests {
    let wording = EnglishWording()

    private func message(_ kind: TenderReason.Kind, bid: [(String, String)] = [], tender: [(String, String)] = []) throws -> String {
        let result = try TenderTestSupport.assess(bid, tender: tender)
        return wording.message(try #require(result.reason(kind), "no \(kind) reason"))
    }

    @Test("a stricter threshold: the bid's figure, the tender's, the clause and the framework's own threshold")
    func threshold() throws {
        let result = try TenderTestSupport.assess([(">26</fact>", ">24</fact>")])
        let reason = try #require(result.reason(.thresholdFailed))
        #expect(wording.message(reason)
            == "programme-weeks is 24 weeks; the tender requires ≥ 26 weeks (clause T4; the framework's own threshold is ≥ 22 weeks, at 2.1.1 duration)")
        #expect(wording.tenderFigures(reason) == ("24 weeks", "≥ 26 weeks"))
        #expect(wording.tenderReasonTag(reason.kind) == "threshold not met")
        let unstated = try message(.thresholdFailed, bid: [("<fact id=\"programme-weeks\" unit=\"weeks\" source=\"E1\">26</fact>", "")])
        #expect(unstated == "the bid does not state programme-weeks; the tender requires ≥ 26 weeks (clause T4; the framework's own threshold is ≥ 22 weeks, at 2.1.1 duration)")
    }

    @Test("outcomes, overall and for a section, with the figures behind them")
    func outcomes() throws {
        #expect(try message(.outcomeNotAccepted, bid: TenderTestSupport.workingTowards(), tender: [("accept=\"achieved working-towards\"", "accept=\"achieved\"")])
            == "the engine's outcome is working towards (5 of 6 applicable mandatory indicators met); the tender accepts achieved (clause T2)")
        #expect(try message(.sectionOutcomeNotAccepted, bid: TenderTestSupport.workingTowards(),
                            tender: [("<section id=\"iss\" accept=\"achieved\" clause=\"T7\"/>", "<section id=\"org\" accept=\"achieved\" clause=\"T7\"/>")])
            == "section 1 Organisation is working towards (1 of 2 applicable mandatory indicators met; not met: 1.1.2 training-recent); the tender requires achieved (clause T7)")
    }

    @Test("a section's figures name the indicators without an action due in the window")
    func sectionWithoutAction() throws {
        let result = try TenderTestSupport.assess([TenderTestSupport.workingTowards()[0]],
                                                  tender: [("<section id=\"iss\" accept=\"achieved\" clause=\"T7\"/>", "<section id=\"org\" accept=\"achieved working-towards\" clause=\"T7\"/>")])
        let section = try #require(result.sections.first { $0.section == "org" })
        #expect(wording.sectionOutcome(section.outcome) == "not yet")
        #expect(wording.sectionDetail(section)
            == "1 of 2 applicable mandatory indicators met; not met: 1.1.2 training-recent; without an action due from 2026-06-30 to 2026-10-01: 1.1.2 training-recent")
    }

    @Test("services and risk levels the tender requires")
    func services() throws {
        #expect(try message(.serviceNotOffered, tender: [("<service type=\"iss\"/>", "<service type=\"iss\"/>\n    <service type=\"one-to-one\"/>")])
            == "the bid does not offer “One-to-one programme” (one-to-one); it offers group, iss; the tender requires it (clause T3)")
        #expect(try message(.riskLevelNotServed, bid: [("<service type=\"group\" risks=\"standard high\"/>", "<service type=\"group\" risks=\"high\"/>")])
            == "the bid's group service serves high risk; the tender requires standard, so standard is missing (clause T3)")
    }

    @Test("local indicators, late actions, editions and safety")
    func others() throws {
        #expect(try message(.localIndicatorNotMet, bid: [("<supports>local-board</supports>", "<supports>data-either</supports>")])
            == "local indicator L.1 local-board is not met: no item of type “Data report” is linked to this indicator; the tender requires it to be met (clause T6)")
        #expect(try message(.actionDueAfterContractStart, bid: TenderTestSupport.workingTowards(due: "2026-10-02"))
            == "the action for 1.1.2 training-recent is due 2026-10-02, after the contract start 2026-10-01; the tender requires actions due by the contract start (clause T5)")
        #expect(try message(.editionNotAccepted, bid: [("edition=\"1\"", "edition=\"2\"")])
            == "the bid targets mini@2; the tender accepts mini@1 (clause T2)")
        let unsafe = try TenderTestSupport.assess([("<fact id=\"separate-workers\" source=\"E1\">true</fact>", "<fact id=\"separate-workers\" source=\"E1\">false</fact>")])
        let safety = try #require(unsafe.reason(.safetyCritical))
        #expect(wording.message(safety)
            == "UNSAFE: safety-critical indicator 3.1.1 iss-in-place is not met: not confirmed: “Separate workers for survivors” is stated as false; required: true")
        #expect(wording.tenderFigures(safety) == ("partly-met", "met"))
        let unreadable = TenderEvaluator.unreadable(file: "broken.xml", problems: ["broken.xml:3: expected '>'"])
        #expect(unreadable.reasons.map(wording.message) == ["the bid could not be read: broken.xml:3: expected '>'"])
    }

    @Test("a threshold the tender replaced, in the report's header")
    func thresholdChange() throws {
        let evaluator = try TenderTestSupport.evaluator(try TenderTestSupport.tender())
        #expect(evaluator.thresholdChanges.map(wording.thresholdChange) == ["programme-weeks ≥ 22 weeks → ≥ 26 weeks"])
    }
}
