public import Foundation

/// A round: a set of submitted versions scored together, as `respect batch` scores files, each
/// scored version recorded as a run.
public struct RoundRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    public var createdBy: Int64
    public var createdAt: Date
    /// In the order they were given.
    public var entries: [RoundEntry]

    public init(id: Int64, name: String, createdBy: Int64, createdAt: Date, entries: [RoundEntry]) {
        self.id = id
        self.name = name
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.entries = entries
    }
}

/// One scored version of a round.
public struct RoundEntry: Sendable, Hashable, Codable {
    public var submissionID: Int64
    public var version: Int
    /// The run recorded for it; `nil` when the version could not be scored.
    public var run: Int64?
    /// The batch row, as one line of `respect batch --jsonl` gives it.
    public var rowJSON: String

    public init(submissionID: Int64, version: Int, run: Int64?, rowJSON: String) {
        self.submissionID = submissionID
        self.version = version
        self.run = run
        self.rowJSON = rowJSON
    }
}
