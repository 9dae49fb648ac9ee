import Foundation

/// Writes comma-separated values as RFC 4180 describes: records end with CRLF; a field that
/// contains a comma, a double quote, CR or LF is enclosed in double quotes, with each double
/// quote inside it doubled.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula, so such a field
/// (e.g. a provider name taken from a bid) is prefixed with an apostrophe and can never run
/// (`CSVReader` removes it again).
///
/// Several values in one cell (reasons, ids) are joined by `list(_:)` with a line break, which
/// a spreadsheet shows as lines within the cell and which no value in the list can contain.
public enum CSVWriter {
    /// The UTF-8 byte-order mark: written first, it makes spreadsheet programs read the file as
    /// UTF-8 (without it Excel reads "é" as "Ã©").
    public static let byteOrderMark = "\u{FEFF}"

    /// The one separator of values joined in a cell: a line break (LF).
    public static let listSeparator = "\n"

    /// `values` joined into one cell, one per line; a line break inside a value becomes a space,
    /// so the cell always splits back into exactly the values given.
    public static func list(_ values: [String]) -> String {
        values.map { value in
            value.contains(where: \.isNewline)
                ? String(value.map { $0.isNewline ? " " : $0 })
                : value
        }.joined(separator: listSeparator)
    }

    /// One record, ending with CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A whole file: the header record, then one record per row.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(record).joined()
    }

    /// One field, quoted when it needs to be.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@"].contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
