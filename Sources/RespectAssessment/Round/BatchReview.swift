public import RespectEvaluation
public import RespectModel

/// What an assessor adds to a batch: findings to apply to each submission, and a run store that
/// records each scored submission. Both are used from many workers at once, so they must be
/// safe to share (a run store takes records from many tasks at once; each run is one transaction).
public struct BatchReview: Sendable {
    /// The findings files; those that concern a submission are applied to it.
    public var findings: FindingsSet
    /// Records one assessment (with its inputs filled in) and returns the run's id; `nil`: no store.
    public var record: (@Sendable (Assessment) async throws -> Int64)?

    public init(findings: FindingsSet = FindingsSet(), record: (@Sendable (Assessment) async throws -> Int64)? = nil) {
        self.findings = findings
        self.record = record
    }
}
