import Foundation

/// A user's sign-in name: an email address, trimmed and lower-cased, so that one person has one
/// account whatever case they type.
public struct EmailAddress: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: String

    /// `nil` unless `text` (trimmed) is `local@domain` with no white space, at most 254 characters.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.count <= 254, parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !trimmed.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        value = trimmed
    }

    public var description: String { value }

    public static func < (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let address = EmailAddress(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "expected an email address, found '\(text)'"))
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
