import Foundation
import RespectAssessment
import RespectEvaluation
import RespectModel
import RespectStore
import RespectTestSupport
import Testing

/// `AssessmentEngine.plan` on every example and tender bid, through the same pipeline as
/// `check` (the edition resolved, a 2012-era file carried over, findings applied): each step,
/// made to the submission model as it says, gives the outcome it promises, and none can do
/// without any one of its indicators.
@Suite("Path to the next verdict: examples")
struct PlanExampleTests {
    static let engine = AssessmentEngine(standards: TestSupport.standardsDirectory, loader: TestSupport.loader)

    /// Every example submission and bid, the 2012-era one also under 2017, and the
    /// working-towards one with its assessor's findings.
    static let cases: [(file: String, framework: String?, findings: String?)] = {
        let folder = TestSupport.examplesDirectory
        let bids = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/tender/bids")) ?? []).sorted()
            .filter { $0.hasSuffix(".xml") }.map { folder + "/tender/bids/" + $0 }
        let submissions = ["achieved", "working-towards", "not-yet", "2012-era"].map { folder + "/submissions/\($0).xml" }
        return (submissions + bids).map { ($0, nil, nil) }
            + [(folder + "/submissions/2012-era.xml", "respect-standard@2017", nil),
               (folder + "/submissions/working-towards.xml", nil, folder + "/findings")]
    }()

    private func plan(_ file: String, framework: String? = nil, findings: String? = nil) throws -> (SubmissionAssessment, Submission, PlanProof) {
        let set = try FindingsSet(paths: findings.map { [$0] } ?? [], loader: TestSupport.loader)
        let assessed = try Self.engine.plan(AssessmentRequest(submission: .file(file), framework: framework, today: CalendarDate(year: 2026, month: 10, day: 1)!,
                                                               findings: set))
        let evaluated = assessed.resolved.migration.map { $0.migration.migrate(assessed.submission) } ?? assessed.submission
        let proof = PlanProof(evaluator: assessed.resolved.edition.evaluator, findings: assessed.findings, submissionSHA256: assessed.input.sha256)
        return (assessed, evaluated, proof)
    }

    @Test("every step keeps its promise, and none can do without any one of its indicators", arguments: cases.indices)
    func promisesKept(caseIndex: Int) throws {
        let (file, framework, findings) = Self.cases[caseIndex]
        let name = URL(fileURLWithPath: file).lastPathComponent + (framework.map { " as \($0)" } ?? "") + (findings == nil ? "" : " with findings")
        let (assessed, submission, proof) = try plan(file, framework: framework, findings: findings)
        let plan = try #require(assessed.assessment.plan)
        #expect(plan.current.outcomeID == assessed.assessment.outcome.id)
        let problems = try proof.problems(plan, for: submission, asOf: assessed.asOf)
        #expect(problems.isEmpty, "\(name): \(problems)")
        var base = submission
        for step in plan.steps {
            let smaller = try proof.smallerSteps(step, from: base, asOf: assessed.asOf, onlyOneRemoved: true)
            #expect(smaller.isEmpty, "\(name): \(step.target.outcomeID) also reached with only \(smaller)")
            base = proof.apply(step, to: base, asOf: assessed.asOf)
        }
    }

    @Test("not-yet: the two safety-critical failures first, with everything the survivor service brings, and that step gives working towards")
    func notYet() throws {
        let (assessed, submission, proof) = try plan(TestSupport.examplesDirectory + "/submissions/not-yet.xml")
        let plan = try #require(assessed.assessment.plan)
        let step = try #require(plan.steps.first)
        #expect(step.target.verdict == .workingTowards)
        #expect(step.entries.prefix(2).map(\.indicator.number) == ["6.2.3", "7.1.1"])
        #expect(step.entries.prefix(2).allSatisfy { $0.safetyCritical && !$0.isNewlyApplicable })
        // Offering the survivor service makes its indicators apply; the step covers each one the
        // rule needs: the safety-critical ones met or awaiting an assessor, the mandatory ones by an action.
        #expect(step.services.map(\.serviceType.id) == ["integrated-support-service"])
        let brought = Set(step.newlyApplicable.map(\.id))
        #expect(brought.contains("iss-survivor-safety-planning"))
        let after = try proof.evaluate(proof.apply(step, to: submission, asOf: assessed.asOf), asOf: assessed.asOf)
        for result in after.indicators where brought.contains(result.id) && result.level == .mandatory {
            let entry = try #require(step.entries.first { $0.indicator.id == result.id }, "\(result.id) is not covered by the step")
            if result.safetyCritical { #expect(entry.change.kind != .addAction) }
        }
        #expect(step.entries.contains { $0.indicator.id == "iss-survivor-safety-planning" && $0.change.kind == .awaitAssessor })
        #expect(after.outcome.verdict == .workingTowards)
        #expect(step.reached?.verdict == .workingTowards)
        #expect(plan.steps.last?.reached?.verdict == .achieved)
    }

    @Test("achieved: nothing to do")
    func achieved() throws {
        let (assessed, _, _) = try plan(TestSupport.examplesDirectory + "/submissions/achieved.xml")
        #expect(assessed.assessment.plan?.isAtHighest == true)
        #expect(assessed.assessment.plan?.steps.isEmpty == true)
    }

    @Test("the plan is not recorded with a run")
    func notStored() throws {
        let (assessed, _, _) = try plan(TestSupport.examplesDirectory + "/submissions/working-towards.xml")
        #expect(assessed.assessment.plan != nil)
        #expect(RunRecord(assessed.assessment, assessor: "A", recordedAt: Date()).assessment.plan == nil)
    }
}
