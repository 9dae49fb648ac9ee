import CLibXML2

/// Parses, validates and converts a document in one pass: libxml2's schema validator is plugged
/// into the parser's SAX events (`xmlSchemaSAXPlug`) and `StreamingTreeBuilder` converts each
/// element as it ends, so memory holds the input bytes and the converted tree, never libxml2's
/// whole tree as well, nor (fed by `MemoryInput`) libxml2's copy of the input. Used whenever a
/// document is validated against its full schema (every document unless a validation screen is
/// in use, which needs the whole tree), and, without a schema, to read a document already known
/// valid (a shipped framework recognised by its digest) the same way, never holding libxml2's
/// whole tree: for the 2017 framework a short `respect check` faults in a hundred fewer pages.
///
/// The hardening is the same as `DocumentParser`'s: the same pre-check, options and hooks
/// (DOCTYPE refused, depth, element count and caps counted while parsing). Schema errors are
/// located as a tree validation locates them: an error found at an element's end (a missing
/// child, a value) is reported on the line where the element starts.
enum ValidatingParser {
    /// Parses `bytes` (pre-checked by `InputPrecheck`), validating against `schema` when one is
    /// given; returns the converted root. Throws the refusal, the well-formedness errors, or
    /// every schema error.
    static func parse(
        _ bytes: [UInt8], sourceName: String, limits: XMLLimits, schema: XMLSchema?, namespace: String?
    ) throws(XMLInputError) -> XMLElement {
        let result: Result<XMLElement, XMLInputError> = bytes.withUnsafeBytes { raw in
            Result { () throws(XMLInputError) in
                if let problem = InputPrecheck.problem(in: raw, sourceName: sourceName) { throw .notWellFormed([problem]) }
                return try parse(sourceName: sourceName, limits: limits, schema: schema, namespace: namespace) { parser in
                    MemoryInput(raw).read(with: parser, options: LibXML.parseOptions)
                }
            }
        }
        return try result.get()
    }

    /// Parses a file fed piece by piece by `input` (which screens each piece as
    /// `InputPrecheck` would), validating against `schema`; returns the converted root. When
    /// `input` stopped the parse, the error thrown is only libxml2's account of a failed read.
    static func parse(
        _ input: FileInput, sourceName: String, limits: XMLLimits, schema: XMLSchema, namespace: String?,
        handOff: ElementHandOff? = nil
    ) throws(XMLInputError) -> XMLElement {
        try parse(sourceName: sourceName, limits: limits, schema: schema, namespace: namespace, handOff: handOff) { parser in
            input.read(with: parser, options: LibXML.parseOptions)
        }
    }

    /// The parse itself; `feed` runs libxml2's parser over the input.
    private static func parse(
        sourceName: String, limits: XMLLimits, schema: XMLSchema?, namespace: String?, handOff: ElementHandOff? = nil,
        feed: (xmlParserCtxtPtr) -> xmlDocPtr?
    ) throws(XMLInputError) -> XMLElement {
        LibXML.ensureInitialised()
        let nowhere = SourceLocation(file: sourceName, line: 0)
        guard let parser = xmlNewParserCtxt(), parser.pointee.sax != nil else {
            throw .notWellFormed([XMLDiagnostic(location: nowhere, message: "out of memory: could not create an XML parser")])
        }
        defer { xmlFreeParserCtxt(parser) }
        var validator: xmlSchemaValidCtxtPtr?
        if let schema {
            validator = xmlSchemaNewValidCtxt(schema.compiled)
            if validator == nil {
                throw .notValid([XMLDiagnostic(location: nowhere, message: "out of memory: could not create a schema validator")])
            }
        }
        defer { if let validator { xmlSchemaFreeValidCtxt(validator) } }

        let state = ParseState(sourceName: sourceName, maxDepth: limits.maxDepth, maxElements: limits.maxElements, caps: limits.caps)
        let builder = StreamingTreeBuilder(sourceName: sourceName, handOff: handOff)
        state.builder = builder
        DocumentParser.install(on: parser.pointee.sax, state: state)
        parser.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        let errors = SchemaErrorState(sourceName: sourceName, documentNamespace: namespace)
        let locator = Locator(parser: parser, state: state)

        let document: xmlDocPtr? = withExtendedLifetime((state, errors, locator)) {
            var plug: xmlSchemaSAXPlugPtr?
            if let validator {
                xmlSchemaSetValidStructuredErrors(validator, SchemaErrorState.callback, errors.pointer)
                xmlSchemaValidateSetLocator(validator, Locator.callback, Unmanaged.passUnretained(locator).toOpaque())
                plug = xmlSchemaSAXPlug(validator, &parser.pointee.sax, &parser.pointee.userData)
                if plug == nil { return nil }
            }
            defer { if let plug { xmlSchemaSAXUnplug(plug) } }
            return LibXML.routingStrayErrors(to: Unmanaged.passUnretained(state).toOpaque(), ParseState.strayError) {
                feed(parser)
            }
        }
        parser.pointee._private = nil
        xmlFreeDoc(document)
        let wellFormed = parser.pointee.wellFormed != 0
        if let refusal = state.refusal { throw refusal }
        guard wellFormed, state.diagnostics.isEmpty else {
            var list = state.diagnostics.finished(file: sourceName).map { XMLDiagnostic(location: $0.location, message: PlainMessage.parser($0.message)) }
            if list.isEmpty {
                list = [XMLDiagnostic(location: nowhere, message: "the XML parser gave up (libxml2 error \(Int(parser.pointee.errNo)))")]
            }
            throw .notWellFormed(list)
        }
        if let problem = builder.problem { throw problem }
        if let schema, let validator, !errors.diagnostics.isEmpty || xmlSchemaIsValid(validator) != 1 {
            var list = errors.diagnostics.finished(file: sourceName).map {
                XMLDiagnostic(location: $0.location, message: PlainMessage.schema(schema.typeHints.explain($0.message)))
            }
            if list.isEmpty { list = [XMLDiagnostic(location: nowhere, message: "schema validation failed")] }
            throw .notValid(list)
        }
        guard let root = builder.root else {
            throw .notWellFormed([XMLDiagnostic(location: nowhere, message: "the document has no root element")])
        }
        return root
    }

    /// Tells the validator where the parser is: the line an element starts on while its end is
    /// handled, otherwise the parser's line.
    final class Locator {
        let parser: xmlParserCtxtPtr
        let state: ParseState

        init(parser: xmlParserCtxtPtr, state: ParseState) {
            self.parser = parser
            self.state = state
        }

        static let callback: xmlSchemaValidityLocatorFunc = { context, file, line in
            guard let context else { return -1 }
            let locator = Unmanaged<Locator>.fromOpaque(context).takeUnretainedValue()
            file?.pointee = nil
            if let ending = locator.state.endingLine {
                line?.pointee = UInt(ending)
            } else if let input = locator.parser.pointee.input {
                line?.pointee = UInt(max(input.pointee.line, 0))
            }
            return 0
        }
    }
}
