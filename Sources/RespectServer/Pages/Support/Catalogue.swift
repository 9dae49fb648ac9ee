import Foundation
import RespectReports

/// Every user-facing string of the pages and of the API's error messages, for one language,
/// read from `Resources/Catalogue/LANGUAGE.json`: templates and handlers name strings by key and
/// never hold words themselves, so a second language is one more file. The sentences the engine's
/// typed results become (reasons, provisions, warnings, conditions, tender reasons) come from the
/// reports' `Wording` of the same language, so a page never words a result itself.
struct Catalogue: Sendable {
    let language: String
    let strings: [String: String]
    /// `strings` as the templates read them (`t`), made once.
    let templateStrings: TemplateValue
    /// The reports' words for the engine's results, in `language`.
    var wording: any Wording = EnglishWording()

    /// Reads the catalogue of `language` from the server's resources.
    static func load(language: String = "en") throws -> Catalogue {
        let path = ServerResources.path("Catalogue/\(language).json")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return Catalogue(language: language, strings: try JSONDecoder().decode([String: String].self, from: data))
    }

    init(language: String, strings: [String: String]) {
        self.language = language
        self.strings = strings
        self.templateStrings = .object(strings.mapValues(TemplateValue.text))
    }

    /// The string for `key`; a missing key shows itself, so a gap is seen, not hidden.
    subscript(_ key: String) -> String {
        strings[key] ?? key
    }

    /// The string for `key` with each `{name}` replaced by `values[name]`, e.g.
    /// `format("dashboard_expiring", ["count": "3"])`.
    /// One pass over the string: a value is never searched for placeholders itself (a title
    /// a provider typed as "{count}" stays as typed), and a `{name}` with no value is kept.
    func format(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        // Braces are ASCII, so the UTF-8 positions found here are positions in `text` too.
        let bytes = text.utf8
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        guard bytes.contains(open) else { return text }
        var result = ""
        result.reserveCapacity(bytes.count + 64)
        var copied = bytes.startIndex
        var searched = bytes.startIndex
        while let brace = bytes[searched...].firstIndex(of: open) {
            let name = bytes.index(after: brace)
            if let end = bytes[name...].firstIndex(where: { $0 == close || $0 == open }), bytes[end] == close,
               let value = values[String(text[name..<end])] {
                result += text[copied..<brace]
                result += value
                copied = bytes.index(after: end)
                searched = copied
            } else {
                searched = name
            }
        }
        result += text[copied...]
        return result
    }

    /// The message of an error code (`error_CODE`).
    func message(for code: ErrorCode) -> String {
        self["error_\(code.rawValue)"]
    }
}

/// Where the server's resources (templates, catalogues, the OpenAPI document, styles) are.
enum ServerResources {
    static func path(_ relative: String) -> String {
        Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent(relative).path
    }
}
