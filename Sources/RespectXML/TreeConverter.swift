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
    /// Scratch space for joining an element's text pieces, reused from element to element.
    private var textBytes: [UInt8] = []
    /// The last joined text, shared with the next element whose text is the same.
    private var lastJoinedText = ""
    /// Recently converted names by address, in 64 slots (see `name(_:)`).
    private var recentNames = [(address: UnsafePointer<xmlChar>?, name: String)](repeating: (nil, ""), count: 64)

    init(sourceName: String) {
        self.sourceName = sourceName
    }

    /// Converts `root`; throws if the tree held anything refused.
    static func convert(_ root: xmlNodePtr, sourceName: String) throws(XMLInputError) -> XMLElement {
        var converter = TreeConverter(sourceName: sourceName)
        let result = converter.element(root)
        if let problem = converter.problem { throw problem }
        return result
    }

    /// Converts `node` and, recursively, its children.
    private mutating func element(_ node: xmlNodePtr) -> XMLElement {
        let (text, elementCount, refusedCount) = text(of: node)
        var children: [XMLElement] = []
        if elementCount > 0 || refusedCount > 0 {
            children.reserveCapacity(elementCount)
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    children.append(element(current))
                case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE, XML_XINCLUDE_START:
                    refuse(current)
                default:
                    break
                }
                child = current.pointee.next
            }
        }
        return made(node, text: text, children: children)
    }

    /// Converts `node`, whose element children were converted already, as they ended
    /// (`StreamingTreeBuilder`): its own name, attributes and text, with `children`.
    mutating func closing(_ node: xmlNodePtr, children: [XMLElement]) -> XMLElement {
        let (text, _, refusedCount) = text(of: node)
        if refusedCount > 0 {
            var child = node.pointee.children
            while let current = child, problem == nil {
                switch current.pointee.type {
                case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE, XML_XINCLUDE_START:
                    refuse(current)
                default:
                    break
                }
                child = current.pointee.next
            }
        }
        return made(node, text: text, children: children)
    }

    /// The element for `node` with its text and children.
    private mutating func made(_ node: xmlNodePtr, text: String, children: [XMLElement]) -> XMLElement {
        let name = self.name(node.pointee.name)
        let namespace = namespace(node.pointee.ns)
        let attributes = node.pointee.properties == nil ? [] : attributes(of: node)
        return XMLElement(name: name, namespace: namespace, attributes: attributes,
                          children: children, text: text, location: location(of: node))
    }

    /// The text directly inside `node` (its pieces around child elements joined), and how many
    /// element children and refused nodes (entity references, DTD content) it has.
    private mutating func text(of node: xmlNodePtr) -> (text: String, elements: Int, refused: Int) {
        var elementCount = 0, refusedCount = 0
        var child = node.pointee.children
        var firstText: UnsafeMutablePointer<xmlChar>?, textPieces = 0
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                elementCount += 1
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { break }
                textPieces += 1
                if textPieces == 1 {
                    firstText = content
                } else {
                    // Text split across several nodes (around child elements), joined as bytes.
                    if textPieces == 2 { textBytes.removeAll(keepingCapacity: true); appendBytes(of: firstText) }
                    appendBytes(of: content)
                }
            case XML_ENTITY_REF_NODE, XML_ENTITY_NODE, XML_ENTITY_DECL, XML_DTD_NODE, XML_XINCLUDE_START:
                refusedCount += 1  // refused in document order by the caller
            default:
                break  // comments and processing instructions carry no data
            }
            child = current.pointee.next
        }
        var text = ""
        if textPieces == 1, let firstText {
            text = String(cString: firstText)
        } else if textPieces > 1 {
            text = joinedText()
        }
        return (text, elementCount, refusedCount)
    }

    /// `textBytes` as a string. Around child elements the joined text is mostly the same
    /// indentation over and over, so the previous string is shared when the bytes are equal.
    private mutating func joinedText() -> String {
        let same = lastJoinedText.utf8.withContiguousStorageIfAvailable { $0.elementsEqual(textBytes) } ?? false
        if !same { lastJoinedText = String(decoding: textBytes, as: UTF8.self) }
        return lastJoinedText
    }

    /// Appends a text node's bytes to `textBytes`.
    private mutating func appendBytes(of content: UnsafeMutablePointer<xmlChar>?) {
        guard let content else { return }
        textBytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    private mutating func attributes(of node: xmlNodePtr) -> [XMLAttribute] {
        var count = 0
        var attribute = node.pointee.properties
        while let current = attribute {
            count += 1
            attribute = current.pointee.next
        }
        var result: [XMLAttribute] = []
        result.reserveCapacity(count)
        attribute = node.pointee.properties
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

    /// The string for an element or attribute name. libxml2 keeps each distinct name once (in
    /// its dictionary) and a document repeats a few dozen names thousands of times, so recent
    /// names are kept by address; the tree does not change while it is converted, so one
    /// address always holds the same name.
    private mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        // Fibonacci hashing: the top six bits of the address times 2^64/φ pick one of 64 slots.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: pointer)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if recentNames[slot].address == pointer { return recentNames[slot].name }
        let name = String(cString: pointer)
        recentNames[slot] = (pointer, name)
        return name
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
