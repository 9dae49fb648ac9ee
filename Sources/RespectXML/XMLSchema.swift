import CLibXML2

/// A compiled XSD, loaded once and shared read-only across threads; each validation uses its
/// own validation context.
///
/// By default every document is validated by libxml2 against the full schema. Asked to
/// (`ValidationScreening.whenRecognised`), a shipped schema recognised by its SHA-256
/// (`RecognisedSchemas`) validates documents through a screen instead: a second copy compiled
/// without the identity constraints (`xs:key`, `xs:unique`, `xs:keyref`) and pattern facets the
/// engine can check itself, plus those checks done natively on UTF-8 bytes (`ValidationScreen`;
/// libxml2 2.9 checks identity constraints in quadratic time and runs slow regular
/// expressions). A document that passes the screen is valid against the full schema; one that
/// fails it is validated again against the full schema, so every verdict and every error
/// message is the full schema's own. The engine never accepts a document libxml2's full
/// validation rejects.
public final class XMLSchema: @unchecked Sendable {
    /// Which schemas get a validation screen.
    enum ScreenAdmission {
        /// No schema: libxml2's full validation only (`ValidationScreening.never`).
        case nothing
        /// The shipped schemas recognised by their SHA-256 (`ValidationScreening.whenRecognised`).
        case recognisedSchemas
        /// Any schema whose constraints have shapes the screen follows. Only for the tests of
        /// the screen's machinery on fixture schemas: production code asks through
        /// `ValidationScreening`, which never screens an unrecognised schema.
        case anySchema
    }

    /// The file the schema was loaded from.
    public let path: String
    /// Never mutated after `init`; libxml2 only reads it during validation.
    let compiled: xmlSchemaPtr
    /// The schema's own document, kept alive for as long as the compiled schema refers to it.
    private let source: xmlDocPtr
    /// What the schema's named simple types mean, added to errors about their values.
    let typeHints: SchemaTypeHints
    /// The validation screen, compiled on first use; nil when documents are validated by
    /// libxml2 against the full schema alone.
    let screen: LazyScreen?
    /// Whether documents are validated through a validation screen (which needs libxml2's
    /// whole tree), not by libxml2 alone while they are parsed.
    public var isScreened: Bool { screen != nil }

    /// The deepest nesting accepted in a schema document.
    static let maxDepth = 200

    /// Loads and compiles the XSD at `path` with no network access: the file is read with the
    /// same safe reader as inputs, and includes or imports from the network are refused.
    /// `screening` says whether documents go through the validation screen (default: never).
    public convenience init(contentsOf path: String, screening: ValidationScreening = .never) throws(XMLInputError) {
        let admission: ScreenAdmission = switch screening {
        case .never: .nothing
        case .whenRecognised: .recognisedSchemas
        }
        try self.init(contentsOf: path, admitting: admission)
    }

    /// The bytes of the XSD file at `path` as it is now, read with the same safe reader, without
    /// parsing or compiling it; nil when it cannot be read. (`SchemaSet.digest(for:)` hashes
    /// them with swift-crypto, which this module does without.)
    public static func fileBytes(of path: String) -> [UInt8]? {
        try? FileLoader.read(path: path, limits: XMLLimits(maxDepth: maxDepth))
    }

    /// Loads the XSD at `path`, with a validation screen when `admission` allows one.
    init(contentsOf path: String, admitting admission: ScreenAdmission) throws(XMLInputError) {
        LibXML.ensureInitialised()
        let bytes: [UInt8]
        let document: xmlDocPtr
        do throws(XMLInputError) {
            bytes = try FileLoader.read(path: path, limits: XMLLimits(maxDepth: Self.maxDepth))
            document = try DocumentParser.parse(bytes, sourceName: path, url: path, maxDepth: Self.maxDepth)
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
        switch admission {
        case .nothing: self.screen = nil
        case .recognisedSchemas: self.screen = RecognisedSchemas.recognise(bytes) ? LazyScreen(bytes: bytes, path: path) : nil
        case .anySchema: self.screen = LazyScreen(bytes: bytes, path: path)
        }
    }

    deinit {
        xmlSchemaFree(compiled)
        xmlFreeDoc(source)
    }

    /// The names of the identity constraints checked natively rather than by libxml2, in schema
    /// order; empty when libxml2 checks them all (no screen). Compiles the screen if need be.
    public var nativeIdentityConstraints: [String] { screen?.compiled()?.checks.identity?.names ?? [] }

    /// The named simple types whose pattern facets are checked natively rather than by libxml2,
    /// in schema order; empty when libxml2 checks them all (no screen). Compiles the screen if
    /// need be.
    public var nativePatternTypes: [String] { screen?.compiled()?.checks.patterns?.typeNames ?? [] }

    static func compile(_ document: xmlDocPtr, path: String) throws(XMLInputError) -> xmlSchemaPtr {
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
