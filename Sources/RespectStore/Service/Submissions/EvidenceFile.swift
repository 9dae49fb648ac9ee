public import Foundation

/// An evidence document uploaded to a submission. Its bytes are kept by SHA-256 (`FileContent`),
/// once however many submissions upload them; the submission's evidence items name the digest.
public struct EvidenceFile: Sendable, Hashable, Codable {
    public var submissionID: Int64
    public var sha256: String
    public var size: Int
    /// The name it was uploaded under (as given; never used as a path).
    public var fileName: String
    /// The media type it was uploaded with, e.g. `application/pdf`.
    public var mediaType: String
    public var uploadedBy: Int64
    public var uploadedAt: Date

    public init(submissionID: Int64, sha256: String, size: Int, fileName: String, mediaType: String,
                uploadedBy: Int64, uploadedAt: Date) {
        self.submissionID = submissionID
        self.sha256 = sha256
        self.size = size
        self.fileName = fileName
        self.mediaType = mediaType
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// A submission file checked by a user (`POST /api/v1/check`), kept so that the user, and only
/// that user, can read its HTML report later through any server process.
public struct CheckRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var userID: Int64
    public var sha256: String
    public var fileName: String
    /// The as-of date the check used, `YYYY-MM-DD`.
    public var asOf: String
    public var checkedAt: Date

    public init(id: Int64, userID: Int64, sha256: String, fileName: String, asOf: String, checkedAt: Date) {
        self.id = id
        self.userID = userID
        self.sha256 = sha256
        self.fileName = fileName
        self.asOf = asOf
        self.checkedAt = checkedAt
    }
}
