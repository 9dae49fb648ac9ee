import CLibXML2

/// An XSD identity constraint (`xs:key`, `xs:unique` or `xs:keyref`) in the simple shape the
/// engine checks itself: a selector of child steps (`s:evidence/s:item`) and one attribute field
/// (`@id`) whose type is derived from `xs:string`, so that two values are equal exactly when
/// their white-space-normalised texts are equal.
///
/// libxml2 2.9 checks identity constraints by comparing every new value with every value before
/// it, which made them more than a third of the cost of validating a 300-item submission; the
/// engine checks the same rules with hash sets instead (see `NativeIdentityChecks`).
struct IdentityConstraint: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case unique
        case key
        /// Refers to the `xs:key` or `xs:unique` of that name on the same element.
        case keyref(refer: String)
    }

    /// How the field's type normalises white space before values are compared (`xs:whiteSpace`).
    enum WhiteSpace: Sendable, Equatable {
        case preserve, replace, collapse
    }

    let name: String
    let kind: Kind
    /// The selector's child steps, from the element that declares the constraint.
    let path: [NodeName]
    /// The field: an attribute in no namespace.
    let attribute: NodeName
    let whiteSpace: WhiteSpace

    /// The value as the field's type sees it.
    func normalised(_ value: String) -> String {
        Self.normalise(value, whiteSpace)
    }

    /// `value` after a type's white-space rule.
    static func normalise(_ value: String, _ whiteSpace: WhiteSpace) -> String {
        switch whiteSpace {
        case .preserve:
            return value
        case .replace:
            return String(value.map { $0.isXMLSpace ? " " : $0 })
        case .collapse:
            return value.split(whereSeparator: \.isXMLSpace).joined(separator: " ")
        }
    }
}

/// An element or attribute name as bytes, compared with libxml2's names without making strings.
struct NodeName: Sendable, Hashable, CustomStringConvertible {
    /// The namespace URI, or nil for none.
    let namespace: [UInt8]?
    let local: [UInt8]

    init(namespace: String?, local: String) {
        self.namespace = namespace.map { Array($0.utf8) }
        self.local = Array(local.utf8)
    }

    var description: String {
        let name = String(decoding: local, as: UTF8.self)
        guard let namespace else { return name }
        return "{\(String(decoding: namespace, as: UTF8.self))}\(name)"
    }

    /// True when `node` (an element or attribute) has this name and namespace.
    func matches(name: UnsafePointer<xmlChar>?, namespace href: UnsafePointer<xmlChar>?) -> Bool {
        guard Self.equal(name, local) else { return false }
        switch (namespace, href) {
        case (nil, nil): return true
        case (let wanted?, let href?): return Self.equal(href, wanted)
        default: return false
        }
    }

    /// Compares a NUL-terminated string with bytes that contain no NUL.
    @inline(__always)
    private static func equal(_ string: UnsafePointer<xmlChar>?, _ bytes: [UInt8]) -> Bool {
        guard let string else { return false }
        var index = 0
        while index < bytes.count {
            // A shorter string stops at its NUL, which differs from every byte here.
            if string[index] != bytes[index] { return false }
            index += 1
        }
        return string[index] == 0
    }
}

/// The identity constraints of a schema's global elements, checked on a parsed document with
/// hash sets. Used only as a fast "certainly valid" test: a document that fails it is validated
/// again by libxml2 with the constraints in place, so the errors users see are libxml2's, and a
/// value this check could misjudge costs time, never a wrong verdict.
struct NativeIdentityChecks: Sendable {
    /// Each global element that declares constraints, with its constraints (keys and uniques
    /// before keyrefs).
    let owners: [(element: NodeName, constraints: [IdentityConstraint])]

    /// The constraints' names, in schema order (for tests and messages).
    var names: [String] { owners.flatMap { $0.constraints.map(\.name) } }

    /// True when every constraint holds for every element of the document the constraints'
    /// element names match (a superset of the elements the declarations govern, which can
    /// only make this stricter).
    func hold(in document: xmlDocPtr) -> Bool {
        guard let root = xmlDocGetRootElement(document) else { return false }
        // Depth-first through the elements by their links, without a stack to allocate.
        var next: xmlNodePtr? = root
        while let node = next {
            for owner in owners where owner.element.matches(name: node.pointee.name, namespace: node.pointee.ns?.pointee.href) {
                if !Self.hold(owner.constraints, on: node) { return false }
            }
            next = Self.following(node, within: root)
        }
        return true
    }

    /// The element after `node` in document order, staying inside `root`.
    private static func following(_ node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
        if let child = firstElement(from: node.pointee.children) { return child }
        var current = node
        while current != root {
            if let sibling = firstElement(from: current.pointee.next) { return sibling }
            guard let parent = current.pointee.parent else { return nil }
            current = parent
        }
        return nil
    }

    /// `node` or the first element among its following siblings.
    private static func firstElement(from node: xmlNodePtr?) -> xmlNodePtr? {
        var candidate = node
        while let current = candidate, current.pointee.type != XML_ELEMENT_NODE { candidate = current.pointee.next }
        return candidate
    }

    private static func hold(_ constraints: [IdentityConstraint], on element: xmlNodePtr) -> Bool {
        var tables: [String: Set<String>] = [:]
        for constraint in constraints {
            var seen = Set<String>()
            let nodes = select(constraint.path, from: element)
            switch constraint.kind {
            case .unique, .key:
                seen.reserveCapacity(nodes.count)
                for node in nodes {
                    guard let value = attribute(constraint.attribute, of: node) else {
                        if constraint.kind == .key { return false }
                        continue
                    }
                    if !seen.insert(constraint.normalised(value)).inserted { return false }
                }
                tables[constraint.name] = seen
            case .keyref(let refer):
                guard let table = tables[refer] else { return false }
                for node in nodes {
                    guard let value = attribute(constraint.attribute, of: node) else { continue }
                    if !table.contains(constraint.normalised(value)) { return false }
                }
            }
        }
        return true
    }

    /// The elements reached from `element` by the child steps, in document order.
    private static func select(_ path: [NodeName], from element: xmlNodePtr) -> [xmlNodePtr] {
        var current = [element]
        for step in path {
            var next: [xmlNodePtr] = []
            for parent in current {
                var child = parent.pointee.children
                while let node = child {
                    if node.pointee.type == XML_ELEMENT_NODE,
                       step.matches(name: node.pointee.name, namespace: node.pointee.ns?.pointee.href) {
                        next.append(node)
                    }
                    child = node.pointee.next
                }
            }
            current = next
        }
        return current
    }

    /// The text of the attribute `name` (in no namespace) of `node`, or nil when absent.
    private static func attribute(_ name: NodeName, of node: xmlNodePtr) -> String? {
        guard let attribute = LibXML.attribute(name, of: node) else { return nil }
        return LibXML.withText(from: attribute.pointee.children) { String(decoding: $0, as: UTF8.self) }
    }
}
