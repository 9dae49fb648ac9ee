/// Which advisory notice a result carries: the engine's verdicts are advice, and people decide
/// accreditation and awards. Reports word it; JSON carries `{"code": …, "message": …}`.
public enum Advisory: String, Sendable, Hashable, CaseIterable {
    /// A self-assessment: accreditation is decided by Respect's assessors and a panel.
    case selfAssessment = "self-assessment"
    /// A tender comparison: the award is decided by the commissioner.
    case tenderComparison = "tender-comparison"
}

extension Advisory: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: FieldKey.self)
        let code = try fields.figure("code", as: String.self)
        guard let advisory = Advisory(rawValue: code) else {
            throw DecodingError.dataCorruptedError(forKey: "code", in: fields, debugDescription: "unknown advisory '\(code)'")
        }
        self = advisory
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: FieldKey.self)
        try fields.encode(rawValue, forKey: "code")
        if let wording = encoder.resultWording { try fields.encode(wording.message(self), forKey: "message") }
    }
}
