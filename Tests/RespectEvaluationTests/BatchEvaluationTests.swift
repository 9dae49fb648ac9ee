import Foundation
import RespectEvaluation
import RespectModel
import RespectTestSupport
import Testing

/// A batch evaluates without writing expiry warnings; everything else in the assessment must
/// be exactly what `respect check` computes.
@Suite struct BatchEvaluationTests {
    func json(_ assessment: Assessment) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(assessment)
    }

    @Test func withoutExpiryWarningsOnlyTheExpiryWarningsDiffer() throws {
        let evaluator = Evaluator(framework: ExampleTests.framework)
        let folder = TestSupport.examplesDirectory + "/submissions"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        var expiryWarningsSeen = 0
        for name in names {
            let submission = try TestSupport.loader.loadSubmission(contentsOf: folder + "/" + name)
            let asOf = try #require(submission.asOf)
            guard let full = try? evaluator.evaluate(submission, asOf: asOf) else { continue }
            var batch = try evaluator.evaluateWithoutExpiryWarnings(submission, asOf: asOf)
            let expiry: Set<Warning.Kind> = [.reviewDueSoon, .ageLimitSoon]
            #expect(!batch.warnings.contains { expiry.contains($0.kind) }, "\(name)")
            expiryWarningsSeen += full.warnings.filter { expiry.contains($0.kind) }.count
            batch.warnings = full.warnings
            #expect(try json(batch) == json(full), "\(name)")
        }
        #expect(expiryWarningsSeen > 0)
    }
}
