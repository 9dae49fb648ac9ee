/// How the page templates escape every `{{value}}`: `<`, `>`, `&`, `"` and `'` become character
/// references, byte by byte over the UTF-8 text. These five bytes never occur inside another
/// UTF-8 sequence, so none is missed, even one carrying a combining mark.
///
/// Every template names it on its first line (`{{% CONTENT_TYPE: RESPECT_HTML }}`); it is the
/// only escaping `TemplateLibrary` has.
enum HTMLEscaping {
    static let name = "RESPECT_HTML"

    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` to `bytes`, escaped: the runs between the five bytes copied whole.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                guard let reference = reference(for: utf8[index]) else { continue }
                if start < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                bytes.append(contentsOf: UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
                start = index + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
    }

    /// The character reference that stands for `byte`, if it is one of the five.
    private static func reference(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x26: "&amp;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }

    private static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in utf8.contains { reference(for: $0) != nil } }
    }
}
