/// The sections of an evidence register, read from one or more CSV files and not yet checked
/// against a framework: which rows belong to which section, and which column holds what.
public struct RegisterDocument: Sendable {
    /// One section as found: its rows after the header, and the column each heading names.
    public struct Sheet: Sendable {
        public var section: RegisterSection
        public var file: String
        /// The row of the title, or of the header when the section has no title.
        public var startRow: Int
        /// Column index → the column it holds (for `submission`, field names are in column 0).
        public var columns: [Int: RegisterColumn]
        /// The last column with a heading, read or not (-1 when none).
        public var lastHeadedColumn: Int = -1
        public var records: [CSVRecord]

        /// Whether the header has every required column (when not, its rows are not read: the
        /// header's problem says what is missing).
        public var isComplete: Bool {
            Set(columns.values).isSuperset(of: section.requiredColumns)
        }

        /// The index of `column`, if the header has it.
        public func index(of column: RegisterColumn) -> Int? {
            columns.first { $0.value == column }?.key
        }

        /// Where a cell is.
        public func location(_ record: CSVRecord, _ column: RegisterColumn) -> RegisterLocation {
            RegisterLocation(file: file, row: record.row, column: index(of: column), heading: column.heading)
        }

        /// The cell of `column` in `record`, "" when the header has no such column.
        public func cell(_ record: CSVRecord, _ column: RegisterColumn) -> String {
            index(of: column).map { record[$0] } ?? ""
        }
    }

    public private(set) var sheets: [Sheet] = []
    public private(set) var problems: [RegisterProblem] = []
    public private(set) var notes: [RegisterNote] = []

    /// Reads the sections of `tables`, in order. Each section may appear once across them.
    public init(tables: [CSVTable]) {
        for table in tables { read(table) }
    }

    /// The one sheet of `section`, if any.
    public func sheet(_ section: RegisterSection) -> Sheet? {
        sheets.first { $0.section == section }
    }

    private mutating func read(_ table: CSVTable) {
        var current: Sheet?
        var expectingHeader = false
        func finish() {
            guard let sheet = current else { return }
            if let earlier = sheets.first(where: { $0.section == sheet.section }) {
                problems.append(RegisterProblem(RegisterLocation(file: sheet.file, row: sheet.startRow),
                                                "a second \(sheet.section.title) section; the first starts at \(RegisterLocation(file: earlier.file, row: earlier.startRow)). Put all of them in one section"))
            } else {
                sheets.append(sheet)
            }
            current = nil
        }
        for record in table.records where !record.isBlank {
            if let misspelt = RegisterLayout.misspeltTitle(record) {
                problems.append(RegisterProblem(RegisterLocation(file: table.file, row: record.row, column: 0),
                                                "'\(record[0])' is not a section title; the titles are " + RegisterSection.allCases.map(\.title).joined(separator: ", "),
                                                nearest: misspelt.title))
                continue
            }
            if let section = RegisterLayout.section(titledBy: record) {
                finish()
                current = Sheet(section: section, file: table.file, startRow: record.row,
                                columns: section == .submission ? [0: .field, 1: .value] : [:], lastHeadedColumn: 1, records: [])
                expectingHeader = section != .submission
                continue
            }
            if expectingHeader, var sheet = current {
                sheet.columns = header(record, section: sheet.section, file: table.file)
                sheet.lastHeadedColumn = Self.lastFilled(record)
                current = sheet
                expectingHeader = false
                continue
            }
            if current == nil {
                guard let section = RegisterLayout.section(ofHeader: record) else {
                    if record.cells.filter({ !$0.allSatisfy(\.isWhitespace) }).count == 1 {
                        notes.append(RegisterNote(RegisterLocation(file: table.file, row: record.row), "'\(record[0])' is not a section title; the row is not read"))
                    } else {
                        problems.append(RegisterProblem(RegisterLocation(file: table.file, row: record.row),
                                                        "expected a section title (" + RegisterSection.allCases.map(\.title).joined(separator: ", ")
                                                        + ") on a row of its own, or the header row of an evidence register (" + RegisterSection.evidence.columns.map(\.heading).joined(separator: ", ") + ")"))
                        return
                    }
                    continue
                }
                current = Sheet(section: section, file: table.file, startRow: record.row,
                                columns: header(record, section: section, file: table.file),
                                lastHeadedColumn: Self.lastFilled(record), records: [])
                continue
            }
            if current?.section == .submission, record.cells.count >= 2,
               RegisterLayout.folded(record[0]) == "field", RegisterLayout.folded(record[1]) == "value" {
                continue
            }
            current?.records.append(record)
        }
        finish()
    }

    /// The index of the last cell of `record` that is not blank.
    private static func lastFilled(_ record: CSVRecord) -> Int {
        record.cells.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? -1
    }

    /// The columns of a header row; unknown headings near a known one are problems, others
    /// are notes (a register may keep columns of its own, such as notes or owners).
    private mutating func header(_ record: CSVRecord, section: RegisterSection, file: String) -> [Int: RegisterColumn] {
        var columns: [Int: RegisterColumn] = [:]
        for (index, heading) in record.cells.enumerated() where !heading.allSatisfy(\.isWhitespace) {
            let location = RegisterLocation(file: file, row: record.row, column: index, heading: heading)
            if let column = RegisterLayout.column(heading, in: section) {
                if let earlier = columns.first(where: { $0.value == column }) {
                    problems.append(RegisterProblem(location, "a second '\(column.heading)' column; the first is column \(RegisterLocation.letters(earlier.key)). Keep one"))
                } else {
                    columns[index] = column
                }
            } else if let near = NearestMatch.nearest(to: heading, among: section.columns.map { .init(value: $0.heading) }) {
                problems.append(RegisterProblem(location, "'\(heading)' is not a column of the \(section.title) section; expected "
                                                + section.columns.map(\.heading).joined(separator: ", "), nearest: near))
            } else {
                notes.append(RegisterNote(location, "the column '\(heading)' is not part of the register; it is not read"))
            }
        }
        let found = Set(columns.values)
        for column in section.requiredColumns where !found.contains(column) {
            problems.append(RegisterProblem(RegisterLocation(file: file, row: record.row),
                                            "the \(section.title) header has no '\(column.heading)' column; its columns are "
                                            + section.columns.map { $0.heading + (section.requiredColumns.contains($0) ? "" : " (optional)") }.joined(separator: ", ")))
        }
        return columns
    }
}
