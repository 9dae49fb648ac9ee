import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// The planner reads the outcome rules as data: their order, their conditions and figures,
/// alternative routes to one verdict, and what only an assessor can do.
@Suite("Path to the next verdict: outcome rules as data")
struct PlanRuleTests {
    static let asOf = CalendarDate(year: 2026, month: 6, day: 30)!
    /// Two mandatory gaps (an old training record, a 16-week programme), no action plan.
    static let twoGaps: [(String, String)] = [("issued=\"2025-09-01\"", "issued=\"2025-06-29\""), (">24</fact>", ">16</fact>")]

    private func plan(_ framework: Framework, _ replacements: [(String, String)]) throws -> (VerdictPlan, Submission, PlanProof) {
        let submission = try TestSupport.miniVariant(replacements)
        let evaluator = Evaluator(framework: framework)
        return (try VerdictPlanner(evaluator: evaluator).plan(submission, asOf: Self.asOf), submission, PlanProof(evaluator: evaluator))
    }

    @Test("a submission with the highest verdict has no step")
    func atHighest() throws {
        let (plan, _, _) = try plan(TestSupport.miniFramework, [])
        #expect(plan.isAtHighest)
        #expect(plan.current.outcomeID == "achieved")
        #expect(plan.steps.isEmpty)
    }

    @Test("working towards first, with actions for the gaps the rule accepts actions for, then achieved by meeting them")
    func levelByLevel() throws {
        let (plan, submission, proof) = try plan(TestSupport.miniFramework, Self.twoGaps)
        #expect(plan.current.verdict == .notYet)
        #expect(plan.steps.map(\.target.outcomeID) == ["working-towards", "achieved"])
        let first = try #require(plan.steps.first)
        #expect(first.indicatorsToMeet.isEmpty, "3 of 5 mandatory met is already 50%: only actions are missing")
        #expect(Set(first.actions.map(\.indicator.id)) == ["training-recent", "duration"])
        for action in first.actions {
            #expect(action.change == .addAction(from: Self.asOf, to: CalendarDate(year: 2026, month: 12, day: 30)!), "the rule's 6-month window")
        }
        #expect(Set(plan.steps[1].indicatorsToMeet.map(\.indicator.id)) == ["training-recent", "duration"])
        #expect(try proof.problems(plan, for: submission, asOf: Self.asOf).isEmpty)
    }

    @Test("of two rules with the same verdict, the plan takes the one that needs fewer indicators met")
    func alternativeRoutes() throws {
        // A first route to working towards needs every mandatory indicator but one met and no
        // actions; the second is the mini framework's (50% and actions). With two gaps, the second
        // needs no indicator met; with the percentage route listed first, it is still not chosen.
        let framework = try TestSupport.miniFrameworkVariant([(
            "<outcome id=\"working-towards\" verdict=\"working-towards\">",
            """
            <outcome id="working-towards-without-plan" verdict="working-towards">
                  <label>Working towards (no plan needed)</label>
                  <when><noSafetyCriticalFailure/><mandatoryMetPercent minPercent="80"/></when>
                </outcome>
                <outcome id="working-towards" verdict="working-towards">
            """)])
        let (plan, submission, proof) = try plan(framework, Self.twoGaps)
        #expect(plan.steps.first?.target.outcomeID == "working-towards")
        #expect(plan.steps.first?.indicatorsToMeet.isEmpty == true)
        #expect(try proof.problems(plan, for: submission, asOf: Self.asOf).isEmpty)
        // With one gap the first route already holds: the submission is working towards by it.
        let (onePlan, _, _) = try self.plan(framework, [("issued=\"2025-09-01\"", "issued=\"2025-06-29\"")])
        #expect(onePlan.current.outcomeID == "working-towards-without-plan")
        #expect(onePlan.steps.map(\.target.outcomeID) == ["achieved"])
    }

    @Test("a section below the rule's percentage gets the fewest indicators in that section, and only there")
    func sectionCoverage() throws {
        let framework = try TestSupport.miniFrameworkVariant([(
            "<when><noSafetyCriticalFailure/><mandatoryMetPercent minPercent=\"50\"/><actionPlanCoversUnmetMandatory withinMonths=\"6\"/></when>",
            "<when><noSafetyCriticalFailure/><sectionCoverage level=\"mandatory\" minPercent=\"100\"/></when>")])
        let (plan, submission, proof) = try plan(framework, Self.twoGaps)
        let first = try #require(plan.steps.first)
        #expect(Set(first.indicatorsToMeet.map(\.indicator.id)) == ["training-recent", "duration"])
        #expect(first.indicatorsToMeet.allSatisfy {
            if case .sectionCoverage(_, .mandatory, let section) = $0.cause { return ["org", "work"].contains(section.id) }
            return false
        })
        #expect(first.actions.isEmpty, "the rule asks for no action plan")
        #expect(try proof.problems(plan, for: submission, asOf: Self.asOf).isEmpty)
    }

    @Test("offering a service brings its indicators: the step covers them, and what only an assessor confirms awaits one")
    func serviceBringsIndicators() throws {
        let (plan, submission, proof) = try plan(TestSupport.miniFramework, [("<service type=\"iss\" risks=\"standard high\"/>", "")])
        let first = try #require(plan.steps.first)
        #expect(first.indicatorsToMeet.first?.indicator.id == "iss-in-place", "the safety-critical failure first")
        #expect(first.services.map(\.serviceType.id) == ["iss"])
        #expect(first.services.first?.riskLevels.map(\.id) == ["standard", "high"], "at the risk levels already served")
        #expect(first.newlyApplicable.map(\.id) == ["contact-rate"])
        #expect(try proof.problems(plan, for: submission, asOf: Self.asOf).isEmpty)
    }

    @Test("a rule that does not count indicators awaiting an assessor ends the plan with what only an assessor can settle")
    func assessorOnly() throws {
        let framework = try TestSupport.miniFrameworkVariant([("<when><allMandatoryMet/>", "<when><allMandatoryMet acceptNeedsAssessor=\"false\"/>")])
        let (plan, submission, proof) = try plan(framework, Self.twoGaps)
        let last = try #require(plan.steps.last)
        #expect(last.target.outcomeID == "achieved")
        #expect(last.reached == nil, "additions alone cannot reach it")
        let audit = try #require(last.entries.first { $0.indicator.id == "high-risk-audit" })
        #expect(audit.change == .assessorOnly(verification: .caseSample))
        #expect(try proof.problems(plan, for: submission, asOf: Self.asOf).isEmpty)
    }

    @Test("a fact is planned at a value that passes, citing a type the framework allows for it")
    func factValueAndSource() throws {
        let (plan, _, _) = try plan(TestSupport.miniFramework, Self.twoGaps)
        let duration = try #require(plan.steps.last?.entries.first { $0.indicator.id == "duration" })
        guard case .meet(let additions) = duration.change, case .fact(let fact)? = additions.first else {
            Issue.record("expected a fact to state: \(duration.change)")
            return
        }
        #expect(fact.value == StatedValue(value: .number(ExactDecimal(22)), unit: "weeks"))
        #expect(fact.changesValue)
        #expect(fact.sourceTypes?.map(\.id) == ["policy"])
    }

    @Test("the proof notices a step that leaves out an addition it needs")
    func proofCanFail() throws {
        var (plan, submission, proof) = try plan(TestSupport.miniFramework, Self.twoGaps)
        let last = plan.steps.count - 1
        let position = try #require(plan.steps[last].entries.firstIndex { $0.indicator.id == "duration" })
        plan.steps[last].entries[position].change = .meet(additions: [])
        let problems = try proof.problems(plan, for: submission, asOf: Self.asOf)
        #expect(problems.contains { $0.contains("duration promised met") }, "\(problems)")
    }
}
