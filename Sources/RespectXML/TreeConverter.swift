import CLibXML2

/// Copies a libxml2 element tree into `XMLElement` values.
/// Recursion depth is bounded by `XMLLimits.maxDepth`, enforced while parsing.
struct TreeConverter {
    let sourceName: String
    /// Set when the tree holds something that must not be there (entity references, DTD nodes).
    private(set) var problem: XMLInputError?
    /// The last namespace seen and its string, so elements share one string's storage.
    private var lastNamespace: UnsafeMutablePointer<xmlNs>?
    private var lastNamespaceString: String?

    init(sourceName: String) {
        self.sourceName = sourceName
    }

    /// Converts `root`; throws if the tree held anything refused.
    static func convert(_ root: xmlNodePtr, sourceName: String) throws(XMLInputError) -> XMLElement {
        var converter = TreeConverter(sourceName: sourceName)
        var result: [XMLElement] = []
        result.reserveCapacity(1)
        converter.append(root, to: &result)
        if let problem = converter.problem { throw problem }
        return result[0]
    }

    /// Converts `node` (and, recursively, its children) and appends it to `siblings`.
    private mutating func append(_ node: xmlNodePtr, to siblings: inout [XMLElement]) {
        let name = self.name(node.pointee.name)
        let namespace = namespace(node.pointee.ns)
        let attributes = node.pointee.properties == nil ? [] : attributes(of: node)
        var children: [XMLElement] = []
        var text = ""
        var pieces: [UInt8] = []  // text split across several nodes, joined as bytes
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                append(current, to: &children)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    if text.isEmpty && pieces.isEmpty {
                        text = String(cString: content)
                    } else {
                        if pieces.isEmpty { pieces.append(contentsOf: text.utf8) }
                        pieces.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                    }
                }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE, XML_XINCLUDE_START:
                refuse(current)
            default:
                break  // comments and processing instructions carry no data
            }
            child = current.pointee.next
        }
        if !pieces.isEmpty { text = String(decoding: pieces, as: UTF8.self) }
        siblings.append(XMLElement(name: name, namespace: namespace, attributes: attributes,
                                   children: children, text: text, location: location(of: node)))
    }

    private mutating func attributes(of node: xmlNodePtr) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var part = current.pointee.children
            while let piece = part {
                if piece.pointee.type != XML_TEXT_NODE { refuse(node) }
                if let content = piece.pointee.content {
                    if value.isEmpty { value = String(cString: content) } else { value += String(cString: content) }
                }
                part = piece.pointee.next
            }
            result.append(XMLAttribute(name: name(current.pointee.name), value: value))
            attribute = current.pointee.next
        }
        return result
    }

    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
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
    private mutating func refuse(_ node: xmlNodePtr) {
        guard problem == nil else { return }
        problem = .notWellFormed([XMLDiagnostic(location: location(of: node),
                                                message: "entity references and DTD content are not allowed in these files")])
    }
}
