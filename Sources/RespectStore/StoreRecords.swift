import GRDB

/// A row of `run`: one recorded check.
struct RunRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    var id: Int64?
    var recordedAt: String
    var assessor: String
    var providerName: String
    /// The name lowercased with spacing collapsed, for case-insensitive look-up.
    var providerKey: String
    var charityNumber: String?
    var companyNumber: String?
    var submissionFile: String
    var submissionSHA256: String?
    var frameworkID: String
    var frameworkEdition: String
    var frameworkSHA256: String?
    var engineVersion: String
    var asOf: String
    var verdict: String
    var outcomeID: String
    var outcomeLabel: String
    /// The full result's typed data, as `ResultCoding` encodes it (no sentences).
    var resultJSON: String

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of `runInput`: one input file of a run and its SHA-256.
struct RunInputRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "runInput"
    var id: Int64?
    var runId: Int64
    var role: String
    var path: String
    var sha256: String
}

/// A row of `runFinding`: one assessor finding considered in a run, and what became of it.
struct RunFindingRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "runFinding"
    var id: Int64?
    var runId: Int64
    var kind: String
    var targetID: String
    var decision: String
    var state: String
    var reason: String
    var assessor: String
    var date: String
    var expires: String?
    /// The engine's view of the target (`AutomatedView`), as `ResultCoding` encodes it.
    var automated: String
    var file: String
    var line: Int
}
