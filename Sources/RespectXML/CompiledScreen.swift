import CLibXML2

/// A schema's validation screen, ready to use: libxml2's compilation of the schema without what
/// the engine checks natively, and those checks (`ValidationScreen`). Immutable once made and
/// shared read-only across threads; each validation uses its own validation context.
final class CompiledScreen: @unchecked Sendable {
    /// Never mutated after `init`; libxml2 only reads it during validation.
    let schema: xmlSchemaPtr
    /// The document `schema` was compiled from, kept alive with it.
    private let source: xmlDocPtr
    let checks: ValidationScreen

    private init(schema: xmlSchemaPtr, source: xmlDocPtr, checks: ValidationScreen) {
        self.schema = schema
        self.source = source
        self.checks = checks
    }

    deinit {
        xmlSchemaFree(schema)
        xmlFreeDoc(source)
    }

    /// Compiles the screen of the XSD made of `bytes` (read from `path`, which names it and
    /// resolves relative locations); nil when the engine can check none of the schema's identity
    /// constraints and pattern facets itself, or when the copy without them does not compile.
    static func compile(bytes: [UInt8], path: String) -> CompiledScreen? {
        guard let document = try? DocumentParser.parse(bytes, sourceName: path, url: path, maxDepth: XMLSchema.maxDepth)
        else { return nil }
        let checks = ValidationScreen(identity: IdentityConstraintReader.read(document), patterns: PatternScreenReader.read(document))
        guard checks.identity != nil || checks.patterns != nil, let root = xmlDocGetRootElement(document) else {
            xmlFreeDoc(document)
            return nil
        }
        if checks.identity != nil {
            for node in IdentityConstraintReader.constraintNodes(in: root) {
                xmlUnlinkNode(node)
                xmlFreeNode(node)
            }
        }
        if let patterns = checks.patterns { PatternScreenReader.removePatterns(of: patterns.typeNames, in: root) }
        guard let schema = try? XMLSchema.compile(document, path: path) else {
            xmlFreeDoc(document)
            return nil
        }
        return CompiledScreen(schema: schema, source: document, checks: checks)
    }

    /// True when the document is valid against the screen's schema and the native checks
    /// (identity constraints, patterns) hold: then it is valid against the full schema. False
    /// says nothing: the full schema must decide and explain.
    func passes(_ document: xmlDocPtr) -> Bool {
        guard let context = xmlSchemaNewValidCtxt(schema) else { return false }
        defer { xmlSchemaFreeValidCtxt(context) }
        let flag = ErrorFlag()
        let result: Int32 = withExtendedLifetime(flag) {
            xmlSchemaSetValidStructuredErrors(context, ErrorFlag.callback, flag.pointer)
            return LibXML.routingStrayErrors(to: flag.pointer, ErrorFlag.callback) { xmlSchemaValidateDoc(context, document) }
        }
        return result == 0 && !flag.raised && checks.hold(in: document)
    }
}
