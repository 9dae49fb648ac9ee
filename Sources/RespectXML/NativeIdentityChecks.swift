import CLibXML2

/// The identity constraints of a schema's global elements, checked on a parsed document with
/// hash sets. Used only as a fast "certainly valid" test: a document that fails it is validated
/// again by libxml2 with the constraints in place, so the errors users see are libxml2's, and a
/// value this check could misjudge costs time, never a wrong verdict.
///
/// Values are compared as libxml2 compares them: as UTF-8 bytes after the field type's
/// white-space rule (`IdentityConstraint.WhiteSpace`), never as Swift strings.
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
        var tables: [(name: String, values: Set<IdentityValue>)] = []
        for constraint in constraints {
            let nodes = select(constraint.path, from: element)
            switch constraint.kind {
            case .unique, .key:
                var seen = Set<IdentityValue>(minimumCapacity: nodes.count)
                for node in nodes {
                    guard let value = value(of: constraint, on: node) else {
                        if constraint.kind == .key { return false }
                        continue
                    }
                    if !seen.insert(value).inserted { return false }
                }
                tables.append((constraint.name, seen))
            case .keyref(let refer):
                guard let table = tables.first(where: { $0.name.isIdentical(to: refer) }) else { return false }
                for node in nodes {
                    guard let value = value(of: constraint, on: node) else { continue }
                    if !table.values.contains(value) { return false }
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

    /// The field's value on `node` after the field type's white-space rule, or nil when the
    /// attribute is absent.
    private static func value(of constraint: IdentityConstraint, on node: xmlNodePtr) -> IdentityValue? {
        guard let attribute = LibXML.attribute(constraint.attribute, of: node) else { return nil }
        return LibXML.withText(from: attribute.pointee.children) { IdentityValue(bytes: constraint.whiteSpace.normalised($0)) }
    }
}

/// A field value as an identity constraint compares it: its UTF-8 bytes, hashed in one go.
struct IdentityValue: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
