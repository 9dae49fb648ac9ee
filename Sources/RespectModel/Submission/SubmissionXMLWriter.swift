/// Writes a `Submission` as a submission file (namespace `urn:respect-engine:submission:v1`)
/// that validates against `submission-v1.xsd`.
///
/// Every attribute value and text is escaped, so names such as “Smith & Jones” or titles with
/// quotes and angle brackets round-trip exactly. Output is deterministic: the same submission
/// always gives the same bytes (LF line ends, two-space indentation, UTF-8).
public enum SubmissionXMLWriter {
    /// The submission format's namespace.
    public static let namespace = "urn:respect-engine:submission:v1"

    /// The whole document. `comment`, when given, is written as an XML comment after the
    /// declaration; each of `notes` is written as an XML comment of its own after `</services>`
    /// (a template's guidance). Comments never change what the file means: it validates and
    /// evaluates the same without them.
    public static func document(_ submission: Submission, comment: String? = nil, notes: [String] = []) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if let comment { out += self.comment(comment) + "\n" }
        out += "<submission xmlns=\"\(namespace)\""
        if let asOf = submission.asOf { out += attribute("asOf", asOf.description) }
        out += ">\n"
        let provider = submission.provider
        out += "  <provider" + attribute("name", provider.name)
        if let number = provider.charityNumber { out += attribute("charityNumber", number) }
        if let number = provider.companyNumber { out += attribute("companyNumber", number) }
        if let region = provider.region { out += attribute("region", region) }
        out += "/>\n"
        out += "  <target" + attribute("framework", submission.target.framework) + attribute("edition", submission.target.edition) + "/>\n"
        out += "  <services>\n"
        for service in submission.services {
            out += "    <service" + attribute("type", service.serviceType) + attribute("risks", service.riskLevels.joined(separator: " ")) + "/>\n"
        }
        out += "  </services>\n"
        for note in notes { out += self.comment(note, indent: "  ") + "\n" }
        if !submission.evidence.isEmpty {
            out += "  <evidence>\n"
            for item in submission.evidence { write(item, to: &out) }
            out += "  </evidence>\n"
        }
        if !submission.facts.isEmpty {
            out += "  <facts>\n"
            for fact in submission.facts {
                out += "    <fact" + attribute("id", fact.id)
                if let unit = fact.unit { out += attribute("unit", unit) }
                if let source = fact.sourceEvidenceID { out += attribute("source", source) }
                out += ">" + escapeText(fact.value.description) + "</fact>\n"
            }
            out += "  </facts>\n"
        }
        if !submission.actionPlan.isEmpty {
            out += "  <actionPlan>\n"
            for action in submission.actionPlan {
                out += "    <action" + attribute("indicator", action.indicatorID) + attribute("due", action.due.description)
                    + attribute("owner", action.owner) + ">" + escapeText(action.action) + "</action>\n"
            }
            out += "  </actionPlan>\n"
        }
        out += "</submission>\n"
        return out
    }

    private static func write(_ item: EvidenceItem, to out: inout String) {
        out += "    <item" + attribute("id", item.id) + attribute("type", item.type) + attribute("issued", item.issued.description)
        if let reviewBy = item.reviewBy { out += attribute("reviewBy", reviewBy.description) }
        out += ">\n      <title>" + escapeText(item.title) + "</title>\n"
        if let file = item.file {
            out += "      <file" + attribute("path", file.path) + attribute("sha256", file.sha256) + "/>\n"
        }
        out += "      <supports>" + escapeText(item.supports.joined(separator: " ")) + "</supports>\n    </item>\n"
    }

    /// `text` as an XML comment: `<!-- text -->` on one line, or, when `text` has several
    /// lines, `<!--`, the lines each indented by `indent` plus two spaces, and `-->`. A double
    /// hyphen (which XML forbids inside a comment) becomes "- -", and a hyphen ending the text
    /// is followed by a space.
    public static func comment(_ text: String, indent: String = "") -> String {
        var safe = text
        while safe.contains("--") { safe = safe.replacingOccurrences(of: "--", with: "- -") }
        if safe.hasSuffix("-") { safe += " " }
        guard safe.contains("\n") else { return indent + "<!-- " + safe + " -->" }
        let lines = safe.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : indent + "  " + $0 }
        return indent + "<!--\n" + lines.joined(separator: "\n") + "\n" + indent + "-->"
    }

    /// ` name="value"`, the value escaped for a double-quoted attribute.
    static func attribute(_ name: String, _ value: String) -> String {
        " \(name)=\"\(escapeAttribute(value))\""
    }

    /// Escapes `&`, `<` and `>` in character data.
    public static func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Escapes text for a double-quoted attribute: also `"`, and tab, CR and LF as character
    /// references so attribute-value normalisation does not turn them into spaces.
    public static func escapeAttribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
