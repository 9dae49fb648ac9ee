import Foundation
import RespectTestSupport

/// Text a hostile provider writes: markup and script that must come out of every page and
/// report as text, never as markup. Each copy carries a tag naming the field it was put in.
enum HostileText {
    /// The payload, tagged with the field it stands in.
    static func payload(_ field: String) -> String {
        #"<script>alert("\#(field)")</script><img src=x onerror=alert('\#(field)')>"#
    }

    /// What must never appear in an HTML answer: markup the payload would have made.
    static let forbiddenMarkup = ["<script", "<img"]

    /// `text` escaped for an XML attribute or element.
    static func xmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }

    /// `text` for a query value.
    static func queryEscaped(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The free-text fields of submission-v1.xsd (its `s:Text` attributes and elements): the
    /// test that uses `submission` checks this list against the schema, so a new free-text
    /// field fails it until it is covered here.
    static let submissionTextAttributes = ["name", "region", "path", "owner"]
    static let submissionTextElements = ["title", "action"]

    /// not-yet.xml with the payload added to every free-text field (still a valid submission
    /// of Eastfield, 1190003).
    static var submission: [UInt8] {
        var text = String(decoding: ServerFixtures.notYetBytes, as: UTF8.self)
        for attribute in submissionTextAttributes {
            text = text.replacingOccurrences(of: #"(\s\#(attribute)=")([^"]*)""#, with: "$1$2 " + template(attribute) + "\"",
                                             options: .regularExpression)
        }
        for element in submissionTextElements {
            text = text.replacingOccurrences(of: #"(<\#(element)(\s[^>]*)?>)([^<]*)</\#(element)>"#,
                                             with: "$1$3 " + template(element) + "</\(element)>", options: .regularExpression)
        }
        return Array(text.utf8)
    }

    /// The escaped payload as a regular-expression template (its `$` and `\` escaped).
    private static func template(_ field: String) -> String {
        NSRegularExpression.escapedTemplate(for: xmlEscaped(payload(field)))
    }

    /// The `s:Text` attribute and element names the submission schema declares.
    static func schemaTextFields() throws -> Set<String> {
        let schema = try String(contentsOfFile: TestSupport.standardsDirectory + "/schema/submission-v1.xsd", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"<xs:(attribute|element) name="([A-Za-z]+)" type="s:(Text|Action)""#)
        let range = NSRange(schema.startIndex..., in: schema)
        return Set(pattern.matches(in: schema, range: range).compactMap { match in
            Range(match.range(at: 2), in: schema).map { String(schema[$0]) }
        })
    }
}
