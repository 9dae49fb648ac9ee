/// An assessor's findings file: judgements on one provider's submission that override the
/// engine's automated evaluation. See `standards/schema/findings-v1.xsd`.
public struct Findings: Sendable, Hashable {
    /// Which submission the findings concern.
    public var subject: FindingsSubject
    /// In document order.
    public var findings: [Finding]
    /// The file it was read from.
    public var source: String

    public init(subject: FindingsSubject, findings: [Finding], source: String) {
        self.subject = subject
        self.findings = findings
        self.source = source
    }
}

/// The submission a findings file concerns. Every identifier given must match; at least one is given.
public struct FindingsSubject: Sendable, Hashable, Codable {
    public var provider: String?
    public var charityNumber: String?
    public var companyNumber: String?
    /// The SHA-256 of the exact submission file judged: the findings apply to that file only.
    public var submissionSHA256: String?

    public init(provider: String? = nil, charityNumber: String? = nil, companyNumber: String? = nil,
                submissionSHA256: String? = nil) {
        self.provider = provider
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.submissionSHA256 = submissionSHA256
    }

    /// Whether a submission from `provider` whose file has the SHA-256 `sha256` is the subject.
    /// Names compare ignoring case and spacing; numbers ignoring spaces.
    public func matches(_ provider: Provider, submissionSHA256 sha256: String?) -> Bool {
        if let name = self.provider, FindingsSubject.folded(name) != FindingsSubject.folded(provider.name) { return false }
        if let charity = charityNumber, FindingsSubject.number(charity) != provider.charityNumber.map(FindingsSubject.number) { return false }
        if let company = companyNumber, FindingsSubject.number(company) != provider.companyNumber.map(FindingsSubject.number) { return false }
        if let expected = submissionSHA256, expected.lowercased() != sha256?.lowercased() { return false }
        return true
    }

    /// "provider Brookfield…, charity 1190002, submission sha256 3f4c…".
    public var description: String {
        var parts: [String] = []
        if let provider { parts.append("provider '\(provider)'") }
        if let charityNumber { parts.append("charity \(charityNumber)") }
        if let companyNumber { parts.append("company \(companyNumber)") }
        if let submissionSHA256 { parts.append("submission SHA-256 \(submissionSHA256.prefix(12))…") }
        return parts.joined(separator: ", ")
    }

    /// Lowercased, with runs of white space made one space.
    public static func folded(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func number(_ text: String) -> String {
        Provider.registeredNumber(text) ?? ""
    }
}

/// What an assessor decided.
public enum FindingDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// The indicator is met, or the item counts as evidence, whatever the automation said.
    case accepted
    /// The indicator is not met, or the item no longer counts as evidence.
    case rejected
    /// Only a site visit can settle it.
    case needsSiteVisit = "needs-site-visit"

    /// Plain words for reports.
    public var label: String {
        switch self {
        case .accepted: "accepted"
        case .rejected: "rejected"
        case .needsSiteVisit: "needs site visit"
        }
    }
}

/// What a finding is about: an indicator of the framework or an evidence item of the submission.
public enum FindingTargetKind: String, Sendable, Hashable, Codable {
    case indicator
    case evidence
}

/// One judgement.
public struct Finding: Sendable, Hashable {
    public var kind: FindingTargetKind
    /// The indicator id or evidence item id.
    public var targetID: String
    public var decision: FindingDecision
    public var reason: String
    public var assessor: String
    public var date: CalendarDate
    /// The last day the finding applies, if limited.
    public var expires: CalendarDate?
    /// Evidence findings: the SHA-256 of the document judged.
    public var fileSHA256: String?
    public var line: Int

    public init(kind: FindingTargetKind, targetID: String, decision: FindingDecision, reason: String, assessor: String,
                date: CalendarDate, expires: CalendarDate? = nil, fileSHA256: String? = nil, line: Int = 0) {
        self.kind = kind
        self.targetID = targetID
        self.decision = decision
        self.reason = reason
        self.assessor = assessor
        self.date = date
        self.expires = expires
        self.fileSHA256 = fileSHA256
        self.line = line
    }

    /// Whether the finding still applies on `asOf`: its expiry day is the last day it does.
    public func isExpired(asOf: CalendarDate) -> Bool {
        expires.map { $0 < asOf } ?? false
    }
}
