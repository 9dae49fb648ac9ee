import RespectModel

/// The checks the editor's forms share, matching what the submission schema accepts, so a
/// value is refused beside its field instead of by the schema after saving.
enum EditorInput {
    /// The longest title, action or owner accepted.
    static let maximumText = 500

    /// An id as the schema's `Identifier`: a letter or digit, then up to 79 letters, digits, `.`, `_` or `-`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 80, isAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// A `YYYY-MM-DD` date (what a date input sends), `nil` when it is not one.
    static func date(_ text: String) -> CalendarDate? {
        CalendarDate(text)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
