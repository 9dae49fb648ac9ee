import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// The path to the next verdict on the mini framework, where every subset can be tried: each
/// step keeps its promise, and no proper subset of a step's indicators lifts the verdict, even
/// with an action for every mandatory indicator.
@Suite("Path to the next verdict: minimal steps")
struct PlanMinimalityTests {
    /// Mini variants below the highest verdict, each failing in a different way.
    static let cases: [(name: String, replacements: [(String, String)])] = [
        ("no integrated support service (safety-critical)", [
            ("<service type=\"iss\" risks=\"standard high\"/>", ""),
        ]),
        ("mandatory gaps: an old training record, a policy past review, a 16-week programme", [
            ("issued=\"2025-09-01\"", "issued=\"2025-06-29\""),
            ("reviewBy=\"2027-01-01\"", "reviewBy=\"2026-06-29\""),
            (">24</fact>", ">16</fact>"),
        ]),
        ("mandatory gaps with a safety-critical failure and an action plan", [
            ("issued=\"2025-09-01\"", "issued=\"2025-06-29\""),
            ("<fact id=\"separate-workers\" source=\"E1\">true</fact>", "<fact id=\"separate-workers\" source=\"E1\">false</fact>"),
            ("</facts>", "</facts>\n  <actionPlan>\n    <action indicator=\"training-recent\" due=\"2026-09-30\" owner=\"Lead\">Train.</action>\n  </actionPlan>"),
        ]),
        ("desirable coverage: no data report, no supervision record", [
            ("<supports>data-either two-of-three</supports>", "<supports>policy-current</supports>"),
            ("<supports>facilitation</supports>", "<supports>policy-current</supports>"),
        ]),
        ("facts stated without a source", [
            ("<fact id=\"separate-workers\" source=\"E1\">true</fact>", "<fact id=\"separate-workers\">true</fact>"),
            ("<fact id=\"contact-rate\" unit=\"percent\" source=\"E4\">85</fact>", "<fact id=\"contact-rate\" unit=\"percent\">60</fact>"),
            ("issued=\"2025-09-01\"", "issued=\"2025-06-29\""),
        ]),
    ]

    @Test("each step keeps its promise and no proper subset of its indicators lifts the verdict", arguments: cases.indices)
    func minimal(caseIndex: Int) throws {
        let (name, replacements) = Self.cases[caseIndex]
        let submission = try TestSupport.miniVariant(replacements)
        let asOf = CalendarDate(year: 2026, month: 6, day: 30)!
        let evaluator = Evaluator(framework: TestSupport.miniFramework)
        let proof = PlanProof(evaluator: evaluator)
        let plan = try VerdictPlanner(evaluator: evaluator).plan(submission, asOf: asOf)
        #expect(!plan.steps.isEmpty, "\(name): below the highest verdict")
        let problems = try proof.problems(plan, for: submission, asOf: asOf)
        #expect(problems.isEmpty, "\(name): \(problems)")
        var base = submission
        for step in plan.steps {
            #expect(step.indicatorsToMeet.count <= 12, "\(name): small enough to try every subset")
            let smaller = try proof.smallerSteps(step, from: base, asOf: asOf)
            #expect(smaller.isEmpty, "\(name): \(step.target.outcomeID) is also reached with only \(smaller)")
            base = proof.apply(step, to: base, asOf: asOf)
        }
    }

    @Test("the subset check itself finds a step that does more than it needs")
    func subsetCheckCanFail() throws {
        // A step padded with an indicator the rule does not need is not minimal, and the check says so.
        let submission = try TestSupport.miniVariant([("<supports>data-either two-of-three</supports>", "<supports>policy-current</supports>"),
                                                      ("<supports>facilitation</supports>", "<supports>policy-current</supports>")])
        let asOf = CalendarDate(year: 2026, month: 6, day: 30)!
        let evaluator = Evaluator(framework: TestSupport.miniFramework)
        let proof = PlanProof(evaluator: evaluator)
        let plan = try VerdictPlanner(evaluator: evaluator).plan(submission, asOf: asOf)
        var step = try #require(plan.steps.first)
        // Section 1 needs one of its two desirable indicators met: the step meets one; pad it with the other.
        let chosen = Set(step.entries.map(\.indicator.id))
        #expect(chosen.contains("data-either") != chosen.contains("two-of-three"))
        let other = chosen.contains("data-either") ? ("two-of-three", "1.1.4") : ("data-either", "1.1.3")
        let padding = PlanEntry(indicator: IndicatorMention(id: other.0, number: other.1), text: "", section: "org", level: .desirable,
                                safetyCritical: false, verification: .desk, status: .notMet,
                                cause: .sectionCoverage(minPercent: ExactDecimal(50), level: .desirable,
                                                        section: SectionMention(id: "org", number: "1", title: "Organisation")),
                                change: .meet(additions: [.evidence(EvidenceProvision(
                                    count: 1, more: false, evidenceType: TermReference(id: "data-report", label: "Data report"),
                                    indicator: other.0, issuedOnOrAfter: nil, reviewByOnOrAfter: nil))]),
                                remediation: "")
        step.entries.append(padding)
        #expect(!(try proof.smallerSteps(step, from: submission, asOf: asOf)).isEmpty)
    }
}
