import CLibXML2

/// Copies a libxml2 element tree into `XMLElement` values.
/// Recursion depth is bounded by `XMLLimits.maxDepth`, enforced while parsing.
struct TreeConverter {
    let sourceName: String
    /// The last namespace seen and its Swift string, so one namespace is converted once and
    /// every element shares the same string storage.
    private var lastNamespace: UnsafeMutablePointer<xmlNs>?
    private var lastNamespaceString: String?

    init(sourceName: String) {
        self.sourceName = sourceName
    }

    mutating func convert(_ node: xmlNodePtr) throws(XMLInputError) -> XMLElement {
        let name = LibXML.string(node.pointee.name) ?? ""
        let namespace = namespace(node.pointee.ns)
        let attributes = node.pointee.properties == nil ? [] : try attributes(of: node)
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(try convert(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    if text.isEmpty { text = String(cString: content) } else { text += String(cString: content) }
                }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE, XML_XINCLUDE_START:
                throw unexpected(current)
            default:
                break  // comments and processing instructions carry no data
            }
            child = current.pointee.next
        }
        return XMLElement(name: name, namespace: namespace, attributes: attributes,
                          children: children, text: text, location: location(of: node))
    }

    private mutating func attributes(of node: xmlNodePtr) throws(XMLInputError) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var part = current.pointee.children
            while let piece = part {
                guard piece.pointee.type == XML_TEXT_NODE else { throw unexpected(node) }
                if let content = LibXML.string(piece.pointee.content) {
                    if value.isEmpty { value = content } else { value += content }
                }
                part = piece.pointee.next
            }
            result.append(XMLAttribute(name: LibXML.string(current.pointee.name) ?? "", value: value))
            attribute = current.pointee.next
        }
        return result
    }

    private mutating func namespace(_ ns: UnsafeMutablePointer<xmlNs>?) -> String? {
        guard let ns else { return nil }
        if ns == lastNamespace { return lastNamespaceString }
        lastNamespace = ns
        lastNamespaceString = LibXML.string(ns.pointee.href)
        return lastNamespaceString
    }

    private func location(of node: xmlNodePtr) -> SourceLocation {
        let short = Int(node.pointee.line)
        let line = short < 65535 ? short : Int(xmlGetLineNo(node))
        return SourceLocation(file: sourceName, line: line)
    }

    /// Entity references cannot occur (DOCTYPE is refused); treated as an error all the same.
    private func unexpected(_ node: xmlNodePtr) -> XMLInputError {
        .notWellFormed([XMLDiagnostic(location: location(of: node),
                                      message: "entity references and DTD content are not allowed in these files")])
    }
}
