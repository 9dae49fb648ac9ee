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

    /// Appends `text` to `bytes`, escaped.
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        guard needsEscaping(text) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.reserveCapacity(bytes.count + utf8.count + 32)
        for byte in utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
    }

    private static func needsEscaping(_ text: String) -> Bool {
        text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 })
    }
}
