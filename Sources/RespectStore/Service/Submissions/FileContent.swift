import RespectModel

/// The bytes of a file the service keeps (a submission, a tender, an evidence document), and
/// their SHA-256. Contents are stored once per digest, in the database, so every server process
/// reads the same bytes and an identical upload costs nothing more.
public struct FileContent: Sendable, Hashable {
    public let bytes: [UInt8]
    /// Lowercase hexadecimal SHA-256 of `bytes`.
    public let sha256: String

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        sha256 = InputFile.sha256(of: bytes)
    }

    public var size: Int { bytes.count }
}
