/// Accumulates lines of a text report.
struct TextBuffer {
    private(set) var text = ""

    mutating func line(_ string: String) {
        text += string + "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    /// A left-aligned first column and right-aligned figures, padded to the widest cell.
    mutating func table(header: [String], rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            line("  " + cells.joined(separator: "  "))
        }
    }
}
