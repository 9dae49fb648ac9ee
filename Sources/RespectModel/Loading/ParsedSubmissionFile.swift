import RespectXML

/// A submission file parsed and validated (`DocumentLoader.parseSubmissionInPieces`), not yet
/// made into the model: its path, the SHA-256 of the bytes parsed, and the element tree.
public struct ParsedSubmissionFile: Sendable {
    public let path: String
    /// Lowercase hexadecimal SHA-256 of the bytes parsed.
    public let sha256: String
    /// The tree, without its evidence items.
    let root: XMLElement
    /// The evidence items, read as the parser handed them over.
    let items: HandedOverItems
}
