import CLibXML2

/// Decides which `xs:pattern` facets of a schema the engine can check itself
/// (`NativePatternChecks`) and builds the table of element declarations it follows.
///
/// A named top-level simple type's pattern is checked natively when the type is derived from
/// `xs:string` by restriction with exactly one pattern (in `XSDPattern`'s subset), and every
/// reference to it (or to a type derived from it, or a list of it) is one the table follows: the
/// type of a local attribute or local element, the base of a named restriction, or the item type
/// of a named list. The schema must also be self-contained (no include, import, redefine,
/// override or substitution groups) and every content model reachable from its global elements
/// free of references, groups and wildcards. Otherwise the answer is nil and libxml2 keeps every
/// pattern.
enum PatternScreenReader {
    /// The checks, or nil when no pattern can be checked natively.
    static func read(_ schema: xmlDocPtr) -> NativePatternChecks? {
        guard let root = xmlDocGetRootElement(schema), !hasForeignParts(root) else { return nil }
        let resolver = SchemaTypeResolver(schema: root)
        let candidates = candidateTypes(root, resolver: resolver)
        guard !candidates.order.isEmpty else { return nil }
        var builder = TableBuilder(root: root, resolver: resolver, candidates: candidates.patterns)
        guard builder.referencesAreFollowed() else { return nil }
        var globals: [(name: NodeName, declaration: Int)] = []
        for element in SchemaTypeResolver.children(of: root, named: "element") {
            guard let name = XMLSchema.attribute("name", of: element), let index = builder.index(element) else { return nil }
            globals.append((NodeName(namespace: resolver.targetNamespace, local: name), index))
        }
        return NativePatternChecks(globals: globals, declarations: builder.declarations, typeNames: candidates.order)
    }

    /// Removes the pattern facets of `typeNames` from a copy of the schema (the screen's copy).
    static func removePatterns(of typeNames: [String], in root: xmlNodePtr) {
        for type in SchemaTypeResolver.children(of: root, named: "simpleType") {
            guard let name = XMLSchema.attribute("name", of: type), typeNames.contains(where: { $0.isIdentical(to: name) }) else { continue }
            for restriction in SchemaTypeResolver.children(of: type, named: "restriction") {
                for facet in SchemaTypeResolver.children(of: restriction, named: "pattern") {
                    xmlUnlinkNode(facet)
                    xmlFreeNode(facet)
                }
            }
        }
    }

    /// Parts that bring in declarations from elsewhere or let instances swap elements.
    private static func hasForeignParts(_ root: xmlNodePtr) -> Bool {
        for kind in ["include", "import", "redefine", "override"] where !SchemaTypeResolver.children(of: root, named: kind).isEmpty {
            return true
        }
        var found = false
        func visit(_ node: xmlNodePtr) {
            for child in SchemaTypeResolver.xsdChildren(of: node) {
                if XMLSchema.attribute("substitutionGroup", of: child) != nil { found = true }
                visit(child)
            }
        }
        visit(root)
        return found
    }

    /// Top-level string types restricted by exactly one supported pattern, by name.
    private static func candidateTypes(_ root: xmlNodePtr, resolver: SchemaTypeResolver) -> (patterns: [[UInt8]: XSDPattern], order: [String]) {
        var patterns: [[UInt8]: XSDPattern] = [:]
        var order: [String] = []
        for type in SchemaTypeResolver.children(of: root, named: "simpleType") {
            guard let name = XMLSchema.attribute("name", of: type),
                  let restriction = SchemaTypeResolver.children(of: type, named: "restriction").first,
                  case let facets = SchemaTypeResolver.children(of: restriction, named: "pattern"), facets.count == 1,
                  let source = XMLSchema.attribute("value", of: facets[0]), let pattern = XSDPattern(source),
                  resolver.whiteSpace(ofSimpleType: type, depth: 0) != nil else { continue }
            patterns[Array(name.utf8)] = pattern
            order.append(name)
        }
        return (patterns, order)
    }

    /// Numbers the element declarations and works out their rules.
    private struct TableBuilder {
        let root: xmlNodePtr
        let resolver: SchemaTypeResolver
        let candidates: [[UInt8]: XSDPattern]
        var declarations: [NativePatternChecks.Declaration] = []
        var indices: [xmlNodePtr: Int] = [:]

        init(root: xmlNodePtr, resolver: SchemaTypeResolver, candidates: [[UInt8]: XSDPattern]) {
            self.root = root
            self.resolver = resolver
            self.candidates = candidates
        }

        /// The patterns a named simple type of this schema carries along its derivation, and
        /// whether it is a list (the patterns are then its items'); nil for other names.
        func carried(_ qualifiedName: String, at node: xmlNodePtr, depth: Int = 0) -> (patterns: [XSDPattern], isList: Bool)? {
            guard depth < SchemaTypeResolver.maxDepth, let name = resolver.resolve(qualifiedName: qualifiedName, at: node),
                  SchemaTypeResolver.same(name.namespace, resolver.targetNamespace), let type = resolver.global("simpleType", named: name.local) else { return nil }
            if let restriction = SchemaTypeResolver.children(of: type, named: "restriction").first {
                let own = candidates[Array(name.local.utf8)].map { [$0] } ?? []
                guard let base = XMLSchema.attribute("base", of: restriction),
                      let inherited = carried(base, at: restriction, depth: depth + 1) else { return (own, false) }
                return (own + inherited.patterns, inherited.isList)
            }
            if let list = SchemaTypeResolver.children(of: type, named: "list").first {
                guard let item = XMLSchema.attribute("itemType", of: list), let carriedByItem = carried(item, at: list, depth: depth + 1)
                else { return ([], true) }
                return (carriedByItem.patterns, true)
            }
            return ([], false)
        }

        /// True when every reference to a type carrying patterns is one the table follows.
        func referencesAreFollowed() -> Bool {
            var followed = true
            func visit(_ node: xmlNodePtr) {
                for child in SchemaTypeResolver.xsdChildren(of: node) {
                    for attribute in ["type", "base", "itemType", "memberTypes"] {
                        guard let value = XMLSchema.attribute(attribute, of: child) else { continue }
                        for name in value.splitAtXMLSpace() {
                            guard let carried = carried(name, at: child), !carried.patterns.isEmpty else { continue }
                            if !isFollowed(reference: attribute, from: child) { followed = false }
                        }
                    }
                    visit(child)
                }
            }
            visit(root)
            return followed
        }

        private func isFollowed(reference: String, from node: xmlNodePtr) -> Bool {
            let parent = node.pointee.parent
            let parentIsTopLevelType = parent.map { SchemaTypeResolver.isXSD($0, "simpleType") && $0.pointee.parent == root } ?? false
            switch reference {
            case "type":
                return (SchemaTypeResolver.isXSD(node, "attribute") || SchemaTypeResolver.isXSD(node, "element")) && parent != root
            case "base":
                return SchemaTypeResolver.isXSD(node, "restriction") && parentIsTopLevelType
            case "itemType":
                return SchemaTypeResolver.isXSD(node, "list") && parentIsTopLevelType
            default:
                return false
            }
        }

        /// The number of an element declaration, numbering what it reaches; nil when its type
        /// cannot be followed.
        mutating func index(_ declaration: xmlNodePtr) -> Int? {
            if let known = indices[declaration] { return known }
            let index = declarations.count
            declarations.append(NativePatternChecks.Declaration())
            indices[declaration] = index

            if let typeName = XMLSchema.attribute("type", of: declaration) {
                guard let name = resolver.resolve(qualifiedName: typeName, at: declaration) else { return nil }
                if SchemaTypeResolver.same(name.namespace, SchemaTypeResolver.xsdNamespace) {
                    return name.local.isIdentical(to: "anyType") ? nil : index
                }
                guard SchemaTypeResolver.same(name.namespace, resolver.targetNamespace) else { return nil }
                if let simple = resolver.global("simpleType", named: name.local) {
                    if let carried = carried(typeName, at: declaration), !carried.patterns.isEmpty {
                        guard let rule = rule(.text, carried, whiteSpace: resolver.whiteSpace(ofSimpleType: simple, depth: 0)) else { return nil }
                        declarations[index].rules.append(rule)
                    }
                    return index
                }
            } else if !SchemaTypeResolver.children(of: declaration, named: "simpleType").isEmpty {
                return index
            }
            guard let type = resolver.complexType(of: declaration),
                  let elements = resolver.elementDeclarations(in: type),
                  let attributes = resolver.attributeDeclarations(in: type) else { return nil }
            for (name, attribute) in attributes {
                guard let typeName = XMLSchema.attribute("type", of: attribute),
                      let carried = carried(typeName, at: attribute), !carried.patterns.isEmpty else { continue }
                guard let rule = rule(.attribute(NodeName(namespace: nil, local: name)), carried,
                                      whiteSpace: resolver.whiteSpace(ofAttribute: attribute)) else { return nil }
                declarations[index].rules.append(rule)
            }
            for (name, element) in elements {
                guard let child = self.index(element) else { return nil }
                declarations[index].children.append((name, child))
            }
            return index
        }

        private func rule(_ place: NativePatternChecks.Rule.Place, _ carried: (patterns: [XSDPattern], isList: Bool),
                          whiteSpace: IdentityConstraint.WhiteSpace?) -> NativePatternChecks.Rule? {
            if carried.isList {
                return NativePatternChecks.Rule(place: place, patterns: carried.patterns, isList: true, whiteSpace: .collapse)
            }
            guard let whiteSpace else { return nil }
            return NativePatternChecks.Rule(place: place, patterns: carried.patterns, isList: false, whiteSpace: whiteSpace)
        }
    }
}
