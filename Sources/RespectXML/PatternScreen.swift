import CLibXML2

/// The `xs:pattern` facets of a schema's named string types, checked natively on a parsed
/// document (libxml2 2.9's regular expressions were a quarter of the cost of validating a
/// submission). Like `NativeIdentityChecks`, only a fast "certainly valid" test: a document that
/// fails it is validated again by libxml2 against the full schema.
///
/// Built by `PatternScreenReader`: every element declaration reachable from the global elements
/// is numbered, with the declarations of its child elements and the values whose types carry
/// one of the patterns (an attribute, or the element's own text; a single value or a list).
/// Values are read as UTF-8 bytes, normalised by the type's white-space rule on bytes and
/// matched on code points, as libxml2 does.
struct NativePatternChecks: Sendable {
    /// A value to check: every pattern must match (each comes from one derivation step).
    struct Rule: Sendable {
        enum Place: Sendable, Equatable {
            case attribute(NodeName)
            case text
        }

        let place: Place
        let patterns: [XSDPattern]
        /// A list type: the value is split at white space and each item checked.
        let isList: Bool
        let whiteSpace: IdentityConstraint.WhiteSpace
    }

    struct Declaration: Sendable {
        var children: [(name: NodeName, declaration: Int)] = []
        var rules: [Rule] = []
    }

    /// The global element declarations a root element may match.
    let globals: [(name: NodeName, declaration: Int)]
    let declarations: [Declaration]
    /// The named types whose patterns are checked here, in schema order.
    let typeNames: [String]

    static let instanceNamespace = NodeName(namespace: "http://www.w3.org/2001/XMLSchema-instance", local: "type")

    /// True when every checked value of the document matches its patterns. False as well for a
    /// document this table cannot follow (an element it has no declaration for, or `xsi:type`,
    /// which could bring in a type with other attributes).
    func hold(in document: xmlDocPtr) -> Bool {
        guard let root = xmlDocGetRootElement(document),
              let global = globals.first(where: { $0.name.matches(name: root.pointee.name, namespace: root.pointee.ns?.pointee.href) })
        else { return false }
        var pending: [(node: xmlNodePtr, declaration: Int)] = [(root, global.declaration)]
        while let (node, index) = pending.popLast() {
            let declaration = declarations[index]
            var attribute = node.pointee.properties
            while let current = attribute {
                if Self.instanceNamespace.matches(name: current.pointee.name, namespace: current.pointee.ns?.pointee.href) { return false }
                attribute = current.pointee.next
            }
            for rule in declaration.rules {
                let first: xmlNodePtr?
                switch rule.place {
                case .attribute(let name):
                    guard let attribute = LibXML.attribute(name, of: node) else { continue }
                    first = attribute.pointee.children
                case .text:
                    first = node.pointee.children
                }
                if !LibXML.withText(from: first, { Self.check($0, rule) }) { return false }
            }
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                guard let match = declaration.children.first(where: {
                    $0.name.matches(name: current.pointee.name, namespace: current.pointee.ns?.pointee.href)
                }) else { return false }
                pending.append((current, match.declaration))
            }
        }
        return true
    }

    /// Values (list items) longer than this in UTF-8 bytes are left to libxml2: matching costs
    /// up to length² per piece for some patterns, and no real identifier is this long.
    static let maxCheckedLength = 4096

    private static func check(_ value: UnsafeBufferPointer<UInt8>, _ rule: Rule) -> Bool {
        if rule.isList {
            var start = 0
            while start < value.count {
                if value[start].isXMLSpace { start += 1; continue }
                var end = start
                while end < value.count, !value[end].isXMLSpace { end += 1 }
                if !matches(UnsafeBufferPointer(rebasing: value[start..<end]), rule.patterns) { return false }
                start = end
            }
            return true
        }
        if rule.whiteSpace.keeps(value) { return matches(value, rule.patterns) }
        return rule.whiteSpace.normalised(value).withUnsafeBufferPointer { matches($0, rule.patterns) }
    }

    private static func matches(_ value: UnsafeBufferPointer<UInt8>, _ patterns: [XSDPattern]) -> Bool {
        value.count <= maxCheckedLength && patterns.allSatisfy { $0.matches(utf8: value) }
    }
}
