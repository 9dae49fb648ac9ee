import RespectTestSupport
import Testing
import RespectEvaluation
import RespectModel

/// The ordered outcome rules, each condition deciding on its own.
@Suite("Outcome rules")
struct OutcomeRuleTests {
    @Test("all mandatory met, no safety failure and desirable coverage give achieved")
    func achieved() throws {
        let assessment = try TestSupport.assessMini()
        #expect(assessment.outcome.verdict == .achieved)
        #expect(assessment.outcome.id == "achieved")
        #expect(assessment.outcome.rulesTried.count == 1)
        #expect(assessment.outcome.decidedBy.allSatisfy { $0.holds })
        #expect(assessment.outcome.decidedBy.first?.figures == .allMandatoryMet(met: 5, applicable: 5, provisional: 1, unmet: []))
        #expect(assessment.outcome.decidedBy.map(\.condition) == [.allMandatoryMet(acceptNeedsAssessor: true), .noSafetyCriticalFailure,
                                                                   .sectionCoverage(minPercent: ExactDecimal(50), level: .desirable)])
    }

    @Test("an unmet mandatory indicator covered by a timely action gives working towards")
    func workingTowardsWithActionPlan() throws {
        let assessment = try TestSupport.assessMini([
            (">24</fact>", ">16</fact>"),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"duration\" due=\"2026-12-01\" owner=\"Programme lead\">Extend the programme to 24 weeks</action></actionPlan>"),
        ])
        #expect(assessment.outcome.verdict == .workingTowards)
        let notAchieved = try #require(assessment.outcome.rulesTried.first)
        #expect(!notAchieved.matched)
        #expect(notAchieved.conditions.first { !$0.holds }?.kind == .allMandatoryMet)
        #expect(notAchieved.conditions.first { !$0.holds }?.figures
            == .allMandatoryMet(met: 4, applicable: 5, provisional: 1, unmet: [IndicatorMention(id: "duration", number: "2.1.1")]))
        #expect(assessment.missingEvidence.flatMap(\.items).first { $0.indicator.id == "duration" }?.plannedAction?.due == CalendarDate("2026-12-01"))
    }

    @Test("an action due after the allowed months does not cover the gap")
    func actionTooLate() throws {
        let assessment = try TestSupport.assessMini([
            (">24</fact>", ">16</fact>"),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"duration\" due=\"2027-01-01\" owner=\"Lead\">Extend</action></actionPlan>"),
        ])
        #expect(assessment.outcome.verdict == .notYet)
        let plan = try #require(assessment.outcome.rulesTried[1].conditions.first { $0.kind == .actionPlanCoversUnmetMandatory })
        #expect(!plan.holds)
        #expect(plan.figures == .actionPlanCoversUnmetMandatory(
            from: CalendarDate("2026-06-30")!, to: CalendarDate("2026-12-30")!, unmet: 1,
            uncovered: [UncoveredIndicator(indicator: IndicatorMention(id: "duration", number: "2.1.1"), firstActionDue: CalendarDate("2027-01-01"))]))
    }

    @Test("an action due exactly at the limit covers the gap")
    func actionOnLimit() throws {
        let assessment = try TestSupport.assessMini([
            (">24</fact>", ">16</fact>"),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"duration\" due=\"2026-12-30\" owner=\"Lead\">Extend</action></actionPlan>"),
        ])
        #expect(assessment.outcome.verdict == .workingTowards)
    }

    @Test("an overdue action does not cover the gap")
    func overdueAction() throws {
        let assessment = try TestSupport.assessMini([
            (">24</fact>", ">16</fact>"),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"duration\" due=\"2026-06-29\" owner=\"Lead\">Extend</action></actionPlan>"),
        ])
        #expect(assessment.outcome.verdict == .notYet)
        #expect(assessment.outcome.rulesTried[1].conditions.contains { $0.figures == .actionPlanCoversUnmetMandatory(
            from: CalendarDate("2026-06-30")!, to: CalendarDate("2026-12-30")!, unmet: 1,
            uncovered: [UncoveredIndicator(indicator: IndicatorMention(id: "duration", number: "2.1.1"), firstActionDue: CalendarDate("2026-06-29"))]) })
    }

    @Test("a safety-critical failure blocks every positive verdict and is listed first")
    func safetyCriticalBlocks() throws {
        let assessment = try TestSupport.assessMini([
            ("<service type=\"iss\" risks=\"standard high\"/>", ""),
            ("</facts>", "</facts>\n  <actionPlan><action indicator=\"iss-in-place\" due=\"2026-08-01\" owner=\"CEO\">Commission an ISS</action></actionPlan>"),
        ])
        #expect(assessment.outcome.verdict == .notYet)
        #expect(assessment.safetyCriticalFailures.map(\.id) == ["iss-in-place"])
        for trial in assessment.outcome.rulesTried.dropLast() {
            #expect(trial.conditions.contains { $0.figures == .noSafetyCriticalFailure(failures: [IndicatorMention(id: "iss-in-place", number: "3.1.1")]) && !$0.holds })
        }
        let group = try #require(assessment.missingEvidence.first { $0.sectionID == "iss" })
        #expect(group.items.first?.safetyCritical == true)
    }

    @Test("desirable coverage below the section percentage withholds achieved")
    func sectionCoverage() throws {
        let assessment = try TestSupport.assessMini([
            ("<supports>data-either two-of-three</supports>", "<supports>policy-current</supports>"),
        ])
        // org desirables: data-either not met, two-of-three partly met → 0 of 2.
        let achieved = try #require(assessment.outcome.rulesTried.first)
        let coverage = try #require(achieved.conditions.first { $0.kind == .sectionCoverage })
        #expect(!coverage.holds)
        #expect(coverage.figures == .sectionCoverage(below: [SectionCoverage(section: "org", number: "1", title: "Organisation", met: 0, applicable: 2)]))
        #expect(assessment.outcome.verdict == .workingTowards) // nothing mandatory unmet, action plan trivially covers
    }

    @Test("mandatory met below the percentage gives not yet even with an action plan")
    func mandatoryPercent() throws {
        let assessment = try TestSupport.assessMini([
            (">24</fact>", ">16</fact>"),
            ("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-01-01\""),
            ("<supports>training-recent</supports>", "<supports>data-either</supports>"),
            ("</facts>", """
            </facts>
              <actionPlan>
                <action indicator="duration" due="2026-12-01" owner="Lead">Extend</action>
                <action indicator="policy-current" due="2026-08-01" owner="Lead">Review policy</action>
                <action indicator="training-recent" due="2026-09-01" owner="Lead">Train staff</action>
              </actionPlan>
            """),
        ])
        let percent = try #require(assessment.outcome.rulesTried[1].conditions.first { $0.kind == .mandatoryMetPercent })
        #expect(!percent.holds)
        #expect(percent.figures == .mandatoryMetPercent(met: 2, applicable: 5))
        #expect(percent.condition == .mandatoryMetPercent(minPercent: ExactDecimal(50)))
        #expect(assessment.outcome.verdict == .notYet)
    }
}
