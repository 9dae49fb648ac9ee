import RespectCorpus
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// The path to the next verdict keeps its promises on generated submissions: 200 of them, from
/// several seeds, for the 2017 and the 2012 editions, and 50 for the Home Office model. Each step, made to the submission model
/// exactly as it says, gives the outcome it promises, up to the highest one; and no step can
/// do without any one of its indicators (checked on a third of them). Started from the
/// submission's assessment already made (as `respect check` starts it), the plan is the same.
@Suite("Path to the next verdict: generated submissions")
struct PlanCorpusTests {
    /// Four batches of 50 (three seeds of the 2017 edition, one of the 2012 edition), and one of
    /// the Home Office model.
    static let batches: [(edition: String, seed: UInt64)] = [("2017", 11), ("2017", 12), ("2017", 13), ("2012", 14), ("home-office", 15)]

    @Test("every step of every plan, made to the submission, gives the outcome it promises", arguments: batches.indices)
    func promisesKept(batch: Int) throws {
        let (edition, seed) = Self.batches[batch]
        let framework = switch edition {
        case "2012": TestSupport.standard2012
        case "home-office": try TestSupport.loader.loadFramework(contentsOf: TestSupport.standardsDirectory + "/home-office-2023.xml")
        default: TestSupport.standard2017
        }
        let generator = CorpusGenerator(framework: framework, seed: seed)
        let evaluator = Evaluator(framework: framework)
        let planner = VerdictPlanner(evaluator: evaluator)
        let proof = PlanProof(evaluator: evaluator)
        var verdicts: [Verdict: Int] = [:]
        for number in 1...50 {
            let submission = generator.submission(number: number).submission
            let asOf = try #require(submission.asOf)
            let plan = try planner.plan(submission, asOf: asOf)
            verdicts[plan.current.verdict, default: 0] += 1
            #expect(try planner.plan(submission, asOf: asOf, assessed: evaluator.evaluate(submission, asOf: asOf)) == plan,
                    "\(edition) seed \(seed) submission \(number): started from the assessment already made, the plan differs")
            let problems = try proof.problems(plan, for: submission, asOf: asOf)
            #expect(problems.isEmpty, "\(edition) seed \(seed) submission \(number): \(problems)")
            #expect(plan.steps.allSatisfy { $0.reached != nil }, "\(edition) seed \(seed) submission \(number): generated packs need no assessor's decision")
            // Minimal: leaving out any one indicator of a step (even with an action for every
            // mandatory indicator) no longer lifts the verdict. Every third submission, to keep
            // the suite quick; the mini framework's cases try every subset.
            guard number % 3 == 0 else { continue }
            var base = submission
            for step in plan.steps {
                #expect(try proof.smallerSteps(step, from: base, asOf: asOf, onlyOneRemoved: true).isEmpty,
                        "\(edition) seed \(seed) submission \(number): \(step.target.outcomeID) without one of its indicators")
                base = proof.apply(step, to: base, asOf: asOf)
            }
        }
        // The batch covers every verdict, so steps to working towards and to achieved are both tried.
        #expect(verdicts.count == 3, "\(verdicts)")
    }
}
