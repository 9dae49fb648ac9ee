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
    /// Names are interned in the parser's dictionary: a small cache keyed by pointer skips
    /// measuring and validating the same name again.
    private var nameKeys = [UnsafePointer<xmlChar>?](repeating: nil, count: 64)
    private var nameValues = [String](repeating: "", count: 64)

    init(sourceName: String) {
        self.sourceName = sourceName
    }

    /// Converts `root`; throws if the tree held anything refused.
    static func convert(_ root: xmlNodePtr, sourceName: String) throws(XMLInputError) -> XMLElement {
        var converter = TreeConverter(sourceName: sourceName)
        let element = converter.element(root)
        if let problem = converter.problem { throw problem }
        return element
    }

    private mutating func element(_ node: xmlNodePtr) -> XMLElement {
        let name = self.name(node.pointee.name)
        let namespace = namespace(node.pointee.ns)
        let attributes = node.pointee.properties == nil ? [] : attributes(of: node)
        var children: [XMLElement] = []
        let count = Int(xmlChildElementCount(node))
        if count > 0 { children.reserveCapacity(count) }
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(element(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    if text.isEmpty { text = String(cString: content) } else { text += String(cString: content) }
                }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE, XML_XINCLUDE_START:
                refuse(current)
            default:
                break  // comments and processing instructions carry no data
            }
            child = current.pointee.next
        }
        return XMLElement(name: name, namespace: namespace, attributes: attributes,
                          children: children, text: text, location: location(of: node))
    }

    private mutating func attributes(of node: xmlNodePtr) -> [XMLAttribute] {
        var result: [XMLAttribute] = []
        var counted = node.pointee.properties
        var count = 0
        while let current = counted { count += 1; counted = current.pointee.next }
        result.reserveCapacity(count)
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

    private mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & 63
        if nameKeys[slot] == pointer { return nameValues[slot] }
        let value = String(cString: pointer)
        nameKeys[slot] = pointer
        nameValues[slot] = value
        return value
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
