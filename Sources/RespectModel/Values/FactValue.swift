/// The value of a fact: an exact decimal number or a yes/no answer.
public enum FactValue: Sendable, Hashable, CustomStringConvertible {
    case number(ExactDecimal)
    case boolean(Bool)

    /// Parses `true`, `false` or a decimal number such as `22`, `-3.5`, `87.25`.
    public init?(_ text: some StringProtocol) {
        switch text {
        case "true": self = .boolean(true)
        case "false": self = .boolean(false)
        default:
            guard let number = ExactDecimal(text) else { return nil }
            self = .number(number)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): number.description
        case .boolean(let flag): flag ? "true" : "false"
        }
    }

    /// The kind of fact this value can be.
    public var kind: FactDefinition.Kind {
        switch self {
        case .number: .number
        case .boolean: .boolean
        }
    }
}

/// A decimal number with at most 18 significant digits and 6 after the point, held exactly as
/// an integer count of millionths. The file formats cap numbers at that size, so no figure a
/// submission states is ever rounded or overflows.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value times 1,000,000.
    public let millionths: Int64

    static let scale: Int64 = 1_000_000

    public init(millionths: Int64) {
        self.millionths = millionths
    }

    public init(_ integer: Int) {
        self.millionths = Int64(integer) * ExactDecimal.scale
    }

    /// Parses an optional sign, digits, and an optional fraction of up to 6 digits; at most 18
    /// digits in all. Rejects exponents, spaces, `NaN` and anything that would overflow.
    public init?(_ text: some StringProtocol) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        var value: Int64 = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            guard fractionDigits <= 6, integerDigits + fractionDigits <= 18 else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        var scaled = value
        for _ in fractionDigits..<6 {
            let (product, overflow) = scaled.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            scaled = product
        }
        self.millionths = negative ? -scaled : scaled
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.millionths < rhs.millionths }

    /// Shortest exact form: `22`, `22.5`, `-0.125`.
    public var description: String {
        let magnitude = millionths.magnitude
        let whole = magnitude / UInt64(ExactDecimal.scale)
        var fraction = magnitude % UInt64(ExactDecimal.scale)
        var text = (millionths < 0 ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = 6
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// The nearest `Double`, for percentages and JSON output.
    public var doubleValue: Double { Double(millionths) / Double(ExactDecimal.scale) }
}
