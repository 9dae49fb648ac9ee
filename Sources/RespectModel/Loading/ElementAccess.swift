import RespectXML

/// Collects located problems while a builder turns a validated XML tree into the model.
///
/// The XSD has already checked structure and types, so the accessors here mostly guard
/// against schema/code drift; their messages still name the file, line and what was expected.
struct ProblemLog {
    let file: String
    private(set) var problems: [XMLDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    mutating func report(_ message: String, at element: XMLElement) {
        report(message, line: element.location.line)
    }

    mutating func report(_ message: String, line: Int) {
        problems.append(XMLDiagnostic(location: SourceLocation(file: file, line: line), message: message))
    }

    /// Adds problems another log found (in document order, where they belong).
    mutating func append(_ more: [XMLDiagnostic]) {
        problems += more
    }

    mutating func required(_ name: String, of element: XMLElement) -> String {
        if let value = element.attribute(name) { return value }
        report("element '\(element.name)' needs the attribute '\(name)'", at: element)
        return ""
    }

    mutating func requiredChildText(_ name: String, of element: XMLElement) -> String {
        if let position = element.firstChildPosition(named: name) { return element.children[position].trimmedText }
        report("element '\(element.name)' needs a '\(name)' child", at: element)
        return ""
    }

    mutating func date(_ name: String, of element: XMLElement) -> CalendarDate? {
        guard let text = element.attribute(name) else { return nil }
        guard let date = CalendarDate(text) else {
            report("attribute '\(name)' is '\(text)'; expected an existing date written YYYY-MM-DD", at: element)
            return nil
        }
        return date
    }

    mutating func requiredDate(_ name: String, of element: XMLElement) -> CalendarDate {
        if let date = date(name, of: element) { return date }
        if element.attribute(name) == nil { report("element '\(element.name)' needs the date attribute '\(name)'", at: element) }
        return .minimum
    }

    mutating func flag(_ name: String, of element: XMLElement, default defaultValue: Bool) -> Bool {
        switch element.attribute(name) {
        case nil: return defaultValue
        case "true", "1": return true
        case "false", "0": return false
        case let other?:
            report("attribute '\(name)' is '\(other)'; expected true or false", at: element)
            return defaultValue
        }
    }

    mutating func integer(_ name: String, of element: XMLElement) -> Int? {
        guard let text = element.attribute(name) else { return nil }
        guard let value = Int(text.trimmingSpaces) else {
            report("attribute '\(name)' is '\(text)'; expected a whole number", at: element)
            return nil
        }
        return value
    }
}

extension XMLElement {
    /// The position in `children` of the first child with this local name: unlike
    /// `firstChild(named:)`, lets a builder read the child in place, without copying it.
    func firstChildPosition(named name: String) -> Int? {
        children.firstIndex { $0.name == name }
    }

    /// Text content with surrounding white space removed and inner runs collapsed to one space.
    var trimmedText: String {
        text.trimmingSpaces
    }

    /// A space-separated list attribute (xs:list), or `nil` when absent.
    func listAttribute(_ name: String) -> [String]? {
        attribute(name).map(\.spaceSeparatedTokens)
    }
}

extension String {
    /// White space (space, tab, CR, LF) removed at both ends and collapsed to one space inside.
    /// Works on the UTF-8 bytes (white space is ASCII), and returns the string itself, without
    /// copying, when it is already normalised, as almost every attribute and title is.
    var trimmingSpaces: String {
        // Native strings are checked on their contiguous bytes, much faster than through the view.
        let fastCheck = utf8.withContiguousStorageIfAvailable { Self.isNormalised($0) }
        if fastCheck ?? Self.isNormalised(utf8) { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `bytes` have no tab, CR or LF, no space at either end and no two spaces in a row.
    private static func isNormalised(_ bytes: some Sequence<UInt8>) -> Bool {
        var afterSpace = true  // a space at the very start is not normalised either
        var isEmpty = true
        for byte in bytes {
            isEmpty = false
            if byte == 0x20 {
                if afterSpace { return false }
                afterSpace = true
            } else if byte == 0x0A || byte == 0x09 || byte == 0x0D {
                return false
            } else {
                afterSpace = false
            }
        }
        return !afterSpace || isEmpty
    }

    /// The tokens between runs of white space (an xs:list value), split on the UTF-8 bytes.
    var spaceSeparatedTokens: [String] {
        // Native strings are split on their contiguous bytes, much faster than through the view.
        utf8.withContiguousStorageIfAvailable(Self.tokens) ?? Array(utf8).withUnsafeBufferPointer(Self.tokens)
    }

    private static func tokens(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var tokens: [String] = []
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if let first = start { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<index]), as: UTF8.self)) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first...]), as: UTF8.self)) }
        return tokens
    }
}
