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

    public init() {}

    public mutating func add(_ row: BatchRow) {
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
