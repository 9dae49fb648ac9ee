import Foundation
import RespectCorpus
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// `Evaluator.figures(of:asOf:)`, the batch's short cut, must give exactly the figures of the
/// full assessment that `respect check` computes.
@Suite struct AssessmentFiguresTests {
    /// The figures both ways; nil when the full evaluation throws (then the short cut must too).
    func bothWays(_ evaluator: Evaluator, _ submission: Submission, asOf: CalendarDate) throws -> (AssessmentFigures, AssessmentFigures)? {
        guard let full = try? evaluator.evaluate(submission, asOf: asOf) else {
            #expect(throws: SubmissionMismatch.self) { try evaluator.figures(of: submission, asOf: asOf) }
            return nil
        }
        return (try evaluator.figures(of: submission, asOf: asOf), AssessmentFigures(full))
    }

    @Test func theExamplesGetTheFullAssessmentsFigures() throws {
        let evaluator = Evaluator(framework: ExampleTests.framework)
        let folder = TestSupport.examplesDirectory + "/submissions"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        var compared = 0
        for name in names {
            let submission = try TestSupport.loader.loadSubmission(contentsOf: folder + "/" + name)
            let asOf = try #require(submission.asOf)
            // The submission's own date, and a later one when much has expired.
            for date in [asOf, asOf.adding(months: 30)] {
                guard let (short, full) = try bothWays(evaluator, submission, asOf: date) else { continue }
                #expect(short == full, "\(name) as of \(date)")
                compared += 1
            }
        }
        #expect(compared >= 4)
    }

    @Test func generatedSubmissionsGetTheFullAssessmentsFigures() throws {
        let framework = TestSupport.standard2017
        let generator = CorpusGenerator(framework: framework, seed: 11)
        let evaluator = Evaluator(framework: framework)
        var verdicts = Set<Verdict>()
        for number in 1...20 {
            let generated = generator.submission(number: number)
            let path = TestSupport.temporaryFile(generated.document, name: "figures-\(number).xml")
            let submission = try TestSupport.loader.loadSubmission(contentsOf: path)
            let asOf = try #require(submission.asOf)
            let (short, full) = try #require(try bothWays(evaluator, submission, asOf: asOf))
            #expect(short == full, "submission \(number)")
            #expect(short.missingEvidence.allSatisfy { $0.firstReason != nil })
            verdicts.insert(short.verdict)
        }
        #expect(verdicts.count == 3)
    }

    @Test func anUnknownServiceTypeStopsTheShortCutToo() throws {
        let submission = try TestSupport.miniVariant([("type=\"group\"", "type=\"submarine\"")])
        let evaluator = Evaluator(framework: TestSupport.miniFramework)
        #expect(throws: SubmissionMismatch.self) { try evaluator.figures(of: submission, asOf: CalendarDate("2026-06-30")!) }
    }
}
