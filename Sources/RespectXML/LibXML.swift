import CLibXML2

/// Process-wide libxml2 set-up, done once; the module keeps no other global state.
enum LibXML {
    /// Parse options for every document: no network, CDATA merged into text, compact text nodes,
    /// big line numbers, the encoding declaration ignored (only UTF-8 and UTF-16 are read, which
    /// keeps `InputPrecheck` exact). Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or HUGE.
    static let parseOptions: Int32 = {
        let options: [xmlParserOption] = [
            XML_PARSE_NONET, XML_PARSE_NOCDATA, XML_PARSE_COMPACT, XML_PARSE_NOWARNING,
            XML_PARSE_BIG_LINES, XML_PARSE_IGNORE_ENC,
        ]
        return Int32(options.reduce(0) { $0 | $1.rawValue })
    }()

    /// Evaluated once (Swift runs a `static let` initialiser exactly once, thread-safely).
    private static let initialised: Bool = {
        xmlInitParser()
        // Errors raised without a parser context (encoding conversion, I/O) would otherwise be
        // printed on standard error by libxml2's default handler; they are dropped unless a
        // document routes them to itself (`routingStrayErrors`).
        xmlThrDefSetStructuredErrorFunc(nil, ignoreError)
        xmlSetStructuredErrorFunc(nil, ignoreError)
        warmUpSchemaTypes()
        return true
    }()

    private static let ignoreError: xmlStructuredErrorFunc = { _, _ in }

    /// True when libxml2 keeps its error handlers per thread (a threaded build), so a handler
    /// may be set for the length of one document without touching other threads.
    private static let handlersArePerThread = xmlHasFeature(XML_WITH_THREAD) != 0

    /// Runs `body` with errors libxml2 raises without a parser context sent to `handler` with
    /// `context` (this thread only), then drops such errors again. Without per-thread
    /// handlers, they are dropped throughout rather than shared between threads.
    static func routingStrayErrors<T>(
        to context: UnsafeMutableRawPointer, _ handler: @escaping xmlStructuredErrorFunc, _ body: () -> T
    ) -> T {
        guard handlersArePerThread else { return body() }
        xmlSetStructuredErrorFunc(context, handler)
        defer { xmlSetStructuredErrorFunc(nil, ignoreError) }
        return body()
    }

    /// Call before any libxml2 use.
    static func ensureInitialised() {
        _ = initialised
    }

    /// libxml2 2.9 fills its built-in XSD type table lazily in xmlSchemaParse without a lock.
    /// Compiling an empty schema here, under the once-guard, makes later concurrent loads safe.
    private static func warmUpSchemaTypes() {
        let text = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'/>"
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return }
                defer { xmlSchemaFreeParserCtxt(context) }
                xmlSchemaSetParserStructuredErrors(context, { _, _ in }, nil)
                if let schema = xmlSchemaParse(context) { xmlSchemaFree(schema) }
            }
        }
    }

    /// A Swift string from a NUL-terminated libxml2 string.
    @inline(__always)
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}

extension LibXML {
    /// True when the libxml2 string holds exactly `string`'s UTF-8 bytes (both nil: true).
    static func equal(_ pointer: UnsafePointer<xmlChar>?, _ string: String?) -> Bool {
        guard let pointer, var text = string else { return pointer == nil && string == nil }
        return text.withUTF8 { utf8 in
            let length = Int(xmlStrlen(pointer))
            guard length == utf8.count else { return false }
            return utf8.elementsEqual(UnsafeBufferPointer(start: pointer, count: length))
        }
    }
}
