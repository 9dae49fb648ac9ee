public import RespectModel

/// A value a submission states for a fact, with the unit it states it in.
public struct StatedValue: Sendable, Hashable, Codable {
    public var value: FactValue
    public var unit: String?

    public init(value: FactValue, unit: String?) {
        self.value = value
        self.unit = unit
    }
}
