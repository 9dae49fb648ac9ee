import Foundation
import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// Each tender rule, on the mini tender (`Fixtures/tender/mini-tender.xml`) and variants of
/// the compliant mini bid (`Fixtures/tender/mini-bid.xml`).
@Suite("Tender rules")
struct TenderRuleTests {
    @Test("the mini bid meets every rule: compliant, no reasons, achieved underneath")
    func compliantBid() throws {
        let result = try TenderTestSupport.assess()
        #expect(result.compliant)
        #expect(!result.unsafe)
        #expect(result.reasons.isEmpty)
        #expect(result.outcome == .achieved)
        #expect(result.mandatoryMet == result.mandatoryApplicable)
    }

    @Test("a stricter threshold fails with the bid's figure and the tender's")
    func stricterThreshold() throws {
        let result = try TenderTestSupport.assess([(">26</fact>", ">24</fact>")])
        #expect(!result.compliant)
        let reason = try #require(result.reason(.thresholdFailed))
        #expect(reason.clause == "T4")
        let weeks = { (value: Int) in FactThreshold(factID: "programme-weeks", comparison: .ge, value: .number(ExactDecimal(value)), unit: "weeks") }
        #expect(reason.cause == .thresholdFailed(TenderThresholdFailure(
            fact: "programme-weeks", stated: StatedValue(value: .number(ExactDecimal(24)), unit: "weeks"), threshold: weeks(26),
            frameworkThresholds: [weeks(22)], replacedAt: [IndicatorMention(id: "duration", number: "2.1.1")],
            indicator: IndicatorMention(id: "duration", number: "2.1.1"))), "the bid's figure, the tender's and the framework's own")
        // The tender's threshold replaces the framework's in the evaluation underneath.
        #expect(result.assessment?.status("duration") == .partlyMet, "the fact fails, the policy part still holds")
    }

    @Test("a stricter threshold is met exactly on its value")
    func thresholdOnTheValue() throws {
        let result = try TenderTestSupport.assess([(">26</fact>", ">26.0</fact>")])
        #expect(result.reason(.thresholdFailed) == nil)
        #expect(result.compliant)
    }

    @Test("an outcome the tender does not accept")
    func outcomeNotAccepted() throws {
        let result = try TenderTestSupport.assess(TenderTestSupport.workingTowards(),
                                                  tender: [("accept=\"achieved working-towards\"", "accept=\"achieved\"")])
        #expect(result.outcome == .workingTowards)
        let reason = try #require(result.reason(.outcomeNotAccepted))
        #expect(reason.cause == .outcomeNotAccepted(outcome: .workingTowards, mandatoryMet: 5, mandatoryApplicable: 6, accepted: [.achieved]))
        #expect(result.mandatoryMet == 5 && result.mandatoryApplicable == 6, "the local indicator is mandatory too")
        #expect(!result.compliant)
    }

    @Test("working towards is accepted overall when the tender says so")
    func workingTowardsAccepted() throws {
        let result = try TenderTestSupport.assess(TenderTestSupport.workingTowards())
        #expect(result.outcome == .workingTowards)
        #expect(result.reasons.isEmpty)
        #expect(result.compliant)
    }

    @Test("a section must reach the outcome the tender requires for it")
    func sectionOutcome() throws {
        let result = try TenderTestSupport.assess(TenderTestSupport.workingTowards(),
                                                  tender: [("<section id=\"iss\" accept=\"achieved\" clause=\"T7\"/>",
                                                            "<section id=\"org\" accept=\"achieved\" clause=\"T7\"/>")])
        let reason = try #require(result.reason(.sectionOutcomeNotAccepted))
        #expect(reason.clause == "T7")
        let section = try #require(result.sections.first { $0.section == "org" })
        #expect(reason.cause == .sectionOutcomeNotAccepted(section))
        #expect(section.outcome == .workingTowards && section.accept == [.achieved])
        #expect(!section.accepted)
        #expect(section.unmetMandatory == [IndicatorMention(id: "training-recent", number: "1.1.2")])
        #expect(section.mandatoryMet == 1 && section.mandatoryApplicable == 2)
        #expect(section.withoutAction.isEmpty, "the action covers it")
        #expect(!result.compliant)
    }

    @Test("a service the tender requires must be offered")
    func serviceNotOffered() throws {
        let result = try TenderTestSupport.assess([], tender: [("<service type=\"iss\"/>", "<service type=\"iss\"/>\n    <service type=\"one-to-one\"/>")])
        let reason = try #require(result.reason(.serviceNotOffered))
        #expect(reason.cause == .serviceNotOffered(serviceType: TermReference(id: "one-to-one", label: "One-to-one programme"),
                                                   offered: ["group", "iss"]))
        #expect(!result.compliant)
    }

    @Test("a risk level the tender requires must be served by that service")
    func riskLevelNotServed() throws {
        let result = try TenderTestSupport.assess([("<service type=\"group\" risks=\"standard high\"/>", "<service type=\"group\" risks=\"high\"/>")])
        let reason = try #require(result.reason(.riskLevelNotServed))
        #expect(reason.cause == .riskLevelNotServed(serviceType: "group", served: ["high"], required: ["standard"], missing: ["standard"]))
        #expect(reason.clause == "T3")
    }

    @Test("a local indicator is evaluated like a framework one")
    func localIndicator() throws {
        let result = try TenderTestSupport.assess([("<supports>local-board</supports>", "<supports>data-either</supports>")])
        let reason = try #require(result.reason(.localIndicatorNotMet))
        #expect(reason.indicator?.id == "local-board")
        guard case .localIndicatorNotMet(_, let status, let reasons) = reason.cause else { Issue.record("not a local indicator reason"); return }
        #expect(status == .notMet)
        #expect(reasons.first?.kind == .noEvidence)
        #expect(result.assessment?.status("local-board") == .notMet)
        #expect(!result.compliant)
    }

    @Test("an action due after the contract start is rejected; one due on it is not")
    func actionDueDate() throws {
        let late = try TenderTestSupport.assess(TenderTestSupport.workingTowards(due: "2026-10-02"))
        let reason = try #require(late.reason(.actionDueAfterContractStart))
        #expect(reason.cause == .actionDueAfterContractStart(indicator: IndicatorMention(id: "training-recent", number: "1.1.2"),
                                                             due: CalendarDate("2026-10-02")!, contractStart: CalendarDate("2026-10-01")!))
        #expect(!late.compliant)

        let onTime = try TenderTestSupport.assess(TenderTestSupport.workingTowards(due: "2026-10-01"))
        #expect(onTime.reason(.actionDueAfterContractStart) == nil)
        #expect(onTime.compliant)
    }

    @Test("a bid for an edition the tender does not accept")
    func editionNotAccepted() throws {
        let result = try TenderTestSupport.assess([("edition=\"1\"", "edition=\"2\"")])
        let reason = try #require(result.reason(.editionNotAccepted))
        #expect(reason.cause == .editionNotAccepted(bid: "mini@2", accepted: ["mini@1"]))
        #expect(!result.compliant)
        #expect(result.score == nil)
    }

    @Test("a safety-critical failure makes the bid unsafe and never compliant")
    func unsafeBid() throws {
        let result = try TenderTestSupport.assess([("<fact id=\"separate-workers\" source=\"E1\">true</fact>", "<fact id=\"separate-workers\" source=\"E1\">false</fact>")])
        #expect(result.unsafe)
        #expect(!result.compliant)
        #expect(result.reasonKinds.first == .safetyCritical, "the safety reason comes first")
        guard case .safetyCritical(let indicator, let status, let firstReason) = result.reasons.first?.cause else { return }
        #expect(indicator == IndicatorMention(id: "iss-in-place", number: "3.1.1"))
        #expect(status == .partlyMet)
        #expect(firstReason?.kind == .thresholdFailed)
        #expect(result.safetyCriticalFailures.map(\.id) == ["iss-in-place"])
        #expect(result.rank == nil)
    }

    @Test("evidence is judged as of the tender's deadline, not the bid's own date")
    func judgedAtDeadline() throws {
        // E2 (training, 2025-09-01) is within 12 months on 2026-06-30 but not on 2026-09-02.
        let result = try TenderTestSupport.assess([], tender: [("deadline=\"2026-06-30\"", "deadline=\"2026-09-02\"")])
        #expect(result.assessment?.asOf == CalendarDate("2026-09-02"))
        #expect(result.assessment?.status("training-recent") != .met)
        #expect(!result.compliant)
    }

    @Test("compliant bids are ranked by the tender's weights; others are not ranked")
    func ranking() throws {
        let tender = try TenderTestSupport.tender()
        let evaluator = try TenderTestSupport.evaluator(tender)
        let achieved = evaluator.assess(try TenderTestSupport.bid(name: "a.xml"))
        let towards = evaluator.assess(try TenderTestSupport.bid(TenderTestSupport.workingTowards(), name: "b.xml"))
        let failing = evaluator.assess(try TenderTestSupport.bid([(">26</fact>", ">24</fact>")], name: "c.xml"))
        let result = evaluator.compare([failing, towards, achieved])
        #expect(result.bids.map(\.rank) == [1, 2, nil])
        #expect(result.bids.first?.outcome == .achieved)
        #expect(result.compliantCount == 2)
        let best = try #require(result.bids.first?.score)
        // 3 of 3 mandatory (60), 3 of 3 desirable (30), achieved (10).
        #expect(best.criteria.map(\.points) == [60, 30, 10])
        #expect(best.total == 100)
        let second = try #require(result.bids[1].score)
        #expect(second.criteria.first { $0.id == "achieved" }?.points == 0)
        #expect(second.total < best.total)
    }

    @Test("an unreadable bid is not compliant and the others are still compared")
    func unreadableBid() throws {
        let evaluator = try TenderTestSupport.evaluator(try TenderTestSupport.tender())
        let broken = TenderEvaluator.unreadable(file: "broken.xml", problems: ["broken.xml:3: expected '>'"])
        let result = evaluator.compare([broken, evaluator.assess(try TenderTestSupport.bid())])
        #expect(result.compliantCount == 1)
        let row = try #require(result.bids.first { $0.file == "broken.xml" })
        #expect(!row.compliant)
        #expect(row.reasonKinds == [.unreadable])
    }

    @Test("a tender threshold looser than the framework's is refused, located")
    func looserThreshold() throws {
        let tender = try TenderTestSupport.tender([("value=\"26\" unit=\"weeks\"", "value=\"20\" unit=\"weeks\"")])
        let error = try #require(throws: TenderMismatch.self) { try TenderTestSupport.evaluator(tender) }
        #expect(error.description.contains("tender.xml:"))
        #expect(error.description.contains("22"))
    }

    @Test("a tender naming a section the framework lacks is refused")
    func unknownSection() throws {
        let tender = try TenderTestSupport.tender([("<section id=\"iss\"", "<section id=\"nowhere\"")])
        #expect(throws: TenderMismatch.self) { try TenderTestSupport.evaluator(tender) }
    }

    @Test("the tender's clause wording is kept verbatim")
    func clausesVerbatim() throws {
        let tender = try TenderTestSupport.tender()
        let clause = try #require(tender.clauses.first { $0.id == "T1" })
        #expect(clause.heading == "Timetable")
        #expect(clause.text == "Bids close on 30 June 2026; the contract starts on 1 October 2026.")
    }
}
