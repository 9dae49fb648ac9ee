public import Foundation

/// A provider's self-assessment: a series of versions, each an uploaded submission file.
/// Nothing is ever deleted; a newer version supersedes an older one.
public struct SubmissionRecord: Sendable, Hashable, Codable {
    public var id: Int64
    /// The provider organisation it belongs to.
    public var organisation: RegisteredNumber
    public var title: String
    public var createdAt: Date
    public var createdBy: Int64
    /// The number of its latest version (versions are numbered from 1).
    public var latestVersion: Int
    /// The numbers of its versions submitted for assessment, oldest first.
    public var submittedVersions: [Int]

    public init(id: Int64, organisation: RegisteredNumber, title: String, createdAt: Date, createdBy: Int64,
                latestVersion: Int, submittedVersions: [Int]) {
        self.id = id
        self.organisation = organisation
        self.title = title
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.latestVersion = latestVersion
        self.submittedVersions = submittedVersions
    }

    /// Whether assessors see it: at least one version was submitted for assessment.
    public var isSubmitted: Bool { !submittedVersions.isEmpty }
}

/// A version to add: the file and what was read from it.
public struct NewVersion: Sendable, Hashable {
    public var content: FileContent
    /// The name the file was uploaded under.
    public var fileName: String
    /// The provider's name as the file gives it.
    public var providerName: String
    /// `id@edition` the file targets.
    public var framework: String
    /// The file's as-of date, `YYYY-MM-DD`, when it gives one.
    public var asOf: String?
    public var uploadedBy: Int64
    public var uploadedAt: Date

    public init(content: FileContent, fileName: String, providerName: String, framework: String, asOf: String?,
                uploadedBy: Int64, uploadedAt: Date) {
        self.content = content
        self.fileName = fileName
        self.providerName = providerName
        self.framework = framework
        self.asOf = asOf
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// One version of a submission. Its file never changes; once submitted for assessment its
/// state never changes either.
public struct SubmissionVersion: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Uploaded; the provider may still supersede it with a newer version.
        case draft
        /// Submitted for assessment: frozen, visible to assessors, and can be offered as a bid.
        case submitted
    }

    public var submissionID: Int64
    public var number: Int
    public var sha256: String
    public var size: Int
    public var fileName: String
    public var providerName: String
    public var framework: String
    public var asOf: String?
    public var uploadedBy: Int64
    public var uploadedAt: Date
    public var state: State
    public var submittedAt: Date?
    public var submittedBy: Int64?

    public init(submissionID: Int64, number: Int, sha256: String, size: Int, fileName: String, providerName: String,
                framework: String, asOf: String?, uploadedBy: Int64, uploadedAt: Date, state: State,
                submittedAt: Date?, submittedBy: Int64?) {
        self.submissionID = submissionID
        self.number = number
        self.sha256 = sha256
        self.size = size
        self.fileName = fileName
        self.providerName = providerName
        self.framework = framework
        self.asOf = asOf
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
        self.state = state
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
    }
}
