/// XML white space (space, tab, line feed, carriage return), as the XSD white-space rules and
/// list types use it.
extension UInt8 {
    var isXMLSpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

extension Character {
    /// Also true for "\r\n", which Swift reads as one character.
    var isXMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}

extension String {
    /// The text without leading and trailing XML white space.
    func trimmingXMLSpace() -> String {
        let bytes = Array(utf8)
        guard let start = bytes.firstIndex(where: { !$0.isXMLSpace }),
              let end = bytes.lastIndex(where: { !$0.isXMLSpace }) else { return "" }
        return String(decoding: bytes[start...end], as: UTF8.self)
    }
}
