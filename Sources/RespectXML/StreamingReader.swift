import CLibXML2

/// The fast path for a document whose kind is known in advance: libxml2 validates against the
/// schema while it parses (`xmlSchemaSAXPlug`), and the `XMLElement` tree is built straight
/// from the SAX events, so no libxml2 tree is built, walked and freed.
///
/// It only ever answers for a document that is well-formed, within every limit, of the
/// expected root and valid: anything else (an error, a refusal, a DOCTYPE, an entity, an
/// attribute value holding `&`) makes it give up and return nil, and the caller reads the
/// bytes again through `DocumentParser` and `XMLSchema.validate`, which find and locate
/// the problems exactly as before. The same parse options and limits apply; no DTD, entity
/// or network resource is ever loaded.
enum StreamingReader {
    /// The document's tree when it is well-formed, of root `root` and valid against `schema`; else nil.
    static func read(_ bytes: UnsafeRawBufferPointer, sourceName: String, root: XMLRootName, schema: XMLSchema,
                     limits: XMLLimits) -> XMLElement? {
        LibXML.ensureInitialised()
        guard InputPrecheck.problem(in: bytes, sourceName: sourceName) == nil,
              bytes.count <= Int(Int32.max), let base = bytes.baseAddress else { return nil }
        let state = StreamingState(sourceName: sourceName, root: root, limits: limits)
        guard let parser = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, { chars in
            xmlCreateMemoryParserCtxt(chars, Int32(bytes.count))
        }) else { return nil }
        defer { xmlFreeParserCtxt(parser) }
        guard let validator = xmlSchemaNewValidCtxt(schema.compiled) else { return nil }
        defer { xmlSchemaFreeValidCtxt(validator) }

        // Our own SAX2 handler, replacing the default one (which would build a tree).
        guard let handler = parser.pointee.sax else { return nil }
        handler.pointee = xmlSAXHandler()
        handler.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        install(on: handler)
        _ = xmlCtxtUseOptions(parser, LibXML.parseOptions)
        parser.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        defer { parser.pointee._private = nil }

        let valid: Bool = withExtendedLifetime(state) {
            xmlSchemaSetValidStructuredErrors(validator, StreamingState.validationError, state.pointer)
            guard let plug = xmlSchemaSAXPlug(validator, &parser.pointee.sax, &parser.pointee.userData) else { return false }
            // Parser errors go nowhere (the fallback reports them); the plug's handler has none.
            parser.pointee.sax.pointee.serror = { _, _ in }
            let parsed = LibXML.routingStrayErrors(to: state.pointer, StreamingState.validationError) {
                xmlParseDocument(parser)
            }
            xmlSchemaSAXUnplug(plug)
            return parsed == 0 && parser.pointee.wellFormed != 0 && xmlSchemaIsValid(validator) == 1
        }
        guard valid, !state.failed, state.errors == 0, let result = state.result else { return nil }
        return result
    }

    /// Our element, end and text handlers; DOCTYPE and entity references make the fast path give up.
    private static func install(on sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let (parser, state) = StreamingState.of(context) else { return }
            state.start(parser, localName: localName, uri: uri, count: Int(attributeCount), attributes: attributes)
        }
        sax.pointee.endElementNs = { context, _, _, _ in
            guard let (_, state) = StreamingState.of(context) else { return }
            state.end()
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let (_, state) = StreamingState.of(context), let text else { return }
            state.characters(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.internalSubset = { context, _, _, _ in
            // A DOCTYPE: stop before its internal subset is read (no validator handler follows this one).
            guard let (parser, state) = StreamingState.of(context) else { return }
            state.giveUp(parser)
            xmlStopParser(parser)
        }
        sax.pointee.reference = { context, _ in
            guard let (parser, state) = StreamingState.of(context) else { return }
            state.giveUp(parser)
        }
    }
}

/// The elements being built while a document streams by: one open element per level.
final class StreamingState {
    private struct OpenElement {
        var name: String
        var namespace: String?
        var attributes: [XMLAttribute]
        var children: [XMLElement] = []
        var text = ""
        var pieces: [UInt8] = []  // text delivered in several calls, joined as bytes
        var line: Int
    }

    let sourceName: String
    let root: XMLRootName
    let limits: XMLLimits
    private var open: [OpenElement] = []
    private var elements = 0
    /// The finished root element.
    private(set) var result: XMLElement?
    /// Set when anything was met that the fast path leaves to the full reader.
    private(set) var failed = false
    /// Validation errors reported.
    private(set) var errors = 0
    /// The last namespace seen (libxml2 interns names) and its string.
    private var lastURI: UnsafePointer<xmlChar>?
    private var lastNamespace: String?
    /// Names already made, by their address in the parser's dictionary.
    private var names: [(UnsafePointer<xmlChar>, String)] = []

    init(sourceName: String, root: XMLRootName, limits: XMLLimits) {
        self.sourceName = sourceName
        self.root = root
        self.limits = limits
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// The parser context and this state, from the context the SAX callbacks get.
    static func of(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, StreamingState)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return (parser, Unmanaged<StreamingState>.fromOpaque(state).takeUnretainedValue())
    }

    /// Counts schema errors (and stray errors) at error level; `context` is this state.
    static let validationError: xmlStructuredErrorFunc = { context, error in
        guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        Unmanaged<StreamingState>.fromOpaque(context).takeUnretainedValue().errors += 1
    }

    /// Gives up on the fast path: no more events reach this state or the validator. The
    /// parser is not stopped here, because `xmlStopParser` resets the input that the
    /// validator's handler for the same start tag still reads; the rest of the bytes are
    /// only scanned, and the full reader then reports (or refuses) the document.
    func giveUp(_ parser: xmlParserCtxtPtr) {
        failed = true
        parser.pointee.disableSAX = 1
    }

    func start(_ parser: xmlParserCtxtPtr, localName: UnsafePointer<xmlChar>?, uri: UnsafePointer<xmlChar>?,
               count: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        guard !failed else { return }
        elements += 1
        guard elements <= limits.maxElements, open.count < limits.maxDepth, result == nil else { return giveUp(parser) }
        let name = self.name(localName)
        let namespace = self.namespace(uri)
        if open.isEmpty, name != root.localName || namespace != root.namespace { return giveUp(parser) }
        var list: [XMLAttribute] = []
        if count > 0, let attributes {
            list.reserveCapacity(count)
            for index in 0..<count {
                // localname, prefix, URI, value start, value end
                let base = attributes + 5 * index
                guard let start = base[3], let end = base[4] else { return giveUp(parser) }
                let raw = UnsafeBufferPointer(start: start, count: end - start)
                guard let value = Self.attributeValue(raw) else { return giveUp(parser) }
                list.append(XMLAttribute(name: self.name(base[0]), value: value))
            }
        }
        let line = Int(parser.pointee.input?.pointee.line ?? 0)
        open.append(OpenElement(name: name, namespace: namespace, attributes: list, line: line))
    }

    /// An attribute value as the tree holds it. Without entity substitution libxml2 hands
    /// every `&` (written `&amp;`, `&#38;` or `&#x26;`) to SAX as "&#38;", which the tree
    /// decodes; any other `&` (an entity reference) is left to the full reader (nil).
    static func attributeValue(_ raw: UnsafeBufferPointer<xmlChar>) -> String? {
        guard raw.contains(0x26) else { return String(decoding: raw, as: UTF8.self) }
        let escape: [xmlChar] = Array("&#38;".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == 0x26 {
                guard index + escape.count <= raw.count, raw[index..<index + escape.count].elementsEqual(escape) else { return nil }
                bytes.append(0x26)
                index += escape.count
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func end() {
        guard !failed, var element = open.popLast() else { return }
        if !element.pieces.isEmpty { element.text = String(decoding: element.pieces, as: UTF8.self) }
        let finished = XMLElement(name: element.name, namespace: element.namespace, attributes: element.attributes,
                                  children: element.children, text: element.text,
                                  location: SourceLocation(file: sourceName, line: element.line))
        if open.isEmpty {
            result = finished
        } else {
            open[open.count - 1].children.append(finished)
        }
    }

    func characters(_ text: UnsafeBufferPointer<xmlChar>) {
        guard !failed, !open.isEmpty, !text.isEmpty else { return }
        let last = open.count - 1
        if open[last].text.isEmpty && open[last].pieces.isEmpty {
            open[last].text = String(decoding: text, as: UTF8.self)
        } else {
            if open[last].pieces.isEmpty { open[last].pieces.append(contentsOf: open[last].text.utf8) }
            open[last].pieces.append(contentsOf: text)
        }
    }

    /// An element or attribute name. libxml2 interns names in the parser's dictionary, so
    /// the strings made so far are looked up by address (a document uses a few dozen names).
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        for (known, string) in names where known == pointer { return string }
        let string = String(cString: pointer)
        if names.count < 64 { names.append((pointer, string)) }
        return string
    }

    private func namespace(_ uri: UnsafePointer<xmlChar>?) -> String? {
        guard let uri else { return nil }
        if uri == lastURI { return lastNamespace }
        lastURI = uri
        lastNamespace = String(cString: uri)
        return lastNamespace
    }
}
