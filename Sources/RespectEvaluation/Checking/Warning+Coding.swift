import RespectModel

/// `{"code": "age-limit-soon", "evidenceID": …, "title": …, "evidenceType": {…}, "lastDay": …,
/// "maximumAgeMonths": …, "indicators": […], "line": 20, "message": …}`: the code, the figures
/// as fields, where it is, and the message when the encoder's `userInfo` carries a wording.
/// Decoding ignores the message.
extension Warning: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        let cause: Cause
        switch try fields.figure("code", as: Kind.self) {
        case .reviewDueSoon:
            cause = .reviewDueSoon(item: try EvidenceMention(from: decoder), reviewBy: try fields.figure("reviewBy"), asOf: try fields.figure("asOf"))
        case .ageLimitSoon:
            cause = .ageLimitSoon(item: try EvidenceMention(from: decoder), lastDay: try fields.figure("lastDay"),
                                  maximumAgeMonths: try fields.figure("maximumAgeMonths"), indicators: try fields.figure("indicators"))
        case .unknownIndicator:
            cause = .unknownIndicator(evidenceID: try fields.figure("evidenceID"), indicators: try fields.figure("indicators"),
                                      count: try fields.figure("unknownCount"), edition: try fields.figure("edition"),
                                      nearest: try fields.optionalFigure("nearest") ?? [:])
        case .unknownEvidenceType:
            cause = .unknownEvidenceType(evidenceID: try fields.figure("evidenceID"), evidenceType: try fields.figure("evidenceType"),
                                         edition: try fields.figure("edition"), nearest: try fields.optionalFigure("nearest"))
        case .unknownFact:
            cause = .unknownFact(fact: try fields.figure("fact"), edition: try fields.figure("edition"),
                                 nearest: try fields.optionalFigure("nearest"))
        case .factUnitMismatch:
            cause = .factUnitMismatch(fact: try fields.figure("fact"), stated: try fields.figure("stated"),
                                      expectedKind: try fields.figure("expectedKind"), expectedUnit: try fields.optionalFigure("expectedUnit"))
        case .issuedAfterAsOf:
            cause = .issuedAfterAsOf(evidenceID: try fields.figure("evidenceID"), issued: try fields.figure("issued"), asOf: try fields.figure("asOf"))
        case .editionMismatch:
            cause = .editionMismatch(target: try fields.figure("target"), edition: try fields.figure("edition"))
        case .supersededEdition:
            cause = .supersededEdition(edition: try fields.figure("edition"), successor: try fields.figure("successor"))
        case .actionForUnknownIndicator:
            cause = .actionForUnknownIndicator(indicator: try fields.figure("indicator"), edition: try fields.figure("edition"),
                                               nearest: try fields.optionalFigure("nearest"))
        case .migratedEdition:
            cause = .migratedEdition(from: try fields.figure("from"), to: try fields.figure("to"))
        case .findingsNotForSubmission:
            cause = .findingsNotForSubmission(subject: try fields.figure("subject"), provider: try fields.figure("provider"),
                                              submissionSHA256: try fields.optionalFigure("submissionSHA256"))
        case .unknownFindingTarget:
            cause = .unknownFindingTarget(target: try fields.figure("target"), id: try fields.figure("targetID"), edition: try fields.optionalFigure("edition"))
        case .findingNotApplied:
            let because: FindingNotApplied
            switch try fields.figure("because", as: String.self) {
            case "indicator-not-applicable": because = .indicatorNotApplicable
            case "file-changed": because = .fileChanged(judgedSHA256: try fields.figure("judgedSHA256"))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: "because", in: fields, debugDescription: "unknown reason '\(other)'")
            }
            cause = .findingNotApplied(target: try fields.figure("target"), id: try fields.figure("targetID"), because: because)
        case .findingExpired:
            cause = .findingExpired(target: try fields.figure("target"), id: try fields.figure("targetID"),
                                    expired: try fields.figure("expired"), asOf: try fields.figure("asOf"))
        case .evidenceFileNotConfirmed:
            cause = .evidenceFileNotConfirmed(evidenceID: try fields.figure("evidenceID"), path: try fields.figure("path"),
                                              declaredSHA256: try fields.figure("declaredSHA256"), problem: try EvidenceFileProblem(from: fields))
        }
        self.init(cause, line: try fields.optionalFigure("line"), file: try fields.optionalFigure("file"))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        try fields.encodeIfPresent(line, forKey: "line")
        try fields.encodeIfPresent(file, forKey: "file")
        switch cause {
        case .reviewDueSoon(let item, let reviewBy, let asOf):
            try item.encode(to: encoder)
            try fields.encode(reviewBy, forKey: "reviewBy")
            try fields.encode(asOf, forKey: "asOf")
        case .ageLimitSoon(let item, let lastDay, let months, let indicators):
            try item.encode(to: encoder)
            try fields.encode(lastDay, forKey: "lastDay")
            try fields.encode(months, forKey: "maximumAgeMonths")
            try fields.encode(indicators, forKey: "indicators")
        case .unknownIndicator(let id, let indicators, let count, let edition, let nearest):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(indicators, forKey: "indicators")
            try fields.encode(count, forKey: "unknownCount")
            try fields.encode(edition, forKey: "edition")
            if !nearest.isEmpty { try fields.encode(nearest, forKey: "nearest") }
        case .unknownEvidenceType(let id, let type, let edition, let nearest):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(type, forKey: "evidenceType")
            try fields.encode(edition, forKey: "edition")
            try fields.encodeIfPresent(nearest, forKey: "nearest")
        case .unknownFact(let fact, let edition, let nearest):
            try fields.encode(fact, forKey: "fact")
            try fields.encode(edition, forKey: "edition")
            try fields.encodeIfPresent(nearest, forKey: "nearest")
        case .factUnitMismatch(let fact, let stated, let kind, let unit):
            try fields.encode(fact, forKey: "fact")
            try fields.encode(stated, forKey: "stated")
            try fields.encode(kind, forKey: "expectedKind")
            try fields.encodeIfPresent(unit, forKey: "expectedUnit")
        case .issuedAfterAsOf(let id, let issued, let asOf):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(issued, forKey: "issued")
            try fields.encode(asOf, forKey: "asOf")
        case .editionMismatch(let target, let edition):
            try fields.encode(target, forKey: "target")
            try fields.encode(edition, forKey: "edition")
        case .supersededEdition(let edition, let successor):
            try fields.encode(edition, forKey: "edition")
            try fields.encode(successor, forKey: "successor")
        case .actionForUnknownIndicator(let indicator, let edition, let nearest):
            try fields.encode(indicator, forKey: "indicator")
            try fields.encode(edition, forKey: "edition")
            try fields.encodeIfPresent(nearest, forKey: "nearest")
        case .migratedEdition(let from, let to):
            try fields.encode(from, forKey: "from")
            try fields.encode(to, forKey: "to")
        case .findingsNotForSubmission(let subject, let provider, let sha256):
            try fields.encode(subject, forKey: "subject")
            try fields.encode(provider, forKey: "provider")
            try fields.encodeIfPresent(sha256, forKey: "submissionSHA256")
        case .unknownFindingTarget(let target, let id, let edition):
            try fields.encode(target, forKey: "target")
            try fields.encode(id, forKey: "targetID")
            try fields.encodeIfPresent(edition, forKey: "edition")
        case .findingNotApplied(let target, let id, let because):
            try fields.encode(target, forKey: "target")
            try fields.encode(id, forKey: "targetID")
            switch because {
            case .indicatorNotApplicable:
                try fields.encode("indicator-not-applicable", forKey: "because")
            case .fileChanged(let sha256):
                try fields.encode("file-changed", forKey: "because")
                try fields.encode(sha256, forKey: "judgedSHA256")
            }
        case .findingExpired(let target, let id, let expired, let asOf):
            try fields.encode(target, forKey: "target")
            try fields.encode(id, forKey: "targetID")
            try fields.encode(expired, forKey: "expired")
            try fields.encode(asOf, forKey: "asOf")
        case .evidenceFileNotConfirmed(let id, let path, let declared, let problem):
            try fields.encode(id, forKey: "evidenceID")
            try fields.encode(path, forKey: "path")
            try fields.encode(declared, forKey: "declaredSHA256")
            try problem.encode(to: &fields)
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
