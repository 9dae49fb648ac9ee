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
        for word in Self.words(of: string) {
            let length = Self.characters(word) - Self.escapeLength(word)
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

    /// The words of `string`, as `string.split(separator: " ")` gives them, found on its UTF-8
    /// bytes: splitting by `Character` walks every grapheme boundary, which was a quarter of a
    /// text report's time. A space is one byte; only a space beside a non-ASCII character (which
    /// a combining mark after it, or a prepended mark before it, could join into one `Character`)
    /// is checked against the string's own grapheme boundaries, and if one is not a word break
    /// the whole string is split by `Character` as before.
    static func words(of string: String) -> [String] {
        var copy = string
        var words: [String] = []
        var besideNonASCII: [Int] = []
        copy.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices where bytes[index] == 0x20 {
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) {
                    besideNonASCII.append(index)
                }
                if index > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if start < bytes.count { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        }
        let utf8 = string.utf8
        for offset in besideNonASCII {
            let space = utf8.index(utf8.startIndex, offsetBy: offset)
            if String.Index(space, within: string) == nil || String.Index(utf8.index(after: space), within: string) == nil {
                return string.split(separator: " ").map(String.init)
            }
        }
        return words
    }

    /// The characters in `string`: its byte count when it is ASCII, else its `Character` count.
    private static func characters(_ string: String) -> Int {
        string.utf8.contains { $0 >= 0x80 } ? string.count : string.utf8.count
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
