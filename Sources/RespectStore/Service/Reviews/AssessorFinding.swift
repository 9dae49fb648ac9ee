public import Foundation
public import RespectModel

/// An assessor's judgement on an indicator or an evidence item of one submitted version, as the
/// service records it. It is never edited: a later finding on the same target supersedes it
/// (the engine applies the latest-dated), and a second assessor's moderation is recorded beside it.
public struct AssessorFinding: Sendable, Hashable, Codable {
    public var id: Int64
    public var submissionID: Int64
    public var version: Int
    public var kind: FindingTargetKind
    public var targetID: String
    public var decision: FindingDecision
    public var reason: String
    /// The user who recorded it.
    public var assessorID: Int64
    public var assessorEmail: EmailAddress
    /// The date of the judgement.
    public var date: CalendarDate
    /// The last day it applies, if limited.
    public var expires: CalendarDate?
    /// Evidence findings: the SHA-256 of the document judged.
    public var fileSHA256: String?
    public var recordedAt: Date
    /// The second assessor's view; `nil` while none has moderated it.
    public var moderation: FindingModeration?

    public init(id: Int64, submissionID: Int64, version: Int, kind: FindingTargetKind, targetID: String,
                decision: FindingDecision, reason: String, assessorID: Int64, assessorEmail: EmailAddress,
                date: CalendarDate, expires: CalendarDate?, fileSHA256: String?, recordedAt: Date,
                moderation: FindingModeration?) {
        self.id = id
        self.submissionID = submissionID
        self.version = version
        self.kind = kind
        self.targetID = targetID
        self.decision = decision
        self.reason = reason
        self.assessorID = assessorID
        self.assessorEmail = assessorEmail
        self.date = date
        self.expires = expires
        self.fileSHA256 = fileSHA256
        self.recordedAt = recordedAt
        self.moderation = moderation
    }
}

/// A finding to record.
public struct NewFinding: Sendable, Hashable {
    public var submissionID: Int64
    public var version: Int
    public var kind: FindingTargetKind
    public var targetID: String
    public var decision: FindingDecision
    public var reason: String
    public var assessorID: Int64
    public var date: CalendarDate
    public var expires: CalendarDate?
    public var fileSHA256: String?
    public var recordedAt: Date

    public init(submissionID: Int64, version: Int, kind: FindingTargetKind, targetID: String, decision: FindingDecision,
                reason: String, assessorID: Int64, date: CalendarDate, expires: CalendarDate? = nil,
                fileSHA256: String? = nil, recordedAt: Date) {
        self.submissionID = submissionID
        self.version = version
        self.kind = kind
        self.targetID = targetID
        self.decision = decision
        self.reason = reason
        self.assessorID = assessorID
        self.date = date
        self.expires = expires
        self.fileSHA256 = fileSHA256
        self.recordedAt = recordedAt
    }
}

/// A second assessor's view of a finding (moderation): agreed, or disputed with a note.
public struct FindingModeration: Sendable, Hashable, Codable {
    public var moderatorID: Int64
    public var agrees: Bool
    public var note: String
    public var at: Date

    public init(moderatorID: Int64, agrees: Bool, note: String, at: Date) {
        self.moderatorID = moderatorID
        self.agrees = agrees
        self.note = note
        self.at = at
    }
}
