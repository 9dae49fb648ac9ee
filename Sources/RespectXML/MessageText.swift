/// Turns libxml2's raw error text into a readable one-line message.
enum MessageText {
    /// Trims whitespace, joins lines, explains UTF-8 errors, and writes `{namespace}name` as
    /// `name` when the namespace is the document's own (other namespaces stay visible).
    static func clean(_ raw: UnsafePointer<CChar>?, documentNamespace: String? = nil) -> String {
        guard let raw else { return "unknown error" }
        var bytes = Array(UnsafeRawBufferPointer(start: raw, count: strlenOf(raw)))
        bytes = joinLines(bytes)
        if let namespace = documentNamespace, !namespace.isEmpty, bytes.contains(UInt8(ascii: "{")) {
            bytes = removeNamespace(Array(namespace.utf8), from: bytes)
        }
        var text = String(decoding: bytes, as: UTF8.self)
        let utf8Hint = "Input is not proper UTF-8, indicate encoding !"
        if text.hasPrefix(utf8Hint) {
            text = "Input is not proper UTF-8 (files must be UTF-8 or UTF-16)" + text.dropFirst(utf8Hint.count)
        }
        return text.isEmpty ? "unknown error" : text
    }

    private static func strlenOf(_ pointer: UnsafePointer<CChar>) -> Int {
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return count
    }

    /// Replaces runs of newlines/carriage returns with one space and trims both ends.
    private static func joinLines(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            let isSpace = byte.isXMLSpace
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(byte)
        }
        return out
    }

    /// Drops every `{namespace}` prefix equal to the given namespace.
    private static func removeNamespace(_ namespace: [UInt8], from bytes: [UInt8]) -> [UInt8] {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let end = index + namespace.count + 1
            if bytes[index] == open, end < bytes.count, bytes[end] == close,
               bytes[(index + 1)..<end].elementsEqual(namespace) {
                index = end + 1
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }
}
