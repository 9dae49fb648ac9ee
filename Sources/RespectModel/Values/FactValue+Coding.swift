import Foundation

/// A decimal encodes as a JSON number with its exact digits (through `Decimal`, never
/// `Double`), so `22.5` is written `22.5` and reads back equal.
extension ExactDecimal: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let decimal = try container.decode(Decimal.self)
        guard let value = ExactDecimal(decimal.description) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a decimal of at most 18 digits, 6 after the point; found \(decimal)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description) ?? Decimal(millionths) / 1_000_000)
    }
}

/// A fact value encodes as a JSON `true`/`false` or an exact JSON number.
extension FactValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else {
            self = .number(try container.decode(ExactDecimal.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .boolean(let flag): try container.encode(flag)
        }
    }
}
