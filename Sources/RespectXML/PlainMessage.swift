import Foundation

/// Says what libxml2's messages mean, for people who do not read XML: what is wrong and how to
/// fix it ("the file ends before <title> (opened on line 33) is closed…" rather than "Premature
/// end of data in tag title line 33"). Each rule is a pattern of libxml2's message with `*` for
/// the parts it fills in; a message no rule knows is kept as libxml2 wrote it.
enum PlainMessage {
    /// A libxml2 message pattern and the message it becomes, from the `*` parts in order.
    struct Rule: Sendable {
        var pattern: String
        var rewrite: @Sendable ([String]) -> String
    }

    /// A parser (well-formedness) message, in plain words.
    static func parser(_ message: String) -> String {
        translate(message, parserRules)
    }

    /// A schema validation message, in plain words.
    static func schema(_ message: String) -> String {
        translate(message, schemaRules)
    }

    static func translate(_ message: String, _ rules: [Rule]) -> String {
        for rule in rules {
            if let parts = captures(of: message, pattern: rule.pattern) { return rule.rewrite(parts) }
        }
        return message
    }

    /// The text `*` stands for in `pattern`, in order, when `message` matches it; each `*`
    /// takes as little as it can, the last one the rest.
    static func captures(of message: String, pattern: String) -> [String]? {
        let literals = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard message.hasPrefix(literals[0]) else { return nil }
        var rest = message.dropFirst(literals[0].count)
        var parts: [String] = []
        for (index, literal) in literals.enumerated().dropFirst() {
            if index == literals.count - 1 {
                guard rest.hasSuffix(literal), rest.count >= literal.count else { return nil }
                parts.append(String(rest.dropLast(literal.count)))
                rest = rest[rest.endIndex...]
            } else {
                guard let range = rest.range(of: literal) else { return nil }
                parts.append(String(rest[..<range.lowerBound]))
                rest = rest[range.upperBound...]
            }
        }
        return rest.isEmpty ? parts : nil
    }

    /// "a, b" from libxml2's "( a, b )" or "one of ( a, b )" lists, each name as a tag: "<a> or <b>".
    static func tags(_ list: String) -> String {
        var text = Substring(list)
        if text.hasPrefix("one of ") { text = text.dropFirst("one of ".count) }
        let names = text.split(whereSeparator: { $0 == "," || $0 == "(" || $0 == ")" || $0 == " " }).map { "<" + $0 + ">" }
        return names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    static let escapes = "&amp; for &, &lt; for <, &gt; for >"

    static let parserRules: [Rule] = [
        Rule(pattern: "Premature end of data in tag * line *") { p in
            "the file ends before <\(p[0])> (opened on line \(p[1])) is closed; it may have been cut short: check that the whole file was saved, and that </\(p[0])> is there"
        },
        Rule(pattern: "Opening and ending tag mismatch: * line * and *") { p in
            "</\(p[2])> does not close <\(p[0])>, opened on line \(p[1]); expected </\(p[0])> here (check the spelling of both tags, and that every tag in between is closed)"
        },
        Rule(pattern: "Extra content at the end of the document") { _ in
            "there is more after the end of the document (its last closing tag); a file holds one document: delete what follows it"
        },
        Rule(pattern: "StartTag: invalid element name") { _ in
            "a '<' that does not start a tag; in text, write &lt; instead of <"
        },
        Rule(pattern: "xmlParseEntityRef: no name") { _ in
            "an '&' on its own; in text, write &amp; instead of & (e.g. Safety &amp; Support)"
        },
        Rule(pattern: "EntityRef: expecting ';'") { _ in
            "an '&' on its own; in text, write &amp; instead of & (e.g. Safety &amp; Support)"
        },
        Rule(pattern: "Entity '*' not defined") { p in
            "&\(p[0]); is not a character XML knows; type the character itself (the file is UTF-8), or write \(escapes)"
        },
        Rule(pattern: "AttValue: \" or ' expected") { _ in
            "an attribute's value is not in straight quotes; write it as name=\"value\" (curly quotes “ ” from a word processor do not count)"
        },
        Rule(pattern: "attributes construct error") { _ in
            "this tag's attributes are not written as name=\"value\" pairs separated by spaces"
        },
        Rule(pattern: "Couldn't find end of Start Tag * line *") { p in
            "the tag <\(p[0])> on line \(p[1]) is not closed with '>' (often because of a missing quote before it)"
        },
        Rule(pattern: "Specification mandates value for attribute *") { p in
            "'\(p[0])' inside a tag has no value; attributes are written name=\"value\", and a tag ends with '>'"
        },
        Rule(pattern: "Attribute * redefined") { p in
            "the attribute \(p[0]) is given twice in one tag; keep one"
        },
        Rule(pattern: "PCDATA invalid Char value *") { p in
            "an invisible control character (code \(p[0])) that XML does not allow; delete it (it often comes from pasting text out of another program)"
        },
        Rule(pattern: "Char 0x* out of allowed range") { p in
            "an invisible control character (code 0x\(p[0])) that XML does not allow; delete it (it often comes from pasting text out of another program)"
        },
        Rule(pattern: "XML declaration allowed only at the start of the document") { _ in
            "<?xml …?> must be the very first thing in the file; delete any blank line, space or text before it"
        },
        Rule(pattern: "Double hyphen within comment*") { _ in
            "a comment (<!-- … -->) holds '--' or is not closed; close it with --> and do not use -- inside it"
        },
        Rule(pattern: "Comment not terminated*") { _ in
            "a comment (<!-- …) is not closed; close it with -->"
        },
        Rule(pattern: "Start tag expected, '<' not found") { _ in
            "no XML here; the file must hold one document, starting with a tag such as <submission …>"
        },
        Rule(pattern: "Document is empty") { _ in
            "the file holds no XML document"
        },
        Rule(pattern: "Unescaped '<' not allowed in attributes values") { _ in
            "a '<' inside an attribute's value, or a missing closing quote before it; in a value, write &lt; instead of <"
        },
        Rule(pattern: "EndTag: '</' not found") { _ in
            "the file ends before the document's last closing tag; it may have been cut short"
        },
        Rule(pattern: "Input is not proper UTF-8 (files must be UTF-8 or UTF-16) Bytes: *") { p in
            "the text here is not UTF-8 (bytes \(p[0])); save the file as UTF-8 (“CSV UTF-8” or “UTF-8” in the Save as dialog), as files must be UTF-8 or UTF-16"
        },
    ]

    static let schemaRules: [Rule] = [
        Rule(pattern: "Element '*': This element is not expected. Expected is *.") { p in
            "<\(p[0])> is not allowed here; expected \(tags(p[1])) (check the spelling and the order of the elements)"
        },
        Rule(pattern: "Element '*': This element is not expected.") { p in
            "<\(p[0])> is not allowed here (check its spelling, where it is, and that it is not one too many)"
        },
        Rule(pattern: "Element '*': Missing child element(s). Expected is *.") { p in
            "<\(p[0])> is missing \(tags(p[1])); add it inside <\(p[0])>"
        },
        Rule(pattern: "Element '*': The attribute '*' is required but missing.") { p in
            "<\(p[0])> needs the attribute \(p[1])=\"…\""
        },
        Rule(pattern: "Element '*', attribute '*': The attribute '*' is not allowed.") { p in
            "<\(p[0])> has no attribute '\(p[1])'; delete it, or check its spelling"
        },
        Rule(pattern: "Element '*', attribute '*': '*' is not a valid value of the * type '*'. Expected: *") { p in
            "\(p[1]) on <\(p[0])>: '\(p[2])' is not a valid value. Expected: \(p[5])"
        },
        Rule(pattern: "Element '*', attribute '*': '*' is not a valid value of the * type '*'.") { p in
            "\(p[1]) on <\(p[0])>: '\(p[2])' is not a valid value"
        },
        Rule(pattern: "Element '*': '*' is not a valid value of the * type '*'. Expected: *") { p in
            "<\(p[0])>: '\(p[1])' is not a valid value. Expected: \(p[4])"
        },
        Rule(pattern: "Element '*': '*' is not a valid value of the * type '*'.") { p in
            "<\(p[0])>: '\(p[1])' is not a valid value"
        },
        Rule(pattern: "Element '*', attribute '*': [facet 'enumeration'] The value '*' is not an element of the set {*}.") { p in
            "\(p[1])=\"\(p[2])\" on <\(p[0])> is not one of: \(p[3].replacingOccurrences(of: "'", with: ""))"
        },
        Rule(pattern: "Element '*': [facet 'enumeration'] The value '*' is not an element of the set {*}.") { p in
            "'\(p[1])' in <\(p[0])> is not one of: \(p[2].replacingOccurrences(of: "'", with: ""))"
        },
        Rule(pattern: "Element '*'*: [facet 'pattern'] The value '*' is not accepted by the pattern '*'.") { p in
            "'\(p[2])' \(where_(p[0], p[1])) is not written as expected"
        },
        Rule(pattern: "Element '*'*: [facet 'maxLength'] The value has a length of '*'; this exceeds the allowed maximum length of '*'.") { p in
            "\(what(p[0], p[1])) is too long: \(p[2]) (characters, or entries in a list), and at most \(p[3]) are allowed"
        },
        Rule(pattern: "Element '*'*: [facet 'minLength'] The value has a length of '*'; this underruns the allowed minimum length of '*'.") { p in
            p[2] == "0" ? "\(what(p[0], p[1])) is empty; fill it in" : "\(what(p[0], p[1])) is too short: \(p[2]), and at least \(p[3]) are needed"
        },
        Rule(pattern: "Element '*'*: [facet 'minInclusive'] The value '*' is less than the minimum value allowed ('*').") { p in
            "'\(p[2])' \(where_(p[0], p[1])) is below the lowest value allowed, \(p[3])"
        },
        Rule(pattern: "Element '*'*: [facet 'maxInclusive'] The value '*' is greater than the maximum value allowed ('*').") { p in
            "'\(p[2])' \(where_(p[0], p[1])) is above the highest value allowed, \(p[3])"
        },
        Rule(pattern: "Element '*': Duplicate key-sequence [*] in * identity-constraint '*'.") { p in
            "the id \(p[1]) on <\(p[0])> is used more than once; each must be different"
        },
        Rule(pattern: "Element '*': No match found for key-sequence [*] of keyref '*'.") { p in
            "\(p[1]) on <\(p[0])> names something this file does not define (check the spelling of the id it refers to)"
        },
        Rule(pattern: "Element '*': Character content other than whitespace is not allowed because the content type is 'element-only'.") { p in
            "<\(p[0])> holds text directly, but only other tags belong inside it; move the text into the tag meant for it (such as <title>) or delete it"
        },
        Rule(pattern: "Element '*': Element content is not allowed, because the content type is a simple type definition.") { p in
            "<\(p[0])> holds tags, but only text belongs inside it; delete the tags inside it"
        },
        Rule(pattern: "Element '*': No matching global declaration available for the validation root.") { p in
            "<\(p[0])> is not the start of a document of this kind"
        },
    ]

    /// "on <item>" or "in issued on <item>" for a facet message about an element or an attribute.
    static func where_(_ element: String, _ attribute: String) -> String {
        attributeName(attribute).map { "in \($0) on <\(element)>" } ?? "in <\(element)>"
    }

    /// "<title>" or "issued on <item>".
    static func what(_ element: String, _ attribute: String) -> String {
        attributeName(attribute).map { "\($0) on <\(element)>" } ?? "<\(element)>"
    }

    /// `issued` from ", attribute 'issued'"; nil for an empty part.
    static func attributeName(_ part: String) -> String? {
        captures(of: part, pattern: ", attribute '*'")?.first
    }
}
