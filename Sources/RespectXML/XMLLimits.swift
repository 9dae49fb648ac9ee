/// Safety limits for reading XML. Every limit error names the limit and how to raise it.
public struct XMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes (default 32 MiB).
    public var maxFileBytes: Int
    /// The deepest element nesting accepted (default 64). libxml2 itself stops at 256 levels.
    public var maxDepth: Int

    /// Creates limits; the defaults suit every genuine framework or submission file.
    public init(maxFileBytes: Int = 32 << 20, maxDepth: Int = 64) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
    }

    /// 32 MiB per file, 64 levels of nesting.
    public static let `default` = XMLLimits()

    /// Fixed cap on attributes (namespace declarations included) in one start tag.
    /// libxml2 2.9 checks attributes pairwise, so a huge start tag would take hours to parse.
    static let maxAttributesPerElement = 256
}
