public import Foundation

/// The one encoding of results (assessments, tender comparisons, diffs) as JSON: keys sorted,
/// slashes unescaped, so identical inputs give byte-identical bytes that can be stored, diffed
/// and audited. The run store keeps results in this form; the reports module adds the words.
public enum ResultCoding {
    /// Encodes `value` deterministically; `pretty` indents it for people.
    public static func encode(_ value: some Encodable, pretty: Bool = false,
                              userInfo: [CodingUserInfoKey: any Sendable] = [:]) throws -> Data {
        do {
            return Data(try SortedJSONEncoder(pretty: pretty, userInfo: userInfo).encode(value))
        } catch is SortedJSONEncoder.Unsupported {
            return try foundationEncode(value, pretty: pretty, userInfo: userInfo)
        }
    }

    /// The same encoding by Foundation's `JSONEncoder`, for what `SortedJSONEncoder` leaves to
    /// it (and for tests to compare the two).
    static func foundationEncode(_ value: some Encodable, pretty: Bool,
                                 userInfo: [CodingUserInfoKey: any Sendable]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo = userInfo
        return try encoder.encode(value)
    }

    /// Decodes a value encoded by `encode`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        try JSONDecoder().decode(type, from: data)
    }
}
