/// How the cells of an evidence register are read: dates as spreadsheets write them, ids,
/// lists of ids, figures and yes/no answers.
enum RegisterValues {
    /// A date written `YYYY-MM-DD` (or `YYYY/MM/DD`), or day first as in the UK, `DD/MM/YYYY`
    /// (or with `.` or `-`); a time of midnight after it, as some spreadsheets add, is ignored.
    static func date(_ text: String) -> CalendarDate? {
        var value = text.trimmingSpaces
        for midnight in [" 00:00:00", " 00:00", "T00:00:00", "T00:00"] where value.hasSuffix(midnight) {
            value.removeLast(midnight.count)
        }
        if let iso = CalendarDate(value) { return iso }
        for separator: Character in ["/", ".", "-"] {
            let parts = value.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2]) else { continue }
            if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 {
                return CalendarDate(year: first, month: second, day: third)
            }
            if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
                return CalendarDate(year: third, month: second, day: first)
            }
        }
        return nil
    }

    static let dateFormats = "YYYY-MM-DD (e.g. 2026-01-31) or DD/MM/YYYY (e.g. 31/01/2026)"

    /// Whether `text` is an id the submission format accepts: letters, digits, '.', '-' and
    /// '_', starting with a letter or digit, at most 80 characters.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isIdentifierStart(first), text.unicodeScalars.count <= 80 else { return false }
        return text.unicodeScalars.allSatisfy { isIdentifierStart($0) || $0 == "." || $0 == "-" || $0 == "_" }
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static let identifierRule = "an id is letters, digits, '.', '-' and '_' (no spaces), starting with a letter or digit, at most 80 characters"

    /// An id made from `text`: lower case, runs of other characters as one hyphen, at most
    /// 80 characters; `nil` when nothing is left.
    static func suggestedIdentifier(_ text: String) -> String? {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if isIdentifierStart(scalar) {
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? nil : String(out.prefix(80))
    }

    /// The items of a list cell: separated by white space (line breaks included), commas or
    /// semicolons.
    static func tokens(_ text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "," || $0 == ";" }.map(String.init)
    }

    /// Text as the submission format keeps it: white space at the ends removed and runs inside
    /// (line breaks included) made one space, as the XML loader reads titles and action text.
    static func text(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }).trimmingSpaces
    }

    /// The number of characters the submission format counts (Unicode scalars).
    static func length(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    /// A fact's value: `true`/`false`/`yes`/`no` for a yes/no fact; for a number, a decimal
    /// with a point (or, in a file separated by semicolons, a comma), a percent sign allowed
    /// for a percentage.
    static func factValue(_ text: String, kind: FactDefinition.Kind, unit: String?, decimalComma: Bool) -> FactValue? {
        let value = text.trimmingSpaces
        switch kind {
        case .boolean:
            switch value.lowercased() {
            case "true", "yes", "y": return .boolean(true)
            case "false", "no", "n": return .boolean(false)
            default: return nil
            }
        case .number:
            var number = value
            if unit == "percent", number.hasSuffix("%") { number = String(number.dropLast()).trimmingSpaces }
            if decimalComma, !number.contains(".") { number = number.replacingOccurrences(of: ",", with: ".") }
            guard let exact = ExactDecimal(number) else { return nil }
            return .number(exact)
        }
    }

    /// A cell as written by `CSVWriter`, which puts an apostrophe before a leading `=`, `+`,
    /// `-` or `@` so a spreadsheet never runs it as a formula: the apostrophe removed.
    static func unprotected(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.unicodeScalars.dropFirst().first, ["=", "+", "-", "@"].contains(next) else { return cell }
        return String(cell.dropFirst())
    }
}
