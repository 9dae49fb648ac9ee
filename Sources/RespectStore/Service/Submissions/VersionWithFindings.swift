/// One version as a self-assessment's pages read it: its submission, the version itself, and
/// the submission's findings (oldest first), read together (`SubmissionStore.versionWithFindings`)
/// rather than in three reads.
public struct VersionWithFindings: Sendable, Hashable {
    public var submission: SubmissionRecord
    public var version: SubmissionVersion
    public var findings: [AssessorFinding]

    public init(submission: SubmissionRecord, version: SubmissionVersion, findings: [AssessorFinding]) {
        self.submission = submission
        self.version = version
        self.findings = findings
    }
}
