import CLibXML2

/// Reads just enough of an XSD document to tell how an attribute reached by child steps from a
/// global element compares its values: by text after the type's white-space rule when its type
/// is derived from `xs:string` by restriction. Anything it cannot follow for certain (element or
/// attribute references, groups, wildcards, lists, unions, other built-in types) gives nil.
struct SchemaTypeResolver {
    static let xsdNamespace = "http://www.w3.org/2001/XMLSchema"
    /// Built-in types derived from `xs:string`, with their white-space rule.
    static let stringTypes: [String: IdentityConstraint.WhiteSpace] = [
        "string": .preserve, "normalizedString": .replace, "token": .collapse, "language": .collapse,
        "Name": .collapse, "NCName": .collapse, "NMTOKEN": .collapse, "ID": .collapse, "IDREF": .collapse,
    ]
    /// Type derivations followed before giving up (a schema could define a loop).
    static let maxDepth = 32

    let root: xmlNodePtr
    let targetNamespace: String?
    let elementsQualified: Bool
    let attributesQualified: Bool

    init(schema root: xmlNodePtr) {
        self.root = root
        self.targetNamespace = XMLSchema.attribute("targetNamespace", of: root)
        self.elementsQualified = XMLSchema.attribute("elementFormDefault", of: root)?.isIdentical(to: "qualified") ?? false
        self.attributesQualified = XMLSchema.attribute("attributeFormDefault", of: root)?.isIdentical(to: "qualified") ?? false
    }

    // MARK: - The question

    /// The white-space rule of attribute `name` on the elements reached by `steps` from the
    /// global element declaration `owner`, or nil when it cannot be known for certain.
    func whiteSpaceOfAttribute(_ name: String, at steps: [NodeName], under owner: xmlNodePtr) -> IdentityConstraint.WhiteSpace? {
        guard !attributesQualified, var type = complexType(of: owner) else { return nil }
        for step in steps {
            guard let declaration = localElement(step, in: type), let next = complexType(of: declaration) else { return nil }
            type = next
        }
        guard let attribute = attributeDeclaration(name, in: type, depth: 0) else { return nil }
        return whiteSpace(ofAttribute: attribute)
    }

    // MARK: - Element declarations and their types

    /// The complex type of an element declaration: named by `type` or written inside.
    func complexType(of element: xmlNodePtr) -> xmlNodePtr? {
        if let typeName = XMLSchema.attribute("type", of: element) {
            guard let name = resolve(qualifiedName: typeName, at: element), Self.same(name.namespace, targetNamespace) else { return nil }
            return global("complexType", named: name.local)
        }
        let inline = Self.children(of: element, named: "complexType")
        return inline.count == 1 && Self.children(of: element, named: "simpleType").isEmpty ? inline[0] : nil
    }

    /// The one local element declaration named `step` in a complex type's content model.
    private func localElement(_ step: NodeName, in type: xmlNodePtr) -> xmlNodePtr? {
        guard let declarations = elementDeclarations(in: type) else { return nil }
        let matches = declarations.filter { $0.name == step }
        return matches.count == 1 ? matches[0].declaration : nil
    }

    /// Every local element declaration in a complex type's content model, its base types'
    /// included, with the name instances carry; nil when the model has element references,
    /// groups or wildcards (what they admit is not followed).
    func elementDeclarations(in type: xmlNodePtr) -> [(name: NodeName, declaration: xmlNodePtr)]? {
        var found: [(name: NodeName, declaration: xmlNodePtr)] = []
        var opaque = false
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < Self.maxDepth else { opaque = true; return }
            for child in Self.xsdChildren(of: node) {
                switch LibXML.string(child.pointee.name) ?? "" {
                case "sequence", "choice", "all", "complexContent", "restriction":
                    visit(child, depth: depth + 1)
                case "extension":
                    visit(child, depth: depth + 1)
                    if let base = baseComplexType(of: child) { visit(base, depth: depth + 1) }
                case "element":
                    guard XMLSchema.attribute("ref", of: child) == nil, let local = XMLSchema.attribute("name", of: child) else {
                        opaque = true
                        continue
                    }
                    let form = XMLSchema.attribute("form", of: child)
                    let qualified = form.map { $0.isIdentical(to: "qualified") } ?? elementsQualified
                    found.append((NodeName(namespace: qualified ? targetNamespace : nil, local: local), child))
                case "group", "any":
                    opaque = true
                default:
                    continue
                }
            }
        }
        visit(type, depth: 0)
        return opaque ? nil : found
    }

    /// Every declaration of an unqualified attribute of a complex type, its own before its base
    /// types'; nil when it uses attribute references or groups, or qualified attributes.
    func attributeDeclarations(in type: xmlNodePtr) -> [(name: String, declaration: xmlNodePtr)]? {
        var found: [(name: String, declaration: xmlNodePtr)] = []
        var opaque = false
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard depth < Self.maxDepth else { opaque = true; return }
            var bases: [xmlNodePtr] = []
            for child in Self.xsdChildren(of: node) {
                switch LibXML.string(child.pointee.name) ?? "" {
                case "attribute":
                    let form = XMLSchema.attribute("form", of: child)
                    let qualified = form.map { $0.isIdentical(to: "qualified") } ?? attributesQualified
                    guard XMLSchema.attribute("ref", of: child) == nil, !qualified,
                          let name = XMLSchema.attribute("name", of: child) else { opaque = true; continue }
                    if !found.contains(where: { $0.name.isIdentical(to: name) }) { found.append((name, child)) }
                case "attributeGroup":
                    opaque = true
                case "complexContent", "simpleContent":
                    visit(child, depth: depth + 1)
                case "extension", "restriction":
                    visit(child, depth: depth + 1)
                    if let base = baseComplexType(of: child) { bases.append(base) }
                default:
                    continue
                }
            }
            for base in bases { visit(base, depth: depth + 1) }
        }
        visit(type, depth: 0)
        return opaque ? nil : found
    }

    /// The named complex type an `xs:extension` or `xs:restriction` derives from, if it is one of this schema's.
    func baseComplexType(of derivation: xmlNodePtr) -> xmlNodePtr? {
        guard let base = XMLSchema.attribute("base", of: derivation),
              let name = resolve(qualifiedName: base, at: derivation), Self.same(name.namespace, targetNamespace) else { return nil }
        return global("complexType", named: name.local)
    }

    // MARK: - Attribute declarations and their types

    /// The declaration of the unqualified attribute `name` in a complex type, its own first,
    /// then the base type's.
    private func attributeDeclaration(_ name: String, in type: xmlNodePtr, depth: Int) -> xmlNodePtr? {
        attributeDeclarations(in: type)?.first { $0.name.isIdentical(to: name) }?.declaration
    }

    /// The white-space rule of an attribute declaration's type, if derived from `xs:string`.
    func whiteSpace(ofAttribute attribute: xmlNodePtr) -> IdentityConstraint.WhiteSpace? {
        if let typeName = XMLSchema.attribute("type", of: attribute) {
            return whiteSpace(ofTypeNamed: typeName, at: attribute, depth: 0)
        }
        let inline = Self.children(of: attribute, named: "simpleType")
        return inline.count == 1 ? whiteSpace(ofSimpleType: inline[0], depth: 0) : nil
    }

    private func whiteSpace(ofTypeNamed typeName: String, at node: xmlNodePtr, depth: Int) -> IdentityConstraint.WhiteSpace? {
        guard let name = resolve(qualifiedName: typeName, at: node) else { return nil }
        if Self.same(name.namespace, Self.xsdNamespace) { return Self.stringTypes.first { $0.key.isIdentical(to: name.local) }?.value }
        guard Self.same(name.namespace, targetNamespace), let type = global("simpleType", named: name.local) else { return nil }
        return whiteSpace(ofSimpleType: type, depth: depth + 1)
    }

    /// Follows `xs:restriction` to a built-in string type; the most derived `xs:whiteSpace`
    /// facet wins (XSD lets a restriction only make it stricter).
    func whiteSpace(ofSimpleType type: xmlNodePtr, depth: Int) -> IdentityConstraint.WhiteSpace? {
        guard depth < Self.maxDepth else { return nil }
        let derivations = Self.xsdChildren(of: type).filter { LibXML.string($0.pointee.name) != "annotation" }
        guard derivations.count == 1, Self.isXSD(derivations[0], "restriction") else { return nil }
        let restriction = derivations[0]
        let inherited: IdentityConstraint.WhiteSpace?
        if let base = XMLSchema.attribute("base", of: restriction) {
            inherited = whiteSpace(ofTypeNamed: base, at: restriction, depth: depth + 1)
        } else {
            let inline = Self.children(of: restriction, named: "simpleType")
            inherited = inline.count == 1 ? whiteSpace(ofSimpleType: inline[0], depth: depth + 1) : nil
        }
        guard let inherited else { return nil }
        guard let facet = Self.children(of: restriction, named: "whiteSpace").last else { return inherited }
        let value = XMLSchema.attribute("value", of: facet)?.trimmingXMLSpace() ?? ""
        if value.isIdentical(to: "preserve") { return .preserve }
        if value.isIdentical(to: "replace") { return .replace }
        if value.isIdentical(to: "collapse") { return .collapse }
        return nil
    }

    // MARK: - Names

    /// A top-level definition of this schema (`complexType`, `simpleType`) by name.
    func global(_ kind: String, named name: String) -> xmlNodePtr? {
        Self.children(of: root, named: kind).first { XMLSchema.attribute("name", of: $0)?.isIdentical(to: name) ?? false }
    }

    /// A QName written in the schema, resolved with the namespaces in scope at `node`.
    /// Unprefixed names take the default namespace unless `defaultNamespace` is false (XPath).
    func resolve(qualifiedName: String, at node: xmlNodePtr, defaultNamespace: Bool = true) -> (namespace: String?, local: String)? {
        let text = qualifiedName.trimmingXMLSpace()
        let parts = text.utf8.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        switch parts.count {
        case 1:
            guard defaultNamespace else { return (nil, text) }
            let namespace = xmlSearchNs(node.pointee.doc, node, nil)
            return (LibXML.string(namespace?.pointee.href), text)
        case 2:
            let prefix = parts[0]
            guard let namespace = xmlSearchNs(node.pointee.doc, node, prefix), let href = LibXML.string(namespace.pointee.href)
            else { return nil }
            return (href, parts[1])
        default:
            return nil
        }
    }

    /// True when two namespace URIs (nil: no namespace) are the same code points.
    static func same(_ first: String?, _ second: String?) -> Bool {
        switch (first, second) {
        case (nil, nil): return true
        case (let first?, let second?): return first.isIdentical(to: second)
        default: return false
        }
    }

    /// True when `node` is the XSD element `local`.
    static func isXSD(_ node: xmlNodePtr, _ local: String) -> Bool {
        node.pointee.type == XML_ELEMENT_NODE && LibXML.equal(node.pointee.name, local)
            && LibXML.equal(node.pointee.ns?.pointee.href, xsdNamespace)
    }

    /// The XSD element children of `node` named `local`.
    static func children(of node: xmlNodePtr, named local: String) -> [xmlNodePtr] {
        xsdChildren(of: node).filter { LibXML.equal($0.pointee.name, local) }
    }

    /// Every XSD element child of `node`.
    static func xsdChildren(of node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, LibXML.equal(current.pointee.ns?.pointee.href, xsdNamespace) {
                found.append(current)
            }
            child = current.pointee.next
        }
        return found
    }
}
