public import RespectModel
public import RespectXML

/// One input, read once: its name (a path, or an upload's name), its bytes and their SHA-256.
/// The bytes that are hashed are the bytes that are parsed, so a recorded digest always names
/// what was judged, even if the file changes on disk meanwhile.
public struct InputDocument: Sendable {
    /// The path as given, or the name an upload was sent under; every error names it.
    public var name: String
    public var bytes: [UInt8]
    /// Lowercase hexadecimal SHA-256 of `bytes`.
    public let sha256: String

    /// Wraps bytes received another way (an upload, a test).
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        sha256 = InputFile.sha256(of: bytes)
    }

    /// Reads a file with the reader's checks (a regular file, not empty, within the size limit).
    public static func read(path: String, reader: XMLDocumentReader) throws(DocumentLoadError) -> InputDocument {
        do {
            return InputDocument(name: path, bytes: try reader.bytes(contentsOf: path))
        } catch {
            throw .input(error)
        }
    }

    /// The record of this input in a result: its role, name and digest.
    public func record(role: String) -> InputFile {
        InputFile(role: role, path: name, sha256: sha256)
    }
}

/// Where an input comes from: a file to read, or bytes already in hand.
public enum InputSource: Sendable {
    case file(String)
    case bytes([UInt8], name: String)

    /// The name errors use.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(_, let name): name
        }
    }

    /// The document, read once.
    public func read(with reader: XMLDocumentReader) throws(DocumentLoadError) -> InputDocument {
        switch self {
        case .file(let path): try InputDocument.read(path: path, reader: reader)
        case .bytes(let bytes, let name): InputDocument(name: name, bytes: bytes)
        }
    }
}
