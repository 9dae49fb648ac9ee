#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CLibXML2

/// Reads XML files safely: size-checked, parsed with libxml2 with no DTD, no entity substitution
/// and no network, validated against the schema chosen from the root element, and converted to
/// `XMLElement`.
public struct XMLDocumentReader: Sendable {
    /// The safety limits applied to every document.
    public var limits: XMLLimits
    /// Whether a document validated against its full schema is parsed, validated and converted
    /// in one pass (`ValidatingParser`; the default), or parsed into libxml2's whole tree first
    /// (as always when a validation screen is in use). Both give the same element tree and the
    /// same errors; the one pass needs far less memory. Tests compare the two.
    public var onePass = true

    /// Creates a reader with the given limits.
    public init(limits: XMLLimits = .default) {
        self.limits = limits
    }

    /// Reads, validates and converts the file at `path`.
    /// `schema` is called once with the root element's name and returns the schema to validate
    /// against, or throws (e.g. `XMLInputError.unknownDocument`) if the document is not a known kind.
    public func read(contentsOf path: String, schema: (XMLRootName) throws -> XMLSchema) throws -> XMLElement {
        let bytes = try FileLoader.read(path: path, limits: limits)
        return try read(bytes: bytes, sourceName: path, schema: schema)
    }

    /// Reads, validates and converts the file at `path` in one pass, piece by piece, never
    /// holding its bytes whole (`FileInput`): for a large submission, a third less memory.
    /// `observe` is shown each piece in order (to hash the file as it is read); when the
    /// element is returned it has seen every byte parsed, once.
    ///
    /// Returns nil, having perhaps shown `observe` only some of the file, whenever the file is
    /// to be read whole instead: it cannot be opened or read, is not UTF-8, its root is not in
    /// its first 64 KiB, its schema uses a validation screen, it may hold a crowded start tag,
    /// or it is refused, not well-formed or not valid. The caller then reads it with
    /// `bytes(contentsOf:)` and `read(bytes:sourceName:schema:)`, which give the exact error
    /// (or, should the file have changed meanwhile, the result for the bytes read then).
    ///
    /// With `handOff`, the elements it names are passed to it as they end and left out of the
    /// tree returned.
    public func readInPieces(contentsOf path: String, schema: (XMLRootName) throws -> XMLSchema,
                             handOff: ElementHandOff? = nil, observe: (UnsafeRawBufferPointer) -> Void) -> XMLElement? {
        guard onePass, let (descriptor, size) = try? FileLoader.openChecked(path: path, limits: limits) else { return nil }
        defer { close(descriptor) }
        guard let first = Self.readUpTo(min(size, FileInput.pieceSize), from: descriptor), !first.isEmpty,
              first.withUnsafeBytes({ InputPrecheck.detectEncoding($0) }) == .utf8,
              let root = XMLRootScanner.root(of: first)?.name, let chosen = try? schema(root), chosen.screen == nil
        else { return nil }
        return withoutActuallyEscaping(observe) { observe in
            let input = FileInput(descriptor: descriptor, first: first, limit: min(limits.maxFileBytes, Int(Int32.max)), observe: observe)
            guard let element = try? ValidatingParser.parse(input, sourceName: path, limits: limits, schema: chosen,
                                                            namespace: root.namespace, handOff: handOff),
                  input.stopped == nil, input.reachedEnd else { return nil }
            return element
        }
    }

    /// Up to `count` bytes from `descriptor` (fewer at the end of the file); nil on a read error.
    private static func readUpTo(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var total = 0
        while total < count {
            let got = bytes.withUnsafeMutableBytes { raw in systemRead(descriptor, raw.baseAddress! + total, count - total) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            total += got
        }
        bytes.removeLast(count - total)
        return bytes
    }

    /// Reads a file's bytes with the same checks as `read(contentsOf:schema:)` (a regular file,
    /// not empty, within the size limit), e.g. to hash them before parsing them with
    /// `read(bytes:sourceName:schema:)`.
    public func bytes(contentsOf path: String) throws(XMLInputError) -> [UInt8] {
        try FileLoader.read(path: path, limits: limits)
    }

    /// Reads, validates and converts in-memory bytes; `sourceName` names them in every error.
    /// `schema` is called once with the root element's name and returns the schema to validate
    /// against, or throws (e.g. `XMLInputError.unknownDocument`) if the document is not a known kind.
    public func read(
        bytes: [UInt8], sourceName: String, schema: (XMLRootName) throws -> XMLSchema
    ) throws -> XMLElement {
        if bytes.isEmpty { throw XMLInputError.empty(path: sourceName) }
        if bytes.count > limits.maxFileBytes || bytes.count > Int(Int32.max) {
            throw XMLInputError.tooLarge(path: sourceName, bytes: bytes.count, limit: min(limits.maxFileBytes, Int(Int32.max)))
        }
        // One pass when the document will be validated by libxml2 against its full schema: the
        // schema is chosen from the root's start tag, read first (see `ValidatingParser`).
        // A document the one pass finds invalid or not well-formed is read again the two-pass
        // way, so its errors are exactly those of a parse from memory and tree validation
        // (streaming validation places some, e.g. a broken key reference, on another line).
        if onePass, let root = XMLRootScanner.root(of: bytes)?.name, let chosen = try? schema(root), chosen.screen == nil {
            do {
                return try ValidatingParser.parse(bytes, sourceName: sourceName, limits: limits, schema: chosen,
                                                  namespace: root.namespace)
            } catch {
                switch error {
                case .notValid, .notWellFormed: break
                default: throw error
                }
            }
        }
        return try parsed(bytes, sourceName: sourceName) { document, rootName in
            let chosen = try schema(rootName)
            try chosen.validate(document, sourceName: sourceName, namespace: rootName.namespace)
        }
    }

    /// Reads and converts in-memory bytes with every check but schema validation (size,
    /// well-formedness, no DTD, depth and element limits). Only for a document already known
    /// valid against its schema: a shipped file recognised by its digest (`RecognisedFrameworks`).
    public func readKnownValid(bytes: [UInt8], sourceName: String) throws -> XMLElement {
        if bytes.isEmpty { throw XMLInputError.empty(path: sourceName) }
        if bytes.count > limits.maxFileBytes || bytes.count > Int(Int32.max) {
            throw XMLInputError.tooLarge(path: sourceName, bytes: bytes.count, limit: min(limits.maxFileBytes, Int(Int32.max)))
        }
        return try ValidatingParser.parse(bytes, sourceName: sourceName, limits: limits, schema: nil, namespace: nil)
    }

    /// Parses `bytes` into libxml2's tree, hands it to `check` with the root's name, and
    /// converts it.
    private func parsed(
        _ bytes: [UInt8], sourceName: String, check: (xmlDocPtr, XMLRootName) throws -> Void
    ) throws -> XMLElement {
        let document = try DocumentParser.parse(bytes, sourceName: sourceName, maxDepth: limits.maxDepth,
                                                  maxElements: limits.maxElements, caps: limits.caps)
        defer { xmlFreeDoc(document) }

        guard let root = xmlDocGetRootElement(document) else {
            throw XMLInputError.notWellFormed([XMLDiagnostic(
                location: SourceLocation(file: sourceName, line: 0), message: "the document has no root element")])
        }
        let rootName = XMLRootName(
            localName: LibXML.string(root.pointee.name) ?? "",
            namespace: LibXML.string(root.pointee.ns?.pointee.href))
        try check(document, rootName)
        return try TreeConverter.convert(root, sourceName: sourceName)
    }
}
