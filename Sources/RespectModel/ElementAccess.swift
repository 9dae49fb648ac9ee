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
        problems.append(XMLDiagnostic(location: SourceLocation(file: file, line: element.location.line), message: message))
    }

    mutating func required(_ name: String, of element: XMLElement) -> String {
        if let value = element.attribute(name) { return value }
        report("element '\(element.name)' needs the attribute '\(name)'", at: element)
        return ""
    }

    mutating func requiredChildText(_ name: String, of element: XMLElement) -> String {
        if let child = element.firstChild(named: name) { return child.trimmedText }
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
    /// Text content with surrounding white space removed and inner runs collapsed to one space.
    var trimmedText: String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// A space-separated list attribute (xs:list), or `nil` when absent.
    func listAttribute(_ name: String) -> [String]? {
        attribute(name).map { $0.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init) }
    }
}

extension String {
    var trimmingSpaces: String {
        split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
