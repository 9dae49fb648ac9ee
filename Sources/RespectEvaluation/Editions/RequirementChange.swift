public import RespectModel

/// One change in what an indicator asks for, old → new, with both values typed: a minimum
/// count 2 → 3, an age limit, a threshold, the services it applies to.
///
/// Encoded as a flat JSON object: `code` (`Kind`'s raw value), what it is about
/// (`evidenceType`, `fact`, `serviceType` or `of`), `old` and `new` (left out when there is
/// none: no age limit, no threshold, every service type or risk level), and `message` when a
/// wording is given.
public enum RequirementChange: Sendable, Hashable {
    /// An evidence type newly required (`required`), or no longer required.
    case evidenceType(String, required: Bool)
    /// The minimum number of items of a type.
    case count(evidenceType: String, old: Int, new: Int)
    /// The maximum age of items of a type, in months (`nil`: any age).
    case age(evidenceType: String, oldMonths: Int?, newMonths: Int?)
    /// Whether items of a type must be within their review-by date.
    case reviewDate(evidenceType: String, old: Bool, new: Bool)
    /// A fact threshold added (`old` nil), removed (`new` nil) or changed.
    case threshold(fact: String, old: FactThreshold?, new: FactThreshold?)
    /// A service newly required (`required`), or no longer required.
    case service(String, required: Bool)
    /// The service types or risk levels the indicator applies to, sorted (`nil`: all).
    case applicability(ApplicabilityAxis, old: [String]?, new: [String]?)
    /// Mandatory or desirable.
    case level(old: Level, new: Level)
    /// Whether a failure blocks every positive verdict.
    case safetyCritical(old: Bool, new: Bool)
    /// How the indicator is confirmed (several when a group of indicators differs).
    case verification(old: [Verification], new: [Verification])

    /// What an applicability change is about.
    public enum ApplicabilityAxis: String, Sendable, Hashable, Codable {
        case serviceTypes = "service-types"
        case riskLevels = "risk-levels"
    }

    /// The kind of change; its raw value is the stable `code` in JSON.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case evidenceType = "evidence-type"
        case count
        case age
        case reviewDate = "review-date"
        case threshold
        case service
        case applicability
        case level
        case safetyCritical = "safety-critical"
        case verification
    }

    public var kind: Kind {
        switch self {
        case .evidenceType: .evidenceType
        case .count: .count
        case .age: .age
        case .reviewDate: .reviewDate
        case .threshold: .threshold
        case .service: .service
        case .applicability: .applicability
        case .level: .level
        case .safetyCritical: .safetyCritical
        case .verification: .verification
        }
    }
}

extension RequirementChange: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .evidenceType: self = .evidenceType(try fields.figure("evidenceType"), required: try fields.figure("required"))
        case .count: self = .count(evidenceType: try fields.figure("evidenceType"), old: try fields.figure("old"), new: try fields.figure("new"))
        case .age:
            self = .age(evidenceType: try fields.figure("evidenceType"), oldMonths: try fields.optionalFigure("old"),
                        newMonths: try fields.optionalFigure("new"))
        case .reviewDate: self = .reviewDate(evidenceType: try fields.figure("evidenceType"), old: try fields.figure("old"), new: try fields.figure("new"))
        case .threshold: self = .threshold(fact: try fields.figure("fact"), old: try fields.optionalFigure("old"), new: try fields.optionalFigure("new"))
        case .service: self = .service(try fields.figure("serviceType"), required: try fields.figure("required"))
        case .applicability:
            self = .applicability(try fields.figure("of"), old: try fields.optionalFigure("old"), new: try fields.optionalFigure("new"))
        case .level: self = .level(old: try fields.figure("old"), new: try fields.figure("new"))
        case .safetyCritical: self = .safetyCritical(old: try fields.figure("old"), new: try fields.figure("new"))
        case .verification: self = .verification(old: try fields.figure("old"), new: try fields.figure("new"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .evidenceType(let type, let required):
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(required, forKey: "required")
        case .count(let type, let old, let new):
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(old, forKey: "old")
            try fields.encode(new, forKey: "new")
        case .age(let type, let old, let new):
            try fields.encode(type, forKey: "evidenceType")
            try fields.encodeIfPresent(old, forKey: "old")
            try fields.encodeIfPresent(new, forKey: "new")
        case .reviewDate(let type, let old, let new):
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(old, forKey: "old")
            try fields.encode(new, forKey: "new")
        case .threshold(let fact, let old, let new):
            try fields.encode(fact, forKey: "fact")
            try fields.encodeIfPresent(old, forKey: "old")
            try fields.encodeIfPresent(new, forKey: "new")
        case .service(let type, let required):
            try fields.encode(type, forKey: "serviceType")
            try fields.encode(required, forKey: "required")
        case .applicability(let axis, let old, let new):
            try fields.encode(axis, forKey: "of")
            try fields.encodeIfPresent(old, forKey: "old")
            try fields.encodeIfPresent(new, forKey: "new")
        case .level(let old, let new):
            try fields.encode(old, forKey: "old")
            try fields.encode(new, forKey: "new")
        case .safetyCritical(let old, let new):
            try fields.encode(old, forKey: "old")
            try fields.encode(new, forKey: "new")
        case .verification(let old, let new):
            try fields.encode(old, forKey: "old")
            try fields.encode(new, forKey: "new")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
