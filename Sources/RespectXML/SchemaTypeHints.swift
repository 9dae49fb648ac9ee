import CLibXML2

/// What each named simple type of an XSD means, from its `xs:annotation/xs:documentation`,
/// so that "'2026-13-01' is not a valid value of the atomic type 'Date'" can go on to say what
/// was expected. Read once when the schema is loaded; immutable afterwards.
struct SchemaTypeHints: Sendable {
    /// Documentation longer than this is left out of messages (it explains more than a value).
    static let maxLength = 200

    private var hints: [String: String] = [:]

    /// Reads the top-level `xs:simpleType` definitions of a schema document.
    init(_ document: xmlDocPtr) {
        var child = xmlDocGetRootElement(document)?.pointee.children
        while let node = child {
            child = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE, LibXML.string(node.pointee.name) == "simpleType",
                  let name = XMLSchema.attribute("name", of: node),
                  let text = Self.documentation(of: node), text.utf8.count <= Self.maxLength else { continue }
            hints[name] = text
        }
    }

    /// `message` with "Expected: …" added when it rejects a value of a documented type.
    func explain(_ message: String) -> String {
        guard let range = message.firstRange(of: "is not a valid value of the ") else { return message }
        let rest = message[range.upperBound...]
        guard let open = rest.firstRange(of: "type '"), let close = rest[open.upperBound...].firstIndex(of: "'") else { return message }
        var name = rest[open.upperBound..<close]
        if let brace = name.lastIndex(of: "}") { name = name[name.index(after: brace)...] }
        guard let hint = hints[String(name)] else { return message }
        return message + " Expected: " + hint
    }

    /// The white-space-collapsed text of the first `xs:annotation/xs:documentation` child.
    private static func documentation(of node: xmlNodePtr) -> String? {
        guard let annotation = firstElement("annotation", in: node),
              let documentation = firstElement("documentation", in: annotation) else { return nil }
        var text = ""
        var part = documentation.pointee.children
        while let piece = part {
            if piece.pointee.type == XML_TEXT_NODE { text += LibXML.string(piece.pointee.content) ?? "" }
            part = piece.pointee.next
        }
        let words = text.splitAtXMLSpace()
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    private static func firstElement(_ name: String, in node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, LibXML.string(current.pointee.name) == name { return current }
            child = current.pointee.next
        }
        return nil
    }
}
