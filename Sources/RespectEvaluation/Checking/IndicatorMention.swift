/// A short pointer to an indicator inside a figure: its id and display number.
public struct IndicatorMention: Sendable, Hashable, Codable {
    public var id: String
    public var number: String

    public init(id: String, number: String) {
        self.id = id
        self.number = number
    }
}
