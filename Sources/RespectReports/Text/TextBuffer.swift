/// Accumulates lines of a text report.
struct TextBuffer {
    private(set) var text = ""

    mutating func line(_ string: String) {
        text += string + "\n"
    }

    mutating func blank() {
        text += "\n"
    }

    /// The widest a wrapped line is, in characters (a terminal's 100 columns).
    static let width = 100

    /// `string` on as many lines as it needs, none wider than `width`: the first starts with
    /// `first`, the others with `rest` (a hanging indent). Words are never split; a word longer
    /// than a line gets a line of its own. Styling escapes in `first` do not count.
    mutating func wrapped(_ string: String, first: String = "", rest: String = "      ", width: Int = TextBuffer.width) {
        var current = first
        var visible = first.count - Self.escapeLength(first)
        var atStart = true
        for piece in string.split(separator: " ", omittingEmptySubsequences: true) {
            // A `String`, so the concatenations below are String + String: appending a
            // `Substring` goes through generic code the runtime resolves on first use.
            let word = String(piece)
            let length = word.count - Self.escapeLength(word)
            if !atStart && visible + 1 + length > width {
                line(current)
                current = rest + word
                visible = rest.count + length
            } else {
                current += (atStart ? "" : " ") + word
                visible += (atStart ? 0 : 1) + length
            }
            atStart = false
        }
        line(current)
    }

    /// Characters of ANSI colour escapes in `string`, which take no room on a terminal.
    private static func escapeLength(_ string: String) -> Int {
        var count = 0
        var inEscape = false
        for scalar in string.unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true }
            if inEscape { count += 1 }
            if inEscape && scalar == "m" { inEscape = false }
        }
        return count
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
