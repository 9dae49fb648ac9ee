import CLibXML2

/// Collects schema errors for one validation or one schema compilation.
final class SchemaErrorState {
    let sourceName: String
    let documentNamespace: String?
    var diagnostics = DiagnosticList()

    init(sourceName: String, documentNamespace: String?) {
        self.sourceName = sourceName
        self.documentNamespace = documentNamespace
    }

    /// The structured-error callback; `context` is this object, passed unretained.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let state = Unmanaged<SchemaErrorState>.fromOpaque(context).takeUnretainedValue()
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var line = Int(error.pointee.line)
        if line == 0, let node = error.pointee.node {
            line = Int(xmlGetLineNo(node.assumingMemoryBound(to: xmlNode.self)))
        }
        let message = PlainMessage.parser(MessageText.clean(error.pointee.message, documentNamespace: state.documentNamespace))
        state.diagnostics.append(XMLDiagnostic(location: SourceLocation(file: state.sourceName, line: max(line, 0)),
                                               message: message))
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Notes only whether an error was raised (the screen's errors are never shown).
final class ErrorFlag {
    var raised = false

    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        Unmanaged<ErrorFlag>.fromOpaque(context).takeUnretainedValue().raised = true
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

extension XMLSchema {
    /// Validates a parsed document; throws `notValid` with the full schema's errors.
    /// Valid documents are recognised through the screen when there is one (see `XMLSchema`).
    func validate(_ document: xmlDocPtr, sourceName: String, namespace: String?) throws(XMLInputError) {
        if let screen = screen?.compiled(), screen.passes(document) { return }
        try validate(document, against: compiled, sourceName: sourceName, namespace: namespace)
    }

    /// How the two ways of validating judge a document: through the screen (nil when this
    /// schema has none) and against the full schema alone. They must agree whenever the screen
    /// says valid; tests and the fuzzer check that. Throws when the bytes are not well-formed.
    public func verdicts(bytes: [UInt8], sourceName: String) throws(XMLInputError) -> (screen: Bool?, full: Bool) {
        let document = try DocumentParser.parse(bytes, sourceName: sourceName, maxDepth: XMLLimits.default.maxDepth)
        defer { xmlFreeDoc(document) }
        let full = (try? validate(document, against: compiled, sourceName: sourceName, namespace: nil)) != nil
        return (screen?.compiled()?.passes(document), full)
    }

    /// Validates a parsed document against `schema` in a fresh validation context; throws `notValid`.
    private func validate(_ document: xmlDocPtr, against schema: xmlSchemaPtr, sourceName: String, namespace: String?) throws(XMLInputError) {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            throw .notValid([XMLDiagnostic(location: SourceLocation(file: sourceName, line: 0),
                                           message: "out of memory: could not create a schema validator")])
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let state = SchemaErrorState(sourceName: sourceName, documentNamespace: namespace)
        let result: Int32 = withExtendedLifetime(state) {
            xmlSchemaSetValidStructuredErrors(context, SchemaErrorState.callback, state.pointer)
            return LibXML.routingStrayErrors(to: state.pointer, SchemaErrorState.callback) { xmlSchemaValidateDoc(context, document) }
        }
        guard result != 0 || !state.diagnostics.isEmpty else { return }
        var list = state.diagnostics.finished(file: sourceName).map {
            XMLDiagnostic(location: $0.location, message: PlainMessage.schema(typeHints.explain($0.message)))
        }
        if list.isEmpty {
            list = [XMLDiagnostic(location: SourceLocation(file: sourceName, line: 0),
                                  message: "schema validation failed (libxml2 code \(result))")]
        }
        throw .notValid(list)
    }
}
