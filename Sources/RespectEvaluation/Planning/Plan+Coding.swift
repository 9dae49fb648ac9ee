import RespectModel

/// Plan causes, changes and additions encode as the other typed results do: one flat object
/// with `code`, the figures as fields, nested values as arrays, and `message` when the encoder
/// carries a wording. Decoding ignores the message.
extension PlanCause: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .safetyCritical: self = .safetyCritical
        case .allMandatory: self = .allMandatory
        case .mandatoryPercent: self = .mandatoryPercent(minPercent: try fields.figure("minPercent"))
        case .sectionCoverage:
            self = .sectionCoverage(minPercent: try fields.figure("minPercent"), level: try fields.figure("level"),
                                    section: try fields.figure("section"))
        case .actionPlan: self = .actionPlan(withinMonths: try fields.figure("withinMonths"))
        case .gate: self = .gate
        case .tier: self = .tier(try fields.figure("tier"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .safetyCritical, .allMandatory, .gate: break
        case .tier(let tier):
            try fields.encode(tier, forKey: "tier")
        case .mandatoryPercent(let minPercent):
            try fields.encode(minPercent, forKey: "minPercent")
        case .sectionCoverage(let minPercent, let level, let section):
            try fields.encode(minPercent, forKey: "minPercent")
            try fields.encode(level, forKey: "level")
            try fields.encode(section, forKey: "section")
        case .actionPlan(let months):
            try fields.encode(months, forKey: "withinMonths")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}

extension PlanChange: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .meet: self = .meet(additions: try fields.figure("additions"))
        case .awaitAssessor:
            self = .awaitAssessor(additions: try fields.figure("additions"), verification: try fields.figure("verification"))
        case .addAction: self = .addAction(from: try fields.figure("from"), to: try fields.figure("to"))
        case .assessorOnly: self = .assessorOnly(verification: try fields.figure("verification"))
        case .answerFinding:
            self = .answerFinding(assessor: try fields.figure("assessor"), date: try fields.figure("date"),
                                  assessorReason: try fields.figure("assessorReason"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .meet(let additions):
            try fields.encode(additions, forKey: "additions")
        case .awaitAssessor(let additions, let verification):
            try fields.encode(additions, forKey: "additions")
            try fields.encode(verification, forKey: "verification")
        case .addAction(let from, let to):
            try fields.encode(from, forKey: "from")
            try fields.encode(to, forKey: "to")
        case .assessorOnly(let verification):
            try fields.encode(verification, forKey: "verification")
        case .answerFinding(let assessor, let date, let reason):
            try fields.encode(assessor, forKey: "assessor")
            try fields.encode(date, forKey: "date")
            try fields.encode(reason, forKey: "assessorReason")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}

extension PlanAddition: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .evidence: self = .evidence(try EvidenceProvision(from: decoder))
        case .fact: self = .fact(try FactAddition(from: decoder))
        case .service: self = .service(try ServiceOffer(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .evidence(let evidence): try evidence.encode(to: encoder)
        case .fact(let fact): try fact.encode(to: encoder)
        case .service(let service): try service.encode(to: encoder)
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
