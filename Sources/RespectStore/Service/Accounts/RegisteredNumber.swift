import RespectModel

/// An organisation's identity: its registered charity or company number, normalised as
/// `Provider.registeredNumber(_:)` does (white space removed, upper case). Names are not
/// identities: charities share names and change them.
public struct RegisteredNumber: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The normalised number, e.g. `1190003` or `SC012345`.
    public let value: String

    /// `nil` when `text` holds nothing but white space.
    public init?(_ text: String) {
        guard let normalised = Provider.registeredNumber(text) else { return nil }
        value = normalised
    }

    public var description: String { value }

    public static func < (lhs: RegisteredNumber, rhs: RegisteredNumber) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = RegisteredNumber(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected a charity or company number, found '\(text)'"))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
