/// Safety limits for reading XML. Every limit error names the limit and how to raise it.
public struct XMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes (default 32 MiB).
    public var maxFileBytes: Int
    /// The deepest element nesting accepted (default 64). libxml2 itself stops at 256 levels.
    public var maxDepth: Int
    /// The most elements accepted in one file (default 500,000), counted while parsing: a file
    /// of millions of tiny elements would otherwise need about 135 bytes of memory per element
    /// before its schema could refuse it.
    public var maxElements: Int
    /// Caps on particular elements (the evidence items of a submission), counted while parsing
    /// like `maxElements`.
    public var caps: [ElementCap]

    /// Creates limits; the defaults suit every genuine framework or submission file.
    public init(maxFileBytes: Int = 32 << 20, maxDepth: Int = 64, maxElements: Int = 500_000, caps: [ElementCap] = []) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.caps = caps
    }

    /// 32 MiB per file, 64 levels of nesting, 500,000 elements.
    public static let `default` = XMLLimits()

    /// Fixed cap on attributes (namespace declarations included) in one start tag.
    /// libxml2 2.9 checks attributes pairwise, so a huge start tag would take hours to parse.
    static let maxAttributesPerElement = 256
}
