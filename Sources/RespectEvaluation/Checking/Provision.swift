public import RespectModel

/// What to provide to meet a requirement: a tree whose leaves carry every figure (type and
/// label, how many, the dates that will count, the fact and its threshold), so a planner can
/// act on it and a report can word it.
///
/// Encoded as a flat JSON object: `code` (`Kind`'s raw value), the figures as fields, nested
/// provisions as arrays, and `message` when a wording is given.
public indirect enum Provision: Sendable, Hashable {
    /// Items of a type linked to an indicator.
    case evidence(EvidenceProvision)
    /// A stated fact that passes the threshold.
    case fact(fact: TermReference, threshold: FactThreshold)
    /// The fact's `source`: an item of one of `allowedSourceTypes` (`nil`: any type) that shows
    /// the figure, so the fact is backed.
    case factSource(fact: TermReference, allowedSourceTypes: [TermReference]?)
    /// Offering a service type, declared in the submission.
    case service(serviceType: TermReference)
    /// Any one of the alternatives, each a list of provisions that are all needed.
    case oneOf(alternatives: [[Provision]])
    /// `count` more of the options, each a list of provisions that are all needed.
    case moreOf(count: Int, options: [[Provision]])
    /// Evidence that answers an assessor's finding that rejected the indicator.
    case answerFinding(assessor: String, date: CalendarDate, assessorReason: String)

    /// The kind of provision; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case evidence
        case fact
        case factSource = "fact-source"
        case service
        case oneOf = "one-of"
        case moreOf = "more-of"
        case answerFinding = "answer-finding"
    }

    public var kind: Kind {
        switch self {
        case .evidence: .evidence
        case .fact: .fact
        case .factSource: .factSource
        case .service: .service
        case .oneOf: .oneOf
        case .moreOf: .moreOf
        case .answerFinding: .answerFinding
        }
    }
}

/// Evidence to provide: `count` items (more than those already counted when `more`) of a type,
/// linked to an indicator, issued on or after a date and reviewed no earlier than another when
/// the requirement says so.
public struct EvidenceProvision: Sendable, Hashable, Codable {
    public var count: Int
    /// Some items of the type already count: these are in addition.
    public var more: Bool
    public var evidenceType: TermReference
    /// The indicator to link the items to (in `<supports>`).
    public var indicator: String
    /// The oldest issue date that counts, when the requirement has an age limit.
    public var issuedOnOrAfter: CalendarDate?
    /// The earliest review-by date that counts, when the requirement needs a current review.
    public var reviewByOnOrAfter: CalendarDate?

    public init(count: Int, more: Bool, evidenceType: TermReference, indicator: String,
                issuedOnOrAfter: CalendarDate?, reviewByOnOrAfter: CalendarDate?) {
        self.count = count
        self.more = more
        self.evidenceType = evidenceType
        self.indicator = indicator
        self.issuedOnOrAfter = issuedOnOrAfter
        self.reviewByOnOrAfter = reviewByOnOrAfter
    }
}

extension Provision: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .evidence: self = .evidence(try EvidenceProvision(from: decoder))
        case .fact: self = .fact(fact: try fields.figure("fact"), threshold: try fields.figure("threshold"))
        case .factSource:
            self = .factSource(fact: try fields.figure("fact"), allowedSourceTypes: try fields.optionalFigure("allowedSourceTypes"))
        case .service: self = .service(serviceType: try fields.figure("serviceType"))
        case .oneOf: self = .oneOf(alternatives: try fields.figure("alternatives"))
        case .moreOf: self = .moreOf(count: try fields.figure("count"), options: try fields.figure("options"))
        case .answerFinding:
            self = .answerFinding(assessor: try fields.figure("assessor"), date: try fields.figure("date"),
                                  assessorReason: try fields.figure("assessorReason"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .evidence(let evidence):
            try evidence.encode(to: encoder)
        case .fact(let fact, let threshold):
            try fields.encode(fact, forKey: "fact")
            try fields.encode(threshold, forKey: "threshold")
        case .factSource(let fact, let allowed):
            try fields.encode(fact, forKey: "fact")
            try fields.encodeIfPresent(allowed, forKey: "allowedSourceTypes")
        case .service(let type):
            try fields.encode(type, forKey: "serviceType")
        case .oneOf(let alternatives):
            try fields.encode(alternatives, forKey: "alternatives")
        case .moreOf(let count, let options):
            try fields.encode(count, forKey: "count")
            try fields.encode(options, forKey: "options")
        case .answerFinding(let assessor, let date, let reason):
            try fields.encode(assessor, forKey: "assessor")
            try fields.encode(date, forKey: "date")
            try fields.encode(reason, forKey: "assessorReason")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
