import RespectModel

/// `{"code": "threshold-failed", "clause": "4.2", "fact": …, "stated": {…}, "threshold": {…},
/// …, "message": …}`: the code, the clause, the cause's figures as fields, and the message when
/// the encoder's `userInfo` carries a wording. Decoding ignores the message.
extension TenderReason: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        let cause: Cause
        switch try fields.figure("code", as: Kind.self) {
        case .unreadable:
            cause = .unreadable(problems: try fields.figure("problems"))
        case .notEvaluated:
            cause = .notEvaluated(edition: try fields.figure("edition"), problems: try fields.figure("problems"))
        case .safetyCritical:
            cause = .safetyCritical(indicator: try fields.figure("indicator"), status: try fields.figure("status"),
                                    firstReason: try fields.optionalFigure("firstReason"))
        case .editionNotAccepted:
            cause = .editionNotAccepted(bid: try fields.figure("bid"), accepted: try fields.figure("accepted"))
        case .outcomeNotAccepted:
            cause = .outcomeNotAccepted(outcome: try fields.figure("outcome"), mandatoryMet: try fields.figure("mandatoryMet"),
                                        mandatoryApplicable: try fields.figure("mandatoryApplicable"), accepted: try fields.figure("accepted"))
        case .sectionOutcomeNotAccepted:
            cause = .sectionOutcomeNotAccepted(try fields.figure("section"))
        case .serviceNotOffered:
            cause = .serviceNotOffered(serviceType: try fields.figure("serviceType"), offered: try fields.figure("offered"))
        case .riskLevelNotServed:
            cause = .riskLevelNotServed(serviceType: try fields.figure("serviceType"), served: try fields.figure("served"),
                                        required: try fields.figure("required"), missing: try fields.figure("missing"))
        case .thresholdFailed:
            cause = .thresholdFailed(try TenderThresholdFailure(from: decoder))
        case .localIndicatorNotMet:
            cause = .localIndicatorNotMet(indicator: try fields.figure("indicator"), status: try fields.figure("status"),
                                          reasons: try fields.figure("reasons"))
        case .actionDueAfterContractStart:
            cause = .actionDueAfterContractStart(indicator: try fields.figure("indicator"), due: try fields.figure("due"),
                                                 contractStart: try fields.figure("contractStart"))
        }
        self.init(cause, clause: try fields.optionalFigure("clause"))
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        try fields.encodeIfPresent(clause, forKey: "clause")
        switch cause {
        case .unreadable(let problems):
            try fields.encode(problems, forKey: "problems")
        case .notEvaluated(let edition, let problems):
            try fields.encode(edition, forKey: "edition")
            try fields.encode(problems, forKey: "problems")
        case .safetyCritical(let indicator, let status, let firstReason):
            try fields.encode(indicator, forKey: "indicator")
            try fields.encode(status, forKey: "status")
            try fields.encodeIfPresent(firstReason, forKey: "firstReason")
        case .editionNotAccepted(let bid, let accepted):
            try fields.encode(bid, forKey: "bid")
            try fields.encode(accepted, forKey: "accepted")
        case .outcomeNotAccepted(let outcome, let met, let applicable, let accepted):
            try fields.encode(outcome, forKey: "outcome")
            try fields.encode(met, forKey: "mandatoryMet")
            try fields.encode(applicable, forKey: "mandatoryApplicable")
            try fields.encode(accepted, forKey: "accepted")
        case .sectionOutcomeNotAccepted(let section):
            try fields.encode(section, forKey: "section")
        case .serviceNotOffered(let type, let offered):
            try fields.encode(type, forKey: "serviceType")
            try fields.encode(offered, forKey: "offered")
        case .riskLevelNotServed(let type, let served, let required, let missing):
            try fields.encode(type, forKey: "serviceType")
            try fields.encode(served, forKey: "served")
            try fields.encode(required, forKey: "required")
            try fields.encode(missing, forKey: "missing")
        case .thresholdFailed(let failure):
            try failure.encode(to: encoder)
        case .localIndicatorNotMet(let indicator, let status, let reasons):
            try fields.encode(indicator, forKey: "indicator")
            try fields.encode(status, forKey: "status")
            try fields.encode(reasons, forKey: "reasons")
        case .actionDueAfterContractStart(let indicator, let due, let start):
            try fields.encode(indicator, forKey: "indicator")
            try fields.encode(due, forKey: "due")
            try fields.encode(start, forKey: "contractStart")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
