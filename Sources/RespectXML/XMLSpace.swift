/// XML white space: the four bytes space (#x20), tab (#x9), line feed (#xA) and carriage return
/// (#xD), each on its own, as the XSD white-space rules and list types define it. Text is
/// handled as UTF-8 bytes, never as Swift `Character`s: a carriage return and line feed are two
/// white-space characters, and a space followed by a combining mark is still a space.
extension UInt8 {
    var isXMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

extension IdentityConstraint.WhiteSpace {
    /// True when this rule leaves `value` (UTF-8) unchanged, so it can be used in place.
    func keeps(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .preserve:
            return true
        case .replace:
            return !value.contains { $0 != 0x20 && $0.isXMLSpace }
        case .collapse:
            guard let first = value.first, let last = value.last else { return true }
            if first.isXMLSpace || last.isXMLSpace { return false }
            var previousWasSpace = false
            for byte in value {
                if byte.isXMLSpace {
                    if byte != 0x20 || previousWasSpace { return false }
                    previousWasSpace = true
                } else {
                    previousWasSpace = false
                }
            }
            return true
        }
    }

    /// `value` (UTF-8) after this rule: `replace` turns each white-space byte into a space;
    /// `collapse` also drops leading and trailing white space and joins each run into one space.
    func normalised(_ value: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        switch self {
        case .preserve:
            return Array(value)
        case .replace:
            return value.map { $0.isXMLSpace ? 0x20 : $0 }
        case .collapse:
            var result: [UInt8] = []
            result.reserveCapacity(value.count)
            var pendingSpace = false
            for byte in value {
                if byte.isXMLSpace {
                    pendingSpace = !result.isEmpty
                    continue
                }
                if pendingSpace {
                    result.append(0x20)
                    pendingSpace = false
                }
                result.append(byte)
            }
            return result
        }
    }
}

extension String {
    /// The text without leading and trailing XML white space.
    func trimmingXMLSpace() -> String {
        let bytes = Array(utf8)
        guard let start = bytes.firstIndex(where: { !$0.isXMLSpace }),
              let end = bytes.lastIndex(where: { !$0.isXMLSpace }) else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }

    /// The words between runs of XML white space.
    func splitAtXMLSpace() -> [String] {
        utf8.split(whereSeparator: \.isXMLSpace).map { String(decoding: $0, as: UTF8.self) }
    }

    /// True when both strings hold the same code points (the same UTF-8 bytes). Swift's `==`
    /// also equates canonically equivalent strings ("é" and "e" + U+0301), which XML names and
    /// XSD values never do.
    func isIdentical(to other: String) -> Bool {
        utf8.elementsEqual(other.utf8)
    }
}
