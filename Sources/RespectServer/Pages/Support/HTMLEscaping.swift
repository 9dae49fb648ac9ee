import Mustache

/// How the page templates escape every `{{value}}`: `<`, `>`, `&`, `"` and `'` become character
/// references, byte by byte over the UTF-8 text.
///
/// It replaces swift-mustache's own HTML escaping, which looked each *character* up in a
/// dictionary (a sixth of a dashboard view's time under load) and so let an `&` or `<` carrying a
/// combining mark through unescaped; these five bytes never occur inside another UTF-8 sequence,
/// so here none is missed. Every template names it on its first line
/// (`{{% CONTENT_TYPE: RESPECT_HTML }}`), and `PageRenderer.load` registers it before reading them.
struct HTMLEscaping: MustacheContentType {
    static let name = "RESPECT_HTML"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 32)
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
        return String(decoding: bytes, as: UTF8.self)
    }
}
