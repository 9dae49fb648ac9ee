/// A coding key written as a string literal: the typed causes encode their figures as flat
/// JSON fields named in place (`"evidenceType"`, `"required"`), one switch per type.
struct FieldKey: CodingKey, ExpressibleByStringLiteral, Hashable {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }

    init(stringLiteral value: String) {
        stringValue = value
    }
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// Decodes a required figure of a typed cause.
    func figure<Value: Decodable>(_ key: FieldKey, as type: Value.Type = Value.self) throws -> Value {
        try decode(type, forKey: key)
    }

    /// Decodes an optional figure of a typed cause.
    func optionalFigure<Value: Decodable>(_ key: FieldKey, as type: Value.Type = Value.self) throws -> Value? {
        try decodeIfPresent(type, forKey: key)
    }
}
