import CLibXML2

/// A compiled XSD, loaded once and shared read-only across threads; each validation uses its
/// own validation context.
///
/// Documents are first validated through a screen when the schema allows one: a second copy
/// compiled without the identity constraints (`xs:key`, `xs:unique`, `xs:keyref`) and pattern
/// facets the engine can check itself, plus those checks done natively (`ValidationScreen`;
/// libxml2 2.9 checks identity constraints in quadratic time and runs slow regular
/// expressions). A document that passes the screen is valid against the full schema; one that
/// fails it is validated again against the full schema, so every verdict and every error
/// message is the full schema's own.
public final class XMLSchema: @unchecked Sendable {
    /// The file the schema was loaded from.
    public let path: String
    /// Never mutated after `init`; libxml2 only reads it during validation.
    let compiled: xmlSchemaPtr
    /// The schema's own document, kept alive for as long as the compiled schema refers to it.
    private let source: xmlDocPtr
    /// What the schema's named simple types mean, added to errors about their values.
    let typeHints: SchemaTypeHints
    /// The schema without what the engine checks natively, and those checks; nil when the
    /// schema has nothing the engine can check itself.
    let screen: (compiled: xmlSchemaPtr, checks: ValidationScreen)?
    /// The document `screen` was compiled from, kept alive with it.
    private let screenSource: xmlDocPtr?

    /// Loads and compiles the XSD at `path` with no network access: the file is read with the
    /// same safe reader as inputs, and includes or imports from the network are refused.
    public init(contentsOf path: String) throws(XMLInputError) {
        LibXML.ensureInitialised()
        let document: xmlDocPtr
        do throws(XMLInputError) {
            let bytes = try FileLoader.read(path: path, limits: XMLLimits(maxDepth: 200))
            document = try DocumentParser.parse(bytes, sourceName: path, url: path, maxDepth: 200)
        } catch {
            throw .schemaUnusable(path: path, error.diagnostics)
        }
        do throws(XMLInputError) {
            try Self.refuseRemoteLocations(in: document, path: path)
            self.compiled = try Self.compile(document, path: path)
        } catch {
            xmlFreeDoc(document)
            throw error
        }
        self.path = path
        self.source = document
        self.typeHints = SchemaTypeHints(document)
        let screen = Self.compileScreen(document, path: path)
        self.screen = screen.map { ($0.compiled, $0.checks) }
        self.screenSource = screen?.source
    }

    deinit {
        xmlSchemaFree(compiled)
        xmlFreeDoc(source)
        if let screen { xmlSchemaFree(screen.compiled) }
        xmlFreeDoc(screenSource)
    }

    /// The names of the identity constraints checked natively rather than by libxml2 (empty
    /// when libxml2 checks them all), in schema order.
    public var nativeIdentityConstraints: [String] { screen?.checks.identity?.names ?? [] }

    /// The named simple types whose pattern facets are checked natively rather than by libxml2
    /// (empty when libxml2 checks them all), in schema order.
    public var nativePatternTypes: [String] { screen?.checks.patterns?.typeNames ?? [] }

    /// A copy of the schema without what the engine checks natively, compiled, with those
    /// checks; nil when that is not possible (the full schema is then used alone).
    private static func compileScreen(_ document: xmlDocPtr, path: String)
        -> (compiled: xmlSchemaPtr, source: xmlDocPtr, checks: ValidationScreen)? {
        let checks = ValidationScreen(identity: IdentityConstraintReader.read(document), patterns: PatternScreenReader.read(document))
        guard checks.identity != nil || checks.patterns != nil, let copy = xmlCopyDoc(document, 1) else { return nil }
        if let root = xmlDocGetRootElement(copy) {
            if checks.identity != nil {
                for node in IdentityConstraintReader.constraintNodes(in: root) {
                    xmlUnlinkNode(node)
                    xmlFreeNode(node)
                }
            }
            if let patterns = checks.patterns { PatternScreenReader.removePatterns(of: patterns.typeNames, in: root) }
        }
        guard let compiled = try? compile(copy, path: path) else {
            xmlFreeDoc(copy)
            return nil
        }
        return (compiled, copy, checks)
    }

    private static func compile(_ document: xmlDocPtr, path: String) throws(XMLInputError) -> xmlSchemaPtr {
        let nowhere = SourceLocation(file: path, line: 0)
        guard let context = xmlSchemaNewDocParserCtxt(document) else {
            throw .schemaUnusable(path: path, [XMLDiagnostic(location: nowhere, message: "out of memory")])
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let state = SchemaErrorState(sourceName: path, documentNamespace: nil)
        let schema = withExtendedLifetime(state) {
            xmlSchemaSetParserStructuredErrors(context, SchemaErrorState.callback, state.pointer)
            return LibXML.routingStrayErrors(to: state.pointer, SchemaErrorState.callback) { xmlSchemaParse(context) }
        }
        guard let schema, state.diagnostics.isEmpty else {
            xmlSchemaFree(schema)
            var list = state.diagnostics.finished(file: path)
            if list.isEmpty { list = [XMLDiagnostic(location: nowhere, message: "the schema did not compile")] }
            throw .schemaUnusable(path: path, list)
        }
        return schema
    }

    /// libxml2 would fetch `schemaLocation` URLs of include, import, redefine and override
    /// itself, network included; only local, relative or `file:` locations are accepted.
    private static func refuseRemoteLocations(in document: xmlDocPtr, path: String) throws(XMLInputError) {
        let referencing: Set<String> = ["include", "import", "redefine", "override"]
        var child = xmlDocGetRootElement(document)?.pointee.children
        while let node = child {
            child = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE,
                  let name = LibXML.string(node.pointee.name), referencing.contains(name),
                  let location = attribute("schemaLocation", of: node), isRemote(location) else { continue }
            let message = "the schema refers to \(location) by <\(name)>; schemas must be local files"
            throw .schemaUnusable(path: path, [XMLDiagnostic(
                location: SourceLocation(file: path, line: Int(xmlGetLineNo(node))), message: message)])
        }
    }

    /// The text of an attribute (no namespace), read without libxml2 allocating.
    static func attribute(_ wanted: String, of node: xmlNodePtr) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard current.pointee.ns == nil, LibXML.string(current.pointee.name) == wanted else { continue }
            var value = ""
            var part = current.pointee.children
            while let piece = part {
                value += LibXML.string(piece.pointee.content) ?? ""
                part = piece.pointee.next
            }
            return value
        }
        return nil
    }

    /// True when the location starts with a URI scheme other than `file:`.
    private static func isRemote(_ location: String) -> Bool {
        guard let colon = location.firstIndex(of: ":") else { return false }
        let scheme = location[..<colon]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return false }
        return scheme.lowercased() != "file"
    }
}
