import Crypto
public import RespectXML

/// A framework, a submission or a tender, as auto-detected from a file's root element.
public enum LoadedDocument: Sendable {
    case framework(Framework)
    case submission(Submission)
    case tender(Tender)
    case crosswalk(Crosswalk)
    case findings(Findings)

    public var kind: DocumentKind {
        switch self {
        case .framework: .framework
        case .submission: .submission
        case .tender: .tender
        case .crosswalk: .crosswalk
        case .findings: .findings
        }
    }
}

/// Reads framework, submission and tender files: hardened parse, XSD validation, then the model.
public struct DocumentLoader: Sendable {
    public let schemas: SchemaSet
    public let reader: XMLDocumentReader
    /// The most evidence items a submission may hold; a submission with more is refused with
    /// an error naming the limit and `--max-evidence-items`.
    public let maxEvidenceItems: Int

    /// The default for `maxEvidenceItems`: far above any genuine evidence pack.
    public static let defaultMaxEvidenceItems = 20_000

    public init(schemas: SchemaSet, limits: XMLLimits = .default, maxEvidenceItems: Int = DocumentLoader.defaultMaxEvidenceItems) {
        self.schemas = schemas
        var limits = limits
        // Counted while parsing, so a file with far too many items is refused before it is
        // validated or converted; SubmissionBuilder checks the count again on the model.
        limits.caps.append(ElementCap(namespace: DocumentKind.submission.namespace, localName: "item", limit: maxEvidenceItems,
                                      document: "the submission", what: "evidence items", option: "--max-evidence-items"))
        self.reader = XMLDocumentReader(limits: limits)
        self.maxEvidenceItems = maxEvidenceItems
    }

    /// Loads a file of any known kind.
    public func load(contentsOf path: String) throws(DocumentLoadError) -> LoadedDocument {
        let (kind, root) = try readValidated(path, expecting: nil)
        switch kind {
        case .framework: return .framework(try FrameworkBuilder(file: path).build(root))
        case .submission: return .submission(try SubmissionBuilder(file: path, maxEvidenceItems: maxEvidenceItems).build(root))
        case .tender: return .tender(try TenderBuilder(file: path).build(root))
        case .crosswalk: return .crosswalk(try CrosswalkBuilder(file: path).build(root))
        case .findings: return .findings(try FindingsBuilder(file: path).build(root))
        }
    }

    /// Loads a framework file.
    public func loadFramework(contentsOf path: String) throws(DocumentLoadError) -> Framework {
        let (_, root) = try readValidated(path, expecting: .framework)
        return try FrameworkBuilder(file: path).build(root)
    }

    /// Loads a submission file.
    public func loadSubmission(contentsOf path: String) throws(DocumentLoadError) -> Submission {
        let (_, root) = try readValidated(path, expecting: .submission)
        return try SubmissionBuilder(file: path, maxEvidenceItems: maxEvidenceItems).build(root)
    }

    /// Loads a submission from bytes already read (see `XMLDocumentReader.bytes(contentsOf:)`);
    /// `path` names the file in every error.
    /// The bytes are consumed: once parsed they are released before the model is built, unless
    /// the caller keeps a copy.
    public func loadSubmission(bytes: consuming [UInt8], path: String) throws(DocumentLoadError) -> Submission {
        let (_, root) = try readValidated(path, bytes: consume bytes, expecting: .submission)
        return try SubmissionBuilder(file: path, maxEvidenceItems: maxEvidenceItems).build(root)
    }

    /// Parses and validates the submission file at `path` in one pass, piece by piece, hashing
    /// it as it is read, so its bytes are never in memory whole (for the largest legal file,
    /// 32 MiB less at the peak), and reading each evidence item as the parser hands it over
    /// (`EvidenceItemReader`), so the tree never holds thousands of items. `build(_:)` makes
    /// the model.
    ///
    /// Nil when the file is to be read whole instead, which gives every error: it is not a
    /// valid submission, cannot be read, or is one the piecewise reading leaves to the whole
    /// reading (see `XMLDocumentReader.readInPieces`); and always when submissions are
    /// validated through a screen (a batch's loader), which needs the whole tree.
    public func parseSubmissionInPieces(path: String) -> ParsedSubmissionFile? {
        // Not tried where it must give way (a screened schema: a batch's), so those files are
        // not opened twice; `readInPieces` itself declines when the reader is not `onePass`.
        guard let schema = try? schemas.schema(for: .submission), !schema.isScreened else { return nil }
        var hasher = SHA256()
        let items = EvidenceItemReader(file: path)
        let root = reader.readInPieces(contentsOf: path, schema: { root throws -> XMLSchema in
            guard DocumentKind(root: root) == .submission else { throw XMLInputError.unknownDocument(path: path, element: root.localName, namespace: root.namespace) }
            return schema
        }, handOff: items.handOff, observe: { hasher.update(bufferPointer: $0) })
        return root.map { ParsedSubmissionFile(path: path, sha256: InputFile.hexadecimal(hasher.finalize()), root: $0, items: items.read) }
    }

    /// The submission of a file parsed by `parseSubmissionInPieces`.
    public func build(_ parsed: ParsedSubmissionFile) throws(DocumentLoadError) -> Submission {
        try SubmissionBuilder(file: parsed.path, maxEvidenceItems: maxEvidenceItems).build(parsed.root, handedOver: parsed.items)
    }

    /// Loads a framework from bytes already read; `path` names the file in every error.
    /// With their digest (`sha256`, lowercase hexadecimal), a shipped framework read beside the
    /// shipped XSD is not validated again (`RecognisedFrameworks`).
    public func loadFramework(bytes: [UInt8], path: String, sha256: String? = nil) throws(DocumentLoadError) -> Framework {
        let knownValid = sha256.map { RecognisedFrameworks.knownValid(sha256: $0, schemaSHA256: schemas.digest(for: .framework)) } ?? false
        let (_, root) = try readValidated(path, bytes: bytes, expecting: .framework, knownValid: knownValid)
        return try FrameworkBuilder(file: path).build(root)
    }

    /// Loads a tender from bytes already read; `path` names the file in every error.
    public func loadTender(bytes: [UInt8], path: String) throws(DocumentLoadError) -> Tender {
        let (_, root) = try readValidated(path, bytes: bytes, expecting: .tender)
        return try TenderBuilder(file: path).build(root)
    }

    /// Loads a crosswalk from bytes already read; `path` names the file in every error.
    public func loadCrosswalk(bytes: [UInt8], path: String) throws(DocumentLoadError) -> Crosswalk {
        let (_, root) = try readValidated(path, bytes: bytes, expecting: .crosswalk)
        return try CrosswalkBuilder(file: path).build(root)
    }

    /// Loads a commissioner's tender requirement file.
    public func loadTender(contentsOf path: String) throws(DocumentLoadError) -> Tender {
        let (_, root) = try readValidated(path, expecting: .tender)
        return try TenderBuilder(file: path).build(root)
    }

    /// Loads a crosswalk (mapping table between two frameworks).
    public func loadCrosswalk(contentsOf path: String) throws(DocumentLoadError) -> Crosswalk {
        let (_, root) = try readValidated(path, expecting: .crosswalk)
        return try CrosswalkBuilder(file: path).build(root)
    }

    /// Loads an assessor's findings file.
    public func loadFindings(contentsOf path: String) throws(DocumentLoadError) -> Findings {
        let (_, root) = try readValidated(path, expecting: .findings)
        return try FindingsBuilder(file: path).build(root)
    }

    /// Loads in-memory bytes of any known kind; `sourceName` names them in every error.
    /// The same checks as for a file apply (size, depth, no DTD, XSD, consistency).
    public func load(bytes: [UInt8], sourceName: String) throws(DocumentLoadError) -> LoadedDocument {
        let (kind, root) = try readValidated(sourceName, bytes: bytes, expecting: nil)
        switch kind {
        case .framework: return .framework(try FrameworkBuilder(file: sourceName).build(root))
        case .submission: return .submission(try SubmissionBuilder(file: sourceName, maxEvidenceItems: maxEvidenceItems).build(root))
        case .tender: return .tender(try TenderBuilder(file: sourceName).build(root))
        case .crosswalk: return .crosswalk(try CrosswalkBuilder(file: sourceName).build(root))
        case .findings: return .findings(try FindingsBuilder(file: sourceName).build(root))
        }
    }

    /// Parses and validates, choosing the schema from the root element.
    ///
    /// `knownValid`: the bytes are a file already known valid against its schema
    /// (`RecognisedFrameworks`), read with every check but schema validation.
    func readValidated(_ path: String, bytes: [UInt8]? = nil, expecting expected: DocumentKind?,
                       knownValid: Bool = false) throws(DocumentLoadError) -> (DocumentKind, XMLElement) {
        var detected: DocumentKind?
        do {
            let kind = { (root: XMLRootName) throws -> DocumentKind in
                guard let kind = DocumentKind(root: root) else {
                    throw XMLInputError.unknownDocument(path: path, element: root.localName, namespace: root.namespace)
                }
                detected = kind
                if let expected, expected != kind {
                    throw DocumentLoadError.wrongKind(path: path, expected: expected, found: kind)
                }
                return kind
            }
            let choose = { (root: XMLRootName) throws -> XMLSchema in try schemas.schema(for: kind(root)) }
            let root: XMLElement
            if knownValid, let bytes {
                root = try reader.readKnownValid(bytes: bytes, sourceName: path)
                _ = try kind(XMLRootName(localName: root.name, namespace: root.namespace))
            } else {
                root = try bytes.map { try reader.read(bytes: $0, sourceName: path, schema: choose) }
                    ?? reader.read(contentsOf: path, schema: choose)
            }
            guard let detected else { throw XMLInputError.unknownDocument(path: path, element: root.name, namespace: root.namespace) }
            return (detected, root)
        } catch let error as DocumentLoadError {
            throw error
        } catch let error as XMLInputError {
            throw .input(error)
        } catch {
            throw .inconsistent([XMLDiagnostic(location: SourceLocation(file: path, line: 0), message: "\(error)")])
        }
    }
}
