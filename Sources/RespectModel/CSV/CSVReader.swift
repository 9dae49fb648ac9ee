/// One record of a CSV file: its cells, and where it is as a spreadsheet shows it.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based row number, as a spreadsheet numbers rows (a cell with line breaks is still
    /// one row).
    public var row: Int
    public var cells: [String]

    public init(row: Int, cells: [String]) {
        self.row = row
        self.cells = cells
    }

    /// True when every cell is empty or white space (a blank row).
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    /// The cell in `column` (0-based), or "" past the end.
    public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
}

/// A CSV file as spreadsheet programs export it, read into records.
///
/// Accepts UTF-8 with or without a byte-order mark; fields separated by commas, semicolons
/// (the export of spreadsheets set to a language with a decimal comma) or tabs, the separator
/// being the one that splits the first rows most consistently (or the one a first line
/// `sep=;` names); records ending with
/// CRLF, LF or CR; fields in double quotes holding separators, doubled quotes and line breaks
/// (RFC 4180).
public struct CSVTable: Sendable {
    public var file: String
    public var separator: Character
    public var records: [CSVRecord]

    /// Reads `bytes`; `file` names them in every error.
    ///
    /// - Throws: `CSVReadError` when the bytes are not UTF-8 (with the line of the first bad
    ///   byte), are UTF-16, or a quoted field is never closed.
    public init(bytes: [UInt8], file: String) throws(CSVReadError) {
        self.file = file
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) { throw .utf16(file: file) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let offset = Self.firstInvalidByte(body)
            let line = 1 + body.prefix(offset).filter { $0 == 0x0A }.count
            throw .notUTF8(file: file, line: line, byte: body[body.startIndex + offset])
        }
        if let declared = Self.declaredSeparator(in: text) {
            separator = declared
            // The `sep=` line is row 1, as a spreadsheet shows it; it is not a record.
            records = Array(try Self.records(in: text, separator: declared, file: file).dropFirst())
        } else {
            separator = Self.separator(in: text)
            records = try Self.records(in: text, separator: separator, file: file)
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// The separator that splits the first rows most consistently: for each candidate, the
    /// number of rows (of the first 20 with more than one cell) with the most common number of
    /// cells; comma, then semicolon, then tab on a tie. A first line `sep=;`, as Excel writes
    /// it, names the separator outright.
    static func separator(in text: String) -> Character {
        let candidates: [Character] = [",", ";", "\t"]
        var best: (separator: Character, score: Int) = (",", 0)
        for candidate in candidates {
            var counts: [Int: Int] = [:]
            let records = (try? records(in: text, separator: candidate, file: "", limit: 20)) ?? []
            for record in records where record.cells.count > 1 { counts[record.cells.count, default: 0] += 1 }
            let score = counts.values.max() ?? 0
            if score > best.score { best = (candidate, score) }
        }
        return best.separator
    }

    /// The separator a first line `sep=X` names, if any.
    static func declaredSeparator(in text: String) -> Character? {
        let first = text.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        guard first.count == 5, first.hasPrefix("sep="), let separator = first.last,
              [",", ";", "\t", "|"].contains(separator) else { return nil }
        return separator
    }

    /// The records of `text`, at most `limit` of them.
    private static func records(in text: String, separator: Character, file: String,
                                limit: Int = .max) throws(CSVReadError) -> [CSVRecord] {
        let separator = separator.unicodeScalars.first!
        var records: [CSVRecord] = []
        var cells: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var quoteOpenedAt = 0
        var row = 1
        var atFieldStart = true
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func endRecord() {
            cells.append(String(field))
            records.append(CSVRecord(row: row, cells: cells))
            cells = []
            field = String.UnicodeScalarView()
            row += 1
            atFieldStart = true
        }
        while index < scalars.count, records.count < limit {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" && atFieldStart {
                quoted = true
                quoteOpenedAt = row
                atFieldStart = false
            } else if scalar == separator {
                cells.append(String(field))
                field = String.UnicodeScalarView()
                atFieldStart = true
            } else if scalar == "\r" || scalar == "\n" {
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
            } else {
                field.append(scalar)
                atFieldStart = false
            }
        }
        if records.count >= limit { return records }
        if quoted { throw .unclosedQuote(file: file, row: quoteOpenedAt) }
        if !field.isEmpty || !cells.isEmpty { endRecord() }
        return records
    }
}

/// Why a CSV file could not be read. `description` names the file and row and says what to do.
public enum CSVReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A byte that is not UTF-8 (e.g. a file saved as "CSV" in a Windows code page).
    case notUTF8(file: String, line: Int, byte: UInt8)
    /// A UTF-16 file (a spreadsheet's "Unicode text").
    case utf16(file: String)
    /// A quoted field that starts on `row` and is never closed.
    case unclosedQuote(file: String, row: Int)

    public var description: String {
        switch self {
        case .notUTF8(let file, let line, let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "\(file) line \(line): the file is not UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as \"CSV UTF-8\" in your spreadsheet program"
        case .utf16(let file):
            return "\(file): the file is UTF-16 (\"Unicode text\"); save it as \"CSV UTF-8\" in your spreadsheet program"
        case .unclosedQuote(let file, let row):
            return "\(file) row \(row): a cell opens a double quote that is never closed; close it, or write a quote inside a quoted cell as two quotes (\"\")"
        }
    }
}
