/// Where something is in an input file. `column` is 0 when unknown (libxml2 nodes carry lines only).
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file (or source name) the location refers to.
    public var file: String
    /// 1-based line number, or 0 when unknown.
    public var line: Int
    /// 1-based column number, or 0 when unknown.
    public var column: Int

    /// Creates a location; omit `column` (or pass 0) when only the line is known.
    public init(file: String, line: Int, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// "file:line:column", "file:line" when the column is unknown, or "file" when the line is unknown.
    public var description: String {
        if line <= 0 { return file }
        if column <= 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// One problem found in an input, with its location; `description` is "location: message".
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in plain words.
    public var message: String

    /// Creates a diagnostic.
    public init(location: SourceLocation, message: String) {
        self.location = location
        self.message = message
    }

    /// "location: message".
    public var description: String { "\(location): \(message)" }
}

/// Collects diagnostics up to a cap, so a hostile document cannot exhaust memory with errors.
struct DiagnosticList {
    /// The most diagnostics kept for one document; the rest are counted.
    static let cap = 1000

    private(set) var items: [XMLDiagnostic] = []
    private(set) var omitted = 0

    var isEmpty: Bool { items.isEmpty }

    mutating func append(_ diagnostic: XMLDiagnostic) {
        if items.count < Self.cap { items.append(diagnostic) } else { omitted += 1 }
    }

    /// The kept diagnostics, plus one closing note when some were left out.
    func finished(file: String) -> [XMLDiagnostic] {
        guard omitted > 0 else { return items }
        let note = "\(omitted) more problem(s) not shown; fix the ones above first"
        return items + [XMLDiagnostic(location: SourceLocation(file: file, line: 0), message: note)]
    }
}
