import RespectModel

/// `{"code": "sectionCoverage", "holds": false, "level": "desirable", "minPercent": 50,
/// "below": [{…}], "message": …}`: the condition's code and figures, whether it holds, the
/// submission's figures, and the message when the encoder's `userInfo` carries a wording.
extension ConditionResult: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        let holds = try fields.figure("holds", as: Bool.self)
        switch try fields.figure("code", as: Kind.self) {
        case .allMandatoryMet:
            self.init(condition: .allMandatoryMet(acceptNeedsAssessor: try fields.figure("acceptNeedsAssessor")), holds: holds,
                      figures: .allMandatoryMet(met: try fields.figure("met"), applicable: try fields.figure("applicable"),
                                                provisional: try fields.figure("provisional"), unmet: try fields.figure("unmet")))
        case .noSafetyCriticalFailure:
            self.init(condition: .noSafetyCriticalFailure, holds: holds,
                      figures: .noSafetyCriticalFailure(failures: try fields.figure("failures")))
        case .sectionCoverage:
            self.init(condition: .sectionCoverage(minPercent: try fields.figure("minPercent"), level: try fields.figure("level")), holds: holds,
                      figures: .sectionCoverage(below: try fields.figure("below")))
        case .mandatoryMetPercent:
            self.init(condition: .mandatoryMetPercent(minPercent: try fields.figure("minPercent")), holds: holds,
                      figures: .mandatoryMetPercent(met: try fields.figure("met"), applicable: try fields.figure("applicable")))
        case .actionPlanCoversUnmetMandatory:
            self.init(condition: .actionPlanCoversUnmetMandatory(withinMonths: try fields.figure("withinMonths")), holds: holds,
                      figures: .actionPlanCoversUnmetMandatory(from: try fields.figure("from"), to: try fields.figure("to"),
                                                               unmet: try fields.figure("unmetCount"), uncovered: try fields.figure("uncovered")))
        case .tierMet:
            self.init(condition: .tierMet(tier: try fields.figure("tier"), acceptNeedsAssessor: try fields.figure("acceptNeedsAssessor")),
                      holds: holds,
                      figures: .tierMet(met: try fields.figure("met"), applicable: try fields.figure("applicable"),
                                        provisional: try fields.figure("provisional"), unmet: try fields.figure("unmet")))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(kind, forKey: "code")
        try fields.encode(holds, forKey: "holds")
        switch condition {
        case .allMandatoryMet(let accept): try fields.encode(accept, forKey: "acceptNeedsAssessor")
        case .noSafetyCriticalFailure: break
        case .sectionCoverage(let minPercent, let level):
            try fields.encode(minPercent, forKey: "minPercent")
            try fields.encode(level, forKey: "level")
        case .mandatoryMetPercent(let minPercent): try fields.encode(minPercent, forKey: "minPercent")
        case .actionPlanCoversUnmetMandatory(let months): try fields.encode(months, forKey: "withinMonths")
        case .tierMet(let tier, let accept):
            try fields.encode(tier, forKey: "tier")
            try fields.encode(accept, forKey: "acceptNeedsAssessor")
        }
        switch figures {
        case .allMandatoryMet(let met, let applicable, let provisional, let unmet):
            try fields.encode(met, forKey: "met")
            try fields.encode(applicable, forKey: "applicable")
            try fields.encode(provisional, forKey: "provisional")
            try fields.encode(unmet, forKey: "unmet")
        case .noSafetyCriticalFailure(let failures):
            try fields.encode(failures, forKey: "failures")
        case .sectionCoverage(let below):
            try fields.encode(below, forKey: "below")
        case .mandatoryMetPercent(let met, let applicable):
            try fields.encode(met, forKey: "met")
            try fields.encode(applicable, forKey: "applicable")
        case .actionPlanCoversUnmetMandatory(let from, let to, let unmet, let uncovered):
            try fields.encode(from, forKey: "from")
            try fields.encode(to, forKey: "to")
            try fields.encode(unmet, forKey: "unmetCount")
            try fields.encode(uncovered, forKey: "uncovered")
        case .tierMet(let met, let applicable, let provisional, let unmet):
            try fields.encode(met, forKey: "met")
            try fields.encode(applicable, forKey: "applicable")
            try fields.encode(provisional, forKey: "provisional")
            try fields.encode(unmet, forKey: "unmet")
        }
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
