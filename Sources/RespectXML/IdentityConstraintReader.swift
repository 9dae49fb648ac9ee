import CLibXML2

/// Finds a schema's identity constraints and decides whether the engine can check all of them
/// itself (`NativeIdentityChecks`). It can when every constraint
/// - is declared on a global `xs:element`,
/// - has a selector made of child steps only (`a:b/a:c`, optionally after `./`),
/// - has exactly one field, an unqualified attribute (`@id`),
/// - whose type the schema shows to be derived from `xs:string` by restriction (so typed
///   equality is text equality after the type's white-space rule; see `SchemaTypeResolver`),
/// - and, for `xs:keyref`, refers to a key or unique of the same element.
/// Otherwise (any `//`, `*`, union, several fields, a numeric or date field, a group or
/// element reference on the way…) the answer is nil and libxml2 keeps checking them all.
enum IdentityConstraintReader {
    static let kinds: Set<String> = ["key", "unique", "keyref"]

    /// The constraints of `schema`, or nil when it has none or any is outside the shape above.
    static func read(_ schema: xmlDocPtr) -> NativeIdentityChecks? {
        guard let root = xmlDocGetRootElement(schema) else { return nil }
        let declarations = constraintNodes(in: root)
        guard !declarations.isEmpty else { return nil }
        let resolver = SchemaTypeResolver(schema: root)

        var owners: [(element: NodeName, constraints: [IdentityConstraint])] = []
        for declaration in declarations {
            guard let owner = declaration.pointee.parent, owner.pointee.parent == root,
                  SchemaTypeResolver.isXSD(owner, "element"),
                  let ownerName = XMLSchema.attribute("name", of: owner) else { return nil }
            let element = NodeName(namespace: resolver.targetNamespace, local: ownerName)
            guard let constraint = constraint(declaration, on: owner, resolver: resolver) else { return nil }
            if let index = owners.firstIndex(where: { $0.element == element }) {
                owners[index].constraints.append(constraint)
            } else {
                owners.append((element, [constraint]))
            }
        }
        // Keys and uniques first, so keyrefs find their tables; a keyref must refer to one of them.
        for index in owners.indices {
            let constraints = owners[index].constraints
            let tables = constraints.filter { $0.kind == .key || $0.kind == .unique }
            let references = constraints.filter { if case .keyref = $0.kind { return true } else { return false } }
            for reference in references {
                guard case .keyref(let refer) = reference.kind, tables.contains(where: { $0.name.isIdentical(to: refer) }) else { return nil }
            }
            owners[index].constraints = tables + references
        }
        return NativeIdentityChecks(owners: owners)
    }

    /// Every `xs:key`, `xs:unique` and `xs:keyref` element of the schema document, in document order.
    static func constraintNodes(in root: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        func visit(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                child = current.pointee.next
                guard current.pointee.type == XML_ELEMENT_NODE else { continue }
                if kinds.contains(where: { SchemaTypeResolver.isXSD(current, $0) }) {
                    found.append(current)
                } else {
                    visit(current)
                }
            }
        }
        visit(root)
        return found
    }

    private static func constraint(_ node: xmlNodePtr, on owner: xmlNodePtr, resolver: SchemaTypeResolver) -> IdentityConstraint? {
        guard let name = XMLSchema.attribute("name", of: node) else { return nil }
        let kind: IdentityConstraint.Kind
        if SchemaTypeResolver.isXSD(node, "keyref") {
            guard let refer = XMLSchema.attribute("refer", of: node),
                  let referred = resolver.resolve(qualifiedName: refer, at: node),
                  SchemaTypeResolver.same(referred.namespace, resolver.targetNamespace) else { return nil }
            kind = .keyref(refer: referred.local)
        } else {
            kind = SchemaTypeResolver.isXSD(node, "key") ? .key : .unique
        }
        let selectors = SchemaTypeResolver.children(of: node, named: "selector")
        let fields = SchemaTypeResolver.children(of: node, named: "field")
        guard selectors.count == 1, fields.count == 1,
              let selectorPath = XMLSchema.attribute("xpath", of: selectors[0]),
              let fieldPath = XMLSchema.attribute("xpath", of: fields[0]),
              let steps = childSteps(selectorPath, at: selectors[0], resolver: resolver),
              let attribute = attributeField(fieldPath),
              let whiteSpace = resolver.whiteSpaceOfAttribute(attribute, at: steps, under: owner)
        else { return nil }
        return IdentityConstraint(name: name, kind: kind, path: steps,
                                  attribute: NodeName(namespace: nil, local: attribute), whiteSpace: whiteSpace)
    }

    /// `a:b/a:c` (optionally `./a:b/a:c`) as names; nil for anything else. Unprefixed steps
    /// name elements in no namespace, as XPath 1.0 says.
    static func childSteps(_ xpath: String, at node: xmlNodePtr, resolver: SchemaTypeResolver) -> [NodeName]? {
        var path = Array(xpath.trimmingXMLSpace().utf8)[...]
        if path.starts(with: "./".utf8) { path = path.dropFirst(2) }
        guard !path.isEmpty else { return nil }
        var steps: [NodeName] = []
        for step in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let text = String(decoding: step, as: UTF8.self)
            guard isQName(text), let name = resolver.resolve(qualifiedName: text, at: node, defaultNamespace: false) else { return nil }
            steps.append(NodeName(namespace: name.namespace, local: name.local))
        }
        return steps
    }

    /// `@name` (no prefix) as the attribute's name; nil for anything else.
    static func attributeField(_ xpath: String) -> String? {
        let text = xpath.trimmingXMLSpace()
        guard text.utf8.first == UInt8(ascii: "@") else { return nil }
        let name = String(decoding: text.utf8.dropFirst(), as: UTF8.self)
        return isNCName(name) ? name : nil
    }

    static func isQName(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        return (parts.count == 1 || parts.count == 2) && parts.allSatisfy { isNCName(String(decoding: $0, as: UTF8.self)) }
    }

    /// A conservative NCName test: ASCII letters, digits, '_', '-' and '.', not starting with a
    /// digit, '-' or '.'. Names outside it simply make the constraint unsupported.
    static func isNCName(_ text: String) -> Bool {
        guard let first = text.utf8.first, isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { isLetter($0) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
