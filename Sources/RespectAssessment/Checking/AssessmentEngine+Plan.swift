public import RespectEvaluation
import RespectModel

extension AssessmentEngine {
    /// Assesses one submission in full, as `assess` does, and works out the path to the next
    /// verdict from that same reading: the edition it was evaluated against (carried over when
    /// it was written for an older one), the same as-of date and the same assessor findings.
    /// The plan is in the result's `assessment.plan` (the run store does not keep it).
    ///
    /// - Throws: `AssessmentFailure`, with what was learnt before the failure.
    public func plan(_ request: AssessmentRequest) throws(AssessmentFailure) -> SubmissionAssessment {
        var assessed = try assess(request)
        let resolved = assessed.resolved
        // The plan speaks the edition the submission was evaluated against.
        let evaluated = resolved.migration.map { $0.migration.migrate(assessed.submission) } ?? assessed.submission
        // Without findings, a carried-over edition or evidence files, the assessment just made
        // is exactly `evaluate(_:asOf:)`'s, which the plan starts from.
        let plain = assessed.findings.isEmpty && resolved.migration == nil && request.evidenceRoot == nil
        do {
            assessed.assessment.plan = try VerdictPlanner(evaluator: resolved.edition.evaluator)
                .plan(evaluated, asOf: assessed.asOf, findings: assessed.findings, submissionSHA256: assessed.input.sha256,
                      assessed: plain ? assessed.assessment : nil)
        } catch {
            throw AssessmentFailure(error: .submissionMismatch(error), input: assessed.input, submission: assessed.submission,
                                    framework: resolved.edition.reference, asOf: assessed.asOf)
        }
        return assessed
    }
}
