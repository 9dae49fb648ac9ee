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
        let message = MessageText.clean(error.pointee.message, documentNamespace: state.documentNamespace)
        state.diagnostics.append(XMLDiagnostic(location: SourceLocation(file: state.sourceName, line: max(line, 0)),
                                               message: message))
    }

    var pointer: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

extension XMLSchema {
    /// Validates a parsed document in a fresh validation context; throws `notValid`.
    func validate(_ document: xmlDocPtr, sourceName: String, namespace: String?) throws(XMLInputError) {
        guard let context = xmlSchemaNewValidCtxt(compiled) else {
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
            XMLDiagnostic(location: $0.location, message: typeHints.explain($0.message))
        }
        if list.isEmpty {
            list = [XMLDiagnostic(location: SourceLocation(file: sourceName, line: 0),
                                  message: "schema validation failed (libxml2 code \(result))")]
        }
        throw .notValid(list)
    }
}
