/// A threshold encodes as `{"fact": …, "comparison": "ge", "value": 22, "unit": "weeks"}`
/// (`unit` left out when the fact has none).
extension FactThreshold: Codable {
    private enum CodingKeys: String, CodingKey {
        case factID = "fact", comparison, value, unit
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(factID: try container.decode(String.self, forKey: .factID),
                  comparison: try container.decode(Comparison.self, forKey: .comparison),
                  value: try container.decode(FactValue.self, forKey: .value),
                  unit: try container.decodeIfPresent(String.self, forKey: .unit))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(factID, forKey: .factID)
        try container.encode(comparison, forKey: .comparison)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(unit, forKey: .unit)
    }
}
