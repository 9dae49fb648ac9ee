import RespectModel

/// `{"code": "too-old", "evidenceID": …, "evidenceType": {"id", "label"}, "issued": …,
/// "oldestAccepted": …, "maximumAgeMonths": …, "asOf": …, "message": …}`: the code, the
/// figures as fields, and the message when the encoder's `userInfo` carries a wording.
/// Decoding reads the code and figures and ignores any message.
extension Reason: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        switch try fields.figure("code", as: Kind.self) {
        case .noEvidence:
            self = .noEvidence(evidenceType: try fields.figure("evidenceType"), required: try fields.figure("required"))
        case .tooFewItems:
            self = .tooFewItems(evidenceType: try fields.figure("evidenceType"), counted: try fields.figure("counted"),
                                required: try fields.figure("required"))
        case .tooOld:
            self = .tooOld(evidenceID: try fields.figure("evidenceID"), evidenceType: try fields.figure("evidenceType"),
                           issued: try fields.figure("issued"), oldestAccepted: try fields.figure("oldestAccepted"),
                           maximumAgeMonths: try fields.figure("maximumAgeMonths"), asOf: try fields.figure("asOf"))
        case .reviewDatePassed:
            self = .reviewDatePassed(evidenceID: try fields.figure("evidenceID"), evidenceType: try fields.figure("evidenceType"),
                                     reviewBy: try fields.figure("reviewBy"), asOf: try fields.figure("asOf"))
        case .reviewDateMissing:
            self = .reviewDateMissing(evidenceID: try fields.figure("evidenceID"), evidenceType: try fields.figure("evidenceType"))
        case .issuedAfterAsOf:
            self = .issuedAfterAsOf(evidenceID: try fields.figure("evidenceID"), evidenceType: try fields.figure("evidenceType"),
                                    issued: try fields.figure("issued"), asOf: try fields.figure("asOf"))
        case .unknownEvidenceType:
            self = .unknownEvidenceType(evidenceType: try fields.figure("evidenceType"))
        case .factMissing:
            self = .factMissing(fact: try fields.figure("fact"), threshold: try fields.figure("threshold"))
        case .factUnitMismatch:
            self = .factUnitMismatch(fact: try fields.figure("fact"), stated: try fields.figure("stated"), threshold: try fields.figure("threshold"))
        case .factKindMismatch:
            self = .factKindMismatch(fact: try fields.figure("fact"), stated: try fields.figure("stated"), threshold: try fields.figure("threshold"))
        case .thresholdFailed:
            self = .thresholdFailed(fact: try fields.figure("fact"), stated: try fields.figure("stated"), threshold: try fields.figure("threshold"))
        case .factNotBacked:
            self = .factNotBacked(fact: try fields.figure("fact"), source: try fields.optionalFigure("source"),
                                  sourceType: try fields.optionalFigure("sourceType"),
                                  allowedSourceTypes: try fields.optionalFigure("allowedSourceTypes"))
        case .serviceNotOffered:
            self = .serviceNotOffered(serviceType: try fields.figure("serviceType"))
        case .alternativesNotMet:
            self = .alternativesNotMet(met: try fields.figure("met"), required: try fields.figure("required"), of: try fields.figure("of"))
        case .notApplicable:
            self = .notApplicable(serviceTypes: try fields.optionalFigure("serviceTypes"), riskLevels: try fields.optionalFigure("riskLevels"))
        case .needsAssessor:
            self = .needsAssessor(verification: try fields.figure("verification"))
        case .assessorFinding:
            self = .assessorFinding(try AssessorFindingReason(from: decoder))
        case .evidenceFileNotConfirmed:
            self = .evidenceFileNotConfirmed(evidenceID: try fields.figure("evidenceID"), evidenceType: try fields.figure("evidenceType"),
                                             path: try fields.figure("path"), problem: try EvidenceFileProblem(from: fields))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        switch self {
        case .noEvidence(let type, let required):
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(required, forKey: "required")
        case .tooFewItems(let type, let counted, let required):
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(counted, forKey: "counted")
            try fields.encode(required, forKey: "required")
        case .tooOld(let id, let type, let issued, let oldest, let months, let asOf):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(issued, forKey: "issued")
            try fields.encode(oldest, forKey: "oldestAccepted")
            try fields.encode(months, forKey: "maximumAgeMonths")
            try fields.encode(asOf, forKey: "asOf")
        case .reviewDatePassed(let id, let type, let reviewBy, let asOf):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(reviewBy, forKey: "reviewBy")
            try fields.encode(asOf, forKey: "asOf")
        case .reviewDateMissing(let id, let type):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(type, forKey: "evidenceType")
        case .issuedAfterAsOf(let id, let type, let issued, let asOf):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(issued, forKey: "issued")
            try fields.encode(asOf, forKey: "asOf")
        case .unknownEvidenceType(let type):
            try fields.encode(type, forKey: "evidenceType")
        case .factMissing(let fact, let threshold):
            try fields.encode(fact, forKey: "fact")
            try fields.encode(threshold, forKey: "threshold")
        case .factUnitMismatch(let fact, let stated, let threshold), .factKindMismatch(let fact, let stated, let threshold),
             .thresholdFailed(let fact, let stated, let threshold):
            try fields.encode(fact, forKey: "fact")
            try fields.encode(stated, forKey: "stated")
            try fields.encode(threshold, forKey: "threshold")
        case .factNotBacked(let fact, let source, let sourceType, let allowed):
            try fields.encode(fact, forKey: "fact")
            try fields.encodeIfPresent(source, forKey: "source")
            try fields.encodeIfPresent(sourceType, forKey: "sourceType")
            try fields.encodeIfPresent(allowed, forKey: "allowedSourceTypes")
        case .serviceNotOffered(let type):
            try fields.encode(type, forKey: "serviceType")
        case .alternativesNotMet(let met, let required, let of):
            try fields.encode(met, forKey: "met")
            try fields.encode(required, forKey: "required")
            try fields.encode(of, forKey: "of")
        case .notApplicable(let services, let risks):
            try fields.encodeIfPresent(services, forKey: "serviceTypes")
            try fields.encodeIfPresent(risks, forKey: "riskLevels")
        case .needsAssessor(let verification):
            try fields.encode(verification, forKey: "verification")
        case .assessorFinding(let finding):
            try finding.encode(to: encoder)
        case .evidenceFileNotConfirmed(let id, let type, let path, let problem):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(path, forKey: "path")
            try problem.encode(to: &fields)
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}

extension EvidenceFileProblem {
    /// Reads `problem` (its code) and `actualSHA256`.
    init(from fields: KeyedDecodingContainer<FieldKey>) throws {
        let code = try fields.figure("problem", as: String.self)
        guard let problem = EvidenceFileProblem(code: code, actualSHA256: try fields.optionalFigure("actualSHA256")) else {
            throw DecodingError.dataCorruptedError(forKey: "problem", in: fields, debugDescription: "unknown evidence file problem '\(code)'")
        }
        self = problem
    }

    /// Writes `problem` (its code) and, for a different file, `actualSHA256`.
    func encode(to fields: inout KeyedEncodingContainer<FieldKey>) throws {
        try fields.encode(code, forKey: "problem")
        try fields.encodeIfPresent(actualSHA256, forKey: "actualSHA256")
    }
}
