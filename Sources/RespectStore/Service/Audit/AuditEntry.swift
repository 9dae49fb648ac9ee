public import Foundation
import RespectModel

/// What a change did. The raw values are the stable codes the API and the audit log show.
public enum AuditAction: String, Sendable, Hashable, Codable, CaseIterable {
    case organisationAdded = "organisation.added"
    case userAdded = "user.added"
    case userChanged = "user.changed"
    case sessionStarted = "session.started"
    case sessionEnded = "session.ended"
    case tokenCreated = "token.created"
    case tokenRevoked = "token.revoked"
    case signInRefused = "sign-in.refused"
    case submissionCreated = "submission.created"
    case versionAdded = "version.added"
    case versionSubmitted = "version.submitted"
    case evidenceFileAdded = "evidence-file.added"
    case findingRecorded = "finding.recorded"
    case findingModerated = "finding.moderated"
    case tenderAdded = "tender.added"
    case bidPlaced = "bid.placed"
    case roundCreated = "round.created"
    case runRecorded = "run.recorded"
    case checkRecorded = "check.recorded"
}

/// The record a change concerns: its kind and its id (`submission` `12`, `version` `12/3`,
/// `user` `4`, `organisation` `1190003`, …).
public struct AuditSubject: Sendable, Hashable, Codable {
    public var kind: String
    public var id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// One entry of the audit log: who, when, what, and digests of the record before and after.
/// Entries are only ever appended, in the same transaction as the change they record.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Increases with each entry appended.
    public var id: Int64
    public var at: Date
    public var author: ChangeAuthor
    public var action: AuditAction
    public var subject: AuditSubject
    /// The organisation the record belongs to, when it belongs to one (for filtering).
    public var organisation: RegisteredNumber?
    /// `AuditDigest` of the record before the change; `nil` when it did not exist.
    public var before: String?
    /// `AuditDigest` of the record after the change.
    public var after: String?

    public init(id: Int64, at: Date, author: ChangeAuthor, action: AuditAction, subject: AuditSubject,
                organisation: RegisteredNumber?, before: String?, after: String?) {
        self.id = id
        self.at = at
        self.author = author
        self.action = action
        self.subject = subject
        self.organisation = organisation
        self.before = before
        self.after = after
    }
}

/// Which audit entries to read: newest first, at most `limit`, before entry `before` when
/// given (to page back), narrowed to one organisation or one kind of record when given.
public struct AuditQuery: Sendable, Hashable {
    public var before: Int64?
    public var limit: Int
    public var organisation: RegisteredNumber?
    public var subjectKind: String?

    public init(before: Int64? = nil, limit: Int = 100, organisation: RegisteredNumber? = nil, subjectKind: String? = nil) {
        self.before = before
        self.limit = limit
        self.organisation = organisation
        self.subjectKind = subjectKind
    }
}

/// The digest of a record as the audit log keeps it: the SHA-256 of its JSON with sorted keys
/// and dates in seconds since 1970, so every store computes the same digest of the same value.
public enum AuditDigest {
    public static func of(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        // Every value given is a plain record of strings, numbers and dates.
        let data = (try? encoder.encode(value)) ?? Data()
        return InputFile.sha256(of: Array(data))
    }
}
