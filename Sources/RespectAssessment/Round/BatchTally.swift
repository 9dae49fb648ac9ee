public import RespectModel

/// The running totals of a batch: counts per outcome and the first failures, nothing per
/// file beyond that, so it stays small whatever the batch size.
public struct BatchTally: Sendable {
    /// How many failures are kept with their errors for the summary (the rest are counted).
    public static let keptFailures = 100

    public private(set) var files = 0
    public private(set) var counts: [BatchOutcome: Int] = [:]
    /// Scored submissions with at least one safety-critical failure.
    public private(set) var withSafetyCriticalFailures = 0
    /// The first `keptFailures` files that could not be scored, with their first error.
    public private(set) var failures: [(file: String, outcome: BatchOutcome, error: String)] = []

    /// Findings and tender files found among the submissions, skipped (the first `keptFailures`).
    public private(set) var skipped: [(file: String, kind: DocumentKind)] = []
    /// How many files were skipped.
    public private(set) var skippedCount = 0
    /// Assessor findings applied, over every submission.
    public private(set) var findingsApplied = 0
    /// Submissions at least one finding applied to.
    public private(set) var submissionsWithFindings = 0
    /// The findings files that concerned at least one submission.
    public private(set) var findingsFilesMatched: Set<String> = []

    public init() {}

    /// Counts `row`; a skipped file counts only as skipped, not as a file of the round.
    public mutating func add(_ row: BatchRow) {
        if let kind = row.skipped {
            skippedCount += 1
            if skipped.count < Self.keptFailures { skipped.append((row.file, kind)) }
            return
        }
        findingsApplied += row.findingsApplied ?? 0
        if (row.findingsApplied ?? 0) > 0 { submissionsWithFindings += 1 }
        findingsFilesMatched.formUnion(row.findingsFilesMatched)
        files += 1
        counts[row.outcome, default: 0] += 1
        if !row.safetyCriticalFailures.isEmpty { withSafetyCriticalFailures += 1 }
        if !row.outcome.isScored, failures.count < Self.keptFailures {
            failures.append((row.file, row.outcome, row.errors.first ?? row.outcome.label))
        }
    }

    public func count(_ outcome: BatchOutcome) -> Int { counts[outcome, default: 0] }

    public var scored: Int { BatchOutcome.allCases.filter(\.isScored).reduce(0) { $0 + count($1) } }
    public var failed: Int { files - scored }
}
