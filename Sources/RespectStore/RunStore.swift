public import Foundation
public import RespectEvaluation

/// Where recorded runs are kept: every check recorded whole, for an audit trail, an
/// organisation's history and diffs between runs.
///
/// The contract every implementation keeps (and `RunStoreContract`, in the tests' support
/// target, checks for each):
/// - `record` writes the run, its input files and the findings it considered in one
///   transaction: they appear together or not at all, so an interrupted batch leaves only whole
///   runs. Ids are assigned by the store and increase with each run recorded.
/// - Records from many tasks at once all land, each with its own id.
/// - A run reads back as it was recorded: its result (`ResultCoding`'s encoding), its inputs
///   with their SHA-256, its findings and its summary.
/// - Opening a store brings its schema up to date by named, ordered migrations; a store left by
///   an older engine opens and reads.
///
/// Every method reports failure as a `StoreError` whose `description` is what a user sees.
public protocol RunStore: Sendable {
    /// Where the store is, for messages: a file path, or a database named without credentials.
    var location: String { get }

    /// Records one run in one transaction and returns its id, greater than every id before it.
    func record(_ run: RunRecord) async throws(StoreError) -> Int64

    /// The runs of the organisations `query` matches (see `OrganisationQuery`), oldest first.
    func runs(matching query: OrganisationQuery) async throws(StoreError) -> [RunSummary]

    /// One run read back whole; `nil` when the store has no run with that id.
    func run(id: Int64) async throws(StoreError) -> StoredRun?

    /// How many runs, input files and findings the store holds.
    func counts() async throws(StoreError) -> StoreCounts

    /// The names of the schema migrations applied, in the order they were applied.
    func appliedMigrations() async throws(StoreError) -> [String]
}

extension RunStore {
    /// Records `assessment` (its `inputs` filled in) as run by `assessor` at `time`; returns the id.
    @discardableResult
    public func record(_ assessment: Assessment, assessor: String, at time: Date) async throws(StoreError) -> Int64 {
        try await record(RunRecord(assessment, assessor: assessor, recordedAt: time))
    }

    /// The runs `query` matches, one history per organisation (see `OrganisationHistory.grouping`).
    public func history(matching query: OrganisationQuery) async throws(StoreError) -> [OrganisationHistory] {
        OrganisationHistory.grouping(try await runs(matching: query))
    }
}
