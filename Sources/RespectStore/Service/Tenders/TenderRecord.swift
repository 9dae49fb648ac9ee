public import Foundation

/// A commissioner's tender: its requirement file and what was read from it.
public struct TenderRecord: Sendable, Hashable, Codable {
    public var id: Int64
    /// The commissioning organisation it belongs to.
    public var organisation: RegisteredNumber
    /// The tender's own reference, as its file gives it.
    public var reference: String
    public var title: String
    /// The bid deadline, `YYYY-MM-DD`.
    public var deadline: String
    public var sha256: String
    public var fileName: String
    public var createdBy: Int64
    public var createdAt: Date

    public init(id: Int64, organisation: RegisteredNumber, reference: String, title: String, deadline: String,
                sha256: String, fileName: String, createdBy: Int64, createdAt: Date) {
        self.id = id
        self.organisation = organisation
        self.reference = reference
        self.title = title
        self.deadline = deadline
        self.sha256 = sha256
        self.fileName = fileName
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// A tender to add.
public struct NewTender: Sendable, Hashable {
    public var organisation: RegisteredNumber
    public var content: FileContent
    public var fileName: String
    public var reference: String
    public var title: String
    public var deadline: String
    public var createdBy: Int64
    public var createdAt: Date

    public init(organisation: RegisteredNumber, content: FileContent, fileName: String, reference: String, title: String,
                deadline: String, createdBy: Int64, createdAt: Date) {
        self.organisation = organisation
        self.content = content
        self.fileName = fileName
        self.reference = reference
        self.title = title
        self.deadline = deadline
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}

/// A provider's bid: one of its submitted versions offered to a tender. A later bid by the same
/// organisation to the same tender supersedes the earlier one (which is kept).
public struct BidRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var tenderID: Int64
    public var organisation: RegisteredNumber
    public var submissionID: Int64
    public var version: Int
    public var placedBy: Int64
    public var placedAt: Date
    /// The bid that replaced it; `nil` while it is the organisation's current bid.
    public var supersededBy: Int64?

    public init(id: Int64, tenderID: Int64, organisation: RegisteredNumber, submissionID: Int64, version: Int,
                placedBy: Int64, placedAt: Date, supersededBy: Int64?) {
        self.id = id
        self.tenderID = tenderID
        self.organisation = organisation
        self.submissionID = submissionID
        self.version = version
        self.placedBy = placedBy
        self.placedAt = placedAt
        self.supersededBy = supersededBy
    }
}
