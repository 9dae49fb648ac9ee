/// Where something is in an evidence register: the file, the row as a spreadsheet numbers it,
/// and the column (its letter, and its heading when the section has one).
public struct RegisterLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is about the whole file.
    public var row: Int
    /// 0-based column index, when the problem is about one cell.
    public var column: Int?
    public var heading: String?

    public init(file: String, row: Int, column: Int? = nil, heading: String? = nil) {
        self.file = file
        self.row = row
        self.column = column
        self.heading = heading
    }

    /// A spreadsheet's column letters: 0 → "A", 25 → "Z", 26 → "AA".
    public static func letters(_ column: Int) -> String {
        var number = column + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// "register.csv row 12, column D (issued)".
    public var description: String {
        var text = file
        if row > 0 { text += " row \(row)" }
        if let column { text += ", column \(Self.letters(column))" + (heading.map { " (\($0))" } ?? "") }
        return text
    }
}

/// One thing wrong in an evidence register: where, what is wrong and what was expected, and
/// the nearest valid value when one is near. `description` is what a user reads.
public struct RegisterProblem: Sendable, Hashable, CustomStringConvertible {
    public var location: RegisterLocation
    public var message: String
    /// The valid value nearest to what the cell holds, when one is near.
    public var nearest: String?

    public init(_ location: RegisterLocation, _ message: String, nearest: String? = nil) {
        self.location = location
        self.message = message
        self.nearest = nearest
    }

    public var description: String {
        "\(location): \(message)" + (nearest.map { " (did you mean `\($0)`?)" } ?? "")
    }
}

/// Something the import did that the user should know, without making the register invalid
/// (a column it does not read, a value the command line overrode).
public struct RegisterNote: Sendable, Hashable, CustomStringConvertible {
    public var location: RegisterLocation
    public var message: String

    public init(_ location: RegisterLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// An evidence register that cannot become a submission: every problem found, in file and row
/// order. Nothing is written when there is one.
public struct RegisterError: Error, Sendable, CustomStringConvertible {
    /// The most problems kept; the rest are counted.
    public static let cap = 1000

    public var problems: [RegisterProblem]
    /// How many more problems there were beyond `cap`.
    public var omitted: Int

    public init(problems: [RegisterProblem]) {
        self.problems = Array(problems.prefix(Self.cap))
        omitted = max(0, problems.count - Self.cap)
    }

    public var description: String {
        let count = problems.count + omitted
        var lines = ["the register cannot become a submission: \(count) problem\(count == 1 ? "" : "s"); nothing was written"]
        lines += problems.map { "  " + $0.description }
        if omitted > 0 { lines.append("  \(omitted) more problem(s) not shown; fix the ones above first") }
        return lines.joined(separator: "\n")
    }
}
