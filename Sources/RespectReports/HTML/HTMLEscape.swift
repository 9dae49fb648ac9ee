/// Escaping for HTML text and attribute values. Everything that comes from an input file
/// (provider names, indicator text, evidence ids, messages) is untrusted and must pass through
/// here; ``HTMLNode`` does so for every text node and attribute value it renders.
public enum HTMLEscape {
    /// Escapes `text` for use as element content: `&`, `<`, `>`, `"` and `'` become character
    /// references, and control characters other than tab, newline and carriage return are
    /// dropped (HTML does not allow them).
    public static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Escapes `value` for use inside a double-quoted attribute value. The same rules as
    /// ``text(_:)``, which also escape both quote characters.
    public static func attribute(_ value: String) -> String {
        text(value)
    }
}
