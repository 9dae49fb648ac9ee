import CLibXML2

/// The `xs:pattern` facets of a schema's named string types, checked natively on a parsed
/// document (libxml2 2.9's regular expressions were a quarter of the cost of validating a
/// submission). Like `NativeIdentityChecks`, only a fast "certainly valid" test: a document that
/// fails it is validated again by libxml2 against the full schema.
///
/// Built by `PatternScreenReader`: every element declaration reachable from the global elements
/// is numbered, with the declarations of its child elements and the values whose types carry
/// one of the patterns (an attribute, or the element's own text; a single value or a list).
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
                let value: String?
                switch rule.place {
                case .attribute(let name): value = Self.attribute(name, of: node)
                case .text: value = Self.text(of: node)
                }
                if let value, !Self.check(value, rule) { return false }
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

    private static func check(_ value: String, _ rule: Rule) -> Bool {
        if rule.isList {
            let items = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            return items.allSatisfy { item in rule.patterns.allSatisfy { $0.matches(String(item)) } }
        }
        let normalised = IdentityConstraint.normalise(value, rule.whiteSpace)
        return rule.patterns.allSatisfy { $0.matches(normalised) }
    }

    /// The text of the attribute `name` of `node`, or nil when absent.
    static func attribute(_ name: NodeName, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard name.matches(name: current.pointee.name, namespace: current.pointee.ns?.pointee.href) else { continue }
            return text(of: current.pointee.children)
        }
        return nil
    }

    /// The element's text: its text children joined (comments and instructions are not text).
    static func text(of node: xmlNodePtr) -> String {
        text(of: node.pointee.children)
    }

    private static func text(of first: xmlNodePtr?) -> String {
        var value = ""
        var part = first
        while let piece = part {
            if piece.pointee.type == XML_TEXT_NODE || piece.pointee.type == XML_CDATA_SECTION_NODE,
               let content = piece.pointee.content {
                value += String(cString: content)
            }
            part = piece.pointee.next
        }
        return value
    }
}
