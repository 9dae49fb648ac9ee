public import RespectXML
import Foundation

/// The published XSDs, compiled on first use and shared by every reader and thread.
public final class SchemaSet: @unchecked Sendable {
    /// The folder holding `framework-v1.xsd`, `submission-v1.xsd`, ….
    public let directory: String
    /// Whether documents are validated through the validation screen (`ValidationScreening`):
    /// `.whenRecognised` for runs over many documents (a batch), `.never` otherwise.
    public let screening: ValidationScreening
    private let lock = NSLock()
    // Keyed by the kind's raw value: a dictionary keyed by `DocumentKind` itself makes the
    // runtime search the program's conformances for its `Hashable`, 50 µs of a short check.
    private var compiled: [String: XMLSchema] = [:]
    private var digests: [String: String?] = [:]

    /// The XSDs in `directory`; with `screening: .whenRecognised`, those recognised as shipped
    /// validate through the screen (compiled when the first document is validated). Either way
    /// a document is accepted only when libxml2's full validation accepts it.
    public init(directory: String, screening: ValidationScreening = .never) {
        self.directory = directory
        self.screening = screening
    }

    /// The path of a kind's XSD.
    public func path(for kind: DocumentKind) -> String {
        (directory as NSString).appendingPathComponent(kind.schemaFileName)
    }

    /// The SHA-256 of `kind`'s XSD file as it is now (lowercase hexadecimal), without compiling
    /// it; nil when it cannot be read. Read once, then reused, as the compiled schema is.
    public func digest(for kind: DocumentKind) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let known = digests[kind.rawValue] { return known }
        // swift-crypto: RespectXML's own SHA-256 is a tenth as fast, a third of a millisecond here.
        let hex = XMLSchema.fileBytes(of: path(for: kind)).map { InputFile.sha256(of: $0) }
        digests[kind.rawValue] = hex
        return hex
    }

    /// The compiled schema for `kind`; compiled once, then reused.
    public func schema(for kind: DocumentKind) throws(XMLInputError) -> XMLSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = compiled[kind.rawValue] { return schema }
        let schema = try XMLSchema(contentsOf: path(for: kind), screening: screening)
        compiled[kind.rawValue] = schema
        return schema
    }
}
