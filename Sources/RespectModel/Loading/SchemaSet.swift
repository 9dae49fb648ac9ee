public import RespectXML
import Foundation

/// The published XSDs, compiled on first use and shared by every reader and thread.
public final class SchemaSet: @unchecked Sendable {
    /// The folder holding `framework-v1.xsd`, `submission-v1.xsd`, ….
    public let directory: String
    private let lock = NSLock()
    private var compiled: [DocumentKind: XMLSchema] = [:]

    public init(directory: String) {
        self.directory = directory
    }

    /// The path of a kind's XSD.
    public func path(for kind: DocumentKind) -> String {
        (directory as NSString).appendingPathComponent(kind.schemaFileName)
    }

    /// The compiled schema for `kind`; compiled once, then reused.
    public func schema(for kind: DocumentKind) throws(XMLInputError) -> XMLSchema {
        lock.lock()
        defer { lock.unlock() }
        if let schema = compiled[kind] { return schema }
        let schema = try XMLSchema(contentsOf: path(for: kind))
        compiled[kind] = schema
        return schema
    }
}
