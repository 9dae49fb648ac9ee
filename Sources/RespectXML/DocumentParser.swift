import CLibXML2

/// Per-document state the SAX and error callbacks reach through the parser context's
/// `_private` pointer. libxml2 hands those callbacks `ctxt->userData`, which is the context.
final class ParseState {
    let sourceName: String
    let maxDepth: Int
    let maxElements: Int
    /// Caps on particular elements, with how many of each were seen so far.
    let caps: [ElementCap]
    var capCounts: [Int]
    var depth = 0
    var elements = 0
    /// When set, each element is converted to `XMLElement` as it ends and its libxml2 children
    /// freed (`ValidatingParser`).
    var builder: StreamingTreeBuilder?
    /// While an element's end is handled, the line it started on (for schema errors found then).
    var endingLine: Int?
    /// A refusal (DOCTYPE, too deep) that stopped the parser; it wins over other errors.
    var refusal: XMLInputError?
    var diagnostics = DiagnosticList()
    /// libxml2's own SAX2 element handlers, which build the tree; the hooks call them.
    var startElement: startElementNsSAX2Func?
    var endElement: endElementNsSAX2Func?

    init(sourceName: String, maxDepth: Int, maxElements: Int, caps: [ElementCap] = []) {
        self.sourceName = sourceName
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.caps = caps
        self.capCounts = Array(repeating: 0, count: caps.count)
    }

    /// Counts an element against the caps; the cap it goes over, if any.
    func count(localName: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?) -> ElementCap? {
        for index in caps.indices where LibXML.equal(localName, caps[index].localName)
            && LibXML.equal(uri, caps[index].namespace) {
            capCounts[index] += 1
            if capCounts[index] > caps[index].limit { return caps[index] }
        }
        return nil
    }

    /// The state attached to a parser context passed to a callback as `void *`.
    static func of(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return (parser, Unmanaged<ParseState>.fromOpaque(state).takeUnretainedValue())
    }

    /// Where the parser is now.
    func here(_ parser: xmlParserCtxtPtr) -> SourceLocation {
        guard let input = parser.pointee.input else { return SourceLocation(file: sourceName, line: 0) }
        return SourceLocation(file: sourceName, line: Int(input.pointee.line), column: Int(input.pointee.col))
    }

    /// Errors libxml2 raises without a parser context while this document is parsed: a UTF-16
    /// file whose bytes do not decode. `context` is this state, passed unretained.
    static let strayError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let state = Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue()
        // "I/O error : encoder error" only repeats the conversion error before it.
        if error.pointee.domain == Int32(XML_FROM_IO.rawValue) && error.pointee.code == Int32(XML_IO_ENCODER.rawValue) { return }
        var message = MessageText.clean(error.pointee.message)
        let conversion = "input conversion failed due to input error, bytes "
        if message.hasPrefix(conversion) {
            message = "the bytes " + message.dropFirst(conversion.count) + " are not valid UTF-16 (files must be UTF-8 or UTF-16)"
        }
        let diagnostic = XMLDiagnostic(location: SourceLocation(file: state.sourceName, line: max(Int(error.pointee.line), 0)),
                                       message: message)
        // libxml2 reports a failed conversion once per attempt; once is enough.
        if state.diagnostics.items.last != diagnostic { state.diagnostics.append(diagnostic) }
    }

    /// Records a refusal and stops the parser (allowed from SAX callbacks).
    func refuse(_ error: XMLInputError, _ parser: xmlParserCtxtPtr) {
        if refusal == nil { refusal = error }
        xmlStopParser(parser)
    }

    /// Records a refusal of an element at its start tag. With a validator plugged in
    /// (`ValidatingParser`), the validator handles the start tag after the hook, reading its
    /// attributes from the parser's input, which stopping the parser releases: the parser is
    /// stopped at the next event instead (`stopIfRefused`), and nothing is built meanwhile.
    func refuseElement(_ error: XMLInputError, _ parser: xmlParserCtxtPtr) {
        if builder == nil { refuse(error, parser) } else if refusal == nil { refusal = error }
    }

    /// Stops the parser when an element was refused (see `refuseElement`); true if it did.
    func stopIfRefused(_ parser: xmlParserCtxtPtr) -> Bool {
        guard builder != nil, refusal != nil else { return false }
        xmlStopParser(parser)
        return true
    }
}

/// Parses bytes with libxml2 into a document tree, per-document errors and hooks included.
enum DocumentParser {
    /// Pre-checks the bytes (`InputPrecheck`), then parses them.
    /// Returns a document the caller must free with `xmlFreeDoc`.
    static func parse(
        _ bytes: [UInt8], sourceName: String, url: String? = nil, maxDepth: Int,
        maxElements: Int = XMLLimits.default.maxElements, caps: [ElementCap] = []
    ) throws(XMLInputError) -> xmlDocPtr {
        let result: Result<xmlDocPtr, XMLInputError> = bytes.withUnsafeBytes { raw in
            Result { () throws(XMLInputError) in
                if let problem = InputPrecheck.problem(in: raw, sourceName: sourceName) { throw .notWellFormed([problem]) }
                return try parse(raw, sourceName: sourceName, url: url, maxDepth: maxDepth, maxElements: maxElements, caps: caps)
            }
        }
        return try result.get()
    }

    /// Returns a document the caller must free with `xmlFreeDoc`.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, sourceName: String, url: String? = nil, maxDepth: Int,
        maxElements: Int = XMLLimits.default.maxElements, caps: [ElementCap] = []
    ) throws(XMLInputError) -> xmlDocPtr {
        LibXML.ensureInitialised()
        guard let parser = xmlNewParserCtxt(), let sax = parser.pointee.sax else {
            throw .notWellFormed([XMLDiagnostic(location: SourceLocation(file: sourceName, line: 0),
                                                message: "out of memory: could not create an XML parser")])
        }
        defer { xmlFreeParserCtxt(parser) }
        let state = ParseState(sourceName: sourceName, maxDepth: maxDepth, maxElements: maxElements, caps: caps)
        install(on: sax, state: state)
        parser.pointee._private = Unmanaged.passUnretained(state).toOpaque()

        let document: xmlDocPtr? = withExtendedLifetime(state) {
            LibXML.routingStrayErrors(to: Unmanaged.passUnretained(state).toOpaque(), ParseState.strayError) {
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    xmlCtxtReadMemory(parser, chars.baseAddress, Int32(chars.count), url, nil, LibXML.parseOptions)
                }
            }
        }
        parser.pointee._private = nil
        let wellFormed = parser.pointee.wellFormed != 0
        if let refusal = state.refusal {
            xmlFreeDoc(document)
            throw refusal
        }
        guard let document, wellFormed, state.diagnostics.isEmpty else {
            xmlFreeDoc(document)
            var list = state.diagnostics.finished(file: sourceName)
            if list.isEmpty {
                let code = Int(parser.pointee.errNo)
                list = [XMLDiagnostic(location: SourceLocation(file: sourceName, line: 0),
                                      message: "the XML parser gave up (libxml2 error \(code))")]
            }
            throw .notWellFormed(list)
        }
        return document
    }

    /// Hooks errors, DOCTYPE, element depth and counts; switches off everything DTD-related.
    static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>, state: ParseState) {
        state.startElement = sax.pointee.startElementNs
        state.endElement = sax.pointee.endElementNs

        sax.pointee.serror = { context, error in
            guard let (_, state) = ParseState.of(context), let error else { return }
            guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let location = SourceLocation(file: state.sourceName, line: Int(error.pointee.line),
                                          column: Int(error.pointee.int2))
            state.diagnostics.append(XMLDiagnostic(location: location, message: PlainMessage.parser(MessageText.clean(error.pointee.message))))
        }
        sax.pointee.internalSubset = { context, _, _, _ in
            guard let (parser, state) = ParseState.of(context) else { return }
            var location = state.here(parser)
            location.column = 0
            state.refuse(.doctypeNotAllowed(location: location), parser)
        }
        sax.pointee.startElementNs = { context, localName, prefix, uri, nsCount, namespaces, attrCount, defaulted, attributes in
            guard let (parser, state) = ParseState.of(context), !state.stopIfRefused(parser) else { return }
            state.depth += 1
            state.elements += 1
            if state.elements > state.maxElements {
                var location = state.here(parser)
                location.column = 0
                state.refuseElement(.tooManyElements(location: location, limit: state.maxElements), parser)
                return
            }
            if state.depth > state.maxDepth {
                var location = state.here(parser)
                location.column = 0
                state.refuseElement(.tooDeep(location: location, limit: state.maxDepth), parser)
                return
            }
            if !state.caps.isEmpty, let cap = state.count(localName: localName, uri: uri) {
                var location = state.here(parser)
                location.column = 0
                state.refuseElement(.overCap(location: location, cap: cap), parser)
                return
            }
            state.endingLine = nil
            state.startElement?(context, localName, prefix, uri, nsCount, namespaces, attrCount, defaulted, attributes)
            state.builder?.started()
        }
        sax.pointee.endElementNs = { context, localName, prefix, uri in
            guard let (parser, state) = ParseState.of(context), !state.stopIfRefused(parser) else { return }
            state.depth -= 1
            let node = parser.pointee.node
            state.endElement?(context, localName, prefix, uri)
            if let node, let builder = state.builder {
                // The validator handles this end after the hook; its errors belong to the start.
                state.endingLine = Int(xmlGetLineNo(node))
                builder.ended(node)
            }
        }
        // Unreachable once a DOCTYPE stops the parser; cleared anyway as a second wall.
        sax.pointee.externalSubset = nil
        sax.pointee.entityDecl = nil
        sax.pointee.unparsedEntityDecl = nil
        sax.pointee.resolveEntity = nil
        sax.pointee.reference = nil
    }
}
