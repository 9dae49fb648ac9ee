public import Foundation
public import RespectEvaluation
public import RespectModel

/// A run to record: the result, who ran it and when. The columns a store keeps beside the
/// result (names, numbers, digests, the timestamp) are derived here, once, so every
/// implementation stores and matches the same values.
public struct RunRecord: Sendable {
    /// The result, with its `inputs` (and their SHA-256) filled in, without a plan (advice
    /// worked out from the result, not part of it).
    public var assessment: Assessment
    public var assessor: String
    public var recordedAt: Date

    public init(_ assessment: Assessment, assessor: String, recordedAt: Date) {
        var assessment = assessment
        assessment.plan = nil
        self.assessment = assessment
        self.assessor = assessor
        self.recordedAt = recordedAt
    }

    public var provider: Provider { assessment.submission.provider }

    /// The provider's name as names are matched (`FindingsSubject.folded`).
    public var providerKey: String { FindingsSubject.folded(provider.name) }

    /// The organisation's registered number (`Provider.registeredNumber`).
    public var registeredNumber: String? { provider.registeredNumber }

    /// The charity and company numbers, normalised as registered numbers are.
    public var charityNumber: String? { provider.charityNumber.flatMap(Provider.registeredNumber) }
    public var companyNumber: String? { provider.companyNumber.flatMap(Provider.registeredNumber) }

    public var submissionSHA256: String? { assessment.inputs.first { $0.role == "submission" }?.sha256 }
    public var frameworkSHA256: String? { assessment.inputs.first { $0.role == "framework" }?.sha256 }

    /// When it was recorded, UTC, to the second: `2026-11-23T16:40:05Z`.
    public var timestamp: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: recordedAt)
    }

    /// The findings the run considered, as a store keeps them.
    public var findings: [StoredFinding] { assessment.findings?.entries.map(StoredFinding.init) ?? [] }

    /// The result as stored: `ResultCoding`'s deterministic JSON.
    public func encodedResult() throws -> String {
        String(decoding: try ResultCoding.encode(assessment), as: UTF8.self)
    }

    /// The summary the store gives for this run once recorded as run `id`.
    public func summary(run id: Int64) -> RunSummary {
        RunSummary(run: id, recordedAt: timestamp, assessor: assessor, provider: provider.name,
                   registeredNumber: registeredNumber, submissionFile: assessment.submission.file,
                   submissionSHA256: submissionSHA256,
                   framework: "\(assessment.framework.id)@\(assessment.framework.edition)",
                   frameworkSHA256: frameworkSHA256, engineVersion: assessment.engineVersion,
                   asOf: assessment.asOf.description, verdict: assessment.outcome.verdict.rawValue,
                   outcome: assessment.outcome.label)
    }
}
