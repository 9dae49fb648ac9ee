public import RespectEvaluation

extension AssessmentEngine {
    /// What changed between two submissions, each assessed now through `assess` (as of the
    /// request's date, else each file's own).
    public func diff(old: AssessmentRequest, new: AssessmentRequest) throws(AssessmentFailure) -> AssessmentDiff {
        AssessmentDiff(old: try assess(old).assessment, new: try assess(new).assessment)
    }
}
